import { describe, expect, it } from 'vitest';
import { createTerminalApi, pushedChannels, type Invoke, type Subscribe, type TerminalApi } from '../shared/api';
import { buildTerminalApi, pushedEventChannels } from '../preload/terminal-api';

/** Calls every method of an API and records the channel and parameter each one used. */
function trace(build: (invoke: Invoke, subscribe: Subscribe) => TerminalApi): string[] {
  const calls: string[] = [];
  const invoke = ((channel: string, params: unknown) => {
    calls.push(`invoke ${channel} ${JSON.stringify(params) ?? 'undefined'}`);
    return Promise.resolve({ ok: true, value: null });
  }) as unknown as Invoke;
  const subscribe = ((channel: string) => {
    calls.push(`subscribe ${channel}`);
    return () => undefined;
  }) as unknown as Subscribe;
  const api = build(invoke, subscribe);
  for (const [group, methods] of Object.entries(api)) {
    for (const [name, fn] of Object.entries(methods as Record<string, (arg: unknown) => unknown>)) {
      calls.push(`call ${group}.${name}`);
      void fn({ marker: `${group}.${name}` });
    }
  }
  return calls;
}

describe('preload TerminalApi', () => {
  it('uses exactly the channels and parameters of createTerminalApi', () => {
    expect(trace(buildTerminalApi)).toEqual(trace(createTerminalApi));
  });

  it('knows the same pushed channels', () => {
    expect([...pushedEventChannels]).toEqual(pushedChannels);
  });
});
