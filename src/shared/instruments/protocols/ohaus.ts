/**
 * Ohaus print output (reference §4.7): value right-aligned (minus sign only), unit, then '?'
 * while unstable and an optional G/N/NET/TOTAL marker. Courier-class scales answer ES to an
 * invalid command.
 */
import { normaliseDecimal, normaliseUnit, notAFrame, reading, splitDecimal } from '../common';
import type { EncodableReading, StepResult } from '../types';
import { type ProtocolCodec, unsupported } from './codec';

const NAME = 'Ohaus';
const LINE = /^\s*(-?)(\d*\.?\d+)\s+([A-Za-z%][A-Za-z%:]*)(?:\s+(\?))?(?:\s+(TOTAL|G|N|NET))?\s*$/;
const markers: Record<string, string> = { TOTAL: 'total', G: 'gross', N: 'net', NET: 'net' };

function decode(body: string): StepResult {
  if (body.trim() === 'ES') return reading(null, null, null, 'error', { error_code: 'ES', error: 'syntax_error' });
  const m = LINE.exec(body);
  if (!m) return notAFrame(NAME);
  const value = normaliseDecimal(m[1] ?? '', m[2] ?? '');
  if (value === null) return notAFrame(NAME);
  const fields: Record<string, string> = {};
  const marker = m[5];
  if (marker) fields.field = markers[marker] ?? marker;
  return reading(value, normaliseUnit(m[3]), m[4] !== '?', 'ok', fields);
}

function encode(r: EncodableReading): string {
  const status = r.status ?? 'ok';
  switch (status) {
    case 'ok': {
      if (r.value === null) throw new RangeError('Ohaus: an ok reading needs a value.');
      splitDecimal(r.value);
      const marker = Object.entries(markers).find(([, v]) => v === r.detail?.field)?.[0];
      return `${r.value.padStart(10)} ${r.unit ?? 'g'}${r.stable === false ? ' ?' : ''}${marker ? ` ${marker}` : ''}\r\n`;
    }
    case 'error':
      return 'ES\r\n';
    default:
      return unsupported(NAME, status);
  }
}

export const ohaus: ProtocolCodec = { name: NAME, decode, encode, encodes: ['ok', 'error'] };
