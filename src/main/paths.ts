/**
 * Where the project's files are, for code that runs from the sources (tsx) and from the
 * electron-vite bundle alike: both `src/main/*.ts` and `out/main/index.js` sit two levels below
 * the project root.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = (): string => fileURLToPath(new URL('../..', import.meta.url));
export const rendererOutDir = (): string => join(projectRoot(), 'out', 'renderer');

let version: string | null = null;
export function packageVersion(): string {
  if (version === null) {
    try {
      const pkg = JSON.parse(readFileSync(join(projectRoot(), 'package.json'), 'utf8')) as { version?: unknown };
      version = typeof pkg.version === 'string' ? pkg.version : '0.0.0';
    } catch {
      version = '0.0.0';
    }
  }
  return version;
}
