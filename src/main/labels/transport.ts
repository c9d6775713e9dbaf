/**
 * Sends ZPL to a label printer: raw TCP (port 9100, what Zebra and most label printers listen
 * on) or a serial port. Resolves once the bytes were handed to the OS (TCP: the socket ended
 * cleanly; serial: written and drained), rejects with a message a person can act on.
 */
import { Socket } from 'node:net';
import { SerialPort } from 'serialport';

export async function sendTcp(host: string, port: number, data: string, timeoutMs = 5000): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const socket = new Socket();
    const fail = (e: Error) => {
      socket.destroy();
      reject(new Error(`printer ${host}:${port}: ${e.message}`));
    };
    socket.setTimeout(timeoutMs, () => fail(new Error('no answer (timeout)')));
    socket.once('error', fail);
    socket.connect(port, host, () => {
      socket.end(Buffer.from(data, 'utf8'), () => resolve());
    });
  }).catch((e: unknown) => {
    throw e instanceof Error ? e : new Error(String(e));
  });
}

export async function sendSerial(path: string, data: string, baudRate = 9600): Promise<void> {
  const port = new SerialPort({ path, baudRate, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((e) => (e ? reject(new Error(`serial port ${path}: ${e.message}`)) : resolve())));
  try {
    await new Promise<void>((resolve, reject) => port.write(Buffer.from(data, 'utf8'), (e) => (e ? reject(new Error(`serial port ${path}: ${e.message}`)) : resolve())));
    await new Promise<void>((resolve, reject) => port.drain((e) => (e ? reject(new Error(`serial port ${path}: ${e.message}`)) : resolve())));
  } finally {
    await new Promise<void>((resolve) => port.close(() => resolve()));
  }
}
