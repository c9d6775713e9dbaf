/**
 * KERN scales (reference §4.8). KCP speaks MT-SICS and uses that decoder. Here:
 * - kern-st: platform/indicator lines `ST,GS 1.000KG` (ST/US, then GS/NT/TW);
 * - kern-ew: EW/EG/EWB fixed 14/15-byte packets: sign+value (8 or 9 chars), 2-char unit,
 *   S1 (L/G/H/space), S2 (U unstable, S stable, E over/under range, space), CR LF.
 */
import { normaliseDecimal, normaliseUnit, notAFrame, reading, splitDecimal } from '../common';
import type { EncodableReading, FieldValue, StepResult } from '../types';
import { type ProtocolCodec, unsupported } from './codec';

const ST = 'KERN ST,GS';
const ST_LINE = /^(ST|US),(GS|NT|TW),?\s*([+-]?)\s*(\d*\.?\d+)\s*([A-Za-z%]+)\s*$/;
const stFields: Record<string, string> = { GS: 'gross', NT: 'net', TW: 'tare' };

export const kernSt: ProtocolCodec = {
  name: ST,
  decode(body: string): StepResult {
    const err = /^\s*(error\s*\d*)\s*$/i.exec(body);
    if (err) return reading(null, null, null, 'error', { error_code: (err[1] ?? '').trim(), error: 'device_error' });
    const m = ST_LINE.exec(body.trim());
    if (!m) return notAFrame(ST);
    const value = normaliseDecimal(m[3] ?? '', m[4] ?? '');
    if (value === null) return notAFrame(ST);
    return reading(value, normaliseUnit(m[5]), m[1] === 'ST', 'ok', { field: stFields[m[2] ?? ''] ?? '' });
  },
  encode(r: EncodableReading): string {
    const status = r.status ?? 'ok';
    if (status === 'error') return `Error ${r.detail?.error_code?.replace(/^error\s*/i, '') ?? ''}`.trimEnd() + '\r\n';
    if (status !== 'ok') return unsupported(ST, status);
    if (r.value === null) throw new RangeError('KERN ST,GS: an ok reading needs a value.');
    splitDecimal(r.value);
    const kind = Object.entries(stFields).find(([, v]) => v === r.detail?.field)?.[0] ?? 'GS';
    return `${r.stable === false ? 'US' : 'ST'},${kind} ${r.value.padStart(8)}${(r.unit ?? 'kg').toUpperCase()}\r\n`;
  },
  encodes: ['ok', 'error'],
};

const EW = 'KERN EW';
/** The 2-character unit codes of the EW packet (libsigrok kern.c); case matters ("to" = tola). */
const ewUnits: Record<string, string> = {
  ' G': 'g',
  CT: 'ct',
  OZ: 'oz',
  LB: 'lb',
  OT: 'ozt',
  DW: 'dwt',
  GR: 'gr',
  TL: 'tl',
  MO: 'mom',
  to: 'tola',
  ' %': '%',
  PC: 'PC',
};
const judgementS1: Record<string, string> = { L: 'low', G: 'good', H: 'high' };

export const kernEw: ProtocolCodec = {
  name: EW,
  decode(body: string): StepResult {
    if (body.length !== 12 && body.length !== 13) {
      return notAFrame(EW, `a packet is 14 or 15 bytes with CR LF, got ${body.length} without it`);
    }
    const vlen = body.length === 12 ? 8 : 9;
    const valueField = body.slice(0, vlen);
    const unitField = body.slice(vlen, vlen + 2);
    const s1 = body.charAt(vlen + 2);
    const s2 = body.charAt(vlen + 3);
    const sign = valueField.charAt(0);
    if (!'+- '.includes(sign) || !'LGH '.includes(s1) || !'USE '.includes(s2)) return notAFrame(EW);
    if (!/^[ A-Za-z%]{2}$/.test(unitField)) return notAFrame(EW, 'bad unit field');
    const unit = unitField.trim() === '' ? null : (ewUnits[unitField] ?? normaliseUnit(unitField));
    const fields: Record<string, FieldValue> = {};
    const j = judgementS1[s1];
    if (j) fields.judgement = j;
    if (s2 === 'E') {
      // The display shows o-Err or u-Err; the packet only says E, the sign tells which.
      return reading(null, unit, null, sign === '-' ? 'underload' : 'overload', { ...fields, error_code: 'E' });
    }
    const value = normaliseDecimal(sign, valueField.slice(1));
    if (value === null) return notAFrame(EW, 'bad value field');
    return reading(value, unit, s2 === 'S' ? true : s2 === 'U' ? false : null, 'ok', fields);
  },
  encode(r: EncodableReading): string {
    const status = r.status ?? 'ok';
    const unitCode = Object.entries(ewUnits).find(([, v]) => v === (r.unit ?? 'g'))?.[0] ?? (r.unit ?? '').toUpperCase().padStart(2).slice(0, 2);
    const s1 = Object.entries(judgementS1).find(([, v]) => v === r.detail?.judgement)?.[0] ?? ' ';
    if (status === 'overload' || status === 'underload') {
      return `${status === 'overload' ? '+' : '-'}${'        '}${unitCode}${s1}E\r\n`;
    }
    if (status !== 'ok') return unsupported(EW, status);
    if (r.value === null) throw new RangeError('KERN EW: an ok reading needs a value.');
    const { negative, abs } = splitDecimal(r.value);
    if (abs.length > 8) throw new RangeError(`KERN EW: '${r.value}' does not fit the 8-character value field.`);
    const s2 = r.stable === true ? 'S' : r.stable === false ? 'U' : ' ';
    return `${negative ? '-' : '+'}${abs.padStart(8)}${unitCode}${s1}${s2}\r\n`;
  },
  encodes: ['ok', 'overload', 'underload'],
};
