import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createWebTerminalApi,
  createWebTransport,
  takeSecret,
  webSocketUrl,
  type WebSocketLike,
  type WebTransport,
} from './web-transport';

/** A WebSocket the test drives: it records what the client sends and opens/closes on command. */
class FakeSocket implements WebSocketLike {
  readyState = 0;
  sent: Record<string, unknown>[] = [];
  onopen: ((ev: Event) => void) | null = null;
  onclose: ((ev: CloseEvent) => void) | null = null;
  onerror: ((ev: Event) => void) | null = null;
  onmessage: ((ev: MessageEvent) => void) | null = null;
  constructor(readonly url: string) {}
  send(data: string): void {
    if (this.readyState !== 1) throw new Error('not open');
    this.sent.push(JSON.parse(data) as Record<string, unknown>);
  }
  close(): void {
    this.drop();
  }
  open(): void {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
  }
  drop(): void {
    if (this.readyState === 3) return;
    this.readyState = 3;
    this.onclose?.(new CloseEvent('close'));
  }
  receive(msg: unknown): void {
    this.onmessage?.(new MessageEvent('message', { data: JSON.stringify(msg) }));
  }
  lastRequest(): { id: number; channel: string; params?: unknown } {
    const r = this.sent.at(-1);
    if (!r) throw new Error('nothing sent');
    return r as { id: number; channel: string; params?: unknown };
  }
}

let sockets: FakeSocket[];
let transport: WebTransport;
const current = () => {
  const s = sockets.at(-1);
  if (!s) throw new Error('no socket');
  return s;
};

beforeEach(() => {
  vi.useFakeTimers();
  sockets = [];
  transport = createWebTransport({
    url: 'ws://127.0.0.1:5180/api?secret=s3cr3t',
    createSocket: (url) => {
      const s = new FakeSocket(url);
      sockets.push(s);
      return s;
    },
    requestTimeoutMs: 1000,
    reconnectInitialMs: 100,
    reconnectMaxMs: 400,
    log: () => {},
  });
});
afterEach(() => {
  transport.close();
  vi.useRealTimers();
});

