/** Composes the central Fastify app: error handling, auth, sync and API routes. */
import Fastify, { type FastifyInstance } from 'fastify';
import type { CentralDb } from './db/connect';
import { authenticate } from './auth/tokens';
import { installErrorHandling } from './http-errors';
import { registerApiRoutes } from './routes/api';
import { registerReportRoutes } from './routes/reports';
import { registerSyncRoutes } from './routes/sync';
import { registerSupervisionRoutes } from './supervision/routes';
import { installSyncGuards, rateLimitFromEnv, type RateLimitOptions } from './sync/guards';
import { createChangeWatcher } from './sync/watch';
import { centralVersion } from './version';

export const BODY_LIMIT = 2 * 1024 * 1024;

export interface CentralAppDeps {
  database: CentralDb;
  adminToken: string;
  logLevel?: string;
  /** Clock override for tests. */
  now?: () => Date;
  /** Per-terminal request budget on the sync routes (default: TAKT_RATE_LIMIT_PER_MIN or 600/min). */
  rateLimit?: RateLimitOptions;
}

export function assertAdminToken(token: string): void {
  if (typeof token !== 'string' || token.length < 8) {
    throw new Error('The admin token must have at least 8 characters (TAKT_ADMIN_TOKEN).');
  }
}

export function buildCentralApp(deps: CentralAppDeps): FastifyInstance {
  assertAdminToken(deps.adminToken);
  const app = Fastify({
    logger: { level: deps.logLevel ?? 'info', redact: ['req.headers.authorization'] },
    bodyLimit: BODY_LIMIT,
  });
  installErrorHandling(app);
  const ctx = {
    db: deps.database.db,
    database: deps.database.kind,
    version: centralVersion(),
    now: deps.now ?? (() => new Date()),
    principal: (req: { headers: { authorization?: string } }) => authenticate(deps.database.db, deps.adminToken, req.headers.authorization),
  };
  registerApiRoutes(app, ctx);
  registerReportRoutes(app, ctx);
  registerSupervisionRoutes(app, ctx);
  const watcher = createChangeWatcher(ctx.db, ctx.now);
  // Open waits are answered first, so closing never waits for a long poll to time out.
  app.addHook('preClose', (done) => {
    watcher.close();
    done();
  });
  // Sync routes in their own scope, behind the rate limit and the push size limits.
  void app.register(async (scope) => {
    await installSyncGuards(scope, deps.rateLimit ?? rateLimitFromEnv());
    registerSyncRoutes(scope, ctx, watcher);
  });
  return app;
}
