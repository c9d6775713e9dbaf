/**
 * Sync protocol v1: the wire contract between a terminal and central (ARCHITECTURE 4).
 * Both ends validate every body with these schemas.
 */
import { z } from 'zod';
import { id } from '../domain/ids';
import { eventEnvelopeSchema } from './events';
import { streamNameSchema } from './streams';

export const PROTOCOL_VERSION = 1;
export const MAX_PUSH_EVENTS = 500;
export const MAX_PUSH_BYTES = 1024 * 1024;
export const DEFAULT_PULL_LIMIT = 1000;
export const MAX_PULL_LIMIT = 5000;

export const syncPaths = {
  hello: '/sync/v1/hello',
  push: '/sync/v1/push',
  pull: '/sync/v1/pull',
  reconcile: '/sync/v1/reconcile',
  /** Long poll: answers as soon as a server-owned stream changes (a "central notice"). */
  wait: '/sync/v1/wait',
} as const;

export const helloRequestSchema = z.object({
  protocol: z.literal(PROTOCOL_VERSION),
  terminalId: id,
  epoch: id,
  appVersion: z.string(),
});
export type HelloRequest = z.infer<typeof helloRequestSchema>;

export const helloResponseSchema = z.object({
  serverTime: z.string(),
  streams: z.array(streamNameSchema),
  /** What central holds for this terminal and epoch, so a reborn or rolled-back client can fix its counters. */
  acked: z.object({ contiguousSeq: z.number().int().nonnegative(), maxSeq: z.number().int().nonnegative(), count: z.number().int().nonnegative() }),
  workstationId: id,
});
export type HelloResponse = z.infer<typeof helloResponseSchema>;

export const pushRequestSchema = z.object({
  protocol: z.literal(PROTOCOL_VERSION),
  terminalId: id,
  epoch: id,
  events: z.array(eventEnvelopeSchema.passthrough()).max(MAX_PUSH_EVENTS),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

export const rejectedEventSchema = z.object({ id: z.string(), reason: z.string(), details: z.string() });
export const pushResponseSchema = z.object({
  serverTime: z.string(),
  accepted: z.number().int().nonnegative(),
  duplicates: z.number().int().nonnegative(),
  /** Highest seq of this epoch such that every seq at or below it is stored at central. */
  ackedSeq: z.number().int().nonnegative(),
  rejected: z.array(rejectedEventSchema),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

export const pullQuerySchema = z.object({
  stream: streamNameSchema,
  cursor: z.string().default('0'),
  limit: z.coerce.number().int().positive().max(MAX_PULL_LIMIT).default(DEFAULT_PULL_LIMIT),
});
export type PullQuery = z.input<typeof pullQuerySchema>;

export const pullChangeSchema = z.object({
  op: z.enum(['put', 'del']),
  key: z.string(),
  row: z.unknown(),
});
export type PullChange = z.infer<typeof pullChangeSchema>;

export const pullResponseSchema = z.union([
  z.object({ reset: z.literal(true), serverTime: z.string().optional() }),
  z.object({
    rows: z.array(pullChangeSchema),
    cursor: z.string(),
    hasMore: z.boolean(),
    serverTime: z.string().optional(),
  }),
]);
export type PullResponse = z.infer<typeof pullResponseSchema>;

/** The longest a wait request is held open; below common proxy idle timeouts (30-60 s). */
export const MAX_WAIT_MS = 25_000;
export const waitQuerySchema = z.object({
  /** The change clock the terminal last saw ('0' on the first call: answers at once). */
  after: z.string().regex(/^\d{1,15}$/, 'after must be a change clock value (digits)'),
  waitMs: z.coerce.number().int().min(0).max(MAX_WAIT_MS).default(MAX_WAIT_MS),
});
export type WaitQuery = z.input<typeof waitQuerySchema>;
export const waitResponseSchema = z.object({
  serverTime: z.string(),
  /** Central's change clock now: the `after` of the next wait. */
  clock: z.string(),
  /** Streams with rows newer than `after` (empty: the wait timed out with nothing new). */
  streams: z.array(streamNameSchema),
});
export type WaitResponse = z.infer<typeof waitResponseSchema>;

export const seqRangeSchema = z.object({
  fromSeq: z.number().int().positive(),
  toSeq: z.number().int().positive(),
  count: z.number().int().nonnegative(),
  /** Hex SHA-256 of the sorted event ids in the range joined by '\n'. */
  hash: z.string(),
});
export const reconcileRequestSchema = z.object({ terminalId: id, epoch: id, ranges: z.array(seqRangeSchema).max(1000) });
export type ReconcileRequest = z.infer<typeof reconcileRequestSchema>;
export const reconcileResponseSchema = z.object({
  serverTime: z.string(),
  missing: z.array(z.object({ fromSeq: z.number().int(), toSeq: z.number().int() })),
});
export type ReconcileResponse = z.infer<typeof reconcileResponseSchema>;

/** Every HTTP failure, sync or API: `{status:'error', reason, details}`. */
export const httpErrorReasons = [
  'invalid-request',
  'invalid-rows',
  'unauthorized',
  'forbidden',
  'not-found',
  'payload-too-large',
  'rate-limited',
  'unsupported-protocol',
  'internal',
] as const;
export const httpErrorSchema = z.object({
  status: z.literal('error'),
  reason: z.string(),
  details: z.string().default(''),
});
export type HttpError = z.infer<typeof httpErrorSchema>;
