/**
 * HTTP client for the central plan service (ARCHITECTURE 4 and 5). Every call returns a Result:
 * no network => 'offline', no answer in time => 'timeout', 401 => 'unauthorized', other 4xx carry
 * central's `{status:'error', reason, details}`, 5xx => 'server-error'. Response bodies are
 * validated with the shared schemas; a body that does not match is a 'server-error'.
 */
import { z } from 'zod';
import type { CentralFetchResult } from '../shared/api';
import { err, ok, type AppError, type ErrorCode } from '../shared/result';
import {
  helloResponseSchema,
  httpErrorSchema,
  pullResponseSchema,
  pushResponseSchema,
  reconcileResponseSchema,
  syncPaths,
  waitResponseSchema,
  type HelloRequest,
  type HelloResponse,
  type PullQuery,
  type PullResponse,
  type PushRequest,
  type PushResponse,
  type ReconcileRequest,
  type ReconcileResponse,
  type WaitResponse,
} from '../shared/sync/protocol';

export const DEFAULT_TIMEOUT_MS = 30_000;
/** How much longer than the wait itself a long poll may take before it counts as a timeout. */
export const WAIT_MARGIN_MS = 10_000;

/** An AppError with what central said, when it said something. */
export interface CentralError extends AppError {
  status?: number;
  reason?: string;
  details?: string;
  /** From a 429/503 `Retry-After` header: how long central asked us to wait (the sync backoff honours it). */
  retryAfterMs?: number;
}

