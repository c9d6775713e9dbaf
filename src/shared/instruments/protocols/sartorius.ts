/**
 * Sartorius SBI print frames (reference §4.5): 16 characters (sign, value, unit, CR LF) or 22
 * with a 6-character ID code in front. A blank unit field means the value is not stable.
 * Digits in [ ] are not verified (legal-for-trade balances): brackets removed, flag kept.
 */
import { normaliseDecimal, normaliseUnit, notAFrame, reading, splitDecimal } from '../common';
import type { EncodableReading, FieldValue, StepResult } from '../types';
import { type ProtocolCodec, unsupported } from './codec';

const NAME = 'Sartorius SBI';
const VALUE = /^\s*([+-]?)\s*(\d*\.?\d+)\s*([A-Za-z%]+)?\s*$/;
const idFields: Record<string, string> = { N: 'net', NET: 'net', G: 'gross', 'G#': 'gross', T: 'tare', QNT: 'count' };

function special(text: string, fields: Record<string, FieldValue>): StepResult | null {
  const t = text.trim();
  if (/^(high|hh?)$/i.test(t)) return reading(null, null, null, 'overload', fields);
  if (/^(low|ll?)$/i.test(t)) return reading(null, null, null, 'underload', fields);
  const err = /^err(?:or)?\s*(\d{1,4})$/i.exec(t);
  if (err) {
    return reading(null, null, null, 'error', { ...fields, error_code: `Err ${err[1] ?? ''}`, error: 'device_error' });
  }
  if (/^cal\.?\s*(ext|int)\.?$/i.test(t) || t === 'C') {
    return reading(null, null, null, 'info', { ...fields, message: t });
  }
  if (/^-{2,}$/.test(t)) return reading(null, null, null, 'info', { ...fields, message: t });
  return null;
}

function decodeBody(text: string, fields: Record<string, FieldValue>): StepResult | null {
  const sp = special(text, fields);
  if (sp) return sp;
  let t = text;
  const nonVerified = t.includes('[');
  if (nonVerified) t = t.replace(/[[\]]/g, '');
  else t = t.replace(/]/g, ' ');
  const m = VALUE.exec(t);
  if (!m) return null;
  const value = normaliseDecimal(m[1] ?? '', m[2] ?? '');
  if (value === null) return null;
  const unit = normaliseUnit(m[3]);
  const f = nonVerified ? { ...fields, non_verified_digits: true } : fields;
  return reading(value, unit, unit !== null, 'ok', f);
}

function decode(body: string): StepResult {
  // 22-character frame: 6-character ID code ("N     ", "G#    ") before the 16-character part.
  if (body.length >= 17 || (/^[A-Za-z]/.test(body) && special(body, {}) === null && body.length > 6)) {
    const code = body.slice(0, 6).trim();
    if (/^[A-Za-z][A-Za-z0-9#%.]{0,5}$/.test(code) || code === '') {
      const fields: Record<string, FieldValue> = code === '' ? {} : { id: code };
      const field = idFields[code.toUpperCase()];
      if (field) fields.field = field;
      const r = decodeBody(body.slice(6), fields);
      if (r) return r;
    }
  }
  return decodeBody(body, {}) ?? notAFrame(NAME);
}

function encode(r: EncodableReading): string {
  const status = r.status ?? 'ok';
  const prefix = r.detail?.id !== undefined ? r.detail.id.padEnd(6).slice(0, 6) : '';
  switch (status) {
    case 'ok': {
      if (r.value === null) throw new RangeError('Sartorius SBI: an ok reading needs a value.');
      const { negative, abs } = splitDecimal(r.value);
      // Unstable values go out with a blank unit field: that is how SBI says "not stable".
      const unit = r.stable === false ? '' : (r.unit ?? 'g');
      return `${prefix}${negative ? '-' : '+'} ${abs.padStart(8)} ${unit.padEnd(3)}\r\n`;
    }
    case 'overload':
      return `${prefix}      High    \r\n`;
    case 'underload':
      return `${prefix}      Low     \r\n`;
    case 'error': {
      const code = (r.detail?.error_code ?? 'Err 101').replace(/^err\s*/i, '');
      return `${prefix}   Err ${code.padEnd(5)}\r\n`;
    }
    case 'info':
      return `${prefix}Cal.Ext.      \r\n`;
    default:
      return unsupported(NAME, status);
  }
}

export const sartoriusSbi: ProtocolCodec = {
  name: NAME,
  decode,
  encode,
  encodes: ['ok', 'overload', 'underload', 'error', 'info'],
};
