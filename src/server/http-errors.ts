/**
 * Every HTTP failure answers `{status:'error', reason, details}` (reasons: httpErrorReasons in
 * shared/sync/protocol.ts). Handlers throw HttpProblem; the app's error handler renders it.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type { httpErrorReasons } from '../shared/sync/protocol';

export type HttpErrorReason = (typeof httpErrorReasons)[number];

export class HttpProblem extends Error {
  constructor(
    readonly statusCode: number,
    readonly reason: HttpErrorReason,
    readonly details: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(details);
  }
}

/** Parses with zod or throws a 400 listing every issue. */
export function parseOr400<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => `${i.path.join('.') || what}: ${i.message}`).join('; ');
    throw new HttpProblem(400, 'invalid-request', `${what}: ${details}`);
  }
  return parsed.data;
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setNotFoundHandler((req, reply) => {
    void reply.code(404).send({ status: 'error', reason: 'not-found', details: `No route ${req.method} ${req.url}` });
  });
  app.setErrorHandler((error: FastifyError | HttpProblem, req, reply) => {
    if (error instanceof HttpProblem) {
      if (error.statusCode >= 500) req.log.error({ err: error }, error.details);
      return reply.code(error.statusCode).send({ status: 'error', reason: error.reason, details: error.details, ...error.extra });
    }
    const code = error.code;
    if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.code(413).send({ status: 'error', reason: 'payload-too-large', details: error.message });
    }
    if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return reply.code(415).send({ status: 'error', reason: 'invalid-request', details: error.message });
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return reply.code(status).send({ status: 'error', reason: status === 429 ? 'rate-limited' : 'invalid-request', details: error.message });
    }
    req.log.error({ err: error }, 'request failed');
    return reply.code(500).send({ status: 'error', reason: 'internal', details: 'Error interno; consulte el registro. / Internal error; see the server log.' });
  });
}
