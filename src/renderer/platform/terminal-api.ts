/**
 * The renderer's one door to the machine: `window.takt` when the Electron preload provides it,
 * otherwise browser mode's WebSocket client. Which one is decided once, at startup.
 */
import type { TerminalApi } from '../../shared/api';
import {
  createWebTerminalApi,
  createWebTransport,
  forgetSecret,
  takeSecret,
  webSocketUrl,
  type WebTransport,
} from './web-transport';

export type TerminalApiResolution =
  | { ok: true; api: TerminalApi; mode: 'electron' | 'web'; transport: WebTransport | null }
  | { ok: false; reason: 'missing-secret' };

export function resolveTerminalApi(win: Window = window): TerminalApiResolution {
  if (win.takt) return { ok: true, api: win.takt, mode: 'electron', transport: null };
  let storage: Storage | null;
  try {
    storage = win.sessionStorage;
  } catch {
    storage = null;
  }
  const secret = takeSecret({ location: win.location, history: win.history, storage });
  if (!secret) return { ok: false, reason: 'missing-secret' };
  const transport = createWebTransport({ url: webSocketUrl(win.location, secret) });
  transport.onStateChange((s) => {
    if (s === 'unauthorized') forgetSecret(storage);
  });
  return { ok: true, api: createWebTerminalApi(transport), mode: 'web', transport };
}
