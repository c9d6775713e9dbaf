/**
 * One gate for both transports (IPC and WebSocket): a request reaches its handler only for a
 * known channel and with parameters that pass that channel's zod schema. Nothing thrown escapes.
 */
import { requestSchemas, type RequestChannel, type RequestHandlers } from '../shared/api';
import { err, type Result } from '../shared/result';

export function isRequestChannel(channel: unknown): channel is RequestChannel {
  return typeof channel === 'string' && Object.prototype.hasOwnProperty.call(requestSchemas, channel);
}

export async function dispatchRequest(handlers: RequestHandlers, channel: unknown, params: unknown): Promise<Result<unknown>> {
  if (!isRequestChannel(channel)) return err('invalid-request', `Unknown request channel ${JSON.stringify(channel)}.`);
  const parsed = requestSchemas[channel].safeParse(params);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.join('.') || '(params)'}: ${i.message}`)
      .join('; ');
    return err('invalid-request', `Invalid parameters for ${channel}: ${issues}`);
  }
  const handler = handlers[channel] as (p: unknown) => Promise<Result<unknown>>;
  try {
    return await handler(parsed.data);
  } catch (e) {
    return err('internal', `${channel} failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}
