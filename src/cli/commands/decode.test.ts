/**
 * `takt decode` driven through `run` with in-memory streams: both vector files in --batch mode,
 * single inputs from argv and stdin, bad lines, and usage errors.
 */
import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import gs1Vectors from '../../../test/fixtures/vectors/gs1.json';
import instrumentVectors from '../../../test/fixtures/vectors/instruments.json';
import { run } from './decode';

interface Captured {
  code: number;
  stdout: string;
  stderr: string;
  lines: Record<string, unknown>[];
}

function sink(): { stream: Writable; text: () => string } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      chunks.push(Buffer.from(chunk));
      cb();
    },
  });
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

async function decode(argv: string[], stdin: string | Buffer | Buffer[] = ''): Promise<Captured> {
  const out = sink();
  const err = sink();
  const chunks = Array.isArray(stdin) ? stdin : [typeof stdin === 'string' ? Buffer.from(stdin, 'utf8') : stdin];
  const code = await run(argv, { stdin: Readable.from(chunks), stdout: out.stream, stderr: err.stream });
  const stdout = out.text();
  const jsonLines = (): Record<string, unknown>[] =>
    stdout
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  return {
    code,
    stdout,
    stderr: err.text(),
    get lines() {
      return jsonLines();
    },
  };
}

interface InstrumentVector {
  id: string;
  protocol: string;
  frame: string;
  expect: Record<string, unknown>;
}
interface Gs1Vector {
  id: string;
  input: string;
  symbology?: string;
  expect?: Record<string, string>;
  plain?: string;
  error?: string;
}
const instruments = instrumentVectors as InstrumentVector[];
const gs1 = gs1Vectors as Gs1Vector[];

function pick(obj: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, obj[k]]));
}

describe('takt decode instrument --batch', () => {
  it('decodes every instrument vector sent as {protocol, frame} lines', async () => {
    const stdin = instruments.map((v) => JSON.stringify({ protocol: v.protocol, frame: v.frame })).join('\n') + '\n';
    const r = await decode(['instrument', '--batch'], stdin);
    expect(r.lines).toHaveLength(instruments.length);
    instruments.forEach((v, i) => {
      const line = r.lines[i] ?? {};
      expect(line.ok, v.id).toBe(true);
      expect(pick(line, Object.keys(v.expect)), v.id).toEqual(v.expect);
    });
    expect(r.code).toBe(0);
  });

  it('decodes each protocol’s vectors as JSON strings with --protocol', async () => {
    const byProtocol = new Map<string, InstrumentVector[]>();
    for (const v of instruments) byProtocol.set(v.protocol, [...(byProtocol.get(v.protocol) ?? []), v]);
    for (const [protocol, list] of byProtocol) {
      const r = await decode(['instrument', '--protocol', protocol, '--batch'], list.map((v) => JSON.stringify(v.frame)).join('\r\n'));
      expect(r.code, protocol).toBe(0);
      expect(r.lines).toHaveLength(list.length);
      list.forEach((v, i) => expect(pick(r.lines[i] ?? {}, Object.keys(v.expect)), v.id).toEqual(v.expect));
    }
  });

  it('answers a bad line with bad_input and keeps going', async () => {
    const stdin = ['"S S 1.00 g\\r\\n"', 'S S 2.00 g', '42', '', '{"frame":"S S 3.00 g"}', '"S +"'].join('\n');
    const r = await decode(['instrument', '--protocol=mt-sics', '--batch'], stdin);
    expect(r.lines.map((l) => l.ok)).toEqual([true, false, false, false, true, true]);
    expect(r.lines.map((l) => (l.error as { code?: string } | undefined)?.code ?? l.status)).toEqual([
      'ok',
      'bad_input',
      'bad_input',
      'bad_input',
      'ok',
      'overload',
    ]);
    expect(r.lines[4]).toMatchObject({ value: 3, raw: '3.00', unit: 'g' });
    expect(r.code).toBe(1);
  });

  it('needs a protocol for plain string lines when none is given', async () => {
    const r = await decode(['instrument', '--batch'], '"S S 1.00 g"\n');
    expect(r.lines).toEqual([{ ok: false, error: { code: 'bad_input', message: expect.stringContaining('--protocol') as unknown } }]);
    expect(r.code).toBe(1);
  });

  it('reassembles lines split across stdin chunks, multi-byte characters included', async () => {
    const text = '"S S 1.00 g"\n"S S 2.00 g"\n"S S 3.00 \u00b5g"\n';
    const buf = Buffer.from(text, 'utf8');
    const cut = buf.indexOf(0xc2) + 1; // inside the two bytes of µ
    const r = await decode(['instrument', '--protocol', 'mt-sics', '--batch'], [buf.subarray(0, 5), buf.subarray(5, cut), buf.subarray(cut)]);
    expect(r.lines.map((l) => l.raw ?? (l.error as { code: string }).code)).toEqual(['1.00', '2.00', 'parity']);
  });
});

