/**
 * Browser mode's transport for TerminalApi: JSON messages over one WebSocket to the main-process
 * web server (`src/main/web`). The page learns the per-start secret from the `?secret=` query of
 * the URL `takt web` prints, and opens `ws://<host>/api?secret=<secret>`.
 */
import { z } from 'zod';

export const WS_PATH = '/api';
export const SECRET_PARAM = 'secret';

export const wsClientMessageSchema = z.object({
  t: z.literal('req'),
  id: z.number().int().nonnegative(),
  channel: z.string(),
  params: z.unknown().optional(),
});
export type WsClientMessage = z.infer<typeof wsClientMessageSchema>;

export type WsServerMessage =
  | { t: 'res'; id: number; result: { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } } }
  | { t: 'evt'; channel: string; data: unknown };
