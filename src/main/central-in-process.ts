/**
 * The embedded central in this very process (the CLI, which runs the sources through tsx).
 * Kept apart from central-process.ts so the Electron bundle does not carry central's code.
 */
import type { CentralStarter } from './central-process';

export const startCentralInProcess: CentralStarter = async (opts) => {
  const { startCentral } = await import('../server/index');
  return startCentral({
    port: opts.port,
    dataDir: opts.dataDir,
    adminToken: opts.adminToken,
    demo: opts.demo,
    logLevel: 'warn',
    ...(opts.today ? { today: opts.today } : {}),
  });
};
