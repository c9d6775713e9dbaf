/**
 * Terminal configuration, one file per data directory: `<dataDir>/terminal.json` holds the central
 * URL, this terminal's credentials (id + token, so the file is written 0600) and its devices.
 * Validated with zod on every read; written atomically so a power cut leaves the old or the new
 * file, never half of one.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { deviceConfigSchema } from '../shared/devices/types';
import { writeFileAtomic } from './fs-atomic';

export const CONFIG_FILE = 'terminal.json';

export const terminalConfigSchema = z.object({
  centralUrl: z.url({ protocol: /^https?$/ }).optional(),
  /** Central runs inside this app from `<dataDir>/central` (newcomer / single-PC setups). */
  embeddedCentral: z.boolean().optional(),
  terminalId: z.string().min(1).optional(),
  token: z.string().min(1).optional(),
  workstationId: z.string().min(1).optional(),
  devices: z.array(deviceConfigSchema).max(32).default([]),
});
export type TerminalConfig = z.infer<typeof terminalConfigSchema>;

export class ConfigError extends Error {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** `--data DIR`, else `TAKT_DATA_DIR`, else `<cwd>/.takt`. */
export function resolveDataDir(opts: { flag?: string | undefined; env?: NodeJS.ProcessEnv; cwd?: string } = {}): string {
  const env = opts.env ?? process.env;
  const cwd = opts.cwd ?? process.cwd();
  if (opts.flag) return resolve(cwd, opts.flag);
  if (env.TAKT_DATA_DIR) return resolve(cwd, env.TAKT_DATA_DIR);
  return resolve(cwd, '.takt');
}

export const configPath = (dataDir: string): string => join(dataDir, CONFIG_FILE);

/** Reads the config; a missing file is an empty config, an unreadable or invalid one a ConfigError. */
export async function loadConfig(dataDir: string): Promise<TerminalConfig> {
  const path = configPath(dataDir);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return terminalConfigSchema.parse({});
    throw new ConfigError(`Cannot read ${path}: ${(e as Error).message}`, path);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ConfigError(`${path} is not valid JSON (${(e as Error).message}). Fix or remove the file.`, path);
  }
  const parsed = terminalConfigSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new ConfigError(`${path} is not a valid terminal configuration: ${issues}`, path);
  }
  return parsed.data;
}

export async function saveConfig(dataDir: string, config: TerminalConfig): Promise<TerminalConfig> {
  const valid = terminalConfigSchema.parse(config);
  await writeFileAtomic(configPath(dataDir), `${JSON.stringify(valid, null, 2)}\n`, 0o600);
  return valid;
}

/** Read-modify-write of the config file. */
export async function updateConfig(dataDir: string, change: (current: TerminalConfig) => TerminalConfig): Promise<TerminalConfig> {
  return saveConfig(dataDir, change(await loadConfig(dataDir)));
}

export function isEnrolled(config: TerminalConfig): config is TerminalConfig & { centralUrl: string; terminalId: string; token: string } {
  return !!config.centralUrl && !!config.terminalId && !!config.token;
}
