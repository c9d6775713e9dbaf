/**
 * Browser mode's TerminalApi: JSON messages over one WebSocket to the main process's web server
 * (src/shared/ws-protocol.ts). Requests carry numeric ids and each has its own timeout; when the
 * socket drops, requests in flight fail with `offline` and the client reconnects with backoff.
 * Requests made while a connection attempt is under way wait for it (within their timeout);
 * requests made while waiting to reconnect fail with `offline` at once.
 */
import {
  createTerminalApi,
  type Invoke,
  type PushedChannel,
  type PushedEvents,
  type RequestChannel,
  type Subscribe,
  type TerminalApi,
} from '../../shared/api';
import { err, type Result } from '../../shared/result';
import { SECRET_PARAM, WS_PATH, type WsClientMessage } from '../../shared/ws-protocol';

/** The subset of the browser WebSocket the transport uses (so tests can supply a fake). */
export interface WebSocketLike {
  readonly readyState: number;
  onopen: ((ev: Event) => void) | null;
  onclose: ((ev: CloseEvent) => void) | null;
  onerror: ((ev: Event) => void) | null;
  onmessage: ((ev: MessageEvent) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}
export type WebSocketFactory = (url: string) => WebSocketLike;

export type ConnectionState = 'connecting' | 'open' | 'waiting' | 'unauthorized';

/**
 * Close code the web server uses for a missing or wrong secret (src/main/web/server.ts
 * WS_UNAUTHORIZED). Retrying cannot help: the page needs the current link from `takt web`.
 */
export const WS_UNAUTHORIZED_CLOSE = 4401;

export interface WebTransportOptions {
  url: string;
  createSocket?: WebSocketFactory;
  /** Per-request timeout. */
  requestTimeoutMs?: number;
  /** Reconnect delays: initial, doubled on each failure, capped. */
  reconnectInitialMs?: number;
  reconnectMaxMs?: number;
  log?: (message: string, detail?: unknown) => void;
}

export interface WebTransport {
  invoke: Invoke;
  subscribe: Subscribe;
  readonly state: ConnectionState;
  onStateChange(cb: (s: ConnectionState) => void): () => void;
  /** Closes for good: no reconnects, pending requests fail with `offline`. */
  close(): void;
}

interface Pending {
  resolve: (r: Result<unknown>) => void;
  timer: ReturnType<typeof setTimeout>;
  /** Serialized request, kept while it waits for the socket to open. */
  queued: string | null;
}

const OPEN = 1;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function createWebTransport(opts: WebTransportOptions): WebTransport {
  const createSocket = opts.createSocket ?? ((url: string) => new WebSocket(url));
  const timeoutMs = opts.requestTimeoutMs ?? 30_000;
  const initialDelay = opts.reconnectInitialMs ?? 500;
  const maxDelay = opts.reconnectMaxMs ?? 10_000;
  const log = opts.log ?? ((m: string, d?: unknown) => console.warn(`[web-transport] ${m}`, d ?? ''));

  let socket: WebSocketLike | null = null;
  let state: ConnectionState = 'connecting';
  let closedForGood = false;
  let attempt = 0;
  let reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();
  const listeners = new Map<string, Set<(data: unknown) => void>>();
  const stateListeners = new Set<(s: ConnectionState) => void>();

  const setState = (s: ConnectionState) => {
    if (s === state) return;
    state = s;
    for (const cb of stateListeners) cb(s);
  };

  const settle = (id: number, r: Result<unknown>) => {
    const p = pending.get(id);
    if (!p) return;
    pending.delete(id);
    clearTimeout(p.timer);
    p.resolve(r);
  };

  const failAll = (message: string, code: 'offline' | 'unauthorized' = 'offline') => {
    for (const id of [...pending.keys()]) settle(id, err(code, message));
  };

  const onMessage = (ev: MessageEvent) => {
    let msg: unknown;
    try {
      msg = JSON.parse(String(ev.data));
    } catch {
      log('ignoring a message that is not JSON');
      return;
    }
    if (!isRecord(msg)) return;
    if (msg.t === 'res' && typeof msg.id === 'number' && isRecord(msg.result) && typeof msg.result.ok === 'boolean') {
      const r = msg.result;
      if (r.ok) settle(msg.id, { ok: true, value: r.value });
      else if (isRecord(r.error) && typeof r.error.code === 'string') {
        settle(msg.id, r as Result<unknown>);
      } else settle(msg.id, err('internal', 'malformed error response'));
    } else if (msg.t === 'evt' && typeof msg.channel === 'string') {
      for (const cb of listeners.get(msg.channel) ?? []) {
        try {
          cb(msg.data);
        } catch (e) {
          log(`listener for ${msg.channel} threw`, e);
        }
      }
    }
  };

  const scheduleReconnect = () => {
    if (closedForGood || reconnectTimer) return;
    const delay = Math.min(maxDelay, initialDelay * 2 ** Math.min(attempt, 20));
    attempt += 1;
    setState('waiting');
    reconnectTimer = setTimeout(() => {
      reconnectTimer = null;
      connect();
    }, delay);
  };

  function connect(): void {
    if (closedForGood) return;
    setState('connecting');
    let ws: WebSocketLike;
    try {
      ws = createSocket(opts.url);
    } catch (e) {
      log('could not create the WebSocket', e);
      failAll('could not connect to the terminal service');
      scheduleReconnect();
      return;
    }
    socket = ws;
    ws.onopen = () => {
      if (socket !== ws) return;
      attempt = 0;
      setState('open');
      for (const p of pending.values()) {
        if (p.queued !== null) {
          ws.send(p.queued);
          p.queued = null;
        }
      }
    };
    ws.onmessage = (ev) => {
      if (socket === ws) onMessage(ev);
    };
    ws.onerror = () => {
      // A close event always follows; reconnecting happens there.
    };
    ws.onclose = (ev) => {
      if (socket !== ws) return;
      socket = null;
      if (ev.code === WS_UNAUTHORIZED_CLOSE) {
        closedForGood = true;
        setState('unauthorized');
        failAll('the terminal service refused the access key', 'unauthorized');
        return;
      }
      failAll('the connection to the terminal service was lost');
      scheduleReconnect();
    };
  }

  const invoke = ((channel: RequestChannel, params: unknown) =>
    new Promise<Result<unknown>>((resolve) => {
      if (state === 'unauthorized') {
        resolve(err('unauthorized', 'the terminal service refused the access key'));
        return;
      }
      if (closedForGood || state === 'waiting') {
        resolve(err('offline', 'not connected to the terminal service'));
        return;
      }
      const id = nextId++;
      const message: WsClientMessage = { t: 'req', id, channel, params };
      const data = JSON.stringify(message);
      const timer = setTimeout(
        () => settle(id, err('timeout', `${channel} did not answer within ${timeoutMs} ms`)),
        timeoutMs,
      );
      const isOpen = state === 'open' && socket !== null && socket.readyState === OPEN;
      pending.set(id, { resolve, timer, queued: isOpen ? null : data });
      if (isOpen && socket) {
        try {
          socket.send(data);
        } catch (e) {
          log('send failed', e);
          settle(id, err('offline', 'could not send to the terminal service'));
        }
      }
    })) as Invoke;

  const subscribe = ((channel: PushedChannel, cb: (data: PushedEvents[PushedChannel]) => void) => {
    let set = listeners.get(channel);
    if (!set) {
      set = new Set();
      listeners.set(channel, set);
    }
    const fn = cb as (data: unknown) => void;
    set.add(fn);
    return () => {
      listeners.get(channel)?.delete(fn);
    };
  }) as Subscribe;

  connect();

  return {
    invoke,
    subscribe,
    get state() {
      return state;
    },
    onStateChange(cb) {
      stateListeners.add(cb);
      return () => stateListeners.delete(cb);
    },
    close() {
      closedForGood = true;
      if (reconnectTimer) clearTimeout(reconnectTimer);
      reconnectTimer = null;
      const ws = socket;
      socket = null;
      failAll('the terminal is shutting down');
      ws?.close(1000, 'closing');
    },
  };
}

/** Where the page finds its per-start secret, and how it hides it from the address bar. */
export interface SecretEnvironment {
  location: Pick<Location, 'href' | 'search' | 'protocol' | 'host'>;
  history: Pick<History, 'replaceState' | 'state'>;
  storage: Pick<Storage, 'getItem' | 'setItem'> | null;
}

const SECRET_STORAGE_KEY = 'takt.secret';

/**
 * Reads `?secret=` from the URL (then keeps it in sessionStorage and removes it from the address
 * bar, so it is not left in history or shown over someone's shoulder), or the stored one on reload.
 */
export function takeSecret(env: SecretEnvironment): string | null {
  const url = new URL(env.location.href);
  const fromUrl = url.searchParams.get(SECRET_PARAM);
  if (fromUrl) {
    try {
      env.storage?.setItem(SECRET_STORAGE_KEY, fromUrl);
    } catch {
      // Without storage the secret only lives in memory until the next reload.
    }
    url.searchParams.delete(SECRET_PARAM);
    env.history.replaceState(env.history.state, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  try {
    return env.storage?.getItem(SECRET_STORAGE_KEY) || null;
  } catch {
    return null;
  }
}

/** Forgets a stored secret the server refused, so the next visit asks for the right link. */
export function forgetSecret(storage: Pick<Storage, 'removeItem'> | null): void {
  try {
    storage?.removeItem(SECRET_STORAGE_KEY);
  } catch {
    // Nothing stored, or storage unavailable: nothing to forget.
  }
}

export function webSocketUrl(location: Pick<Location, 'protocol' | 'host'>, secret: string): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}${WS_PATH}?${SECRET_PARAM}=${encodeURIComponent(secret)}`;
}

export function createWebTerminalApi(transport: Pick<WebTransport, 'invoke' | 'subscribe'>): TerminalApi {
  return createTerminalApi(transport.invoke, transport.subscribe);
}
