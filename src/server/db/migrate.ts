/**
 * Applies ./migrations/*.sql in name order, once each, recording them in `takt_migrations`.
 * Each file runs in one transaction, statement by statement (split on drizzle-kit's
 * `--> statement-breakpoint` marker), so it behaves the same on PGlite and PostgreSQL. An
 * advisory lock keeps two central processes starting at once from racing.
 */
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { Db } from './connect';
import { rowsOf } from './connect';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));
const LOCK_KEY = 7_451_001;

export async function runMigrations(db: Db, dir = MIGRATIONS_DIR): Promise<string[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
  const applied: string[] = [];
  await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${LOCK_KEY})`);
    await tx.execute(
      sql`CREATE TABLE IF NOT EXISTS takt_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const done = new Set(
      rowsOf<{ name: string }>(await tx.execute(sql`SELECT name FROM takt_migrations`)).map((r) => r.name),
    );
    for (const file of files) {
      if (done.has(file)) continue;
      const text = await readFile(`${dir}/${file}`, 'utf8');
      for (const statement of splitStatements(text)) await tx.execute(sql.raw(statement));
      await tx.execute(sql`INSERT INTO takt_migrations (name) VALUES (${file})`);
      applied.push(file);
    }
  });
  return applied;
}

export function splitStatements(text: string): string[] {
  return text
    .split('--> statement-breakpoint')
    .map((s) =>
      s
        .split('\n')
        .filter((line) => !line.trim().startsWith('--'))
        .join('\n')
        .trim(),
    )
    .filter((s) => s.length > 0);
}
