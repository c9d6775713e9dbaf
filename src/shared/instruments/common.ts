/**
 * Helpers every protocol decoder shares: cleaning a frame, the parity check, decimal strings
 * and unit names (shared/reference/devices-and-barcodes.md §4.0).
 */
import type { ReadingStatus } from '../devices/types';
import type { DecodeError, DecodeErrorCode, DecodedFrame, FieldValue, StepResult } from './types';

/** Longer than any frame of the supported protocols; bounds the work done on garbage. */
export const MAX_FRAME_LENGTH = 256;

const messages: Record<DecodeErrorCode, { en: string; es: string }> = {
  empty_frame: { en: 'The frame is empty.', es: 'La trama está vacía.' },
  frame_too_long: {
    en: `The frame is longer than ${MAX_FRAME_LENGTH} characters; check the terminator setting.`,
    es: `La trama supera ${MAX_FRAME_LENGTH} caracteres; revise el terminador configurado.`,
  },
  parity: {
    en: 'Bytes with the high bit set: check data bits/parity (a 7-bit device read as 8-bit).',
    es: 'Bytes con el bit alto activo: revise bits de datos/paridad (equipo de 7 bits leído como 8 bits).',
  },
  not_a_frame: {
    en: 'These bytes are not a frame of this protocol; check the protocol and the print format set on the device.',
    es: 'Estos bytes no son una trama de este protocolo; revise el protocolo y el formato de impresión del equipo.',
  },
  bad_value: {
    en: 'The frame has the right shape but its value is not a decimal number.',
    es: 'La trama tiene la forma correcta pero su valor no es un número decimal.',
  },
  unknown_protocol: { en: 'Unknown instrument protocol.', es: 'Protocolo de instrumento desconocido.' },
};

/** Operator-facing text for a decode error code, in Spanish or English. */
export function decodeErrorText(code: DecodeErrorCode, lang: 'en' | 'es' = 'en'): string {
  return messages[code][lang];
}

export function fail(code: DecodeErrorCode, extra?: string): { ok: false; error: DecodeError } {
  const base = messages[code].en;
  return { ok: false, error: { code, message: extra ? `${base} ${extra}` : base } };
}

export function notAFrame(protocolName: string, extra?: string): { ok: false; error: DecodeError } {
  return fail('not_a_frame', `(${protocolName}${extra ? `: ${extra}` : ''})`);
}

export function reading(
  value: string | null,
  unit: string | null,
  stable: boolean | null,
  status: ReadingStatus,
  fields: Record<string, FieldValue> = {},
): StepResult {
  const frame: DecodedFrame = { value, unit, stable, status, fields };
  return { ok: true, frame };
}

/**
 * Cleans one frame: parity check, NUL/XON/XOFF removal, STX/ETX wrapping and the terminator
 * (CR, LF or both, present or already stripped). Line breaks left inside mean two frames glued
 * together, which is not one frame.
 */
export function cleanFrame(frame: string): { ok: true; body: string } | { ok: false; error: DecodeError } {
  if (frame.length > MAX_FRAME_LENGTH * 4) return fail('frame_too_long');
  for (let i = 0; i < frame.length; i++) {
    const c = frame.charCodeAt(i);
    if (c >= 0x80) {
      return fail('parity', `(byte 0x${c.toString(16).toUpperCase()} at position ${i + 1})`);
    }
  }
  // NUL, XON and XOFF are line noise here, not data.
  let body = '';
  for (const ch of frame) if (ch !== '\0' && ch !== '\x11' && ch !== '\x13') body += ch;
  if (body.startsWith('\x02')) body = body.slice(1);
  body = body.replace(/[\r\n]+$/, '').replace(/^[\r\n]+/, '');
  if (body.endsWith('\x03')) body = body.slice(0, -1);
  body = body.replace(/[\r\n]+$/, '');
  if (body.length === 0) return fail('empty_frame');
  if (body.length > MAX_FRAME_LENGTH) return fail('frame_too_long');
  if (/[\r\n]/.test(body)) return fail('not_a_frame', '(a line break inside: more than one frame)');
  // ACK (0x06) is a complete A&D frame; every other control character is foreign.
  if (body !== '\x06') {
    for (let i = 0; i < body.length; i++) {
      const c = body.charCodeAt(i);
      if ((c < 0x20 && c !== 0x09) || c === 0x7f) {
        const hex = c.toString(16).toUpperCase().padStart(2, '0');
        return fail('not_a_frame', `(control character 0x${hex} at position ${i + 1})`);
      }
    }
  }
  return { ok: true, body };
}

const DIGITS = /^(\d*)(?:\.(\d*))?$/;

/**
 * Normalises a decimal as sent: drops '+', padding zeros and padding spaces on the integer part,
 * keeps every fraction digit (they carry the resolution). "-0.00" becomes "0.00".
 * Returns null when `digits` is not a plain decimal.
 */
export function normaliseDecimal(sign: string, digits: string): string | null {
  const s = sign.trim();
  if (s !== '' && s !== '+' && s !== '-') return null;
  const d = digits.replace(/^ +/, '');
  const m = DIGITS.exec(d);
  if (!m || !/\d/.test(d)) return null;
  const intPart = (m[1] ?? '').replace(/^0+(?=\d)/, '') || '0';
  const frac = m[2];
  const body = frac !== undefined && frac.length > 0 ? `${intPart}.${frac}` : intPart;
  const isZero = !/[1-9]/.test(body);
  return s === '-' && !isZero ? `-${body}` : body;
}

/** Splits a validated decimal string ("-12.340") into sign and absolute digits. */
export function splitDecimal(value: string): { negative: boolean; abs: string; intDigits: string; frac: string } {
  if (!/^-?\d+(\.\d+)?$/.test(value)) {
    throw new RangeError(`Not a decimal string: ${JSON.stringify(value)} (expected e.g. "-12.340").`);
  }
  const negative = value.startsWith('-') && /[1-9]/.test(value);
  const abs = value.replace(/^-/, '');
  const [intDigits = '0', frac = ''] = abs.split('.');
  return { negative, abs, intDigits, frac };
}

const unitTable: Record<string, string> = {
  g: 'g',
  kg: 'kg',
  mg: 'mg',
  ug: 'ug',
  t: 't',
  ct: 'ct',
  lb: 'lb',
  lbs: 'lb',
  oz: 'oz',
  ozt: 'ozt',
  dwt: 'dwt',
  gn: 'gr',
  gr: 'gr',
  mom: 'mom',
  tl: 'tl',
  n: 'N',
  kn: 'kN',
  mm: 'mm',
  um: 'um',
  in: 'in',
  inch: 'in',
  deg: 'deg',
  rad: 'rad',
  dms: 'dms',
  '%': '%',
};

/**
 * Unit names normalised case-insensitively to a small vocabulary (KERN "KG" -> "kg",
 * Mahr "inch" -> "in"). Counts and anything unknown keep the spelling the device sent
 * ("PC", "pcs"), so a count is never mistaken for a mass.
 */
export function normaliseUnit(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const u = raw.trim();
  if (u === '') return null;
  return unitTable[u.toLowerCase()] ?? u;
}
