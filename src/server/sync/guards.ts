/**
 * Guards around the sync routes (ARCHITECTURE 4): per-terminal rate limits, the push size limits
 * (at most MAX_PUSH_EVENTS events and MAX_PUSH_BYTES of JSON, else 413 payload-too-large) and one
 * structured log line per push. Persists nothing: the rate-limit counters live in this process's
 * memory, so with several central processes behind one database each keeps its own count.
 */
import { createHash } from 'node:crypto';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { MAX_PUSH_BYTES, MAX_PUSH_EVENTS, syncPaths } from '../../shared/sync/protocol';
import { bearerToken } from '../auth/tokens';
import { HttpProblem } from '../http-errors';

export interface RateLimitOptions {
  /** Requests allowed per terminal token in each window. */
  max: number;
  timeWindowMs: number;
}

/** Generous: a terminal draining a week offline sends 500-event batches back to back. */
export const DEFAULT_RATE_LIMIT: RateLimitOptions = { max: 600, timeWindowMs: 60_000 };

/** TAKT_RATE_LIMIT_PER_MIN overrides the default request budget per terminal (0 or invalid: default). */
export function rateLimitFromEnv(env: NodeJS.ProcessEnv = process.env): RateLimitOptions {
  const n = Number(env.TAKT_RATE_LIMIT_PER_MIN);
  return Number.isInteger(n) && n > 0 ? { max: n, timeWindowMs: 60_000 } : DEFAULT_RATE_LIMIT;
}

/** The rate-limit bucket of a request: its bearer token (hashed, never kept in clear), else its address. */
export function rateLimitKey(req: Pick<FastifyRequest, 'headers' | 'ip'>): string {
  const token = bearerToken(req.headers.authorization);
  return token ? `t:${createHash('sha256').update(token).digest('hex')}` : `ip:${req.ip}`;
}

interface PushSummary {
  accepted?: unknown;
  duplicates?: unknown;
  ackedSeq?: unknown;
  rejected?: unknown;
  reason?: unknown;
}

function summarise(payload: unknown): PushSummary {
  if (typeof payload !== 'string' || payload.length > 4 * 1024 * 1024) return {};
  try {
    const parsed: unknown = JSON.parse(payload);
    return parsed && typeof parsed === 'object' ? parsed : {};
  } catch {
    return {};
  }
}

function pushBodyFacts(body: unknown): { terminalId?: string; epoch?: string; events?: number } {
  if (!body || typeof body !== 'object') return {};
  const b = body as Record<string, unknown>;
  return {
    ...(typeof b.terminalId === 'string' ? { terminalId: b.terminalId } : {}),
    ...(typeof b.epoch === 'string' ? { epoch: b.epoch } : {}),
    ...(Array.isArray(b.events) ? { events: b.events.length } : {}),
  };
}

/**
 * Installs the guards on `scope`; the sync routes must be registered on the same scope afterwards
 * (the body limit and the rate limit attach to routes as they are declared).
 */
export async function installSyncGuards(scope: FastifyInstance, limits: RateLimitOptions = DEFAULT_RATE_LIMIT): Promise<void> {
  await scope.register(rateLimit, {
    max: limits.max,
    timeWindow: limits.timeWindowMs,
    keyGenerator: rateLimitKey,
    errorResponseBuilder: (_req, ctx) =>
      new HttpProblem(
        429,
        'rate-limited',
        `Demasiadas peticiones de este terminal; reintente en ${ctx.after}. / Too many requests from this terminal; retry in ${ctx.after}.`,
      ),
  });

  scope.addHook('onRoute', (route) => {
    if (route.url === syncPaths.push && route.method === 'POST') route.bodyLimit = MAX_PUSH_BYTES;
  });

  scope.addHook('preValidation', async (req: FastifyRequest) => {
    if (req.routeOptions.url !== syncPaths.push) return;
    const { events } = pushBodyFacts(req.body);
    if (events !== undefined && events > MAX_PUSH_EVENTS) {
      throw new HttpProblem(
        413,
        'payload-too-large',
        `Un envío admite como máximo ${MAX_PUSH_EVENTS} eventos (llegaron ${events}). / A push carries at most ${MAX_PUSH_EVENTS} events (got ${events}).`,
      );
    }
  });

  // One line per push, whatever its outcome (applied, refused, rate-limited, failed).
  scope.addHook('onSend', async (req: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if (req.routeOptions.url !== syncPaths.push || req.method !== 'POST') return payload;
    const facts = pushBodyFacts(req.body);
    const answer = summarise(payload);
    const ok = reply.statusCode < 400;
    req.log.info(
      {
        push: true,
        terminalId: facts.terminalId ?? null,
        epoch: facts.epoch ?? null,
        events: facts.events ?? null,
        status: reply.statusCode,
        accepted: ok ? answer.accepted : 0,
        duplicates: ok ? answer.duplicates : 0,
        rejected: ok && Array.isArray(answer.rejected) ? answer.rejected.length : 0,
        ackedSeq: ok ? answer.ackedSeq : null,
        ...(ok ? {} : { reason: answer.reason }),
        ms: Math.round(reply.elapsedTime * 10) / 10,
      },
      ok ? 'push' : 'push refused',
    );
    return payload;
  });
}
