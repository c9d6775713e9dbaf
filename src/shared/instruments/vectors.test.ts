/**
 * Every vector of shared/vectors/instruments.json through the decoder and the CLI shape.
 * The vector's `expect` lists the fields a caller sees; each one must match exactly.
 */
import { describe, expect, it } from 'vitest';
import vectors from '../../../test/fixtures/vectors/instruments.json';
import { decodeFrame, decodeInstrument, isProtocolId } from './index';

interface InstrumentVector {
  id: string;
  protocol: string;
  frame: string;
  expect: Record<string, unknown>;
}

const all = vectors as InstrumentVector[];

describe('shared/vectors/instruments.json', () => {
  it('is not empty and names only known protocols', () => {
    expect(all.length).toBeGreaterThan(0);
    for (const v of all) expect(isProtocolId(v.protocol), `${v.id}: ${v.protocol}`).toBe(true);
  });

  it.each(all.map((v) => [v.id, v] as const))('%s decodes as expected', (_id, v) => {
    const cli = decodeInstrument(v.protocol, v.frame);
    expect(cli.ok).toBe(true);
    const seen: Record<string, unknown> = {};
    for (const key of Object.keys(v.expect)) seen[key] = (cli as Record<string, unknown>)[key];
    expect(seen).toEqual(v.expect);

    // The typed outcome agrees with the CLI shape, and keeps the decimal as a string.
    if (!isProtocolId(v.protocol)) throw new Error('unreachable');
    const out = decodeFrame(v.protocol, v.frame);
    if (!out.ok || !cli.ok) throw new Error(`${v.id} did not decode`);
    expect(out.status).toBe(cli.status);
    expect(out.unit).toBe(cli.unit);
    expect(out.number).toBe(cli.value);
    expect(out.value).toBe(cli.raw);
    if (out.value !== null) expect(out.value).toMatch(/^-?\d+(\.\d+)?$/);

    // Terminator already stripped by the port reader: same result.
    expect(decodeInstrument(v.protocol, v.frame.replace(/[\r\n]+$/, ''))).toEqual(cli);
  });
});