describe('takt decode gs1 --batch', () => {
  it('decodes every GS1 vector to its expected AIs or error code', async () => {
    const r = await decode(['gs1', '--batch'], gs1.map((v) => JSON.stringify(v.input)).join('\n'));
    expect(r.lines).toHaveLength(gs1.length);
    gs1.forEach((v, i) => {
      const line = r.lines[i] ?? {};
      if (v.error !== undefined) {
        expect(line, v.id).toMatchObject({ ok: false, error: { code: v.error } });
        return;
      }
      expect(line.ok, v.id).toBe(true);
      const ais = Object.fromEntries((line.ais as { ai: string; value: string }[]).map((a) => [a.ai, a.value]));
      expect(ais, v.id).toEqual(v.expect);
      if (v.symbology !== undefined) expect(line.symbology, v.id).toBe(v.symbology);
      if (v.plain !== undefined) expect(line.plain, v.id).toBe(v.plain);
    });
    expect(r.code).toBe(gs1.some((v) => v.error !== undefined) ? 1 : 0);
  });
});

describe('takt decode, single input', () => {
  it('takes the frame from argv and prints one JSON line', async () => {
    const r = await decode(['instrument', '--protocol', 'and-std', 'ST,+00081.72  g']);
    expect(r.stdout).toBe('{"ok":true,"value":81.72,"raw":"81.72","unit":"g","stable":true,"status":"ok"}\n');
    expect(r.code).toBe(0);
  });

  it('accepts a frame starting with - after --', async () => {
    const r = await decode(['instrument', '--protocol', 'sartorius-sbi', '--', '-  3.456 mg  ']);
    expect(r.lines).toEqual([{ ok: true, value: -3.456, raw: '-3.456', unit: 'mg', stable: true, status: 'ok' }]);
  });

  it('reads all of stdin as bytes when no frame is given, so parity errors show', async () => {
    const good = await decode(['instrument', '--protocol', 'mt-sics'], Buffer.from('S S     100.00 g\r\n', 'latin1'));
    expect(good.lines[0]).toMatchObject({ ok: true, value: 100, raw: '100.00' });
    const bad = await decode(['instrument', '--protocol', 'mt-sics'], Buffer.from('S S     1\xb10.00 g\r\n', 'latin1'));
    expect(bad.lines[0]).toMatchObject({ ok: false, error: { code: 'parity' } });
    expect(bad.code).toBe(1);
  });

  it('prints unknown_protocol as a result and exits 1', async () => {
    const r = await decode(['instrument', '--protocol', 'toledo', 'S S 1 g']);
    expect(r.lines[0]).toMatchObject({ ok: false, error: { code: 'unknown_protocol' } });
    expect(r.stderr).toContain('mt-sics');
    expect(r.code).toBe(1);
  });

  it('passes --unit to protocols that send none', async () => {
    const r = await decode(['instrument', '--protocol', 'sylvac-optors', '--unit', 'mm', '+12.345']);
    expect(r.lines[0]).toMatchObject({ ok: true, unit: 'mm', raw: '12.345' });
  });

  it('decodes a GS1 scan from argv and from stdin without its newline', async () => {
    const scan = ']C1011231231231233310ABC123\u001d99TESTING';
    const a = await decode(['gs1', scan]);
    const b = await decode(['gs1'], `${scan}\n`);
    expect(a.lines[0]).toMatchObject({ ok: true, symbology: ']C1' });
    expect(b.lines).toEqual(a.lines);
    expect(a.code).toBe(0);
  });
});

describe('takt decode usage', () => {
  it.each([
    [[]],
    [['barcode', 'x']],
    [['instrument', 'S S 1 g']],
    [['instrument', '--protocol']],
    [['gs1', '--protocol', 'mt-sics', 'x']],
    [['gs1', '--batch', 'x']],
    [['instrument', '--protocol', 'mt-sics', 'S', 'S 1 g']],
    [['instrument', '--protocol', 'mt-sics', '--verbose']],
  ])('%j is a usage error: exit 2, usage on stderr, nothing on stdout', async (argv) => {
    const r = await decode(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/takt decode: .+\n\n(Usage|Uso):/);
    expect(r.stdout).toBe('');
  });

  it('--help prints the usage on stdout and exits 0', async () => {
    const r = await decode(['instrument', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/--protocol P/);
  });
});
