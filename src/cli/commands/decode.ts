/**
 * `takt decode gs1 [SCAN]` and `takt decode instrument --protocol P [FRAME]` (ARCHITECTURE 5):
 * print the parse as one JSON line. With --batch, stdin carries one JSON string per line and
 * stdout gets one JSON result per line, in order; a bad line gives an ok:false line, never an
 * abort. Exit code 0 when every input decoded, 1 when any failed, 2 on a usage error.
 */
import { decodeGs1 } from '../../shared/gs1';
import { decodeInstrument, isProtocolId, protocolIds } from '../../shared/instruments';

export interface DecodeIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

type Kind = 'gs1' | 'instrument';
interface Parsed {
  kind: Kind;
  batch: boolean;
  protocol: string | null;
  unit: string | null;
  input: string | null;
}
type Outcome = { ok: boolean; error?: { code: string; message: string } };

const usageEn = `Usage:
  takt decode gs1 [--batch] [SCAN]
  takt decode instrument --protocol P [--unit U] [--batch] [FRAME]

Prints the parse as one JSON line. Without SCAN/FRAME, reads all of stdin as the one input.
--batch       read one JSON string per line on stdin, print one JSON result per line
              (instrument lines may also be {"protocol":"P","frame":"..."})
--protocol P  one of: ${protocolIds.join(', ')}
--unit U      unit configured for gauges whose protocol sends none (Mitutoyo, Sylvac)
Put -- before a SCAN/FRAME that starts with '-'.
Exit code: 0 every input decoded, 1 some input did not, 2 usage error.
`;
const usageEs = `Uso:
  takt decode gs1 [--batch] [ESCANEO]
  takt decode instrument --protocol P [--unit U] [--batch] [TRAMA]

Imprime el resultado como una línea JSON. Sin ESCANEO/TRAMA, lee toda la entrada estándar.
--batch       una cadena JSON por línea en la entrada, un resultado JSON por línea en la salida
--protocol P  uno de: ${protocolIds.join(', ')}
--unit U      unidad configurada para calibres cuyo protocolo no la envía
Código de salida: 0 todo decodificado, 1 alguna entrada falló, 2 error de uso.
`;

function spanish(): boolean {
  const lang = process.env.LC_ALL ?? process.env.LC_MESSAGES ?? process.env.LANG ?? '';
  return lang.toLowerCase().startsWith('es');
}

class UsageError extends Error {}

function parseArgs(argv: string[]): Parsed | 'help' {
  const [sub, ...rest] = argv;
  if (sub === '--help' || sub === '-h' || sub === 'help') return 'help';
  if (sub !== 'gs1' && sub !== 'instrument') {
    throw new UsageError(sub === undefined ? 'missing what to decode (gs1 or instrument)' : `unknown decode target '${sub}'`);
  }
  const parsed: Parsed = { kind: sub, batch: false, protocol: null, unit: null, input: null };
  const positional: string[] = [];
  let optionsDone = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] ?? '';
    if (optionsDone || !arg.startsWith('-') || arg === '-') {
      positional.push(arg);
      continue;
    }
    if (arg === '--') {
      optionsDone = true;
      continue;
    }
    if (arg === '--help' || arg === '-h') return 'help';
    if (arg === '--batch') {
      parsed.batch = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq >= 0 ? arg.slice(0, eq) : arg;
    if (name === '--protocol' || name === '-p' || name === '--unit') {
      if (sub !== 'instrument') throw new UsageError(`${name} applies to 'decode instrument' only`);
      const value = eq >= 0 ? arg.slice(eq + 1) : rest[++i];
      if (value === undefined || value === '') throw new UsageError(`${name} needs a value`);
      if (name === '--unit') parsed.unit = value;
      else parsed.protocol = value;
      continue;
    }
    throw new UsageError(`unknown option '${arg}' (put -- before an input that starts with '-')`);
  }
  if (positional.length > 1) throw new UsageError(`expected one ${sub === 'gs1' ? 'SCAN' : 'FRAME'}, got ${positional.length} (quote it)`);
  parsed.input = positional[0] ?? null;
  if (parsed.input === '-') parsed.input = null;
  if (parsed.batch && parsed.input !== null) throw new UsageError('--batch reads stdin; do not give an input as well');
  if (sub === 'instrument' && !parsed.batch && parsed.protocol === null) throw new UsageError('--protocol is required');
  return parsed;
}

