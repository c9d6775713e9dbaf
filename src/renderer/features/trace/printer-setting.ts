/**
 * Where this workstation prints labels: PDF (default), or ZPL to a label printer on the network
 * (`tcp://host:9100`) or on a serial port (`/dev/ttyUSB0`, `COM3`). Kept per terminal in
 * localStorage: it is a property of the bench, not of the plant.
 */
import type { PrintTarget } from '../../../shared/labels/print-request';

const KEY = 'takt.labelPrinter';

export function parsePrinter(text: string): PrintTarget | null {
  const t = text.trim();
  if (!t || t.toLowerCase() === 'pdf') return { type: 'pdf' };
  const tcp = /^tcp:\/\/([^:/\s]+)(?::(\d{1,5}))?\/?$/i.exec(t);
  if (tcp) {
    const port = tcp[2] ? Number(tcp[2]) : 9100;
    return port >= 1 && port <= 65535 ? { type: 'zpl-tcp', host: tcp[1]!, port } : null;
  }
  if (/^(\/dev\/\S+|COM\d+)$/i.test(t)) return { type: 'zpl-serial', path: t };
  return null;
}

export function savedPrinter(): string {
  try {
    return localStorage.getItem(KEY) ?? '';
  } catch {
    return '';
  }
}
export function savePrinter(text: string): void {
  try {
    localStorage.setItem(KEY, text.trim());
  } catch {
    // A locked-down browser profile: the choice lasts for this screen only.
  }
}
