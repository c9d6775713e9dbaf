import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createTerminalApi, pushedChannels } from '../shared/api-client';
import { requestChannels, type Invoke, type Subscribe } from '../shared/api';

const source = readFileSync(new URL('../shared/api-client.ts', import.meta.url), 'utf8');

describe('createTerminalApi', () => {
  it('calls every request channel of the contract, each with its parameter', () => {
    const calls: string[] = [];
    const invoke = ((channel: string, params: unknown) => {
      calls.push(`${channel} ${JSON.stringify(params) ?? 'undefined'}`);
      return Promise.resolve({ ok: true, value: null });
    }) as unknown as Invoke;
    const subscribed: string[] = [];
    const subscribe = ((channel: string) => {
      subscribed.push(channel);
      return () => undefined;
    }) as unknown as Subscribe;
    const api = createTerminalApi(invoke, subscribe);
    for (const methods of Object.values(api)) {
      for (const [name, fn] of Object.entries(methods as Record<string, (arg: unknown) => unknown>)) {
        void fn(name.startsWith('on') ? () => undefined : { marker: name });
      }
    }
    expect(calls.map((c) => c.split(' ')[0]).sort()).toEqual([...requestChannels].sort());
    expect(calls).toContain('central:push {"marker":"push"}');
    expect(calls).toContain('app:info undefined');
    expect(subscribed.sort()).toEqual([...pushedChannels].sort());
  });

  it('imports only types, so the sandboxed preload can bundle it (no zod)', () => {
    const imports = source.split('\n').filter((line) => /^import\s/.test(line));
    expect(imports.length).toBeGreaterThan(0);
    for (const line of imports) expect(line).toMatch(/^import type /);
  });
});

describe('central:fetch path guard', () => {
  it('lets report, trace and quality paths through and refuses anything else', async () => {
    const { requestSchemas } = await import('../shared/api');
    const s = requestSchemas['central:fetch'];
    expect(s.safeParse({ path: '/api/v1/reports/daily?date=2026-11-26&format=xlsx' }).success).toBe(true);
    expect(s.safeParse({ path: '/api/v1/trace/lot/L-1?direction=backward' }).success).toBe(true);
    expect(s.safeParse({ path: '/api/v1/import/plant' }).success).toBe(false);
    expect(s.safeParse({ path: '/api/v1/reports/../terminals' }).success).toBe(false);
    expect(s.safeParse({ path: 'http://evil.example/api/v1/reports/x' }).success).toBe(false);
    expect(s.safeParse({ path: '/sync/v1/push' }).success).toBe(false);
  });
});