/** `Retry-After` as milliseconds: delta-seconds or an HTTP date (RFC 9110 10.2.3); undefined when absent or invalid. */
export function parseRetryAfter(value: string | null, nowMs = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

export type CentralResult<T> = { ok: true; value: T } | { ok: false; error: CentralError };

export const enrolResponseSchema = z.object({ terminalId: z.string().min(1), token: z.string().min(1) });
export type EnrolResponse = z.infer<typeof enrolResponseSchema>;
export const healthResponseSchema = z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']), version: z.string() });
export type HealthResponse = z.infer<typeof healthResponseSchema>;

export interface CentralClientOptions {
  baseUrl: string;
  token?: string | undefined;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export interface CentralClient {
  readonly baseUrl: string;
  health(): Promise<CentralResult<HealthResponse>>;
  hello(body: HelloRequest): Promise<CentralResult<HelloResponse>>;
  push(body: PushRequest): Promise<CentralResult<PushResponse>>;
  pull(query: { stream: PullQuery['stream']; cursor?: string; limit?: number }): Promise<CentralResult<PullResponse>>;
  reconcile(body: ReconcileRequest): Promise<CentralResult<ReconcileResponse>>;
  /** The long poll for central notices: held up to `waitMs`, so its timeout is that plus a margin. */
  wait(query: { after: string; waitMs: number }, signal?: AbortSignal): Promise<CentralResult<WaitResponse>>;
  /** GET any central path with this terminal's token: JSON parsed, files (CSV/XLSX/PDF) as base64. */
  fetchPath(path: string): Promise<CentralResult<CentralFetchResult>>;
  /** POST /api/v1/terminals with the admin token. */
  enrolTerminal(adminToken: string, body: { workstationId: string; name: string }): Promise<CentralResult<EnrolResponse>>;
}

function statusCode(status: number): ErrorCode {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 408) return 'timeout';
  if (status === 409) return 'conflict';
  if (status === 429) return 'rate-limited';
  if (status >= 500) return 'server-error';
  return 'invalid-request';
}

function parseJson(text: string): unknown {
  if (text.length === 0) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function createCentralClient(options: CentralClientOptions): CentralClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const doFetch = options.fetch ?? fetch;

  async function call<T>(
    method: 'GET' | 'POST',
    path: string,
    schema: z.ZodType<T>,
    opts: { body?: unknown; token?: string | undefined; timeoutMs?: number; signal?: AbortSignal | undefined } = {},
  ): Promise<CentralResult<T>> {
    const token = opts.token ?? options.token;
    const limitMs = opts.timeoutMs ?? timeoutMs;
    const headers: Record<string, string> = { accept: 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    const url = `${baseUrl}${path}`;
    let response: Response;
    let text: string;
    try {
      response = await doFetch(url, {
        method,
        headers,
        body: opts.body === undefined ? null : JSON.stringify(opts.body),
        signal: opts.signal ? AbortSignal.any([AbortSignal.timeout(limitMs), opts.signal]) : AbortSignal.timeout(limitMs),
      });
      text = await response.text();
    } catch (e) {
      const name = e instanceof Error ? e.name : '';
      if (name === 'TimeoutError' || name === 'AbortError') {
        return err('timeout', `Central did not answer within ${Math.round(limitMs / 1000)} s (${url}).`);
      }
      const cause = e instanceof Error && e.cause instanceof Error ? `: ${e.cause.message}` : e instanceof Error ? `: ${e.message}` : '';
      return err('offline', `Cannot reach central at ${baseUrl}${cause}`);
    }

    const json = parseJson(text);

    if (!response.ok) {
      const body = httpErrorSchema.safeParse(json);
      const code = statusCode(response.status);
      const error: CentralError = {
        code,
        status: response.status,
        message: body.success ? body.data.details || body.data.reason : `Central answered HTTP ${response.status} for ${method} ${path}`,
      };
      if (body.success) {
        error.reason = body.data.reason;
        error.details = body.data.details;
      }
      const retryAfterMs = response.status === 429 || response.status === 503 ? parseRetryAfter(response.headers.get('retry-after')) : undefined;
      if (retryAfterMs !== undefined) error.retryAfterMs = retryAfterMs;
      if (code === 'unauthorized' && !body.success) error.message = 'Central refused this terminal\u2019s credentials (HTTP 401). Enrol the terminal again.';
      return { ok: false, error };
    }

    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      const where = first ? `${first.path.join('.') || '(root)'}: ${first.message}` : 'unexpected body';
      return { ok: false, error: { code: 'server-error', status: response.status, message: `Central sent an unexpected answer to ${method} ${path} (${where}).` } };
    }
    return ok(parsed.data);
  }

  async function fetchPath(path: string): Promise<CentralResult<CentralFetchResult>> {
    const headers: Record<string, string> = { accept: 'application/json, text/csv, application/pdf, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    const url = `${baseUrl}${path}`;
    let response: Response;
    let bytes: Buffer;
    try {
      response = await doFetch(url, { method: 'GET', headers, signal: AbortSignal.timeout(timeoutMs) });
      bytes = Buffer.from(await response.arrayBuffer());
    } catch (e) {
      const name = e instanceof Error ? e.name : '';
      if (name === 'TimeoutError' || name === 'AbortError') {
        return err('timeout', `Central did not answer within ${Math.round(timeoutMs / 1000)} s (${url}).`);
      }
      return err('offline', `Cannot reach central at ${baseUrl}: ${e instanceof Error ? e.message : String(e)}`);
    }
    const contentType = response.headers.get('content-type') ?? 'application/octet-stream';
    if (!response.ok) {
      const body = httpErrorSchema.safeParse(parseJson(bytes.toString('utf8')));
      const error: CentralError = {
        code: statusCode(response.status),
        status: response.status,
        message: body.success ? body.data.details || body.data.reason : `Central answered HTTP ${response.status} for GET ${path}`,
      };
      if (body.success) {
        error.reason = body.data.reason;
        error.details = body.data.details;
      }
      return { ok: false, error };
    }
    if (contentType.startsWith('application/json')) {
      const json = parseJson(bytes.toString('utf8'));
      if (json === undefined) return { ok: false, error: { code: 'server-error', status: response.status, message: `Central sent invalid JSON for GET ${path}.` } };
      return ok({ kind: 'json', json });
    }
    const disposition = response.headers.get('content-disposition') ?? '';
    const name = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? null;
    return ok({ kind: 'file', contentType, fileName: name, base64: bytes.toString('base64') });
  }

  return {
    baseUrl,
    fetchPath,
    health: () => call('GET', '/api/v1/health', healthResponseSchema),
    hello: (body) => call('POST', syncPaths.hello, helloResponseSchema, { body }),
    push: (body) => call('POST', syncPaths.push, pushResponseSchema, { body }),
    pull: (query) => {
      const params = new URLSearchParams({ stream: query.stream });
      if (query.cursor !== undefined) params.set('cursor', query.cursor);
      if (query.limit !== undefined) params.set('limit', String(query.limit));
      return call('GET', `${syncPaths.pull}?${params.toString()}`, pullResponseSchema);
    },
    reconcile: (body) => call('POST', syncPaths.reconcile, reconcileResponseSchema, { body }),
    wait: ({ after, waitMs }, signal) =>
      call('GET', `${syncPaths.wait}?${new URLSearchParams({ after, waitMs: String(waitMs) }).toString()}`, waitResponseSchema, {
        timeoutMs: waitMs + WAIT_MARGIN_MS,
        signal,
      }),
    enrolTerminal: (adminToken, body) => call('POST', '/api/v1/terminals', enrolResponseSchema, { body, token: adminToken }),
  };
}
