/**
 * `takt sim`: a simulated device on a serial port (one end of a socat pty pair, or a real port
 * looped to the terminal). `scanner` sends scan frames: AIM prefix + text + suffix, latin1.
 */
import { createInterface } from 'node:readline';
import { SerialPort } from 'serialport';
import { parse, positiveInt, UsageError } from '../args';
import { line, type CliIo } from '../io';


export const help = `Usage: takt sim scanner --port PATH [options]
       takt sim <instrument-protocol> --port PATH [options]

Acts as a barcode scanner on a serial port: writes each scan as AIM prefix + text + suffix.
With no --send, reads one scan per line from stdin (for commissioning by hand).

Options:
  --port PATH          serial port to write to (e.g. the B side of a socat pair)
  --send TEXT          a scan to send; repeatable. Escapes: \\x1d or <GS> for GS, \\r \\n \\t \\\\
  --aim ID             AIM symbology identifier to prefix, e.g. ']C1' or ']d2'
  --suffix S           CR (default), LF, CRLF or NONE
  --interval-ms N      pause between scans (default 100)
  --baud N             baud rate (default 9600)
  -h, --help           show this help

Instrument profiles (protocol ids such as mt-sics, sartorius-sbi, mitutoyo-01A) answer the
protocol's poll command or stream readings. Their options:
  --port PATH          serial port to act on
  --value DEC          the reading to send (default 12.345)
  --unit U             unit to send, where the protocol carries one
  --unstable           a few moving readings before settling
  --overload           overload frames instead of readings
  --error-frames       the protocol's error frames instead of readings
  --garbage            a line of random bytes before every frame
  --disconnect-after N close the port after N frames (a pulled cable)
  --count N            stop after N frames (default: until Ctrl-C)
  --interval-ms N      pause between streamed frames (default 500)
`;

const suffixes = { CR: '\r', LF: '\n', CRLF: '\r\n', NONE: '' } as const;

/** Turns the escapes a shell can carry into the bytes a scanner would send. */
export function unescapeScan(text: string): string {
  return text.replace(/<GS>|\\x([0-9a-fA-F]{2})|\\([rnt\\])/g, (match, hex: string | undefined, ch: string | undefined) => {
    if (match === '<GS>') return '\u001d';
    if (hex) return String.fromCharCode(parseInt(hex, 16));
    return ch === 'r' ? '\r' : ch === 'n' ? '\n' : ch === 't' ? '\t' : '\\';
  });
}

export function scanFrame(text: string, aim: string | undefined, suffix: keyof typeof suffixes): Buffer {
  return Buffer.from(`${aim ?? ''}${unescapeScan(text)}${suffixes[suffix]}`, 'latin1');
}

function openPort(path: string, baudRate: number): Promise<SerialPort> {
  return new Promise((resolve, reject) => {
    const port = new SerialPort({ path, baudRate, autoOpen: false });
    port.open((e) => (e ? reject(new Error(`Cannot open ${path}: ${e.message}`)) : resolve(port)));
  });
}

function write(port: SerialPort, bytes: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    port.write(bytes, (e) => {
      if (e) reject(e);
      else port.drain((d) => (d ? reject(d) : resolve()));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function runInstrument(profile: string, argv: string[], io: CliIo): Promise<number> {
  const { values } = parse(argv, {
    port: { type: 'string' },
    value: { type: 'string' },
    unit: { type: 'string' },
    unstable: { type: 'boolean' },
    overload: { type: 'boolean' },
    'error-frames': { type: 'boolean' },
    garbage: { type: 'boolean' },
    'disconnect-after': { type: 'string' },
    count: { type: 'string' },
    'interval-ms': { type: 'string' },
  });
  if (values.help) {
    io.stdout.write(help);
    return 0;
  }
  if (!values.port) throw new UsageError(`--port is required, e.g. takt sim ${profile} --port /tmp/ttyB`);
  const { runSimulator } = await import('../../main/devices/sim');
  const abort = new AbortController();
  const onSignal = () => abort.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    await runSimulator(profile, {
      port: values.port,
      ...(values.value !== undefined ? { value: values.value } : {}),
      ...(values.unit !== undefined ? { unit: values.unit } : {}),
      unstable: values.unstable ?? false,
      overload: values.overload ?? false,
      errorFrames: values['error-frames'] ?? false,
      garbage: values.garbage ?? false,
      ...(values['disconnect-after'] !== undefined ? { disconnectAfter: positiveInt(values['disconnect-after'], '--disconnect-after', 0) } : {}),
      ...(values.count !== undefined ? { count: positiveInt(values.count, '--count', 0) } : {}),
      ...(values['interval-ms'] !== undefined ? { intervalMs: positiveInt(values['interval-ms'], '--interval-ms', 500) } : {}),
      signal: abort.signal,
      log: (text) => line(io.stderr, text),
    });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  return 0;
}

export async function run(argv: string[], io: CliIo): Promise<number> {
  const [profile, ...rest] = argv;
  if (profile === undefined || profile === '--help' || profile === '-h') {
    io.stdout.write(help);
    return profile === undefined ? 2 : 0;
  }
  if (profile !== 'scanner') {
    const { isSimProfile, listSimProfiles } = await import('../../main/devices/sim');
    if (!isSimProfile(profile)) {
      line(io.stderr, `Unknown simulator profile "${profile}". Available: ${listSimProfiles().join(', ')}.`);
      return 2;
    }
    return runInstrument(profile, rest, io);
  }
  const { values } = parse(rest, {
    port: { type: 'string' },
    send: { type: 'string', multiple: true },
    aim: { type: 'string' },
    suffix: { type: 'string' },
    'interval-ms': { type: 'string' },
    baud: { type: 'string' },
  });
  if (values.help) {
    io.stdout.write(help);
    return 0;
  }
  if (!values.port) throw new UsageError('--port is required, e.g. takt sim scanner --port /tmp/ttyB --send 0123');
  const suffix = (values.suffix ?? 'CR').toUpperCase();
  if (!(suffix in suffixes)) throw new UsageError(`--suffix must be CR, LF, CRLF or NONE, not "${values.suffix ?? ''}".`);
  if (values.aim !== undefined && !/^\][A-Za-z][0-9A-Za-z]$/.test(values.aim)) {
    throw new UsageError(`--aim must look like ]C1 or ]d2, not "${values.aim}".`);
  }
  const interval = positiveInt(values['interval-ms'], '--interval-ms', 100);
  const baud = positiveInt(values.baud, '--baud', 9600);
  const key = suffix as keyof typeof suffixes;

  const port = await openPort(values.port, baud);
  try {
    if (values.send && values.send.length > 0) {
      for (const [i, text] of values.send.entries()) {
        if (i > 0) await sleep(interval);
        await write(port, scanFrame(text, values.aim, key));
      }
      line(io.stderr, `Sent ${values.send.length} scan(s) to ${values.port}.`);
    } else {
      line(io.stderr, `Scanner on ${values.port}: type a scan and press Enter (Ctrl-D to finish).`);
      const lines = createInterface({ input: io.stdin, crlfDelay: Infinity });
      let sent = 0;
      for await (const text of lines) {
        if (text.length === 0) continue;
        await write(port, scanFrame(text, values.aim, key));
        sent += 1;
        if (interval > 0) await sleep(interval);
      }
      line(io.stderr, `Sent ${sent} scan(s) to ${values.port}.`);
    }
  } finally {
    await new Promise<void>((resolve) => port.close(() => resolve()));
  }
  return 0;
}
