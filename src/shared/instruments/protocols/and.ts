/**
 * A&D weighing formats (reference §4.6): the standard format `HH,±DDDDDDDD UUU`, the CSV format
 * `HH,±DDDDDDDDD,UUU` and the indicator format `ST,NT,±DDDDDDDkg`. OL/LO carry a placeholder
 * number that must never be used as a weight; its sign tells over from under. `EC,Exx` is an
 * error reply and ACK (0x06) acknowledges a control command.
 */
import { fail, normaliseDecimal, normaliseUnit, notAFrame, reading, splitDecimal } from '../common';
import type { EncodableReading, StepResult } from '../types';
import { type ProtocolCodec, unsupported } from './codec';

// Meanings from the A&D GX-A/GF-A communication manual; the shared reference marks them UNVERIFIED.
const ecErrors: Record<string, string> = {
  E00: 'communication_error',
  E01: 'undefined_command',
  E02: 'not_ready',
  E03: 'timeout',
  E04: 'excess_characters',
  E06: 'format_error',
  E07: 'parameter_error',
  E11: 'stability_error',
  E20: 'calibration_weight_error',
  E21: 'calibration_weight_error',
};
const judgements = new Set(['LO', 'OK', 'HI', '--']);
const STD = /^(ST|US|QT|OL),(?:(LO|OK|HI|--),)?([+-])([0-9. E+]+?)(,?)\s*([A-Za-z%]+)$/;
const INDICATOR = /^(ST|US|LO),(GS|NT|TR),([+-])([0-9. ]+?)\s*([A-Za-z]+)$/;
const grossNet: Record<string, string> = { GS: 'gross', NT: 'net', TR: 'tare' };

function common(body: string, name: string): StepResult | null {
  if (body === '\x06') return reading(null, null, null, 'ack', { ack: 'ACK' });
  const ec = /^EC,(E\d\d)$/.exec(body.trim());
  if (ec) {
    const code = ec[1] ?? '';
    return reading(null, null, null, 'error', { error_code: code, error: ecErrors[code] ?? 'device_error' });
  }
  if (body.includes('\x06')) return notAFrame(name);
  return null;
}

function makeStd(csv: boolean): ProtocolCodec {
  const name = csv ? 'A&D CSV' : 'A&D standard';
  const decode = (body: string): StepResult => {
    const c = common(body, name);
    if (c) return c;
    const m = STD.exec(body.trim());
    if (!m) return notAFrame(name);
    const [, header, judgement, sign, data = '', , unitTok] = m;
    const unit = normaliseUnit(unitTok);
    const fields: Record<string, string> = {};
    if (judgement && judgements.has(judgement)) fields.judgement = judgement;
    if (header === 'OL') {
      return reading(null, unit, null, sign === '-' ? 'underload' : 'overload', fields);
    }
    const value = normaliseDecimal(sign ?? '', data);
    if (value === null) return fail('bad_value', `(${name}: '${data}')`);
    if (header === 'QT') fields.field = 'count';
    return reading(value, unit, header !== 'US', 'ok', fields);
  };
  const encode = (r: EncodableReading): string => {
    const status = r.status ?? 'ok';
    const unit = r.unit ?? 'g';
    const sep = csv ? ',' : ' ';
    const judgement = r.detail?.judgement ? `${r.detail.judgement},` : '';
    switch (status) {
      case 'ok': {
        if (r.value === null) throw new RangeError(`${name}: an ok reading needs a value.`);
        const { negative, abs } = splitDecimal(r.value);
        const header = r.stable === false ? 'US' : r.detail?.field === 'count' ? 'QT' : 'ST';
        return `${header},${judgement}${negative ? '-' : '+'}${abs.padStart(csv ? 9 : 8, '0')}${sep}${unit.padStart(3)}\r\n`;
      }
      case 'overload':
      case 'underload': {
        const sign = status === 'overload' ? '+' : '-';
        return `OL,${judgement}${sign}${csv ? '9999999E+19' : '999999.9'}${sep}${unit.padStart(3)}\r\n`;
      }
      case 'error':
        return `EC,${r.detail?.error_code ?? 'E11'}\r\n`;
      case 'ack':
        return '\x06\r\n';
      default:
        return unsupported(name, status);
    }
  };
  return { name, decode, encode, encodes: ['ok', 'overload', 'underload', 'error', 'ack'] };
}

export const andStd = makeStd(false);
export const andCsv = makeStd(true);

const IND = 'A&D indicator';
export const andIndicator: ProtocolCodec = {
  name: IND,
  decode(body: string): StepResult {
    const c = common(body, IND);
    if (c) return c;
    const m = INDICATOR.exec(body.trim());
    if (!m) return notAFrame(IND);
    const [, header, kind = '', sign, data = '', unitTok] = m;
    const unit = normaliseUnit(unitTok);
    const fields = { field: grossNet[kind] ?? kind };
    if (header === 'LO') return reading(null, unit, null, sign === '-' ? 'underload' : 'overload', fields);
    const value = normaliseDecimal(sign ?? '', data);
    if (value === null) return fail('bad_value', `(${IND}: '${data}')`);
    return reading(value, unit, header === 'ST', 'ok', fields);
  },
  encode(r: EncodableReading): string {
    const status = r.status ?? 'ok';
    const kind = Object.entries(grossNet).find(([, v]) => v === r.detail?.field)?.[0] ?? 'GS';
    const unit = r.unit ?? 'kg';
    switch (status) {
      case 'ok': {
        if (r.value === null) throw new RangeError(`${IND}: an ok reading needs a value.`);
        const { negative, abs } = splitDecimal(r.value);
        return `${r.stable === false ? 'US' : 'ST'},${kind},${negative ? '-' : '+'}${abs.padStart(7, '0')}${unit}\r\n`;
      }
      case 'overload':
        return `LO,${kind},+9999.99${unit}\r\n`;
      case 'underload':
        return `LO,${kind},-9999.99${unit}\r\n`;
      case 'error':
        return `EC,${r.detail?.error_code ?? 'E11'}\r\n`;
      case 'ack':
        return '\x06\r\n';
      default:
        return unsupported(IND, status);
    }
  },
  encodes: ['ok', 'overload', 'underload', 'error', 'ack'],
};
