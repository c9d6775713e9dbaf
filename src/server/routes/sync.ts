/** Sync protocol v1 routes (ARCHITECTURE 4): hello, push, pull, reconcile, and the wait long poll. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  helloRequestSchema,
  MAX_PUSH_EVENTS,
  PROTOCOL_VERSION,
  pullQuerySchema,
  pushRequestSchema,
  reconcileRequestSchema,
  syncPaths,
  waitQuerySchema,
  type HelloResponse,
} from '../../shared/sync/protocol';
import { streamNames } from '../../shared/sync/streams';
import { terminalCursors } from '../db/schema';
import { HttpProblem, parseOr400 } from '../http-errors';
import { requireTerminal } from '../auth/tokens';
import { applyPush } from '../sync/push';
import { pullStream, reconcile } from '../sync/pull';
import type { ChangeWatcher } from '../sync/watch';
import type { AppContext } from './context';

// Envelopes are checked one by one in applyPush, so one bad event never fails the whole batch.
const pushBodySchema = pushRequestSchema.extend({ events: z.array(z.unknown()).max(MAX_PUSH_EVENTS) });

function checkProtocol(body: unknown): void {
  const p = (body as { protocol?: unknown } | null)?.protocol;
  if (typeof p === 'number' && p !== PROTOCOL_VERSION) {
    throw new HttpProblem(426, 'unsupported-protocol', `Protocol ${p} is not supported; this central speaks ${PROTOCOL_VERSION}. Update the terminal.`);
  }
}

export function registerSyncRoutes(app: FastifyInstance, ctx: AppContext, watcher: ChangeWatcher): void {
  app.post(syncPaths.hello, async (req) => {
    const principal = await ctx.principal(req);
    checkProtocol(req.body);
    const body = parseOr400(helloRequestSchema, req.body, 'hello');
    const who = requireTerminal(principal, body.terminalId);
    const now = ctx.now();
    const [cursor] = await ctx.db
      .insert(terminalCursors)
      .values({ terminalId: who.terminalId, epoch: body.epoch, appVersion: body.appVersion, lastSeenAt: now })
      .onConflictDoUpdate({
        target: [terminalCursors.terminalId, terminalCursors.epoch],
        set: { appVersion: body.appVersion, lastSeenAt: now },
      })
      .returning();
    const answer: HelloResponse = {
      serverTime: now.toISOString(),
      streams: [...streamNames],
      acked: { contiguousSeq: cursor?.contiguousSeq ?? 0, maxSeq: cursor?.maxSeq ?? 0, count: cursor?.eventCount ?? 0 },
      workstationId: who.workstationId,
    };
    return answer;
  });

  app.post(syncPaths.push, async (req) => {
    const principal = await ctx.principal(req);
    checkProtocol(req.body);
    const body = parseOr400(pushBodySchema, req.body, 'push');
    const who = requireTerminal(principal, body.terminalId);
    // The structured push log line is written by the sync guards (sync/guards.ts), refused pushes included.
    return applyPush(ctx.db, { terminalId: who.terminalId, epoch: body.epoch, events: body.events }, ctx.now());
  });

  app.get(syncPaths.pull, async (req) => {
    requireTerminal(await ctx.principal(req));
    const q = parseOr400(pullQuerySchema, req.query, 'pull');
    return pullStream(ctx.db, q.stream, q.cursor, q.limit, ctx.now());
  });

  app.post(syncPaths.reconcile, async (req) => {
    const principal = await ctx.principal(req);
    const body = parseOr400(reconcileRequestSchema, req.body, 'reconcile');
    const who = requireTerminal(principal, body.terminalId);
    for (const r of body.ranges) {
      if (r.toSeq < r.fromSeq) throw new HttpProblem(400, 'invalid-request', `range ${r.fromSeq}-${r.toSeq}: toSeq is below fromSeq`);
    }
    return reconcile(ctx.db, who.terminalId, body, ctx.now());
  });

  // A central notice: held open until a stream changes after `after` (or waitMs passes).
  app.get(syncPaths.wait, async (req, reply) => {
    requireTerminal(await ctx.principal(req));
    const q = parseOr400(waitQuerySchema, req.query, 'wait');
    const gone = new AbortController();
    reply.raw.on('close', () => {
      if (!reply.raw.writableEnded) gone.abort();
    });
    return watcher.wait(Number(q.after), q.waitMs, gone.signal);
  });
}
