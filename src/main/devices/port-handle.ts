/**
 * The serial port as the hub sees it: serialport's SerialPort, or a test's stand-in with the
 * same few methods.
 */
import { SerialPort } from 'serialport';
import type { DeviceConfig } from '../../shared/devices/types';

type Callback = (err: Error | null) => void;

/** The part of serialport's SerialPort the hub uses; tests may inject another implementation. */
export interface PortHandle {
  readonly isOpen: boolean;
  open(cb: Callback): void;
  close(cb?: Callback): void;
  set(options: { dtr?: boolean; rts?: boolean }, cb: Callback): void;
  write(data: Buffer, cb?: (err: Error | null | undefined) => void): unknown;
  on(event: 'data', listener: (chunk: Buffer) => void): unknown;
  on(event: 'close', listener: (err?: (Error & { disconnected?: boolean }) | null) => void): unknown;
  on(event: 'error', listener: (err: Error) => void): unknown;
  removeAllListeners(): unknown;
}

export type OpenPort = (config: DeviceConfig) => PortHandle;

export const openSerialPort: OpenPort = (config) =>
  new SerialPort({
    path: config.path,
    baudRate: config.settings.baudRate,
    dataBits: config.settings.dataBits,
    parity: config.settings.parity,
    stopBits: config.settings.stopBits,
    rtscts: config.settings.rtscts,
    xon: config.settings.xon,
    xoff: config.settings.xon,
    autoOpen: false,
  });
