/**
 * Errors cross process boundaries as data (IPC, WebSocket), never as thrown exceptions:
 * a thrown Error loses its type on the way. Every code is part of a closed union so the
 * renderer can translate it for the operator.
 */
export const errorCodes = [
  'offline',
  'timeout',
  'unauthorized',
  'forbidden',
  'invalid-request',
  'not-found',
  'conflict',
  'rate-limited',
  'server-error',
  'device-error',
  'not-configured',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface AppError {
  code: ErrorCode;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function err<T = never>(code: ErrorCode, message: string): Result<T> {
  return { ok: false, error: { code, message } };
}

export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(value)}`);
}
