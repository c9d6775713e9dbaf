/**
 * A fault-injecting HTTP proxy on 127.0.0.1 between a terminal and central. For every request a
 * plan picks one fault: forward normally, reset the connection before central sees the request,
 * forward and then drop the response (central has committed), send the request twice at once,
 * delay it, hold it back so the next request overtakes it (reorder), or cut the upstream
 * connection in the middle of the body. The plan is a function, so tests use a seeded random plan
 * and the same seed gives the same sequence of faults.
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type Fault =
  | { kind: 'forward' }
  | { kind: 'reset' }
  | { kind: 'drop-response' }
  | { kind: 'duplicate' }
  | { kind: 'delay'; ms: number }
  | { kind: 'reorder'; holdMs: number }
  | { kind: 'cut-mid-body' };
export type FaultKind = Fault['kind'];

export interface ProxiedRequest {
  index: number;
  method: string;
  path: string;
}

export type FaultPlan = (req: ProxiedRequest) => Fault;

export interface FaultProxy {
  url: string;
  /** How many times each fault was applied. */
  readonly applied: Record<FaultKind, number>;
  /** Requests that reached central (a duplicate counts twice). */
  readonly forwarded: number;
  setPlan(plan: FaultPlan): void;
  setTarget(url: string): void;
  close(): Promise<void>;
}

export const forwardAll: FaultPlan = () => ({ kind: 'forward' });

/** mulberry32: a small deterministic PRNG. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A seeded plan: each request to a path matching `only` (default: the sync routes) gets a fault
 * with probability `rate`, chosen uniformly among `kinds`.
 */
export function randomPlan(seed: number, kinds: FaultKind[], rate: number, only: RegExp = /^\/sync\//): FaultPlan {
  const random = seededRandom(seed);
  return (req) => {
    if (!only.test(req.path)) return { kind: 'forward' };
    if (random() >= rate || kinds.length === 0) return { kind: 'forward' };
    const kind = kinds[Math.floor(random() * kinds.length)] ?? 'forward';
    switch (kind) {
      case 'delay':
        return { kind, ms: 20 + Math.floor(random() * 300) };
      case 'reorder':
        return { kind, holdMs: 50 + Math.floor(random() * 250) };
      default:
        return { kind };
    }
  };
}

/** The first `n` matching requests get `fault`, the rest are forwarded. */
export function firstN(n: number, fault: Fault, only: RegExp = /^\/sync\/v1\/push/): FaultPlan {
  let left = n;
  return (req) => {
    if (left > 0 && only.test(req.path)) {
      left--;
      return fault;
    }
    return { kind: 'forward' };
  };
}

interface Upstream {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'host']);

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export async function startFaultProxy(target: string, plan: FaultPlan = forwardAll): Promise<FaultProxy> {
  let upstreamUrl = new URL(target);
  let currentPlan = plan;
  let index = 0;
  let forwarded = 0;
  const applied: Record<FaultKind, number> = {
    forward: 0,
    reset: 0,
    'drop-response': 0,
    duplicate: 0,
    delay: 0,
    reorder: 0,
    'cut-mid-body': 0,
  };
  const sockets = new Set<Socket>();
  /** Requests held back by 'reorder': released when the next request arrives, or after their hold. */
  const held: (() => void)[] = [];

  function releaseHeld(): void {
    for (const release of held.splice(0)) release();
  }

  function send(method: string, path: string, headers: IncomingMessage['headers'], body: Buffer, cutAt?: number): Promise<Upstream> {
    forwarded++;
    return new Promise((resolve, reject) => {
      const out: Record<string, string | string[]> = {};
      for (const [k, v] of Object.entries(headers)) if (v !== undefined && !HOP_BY_HOP.has(k)) out[k] = v;
      out['content-length'] = String(body.length);
      const up = httpRequest(
        { host: upstreamUrl.hostname, port: upstreamUrl.port, method, path, headers: out, agent: false },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }));
          res.on('error', reject);
        },
      );
      up.on('error', reject);
      if (cutAt !== undefined) {
        up.write(body.subarray(0, cutAt), () => {
          // Give central a moment to start reading, then vanish mid-body.
          setTimeout(() => {
            up.destroy();
            reject(new Error('cut mid-body'));
          }, 20);
        });
        return;
      }
      up.end(body);
    });
  }

  function answer(res: ServerResponse, up: Upstream): void {
    const headers: Record<string, string | string[]> = {};
    for (const [k, v] of Object.entries(up.headers)) if (v !== undefined && !HOP_BY_HOP.has(k)) headers[k] = v;
    headers['content-length'] = String(up.body.length);
    res.writeHead(up.status, headers);
    res.end(up.body);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const info: ProxiedRequest = { index: index++, method: req.method ?? 'GET', path: req.url ?? '/' };
    const fault = currentPlan(info);
    applied[fault.kind]++;
    // Any newer request overtakes the ones held back.
    releaseHeld();
    const kill = () => req.socket.destroy();
    try {
      switch (fault.kind) {
        case 'reset':
          kill();
          return;
        case 'cut-mid-body':
          await send(info.method, info.path, req.headers, body, Math.floor(body.length / 2)).catch(() => undefined);
          kill();
          return;
        case 'drop-response':
          await send(info.method, info.path, req.headers, body);
          kill();
          return;
        case 'duplicate': {
          const [first] = await Promise.allSettled([
            send(info.method, info.path, req.headers, body),
            send(info.method, info.path, req.headers, body),
          ]);
          if (first.status === 'fulfilled') answer(res, first.value);
          else kill();
          return;
        }
        case 'delay':
          await sleep(fault.ms);
          break;
        case 'reorder':
          await new Promise<void>((resolve) => {
            const timer = setTimeout(() => {
              const i = held.indexOf(release);
              if (i >= 0) held.splice(i, 1);
              resolve();
            }, fault.holdMs);
            const release = () => {
              clearTimeout(timer);
              // Let the overtaking request go out first.
              setTimeout(resolve, 15);
            };
            held.push(release);
          });
          break;
        case 'forward':
          break;
      }
      answer(res, await send(info.method, info.path, req.headers, body));
    } catch {
      // Central unreachable or gone mid-request (e.g. killed): the terminal sees a reset.
      kill();
    }
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => req.socket.destroy());
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    applied,
    get forwarded() {
      return forwarded;
    },
    setPlan(p) {
      currentPlan = p;
    },
    setTarget(url) {
      upstreamUrl = new URL(url);
    },
    close: () =>
      new Promise<void>((resolve) => {
        releaseHeld();
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
