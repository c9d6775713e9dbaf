/**
 * `takt central`: the central plan service on its own (PGlite in DIR, or PostgreSQL by URL).
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { resolveDataDir } from '../../main/config';
import { parse, portNumber, UsageError } from '../args';
import { line, untilSignal, type CliIo } from '../io';

export const help = `Usage: takt central [options]

Runs the central plan service. Needs the admin token in TAKT_ADMIN_TOKEN.

Options:
  --port N             HTTP port (default 4780)
  --host ADDR          address to listen on (default 127.0.0.1)
  --data DIR           PGlite database directory (default: TAKT_DATA_DIR/central, else ./.takt/central)
  --database-url URL   use PostgreSQL at URL instead of PGlite
  --demo               load the demo plant
  -h, --help           show this help
`;

export async function run(argv: string[], io: CliIo): Promise<number> {
  const { values } = parse(argv, {
    port: { type: 'string' },
    host: { type: 'string' },
    data: { type: 'string' },
    'database-url': { type: 'string' },
    demo: { type: 'boolean' },
  });
  if (values.help) {
    io.stdout.write(help);
    return 0;
  }
  const adminToken = process.env.TAKT_ADMIN_TOKEN;
  if (!adminToken || adminToken.trim().length === 0) {
    line(io.stderr, 'TAKT_ADMIN_TOKEN is not set. Central needs an admin token, for example:');
    line(io.stderr, '  TAKT_ADMIN_TOKEN=$(openssl rand -hex 32) npx takt central --demo');
    return 2;
  }
  if (adminToken.trim().length < 16) throw new UsageError('TAKT_ADMIN_TOKEN is too short: use at least 16 characters.');
  const databaseUrl = values['database-url'];
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new UsageError('--database-url must be a postgres:// or postgresql:// URL.');
  }
  const port = portNumber(values.port, '--port', 4780);
  const dataDir = values.data ? resolveDataDir({ flag: values.data }) : join(resolveDataDir(), 'central');

  const stopped = untilSignal();
  if (!databaseUrl) await mkdir(dataDir, { recursive: true });
  const { startCentral } = await import('../../server/index');
  let central: Awaited<ReturnType<typeof startCentral>>;
  try {
    central = await startCentral({
      port,
      host: values.host ?? '127.0.0.1',
      adminToken: adminToken.trim(),
      demo: values.demo ?? false,
      ...(databaseUrl ? { databaseUrl } : { dataDir }),
    });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      line(io.stderr, `Port ${port} is already in use. Choose another with --port.`);
      return 1;
    }
    throw e;
  }
  line(io.stdout, `Central: ${central.url} (${central.database})`);
  if (!databaseUrl) line(io.stdout, `Data: ${dataDir}`);
  await stopped;
  line(io.stderr, 'Stopping central…');
  await central.close();
  return 0;
}