describe('web transport', () => {
  it('sends requests with ids and resolves each with its own response', async () => {
    current().open();
    const api = createWebTerminalApi(transport);
    const info = api.app.info();
    const list = api.devices.list();
    const [r1, r2] = current().sent as { id: number; channel: string }[];
    expect(r1).toMatchObject({ t: 'req', channel: 'app:info' });
    expect(r2).toMatchObject({ t: 'req', channel: 'devices:list' });
    expect(r1?.id).not.toBe(r2?.id);
    current().receive({ t: 'res', id: r2?.id, result: { ok: true, value: [] } });
    current().receive({
      t: 'res',
      id: r1?.id,
      result: { ok: false, error: { code: 'not-configured', message: 'no central' } },
    });
    expect(await list).toEqual({ ok: true, value: [] });
    expect(await info).toEqual({ ok: false, error: { code: 'not-configured', message: 'no central' } });
  });

  it('waits for the connection to open before sending', async () => {
    const p = transport.invoke('journal:pending', undefined);
    expect(current().sent).toEqual([]);
    current().open();
    const req = current().lastRequest();
    expect(req.channel).toBe('journal:pending');
    current().receive({ t: 'res', id: req.id, result: { ok: true, value: [] } });
    expect(await p).toEqual({ ok: true, value: [] });
  });

  it('fails a request that gets no answer with timeout', async () => {
    current().open();
    const p = transport.invoke('app:info', undefined);
    await vi.advanceTimersByTimeAsync(1000);
    expect(await p).toMatchObject({ ok: false, error: { code: 'timeout' } });
    // A late answer is ignored.
    current().receive({ t: 'res', id: current().lastRequest().id, result: { ok: true, value: 1 } });
  });

  it('fails pending requests with offline when the socket drops, refuses new ones until reconnected, then reconnects with backoff', async () => {
    current().open();
    const p = transport.invoke('app:info', undefined);
    current().drop();
    expect(await p).toMatchObject({ ok: false, error: { code: 'offline' } });
    expect(transport.state).toBe('waiting');
    expect(await transport.invoke('app:info', undefined)).toMatchObject({ ok: false, error: { code: 'offline' } });

    expect(sockets).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(99);
    expect(sockets).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(sockets).toHaveLength(2);
    // Second failure in a row doubles the delay.
    current().drop();
    await vi.advanceTimersByTimeAsync(199);
    expect(sockets).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(sockets).toHaveLength(3);
    current().open();
    expect(transport.state).toBe('open');

    const again = transport.invoke('app:info', undefined);
    current().receive({ t: 'res', id: current().lastRequest().id, result: { ok: true, value: 'back' } });
    expect(await again).toEqual({ ok: true, value: 'back' });
    // A successful connection resets the backoff.
    current().drop();
    await vi.advanceTimersByTimeAsync(100);
    expect(sockets).toHaveLength(4);
  });

  it('caps the reconnect delay', async () => {
    for (let i = 0; i < 6; i++) {
      current().drop();
      await vi.advanceTimersByTimeAsync(400);
    }
    expect(sockets).toHaveLength(7);
  });

  it('delivers pushed events to subscribers until they unsubscribe', () => {
    current().open();
    const api = createWebTerminalApi(transport);
    const scans: string[] = [];
    const off = api.devices.onScan((s) => scans.push(s.text));
    current().receive({ t: 'evt', channel: 'devices:scan', data: { text: 'B0007' } });
    current().receive({ t: 'evt', channel: 'devices:reading', data: { value: '1.0' } });
    off();
    current().receive({ t: 'evt', channel: 'devices:scan', data: { text: 'B0008' } });
    expect(scans).toEqual(['B0007']);
  });

  it('ignores garbage from the server', async () => {
    current().open();
    const p = transport.invoke('app:info', undefined);
    current().onmessage?.(new MessageEvent('message', { data: 'not json' }));
    current().receive({ t: 'res', id: 'x', result: { ok: true } });
    current().receive({ t: 'res', id: current().lastRequest().id, result: { ok: false } });
    expect(await p).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('stops for good on close', async () => {
    current().open();
    const p = transport.invoke('app:info', undefined);
    transport.close();
    expect(await p).toMatchObject({ ok: false, error: { code: 'offline' } });
    await vi.advanceTimersByTimeAsync(5000);
    expect(sockets).toHaveLength(1);
  });
});

describe('secret handling', () => {
  const env = (href: string, stored: string | null = null) => {
    const storage = new Map<string, string>(stored ? [['takt.secret', stored]] : []);
    const replaced: string[] = [];
    const url = new URL(href);
    return {
      env: {
        location: { href, search: url.search, protocol: url.protocol, host: url.host },
        history: {
          state: null,
          replaceState: (_s: unknown, _t: string, u?: string | URL | null) => void replaced.push(String(u)),
        },
        storage: {
          getItem: (k: string) => storage.get(k) ?? null,
          setItem: (k: string, v: string) => void storage.set(k, v),
        },
      },
      storage,
      replaced,
    };
  };

  it('takes the secret from the URL, stores it and removes it from the address bar', () => {
    const e = env('http://127.0.0.1:5180/?lang=es&secret=abc%2F123#top');
    expect(takeSecret(e.env)).toBe('abc/123');
    expect(e.storage.get('takt.secret')).toBe('abc/123');
    expect(e.replaced).toEqual(['/?lang=es#top']);
  });

  it('uses the stored secret after a reload, and reports none when there is none', () => {
    const e = env('http://127.0.0.1:5180/', 'kept');
    expect(takeSecret(e.env)).toBe('kept');
    expect(e.replaced).toEqual([]);
    expect(takeSecret(env('http://127.0.0.1:5180/').env)).toBeNull();
  });

  it('builds ws or wss URLs on the API path', () => {
    expect(webSocketUrl({ protocol: 'http:', host: '127.0.0.1:5180' }, 'a b')).toBe(
      'ws://127.0.0.1:5180/api?secret=a%20b',
    );
    expect(webSocketUrl({ protocol: 'https:', host: 'takt.local' }, 'x')).toBe('wss://takt.local/api?secret=x');
  });
});

describe('refused access key', () => {
  it('stops reconnecting and answers unauthorized when the server closes with 4401', async () => {
    const created: FakeSocket[] = [];
    const states: string[] = [];
    const t = createWebTransport({
      url: 'ws://127.0.0.1:1/api?secret=old',
      createSocket: (url) => {
        const s = new FakeSocket(url);
        created.push(s);
        return s;
      },
      reconnectInitialMs: 10,
      log: () => {},
    });
    t.onStateChange((s) => states.push(s));
    const p = t.invoke('app:info', undefined);
    const s = created[0];
    if (!s) throw new Error('no socket');
    s.readyState = 3;
    s.onclose?.(new CloseEvent('close', { code: 4401 }));
    expect(await p).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await t.invoke('app:info', undefined)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    await vi.advanceTimersByTimeAsync(1000);
    expect(created).toHaveLength(1);
    expect(states).toEqual(['unauthorized']);
    t.close();
  });
});
