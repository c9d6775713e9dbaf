/**
 * Simulated scanners and instruments on a serial port, for `takt sim <profile> --port PATH`
 * and the end-to-end tests (one end of a socat pty pair). An instrument profile opens the port
 * with its protocol's default settings and answers the protocol's poll command, or streams
 * frames when the protocol has none; the scanner sends scans. See `SimOptions` for the faults
 * it can play (settling, overload, error frames, garbage, a pulled cable).
 */
import { SerialPort } from 'serialport';
import { defaultPortSettings, pollCommands } from '../../../shared/instruments';
import {
  checkSimOptions,
  createFramePlan,
  createRequestReader,
  garbageLine,
  SCANNER,
  type SimOptions,
  type SimProfile,
} from './plan';

export { listSimProfiles, isSimProfile, DEFAULT_SCAN, DEFAULT_VALUE, type SimOptions, type SimProfile } from './plan';

const DEFAULT_INTERVAL_MS = 500;
const show = (text: string): string => JSON.stringify(text);

interface PortSettings {
  baudRate: number;
  dataBits: 7 | 8;
  parity: 'none' | 'even' | 'odd';
  stopBits: 1 | 2;
  rtscts: boolean;
  xon: boolean;
}

const scannerSettings: PortSettings = { baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1, rtscts: false, xon: false };

function settingsFor(profile: SimProfile): PortSettings {
  if (profile === SCANNER) return scannerSettings;
  const d = defaultPortSettings[profile];
  return { baudRate: d.baudRate, dataBits: d.dataBits, parity: d.parity, stopBits: d.stopBits, rtscts: d.rtscts, xon: d.xon };
}

function openPort(path: string, s: PortSettings): Promise<SerialPort> {
  return new Promise((resolve, reject) => {
    const port = new SerialPort({
      path,
      baudRate: s.baudRate,
      dataBits: s.dataBits,
      parity: s.parity,
      stopBits: s.stopBits,
      rtscts: s.rtscts,
      xon: s.xon,
      xoff: s.xon,
      autoOpen: false,
    });
    port.open((err) => (err ? reject(new Error(`Cannot open ${path}: ${err.message}`)) : resolve(port)));
  });
}

/**
 * Runs a simulated device until `count` or `disconnectAfter` frames are sent, or `signal` aborts;
 * then closes the port. Rejects on bad options (before opening anything), when the port cannot be
 * opened, and when the port closes under it (the other side went away).
 */
export async function runSimulator(profile: string, opts: SimOptions): Promise<void> {
  checkSimOptions(profile, opts);
  const log = opts.log ?? (() => undefined);
  const plan = createFramePlan(profile, opts);
  const limit = Math.min(opts.count ?? (profile === SCANNER ? 1 : Number.POSITIVE_INFINITY), opts.disconnectAfter ?? Number.POSITIVE_INFINITY);
  const cutAfter = opts.disconnectAfter !== undefined && opts.disconnectAfter === limit;
  const intervalMs = opts.intervalMs ?? DEFAULT_INTERVAL_MS;
  const command = profile === SCANNER ? null : pollCommands[profile];
  if (opts.signal?.aborted) return;

  const settings = settingsFor(profile);
  const port = await openPort(opts.port, settings);
  const describe = `${settings.baudRate} ${settings.dataBits}${settings.parity.charAt(0).toUpperCase()}${settings.stopBits}`;
  log(`${profile} on ${opts.port} (${describe}): ${command ? `answering ${show(command)}` : `sending every ${intervalMs} ms`}`);

  let sent = 0;
  let finished = false;
  let queue: Promise<void> = Promise.resolve();

  return new Promise<void>((resolve, reject) => {
    let sleepTimer: ReturnType<typeof setTimeout> | null = null;
    let wake: (() => void) | null = null;

    const end = (error: Error | null): void => {
      if (finished) return;
      finished = true;
      if (sleepTimer) clearTimeout(sleepTimer);
      wake?.();
      opts.signal?.removeEventListener('abort', onAbort);
      port.removeAllListeners('data');
      // Let queued frames reach the wire, then close (unless the port is already gone).
      void queue.then(() => {
        if (!port.isOpen) {
          if (error) reject(error);
          else resolve();
          return;
        }
        port.close(() => {
          if (error) reject(error);
          else resolve();
        });
      });
    };
    const onAbort = (): void => {
      log(`${profile}: stopped after ${sent} frame(s)`);
      end(null);
    };
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    // Aborted while the port was opening: the event has already fired.
    if (opts.signal?.aborted) {
      onAbort();
      return;
    }
    port.on('error', (err: Error) => log(`${profile}: port error: ${err.message}`));
    port.on('close', () => {
      if (!finished) end(new Error(`${opts.port} was closed under the simulator (the other side went away) after ${sent} frame(s).`));
    });

    const write = (text: string): Promise<void> => {
      queue = queue.then(
        () =>
          new Promise<void>((done) => {
            if (!port.isOpen) {
              done();
              return;
            }
            port.write(Buffer.from(text, 'latin1'), (err) => {
              if (err) {
                done();
                // After end() the queue is being drained for closing; nothing more to report.
                if (!finished) end(new Error(`Cannot write to ${opts.port}: ${err.message}`));
                return;
              }
              port.drain(() => done());
            });
          }),
      );
      return queue;
    };

    /** Sends the next frame (garbage first when asked); ends the run at the limit. */
    const sendFrame = (): void => {
      if (finished) return;
      if (opts.garbage) {
        const junk = garbageLine(profile);
        void write(junk);
        log(`-> garbage ${show(junk)}`);
      }
      const { frame } = plan.next();
      void write(frame);
      sent += 1;
      log(`-> ${show(frame)}`);
      if (sent >= limit) {
        log(cutAfter ? `${profile}: disconnecting after ${sent} frame(s)` : `${profile}: done, ${sent} frame(s) sent`);
        end(null);
      }
    };

    if (command !== null && profile !== SCANNER) {
      const read = createRequestReader(profile);
      port.on('data', (chunk: Buffer) => {
        for (const req of read(chunk.toString('latin1'))) {
          if (finished) return;
          log(`<- ${show(req.command)}`);
          if (req.reply === 'reading') sendFrame();
          else if (req.reply) {
            void write(req.reply.frame);
            log(`-> ${show(req.reply.frame)}`);
          } else log(`${profile}: ignored unknown command ${show(req.command)}`);
        }
      });
      return;
    }

    const loop = async (): Promise<void> => {
      while (!finished) {
        sendFrame();
        await queue;
        if (finished) return;
        await new Promise<void>((r) => {
          wake = r;
          sleepTimer = setTimeout(r, intervalMs);
        });
        wake = null;
        sleepTimer = null;
      }
    };
    loop().catch((e: unknown) => end(e instanceof Error ? e : new Error(String(e))));
  });
}