function internalError(e: unknown): { ok: false; error: { code: string; message: string } } {
  return { ok: false, error: { code: 'internal', message: e instanceof Error ? e.message : String(e) } };
}

function decodeOne(p: Parsed, input: string, protocol: string | null): Outcome {
  try {
    if (p.kind === 'gs1') return decodeGs1(input);
    if (protocol === null) {
      return { ok: false, error: { code: 'bad_input', message: 'No protocol: give --protocol or send {"protocol":"P","frame":"..."}.' } };
    }
    return decodeInstrument(protocol, input, p.unit === null ? {} : { unit: p.unit });
  } catch (e) {
    return internalError(e);
  }
}

function badInput(message: string): Outcome {
  return { ok: false, error: { code: 'bad_input', message } };
}

/** One batch line: a JSON string, or for instruments a {protocol, frame} object. */
function decodeLine(p: Parsed, line: string): Outcome {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return badInput('The line is not valid JSON; send one JSON string per line, e.g. "S S 100.00 g\\r\\n".');
  }
  if (typeof parsed === 'string') return decodeOne(p, parsed, p.protocol);
  if (p.kind === 'instrument' && typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
    const o = parsed as Record<string, unknown>;
    const protocol = o.protocol === undefined ? p.protocol : o.protocol;
    if (typeof o.frame !== 'string' || (protocol !== null && typeof protocol !== 'string')) {
      return badInput('Expected {"protocol":"P","frame":"..."} with string values.');
    }
    return decodeOne(p, o.frame, protocol);
  }
  return badInput(p.kind === 'gs1' ? 'Expected a JSON string (the scan).' : 'Expected a JSON string (the frame) or {"protocol","frame"}.');
}

async function write(out: NodeJS.WritableStream, text: string): Promise<void> {
  if (!out.write(text)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
}

function toBuffer(chunk: unknown): Buffer {
  return typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk as Uint8Array);
}

async function readAll(stdin: NodeJS.ReadableStream): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of stdin) parts.push(toBuffer(chunk));
  return Buffer.concat(parts);
}

async function runBatch(p: Parsed, io: DecodeIo): Promise<number> {
  let failed = false;
  let pending = Buffer.alloc(0);
  const handle = async (raw: Buffer): Promise<void> => {
    const line = raw.toString('utf8').replace(/\r$/, '');
    const result = decodeLine(p, line);
    if (!result.ok) failed = true;
    await write(io.stdout, `${JSON.stringify(result)}\n`);
  };
  for await (const chunk of io.stdin) {
    pending = Buffer.concat([pending, toBuffer(chunk)]);
    let nl = pending.indexOf(0x0a);
    while (nl >= 0) {
      await handle(pending.subarray(0, nl));
      pending = pending.subarray(nl + 1);
      nl = pending.indexOf(0x0a);
    }
  }
  if (pending.length > 0) await handle(pending);
  return failed ? 1 : 0;
}

export async function run(argv: string[], io: DecodeIo): Promise<number> {
  let parsed: Parsed | 'help';
  try {
    parsed = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    await write(io.stderr, `takt decode: ${e.message}\n\n${spanish() ? usageEs : usageEn}`);
    return 2;
  }
  if (parsed === 'help') {
    await write(io.stdout, spanish() ? usageEs : usageEn);
    return 0;
  }
  if (parsed.kind === 'instrument' && parsed.protocol !== null && !isProtocolId(parsed.protocol)) {
    await write(io.stderr, `takt decode: unknown protocol '${parsed.protocol}'; known: ${protocolIds.join(', ')}\n`);
  }
  if (parsed.batch) return runBatch(parsed, io);

  let input = parsed.input;
  if (input === null) {
    // Frames are bytes: latin1 keeps a high-bit byte visible to the parity check.
    input = (await readAll(io.stdin)).toString('latin1');
    if (parsed.kind === 'gs1') input = input.replace(/\r?\n$/, '');
  }
  const result = decodeOne(parsed, input, parsed.protocol);
  await write(io.stdout, `${JSON.stringify(result)}\n`);
  return result.ok ? 0 : 1;
}
