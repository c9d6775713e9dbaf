/**
 * Terminal enrolment and bearer-token checks. Persists terminals in `terminals`, keeping only
 * the SHA-256 of each token; the token itself is shown once, at enrolment.
 */
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { terminals } from '../db/schema';
import type { Db } from '../db/connect';
import { getWorkstation } from '../db/master';
import { HttpProblem } from '../http-errors';

export type Principal = { kind: 'admin' } | { kind: 'terminal'; terminalId: string; workstationId: string };

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return m?.[1] ?? null;
}

function sameSecret(a: string, b: string): boolean {
  // Compare digests so the comparison takes the same time whatever the lengths.
  return timingSafeEqual(Buffer.from(sha256Hex(a), 'hex'), Buffer.from(sha256Hex(b), 'hex'));
}

export async function authenticate(db: Db, adminToken: string, header: string | undefined): Promise<Principal> {
  const token = bearerToken(header);
  if (!token) {
    throw new HttpProblem(401, 'unauthorized', 'Falta el token (Authorization: Bearer ...). / Missing bearer token (Authorization: Bearer ...).');
  }
  if (sameSecret(token, adminToken)) return { kind: 'admin' };
  const [t] = await db
    .select({ id: terminals.id, workstationId: terminals.workstationId })
    .from(terminals)
    .where(and(eq(terminals.tokenHash, sha256Hex(token)), isNull(terminals.revokedAt)));
  if (!t) throw new HttpProblem(401, 'unauthorized', 'Token no válido. / Invalid or revoked token.');
  return { kind: 'terminal', terminalId: t.id, workstationId: t.workstationId };
}

export function requireAdmin(p: Principal): void {
  if (p.kind !== 'admin') {
    throw new HttpProblem(403, 'forbidden', 'Solo un administrador puede hacer esto. / This needs the admin token.');
  }
}

export function requireTerminal(p: Principal, terminalId?: string): Extract<Principal, { kind: 'terminal' }> {
  if (p.kind !== 'terminal') throw new HttpProblem(403, 'forbidden', 'Esto requiere un token de terminal. / This needs a terminal token.');
  if (terminalId !== undefined && terminalId !== p.terminalId) {
    throw new HttpProblem(403, 'forbidden', `El token es del terminal ${p.terminalId}, no de ${terminalId}. / The token belongs to terminal ${p.terminalId}, not ${terminalId}.`);
  }
  return p;
}

export async function enrolTerminal(db: Db, workstationId: string, name: string): Promise<{ terminalId: string; token: string }> {
  const ws = await getWorkstation(db, workstationId);
  if (!ws) {
    throw new HttpProblem(
      422,
      'invalid-request',
      `El puesto ${workstationId} no existe en la planta importada. / Workstation ${workstationId} is not in the imported plant.`,
    );
  }
  const terminalId = `T-${randomUUID()}`;
  const token = `takt_${randomBytes(32).toString('base64url')}`;
  await db.insert(terminals).values({ id: terminalId, workstationId, name, tokenHash: sha256Hex(token) });
  return { terminalId, token };
}
