import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Two at a time even on a 2-core machine (vitest's default there is one): most files spend their
    // time importing, starting PGlite or waiting on sockets, not on the CPU.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/{shared,main,server,cli}/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'renderer',
          include: ['src/renderer/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['test/setup/renderer.ts'],
          // Whole-screen tests walk several steps of live queries; on a loaded 2-core CI machine one
          // can pass 5 s (vitest's default) without anything being wrong. Each wait inside has its own bound.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One PostgreSQL cluster and one migrated PGlite template for the whole run.
          globalSetup: ['test/integration/support/global-setup.ts'],
        },
      },
    ],
  },
});
