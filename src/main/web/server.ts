/**
 * Browser mode: serves the built renderer over HTTP and the TerminalApi over one WebSocket per
 * page (src/shared/ws-protocol.ts). Bound to 127.0.0.1 unless told otherwise. Each start makes a
 * random secret; a WebSocket without it is closed with 4401 before any message is read.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { pushedChannels, type RequestHandlers, type Subscribe, type Unsubscribe } from '../../shared/api';
import { SECRET_PARAM, WS_PATH, wsClientMessageSchema, type WsServerMessage } from '../../shared/ws-protocol';
import { dispatchRequest } from '../dispatch';
import { securityHeaders, serveStatic } from './static';

export const WS_UNAUTHORIZED = 4401;
/** Push batches are capped at 1 MB by the sync protocol; leave room for the envelope. */
const MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

export interface WebServerOptions {
  host?: string;
  port?: number;
  /** Try the next ports when `port` is taken (at most this many more). */
  portAttempts?: number;
  handlers: RequestHandlers;
  subscribe: Subscribe;
  rendererDir: string;
  /** Fixed secret (tests); a random one otherwise. */
  secret?: string;
  log?: (message: string) => void;
}

export interface WebServer {
  /** The address to open, with `?secret=...`. */
  url: string;
  port: number;
  host: string;
  secret: string;
  close(): Promise<void>;
}

function secretMatches(expected: Buffer, given: string | null): boolean {
  if (given === null) return false;
  const g = Buffer.from(given, 'utf8');
  // timingSafeEqual needs equal lengths; compare against itself to keep timing flat on a length miss.
  if (g.length !== expected.length) {
    timingSafeEqual(expected, expected);
    return false;
  }
  return timingSafeEqual(expected, g);
}

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (e: Error) => {
      server.off('listening', onListening);
      reject(e);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

/** Listens on `port`, or the next free one within `attempts`. */
export async function listenWithFallback(server: Server, host: string, port: number, attempts: number): Promise<number> {
  for (let i = 0; ; i++) {
    try {
      return await listen(server, host, port === 0 ? 0 : port + i);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'EADDRINUSE' || port === 0 || i >= attempts) throw e;
    }
  }
}

function originHostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

export const formatHostForUrl = (host: string): string => (host.includes(':') ? `[${host}]` : host);

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const host = options.host ?? '127.0.0.1';
  const log = options.log ?? (() => undefined);
  const secret = options.secret ?? randomBytes(24).toString('base64url');
  const expected = Buffer.from(secret, 'utf8');
  const clients = new Set<WebSocket>();

  const server = createServer((req, res) => {
    serveStatic(options.rendererDir, req, res).catch((e: unknown) => {
      log(`web: ${req.url ?? ''}: ${e instanceof Error ? e.message : String(e)}`);
      if (!res.headersSent) res.writeHead(500, securityHeaders(req));
      res.end();
    });
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });

  const refuse = (socket: Duplex, status: number, text: string): void => {
    socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  };

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      refuse(socket, 400, 'Bad Request');
      return;
    }
    if (url.pathname !== WS_PATH) {
      refuse(socket, 404, 'Not Found');
      return;
    }
    // A page from another site must not drive this terminal even if it guessed the port.
    const origin = req.headers.origin;
    if (origin !== undefined) {
      if (originHostOf(origin) !== req.headers.host) {
        refuse(socket, 403, 'Forbidden');
        return;
      }
    }
    const authorised = secretMatches(expected, url.searchParams.get(SECRET_PARAM));
    wss.handleUpgrade(req, socket, head, (ws) => {
      if (!authorised) {
        ws.close(WS_UNAUTHORIZED, 'missing or wrong secret');
        return;
      }
      accept(ws);
    });
  });

  const sendTo = (ws: WebSocket, message: WsServerMessage): void => {
    if (ws.readyState !== ws.OPEN) return;
    ws.send(JSON.stringify(message), (e) => {
      if (e) log(`web: send failed: ${e.message}`);
    });
  };

  function accept(ws: WebSocket): void {
    clients.add(ws);
    ws.on('close', () => clients.delete(ws));
    ws.on('error', (e) => log(`web: socket error: ${e.message}`));
    ws.on('message', (data: RawData, isBinary: boolean) => {
      void handleMessage(ws, data, isBinary);
    });
  }

  async function handleMessage(ws: WebSocket, data: RawData, isBinary: boolean): Promise<void> {
    let json: unknown;
    try {
      if (isBinary) throw new Error('binary');
      const text = Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.from(data as ArrayBuffer).toString('utf8');
      json = JSON.parse(text);
    } catch {
      log('web: dropped a message that is not JSON text');
      return;
    }
    const message = wsClientMessageSchema.safeParse(json);
    if (!message.success) {
      const id = (json as { id?: unknown } | null)?.id;
      if (typeof id === 'number' && Number.isInteger(id) && id >= 0) {
        sendTo(ws, { t: 'res', id, result: { ok: false, error: { code: 'invalid-request', message: 'Malformed request message.' } } });
      } else log('web: dropped a malformed message');
      return;
    }
    const { id, channel, params } = message.data;
    const result = await dispatchRequest(options.handlers, channel, params);
    sendTo(ws, { t: 'res', id, result });
  }

  const unsubscribers: Unsubscribe[] = pushedChannels.map((channel) =>
    options.subscribe(channel, (data) => {
      const message = JSON.stringify({ t: 'evt', channel, data } satisfies WsServerMessage);
      for (const ws of clients) if (ws.readyState === ws.OPEN) ws.send(message);
    }),
  );

  let port: number;
  try {
    port = await listenWithFallback(server, host, options.port ?? 5180, options.portAttempts ?? 0);
  } catch (e) {
    for (const u of unsubscribers) u();
    throw e;
  }

  const url = `http://${formatHostForUrl(host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host)}:${port}/?${SECRET_PARAM}=${encodeURIComponent(secret)}`;
  let closing: Promise<void> | null = null;

  return {
    url,
    port,
    host,
    secret,
    close() {
      closing ??= (async () => {
        for (const u of unsubscribers) u();
        for (const ws of clients) ws.close(1001, 'server shutting down');
        await new Promise<void>((resolve) => wss.close(() => resolve()));
        for (const ws of clients) ws.terminate();
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      })();
      return closing;
    },
  };
}
