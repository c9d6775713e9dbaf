/**
 * Getting a terminal to a working state, for Electron and the CLI alike (plain Node).
 * With no central configured, central runs embedded from `<dataDir>/central` with the demo plant,
 * its admin token kept in `<dataDir>/admin-token` (0600), and this terminal enrols itself, so a
 * newcomer sees a working plant at once. With an external central, enrolment needs the admin token.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { createCentralClient } from './central-client';
import { isEnrolled, loadConfig, saveConfig, type TerminalConfig } from './config';
import type { CentralStarter } from './central-process';
import { writeFileAtomic } from './fs-atomic';

export const DEFAULT_WORKSTATION = 'WS-M1-01';
export const DEFAULT_CENTRAL_PORT = 4780;
export const ADMIN_TOKEN_FILE = 'admin-token';

/** A problem the person starting Takt has to fix; the message says how. */
export class BootstrapError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BootstrapError';
  }
}

export interface EmbeddedCentral {
  url: string;
  port: number;
  database: 'pglite' | 'postgres';
  close(): Promise<void>;
}

export interface LocalTerminal {
  config: TerminalConfig;
  /** Set when central runs inside this process; close it on shutdown. */
  central?: EmbeddedCentral;
}

export interface EnsureLocalTerminalOptions {
  dataDir: string;
  /** An external central; omitted => the configured one, or an embedded one. */
  centralUrl?: string | undefined;
  workstationId?: string | undefined;
  /** Admin token for enrolling with an external central (default: TAKT_ADMIN_TOKEN). */
  adminToken?: string | undefined;
  /** First port tried for an embedded central. */
  centralPort?: number;
  /** Demo "today" override for an embedded central (tests). */
  today?: string;
  /** How to run an embedded central (in this process for the CLI, a child process for Electron). */
  startCentral: CentralStarter;
  log?: (message: string) => void;
}

/** Is `port` free on `host`? */
export function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });
}

export async function findFreePort(first: number, host = '127.0.0.1', attempts = 20): Promise<number> {
  for (let port = first; port < first + attempts; port++) {
    if (await isPortFree(port, host)) return port;
  }
  throw new BootstrapError(`No free port between ${first} and ${first + attempts - 1} on ${host}.`);
}

/** The embedded central's admin token, created (random, 0600) on first use. */
export async function embeddedAdminToken(dataDir: string): Promise<string> {
  const path = join(dataDir, ADMIN_TOKEN_FILE);
  try {
    const token = (await readFile(path, 'utf8')).trim();
    if (token.length >= 16) {
      await chmod(path, 0o600).catch(() => undefined);
      return token;
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  const token = randomBytes(32).toString('base64url');
  await writeFileAtomic(path, `${token}\n`, 0o600);
  return token;
}

export function enrolCommandHint(opts: { centralUrl: string; workstationId: string; dataDir: string }): string {
  return `TAKT_ADMIN_TOKEN=<admin token> npx takt enrol --workstation ${opts.workstationId} --central ${opts.centralUrl} --data ${opts.dataDir}`;
}

/** POST /api/v1/terminals and save the credentials; throws BootstrapError with what went wrong. */
export async function enrolTerminal(opts: {
  dataDir: string;
  config: TerminalConfig;
  centralUrl: string;
  workstationId: string;
  adminToken: string;
  embeddedCentral: boolean;
}): Promise<TerminalConfig> {
  const client = createCentralClient({ baseUrl: opts.centralUrl });
  const result = await client.enrolTerminal(opts.adminToken, { workstationId: opts.workstationId, name: `${opts.workstationId} (${hostname()})` });
  if (!result.ok) {
    const why = result.error.code === 'unauthorized' ? 'the admin token was refused' : result.error.message;
    throw new BootstrapError(`Could not enrol workstation ${opts.workstationId} with central at ${opts.centralUrl}: ${why}`);
  }
  return saveConfig(opts.dataDir, {
    ...opts.config,
    centralUrl: client.baseUrl,
    embeddedCentral: opts.embeddedCentral,
    terminalId: result.value.terminalId,
    token: result.value.token,
    workstationId: opts.workstationId,
  });
}

async function startEmbeddedCentral(start: CentralStarter, dataDir: string, firstPort: number, today: string | undefined): Promise<EmbeddedCentral> {
  const adminToken = await embeddedAdminToken(dataDir);
  const centralDir = join(dataDir, 'central');
  await mkdir(centralDir, { recursive: true });
  let lastError: unknown = null;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await findFreePort(firstPort);
    try {
      return await start({ port, dataDir: centralDir, adminToken, demo: true, today });
    } catch (e) {
      // Someone took the port between the probe and the listen: probe again.
      if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw e;
      lastError = e;
    }
  }
  throw lastError instanceof Error ? lastError : new BootstrapError('Could not start the embedded central.');
}

export async function ensureLocalTerminal(opts: EnsureLocalTerminalOptions): Promise<LocalTerminal> {
  const log = opts.log ?? (() => undefined);
  await mkdir(opts.dataDir, { recursive: true });
  let config = await loadConfig(opts.dataDir);
  const wantedWorkstation = opts.workstationId ?? config.workstationId ?? DEFAULT_WORKSTATION;
  const wantsOtherWorkstation = opts.workstationId !== undefined && opts.workstationId !== config.workstationId;

  const external = opts.centralUrl ?? (config.centralUrl && !config.embeddedCentral ? config.centralUrl : undefined);
  if (external) {
    const sameCentral = !!config.centralUrl && config.centralUrl.replace(/\/+$/, '') === external.replace(/\/+$/, '');
    if (isEnrolled(config) && sameCentral && !wantsOtherWorkstation) return { config };
    const adminToken = opts.adminToken ?? process.env.TAKT_ADMIN_TOKEN;
    if (!adminToken) {
      throw new BootstrapError(
        `This terminal is not enrolled with central at ${external} as ${wantedWorkstation}. Set TAKT_ADMIN_TOKEN, or enrol it first:\n  ${enrolCommandHint({ centralUrl: external, workstationId: wantedWorkstation, dataDir: opts.dataDir })}`,
      );
    }
    log(`Enrolling workstation ${wantedWorkstation} with central at ${external}…`);
    config = await enrolTerminal({ dataDir: opts.dataDir, config, centralUrl: external, workstationId: wantedWorkstation, adminToken, embeddedCentral: false });
    return { config };
  }

  // Embedded central. A brand-new central database knows no terminal: enrol again.
  const isFreshCentral = !existsSync(join(opts.dataDir, 'central'));
  log('Starting the embedded central with the demo plant…');
  const central = await startEmbeddedCentral(opts.startCentral, opts.dataDir, opts.centralPort ?? DEFAULT_CENTRAL_PORT, opts.today);
  try {
    if (!isEnrolled(config) || isFreshCentral || wantsOtherWorkstation) {
      config = await enrolTerminal({
        dataDir: opts.dataDir,
        config,
        centralUrl: central.url,
        workstationId: wantedWorkstation,
        adminToken: await embeddedAdminToken(opts.dataDir),
        embeddedCentral: true,
      });
      log(`Enrolled this terminal as ${config.terminalId} (workstation ${wantedWorkstation}).`);
    } else if (config.centralUrl !== central.url || !config.embeddedCentral) {
      // Same database, another port this time.
      config = await saveConfig(opts.dataDir, { ...config, centralUrl: central.url, embeddedCentral: true });
    }
    return { config, central };
  } catch (e) {
    await central.close().catch(() => undefined);
    throw e;
  }
}
