/**
 * Sylvac OPTO-RS (also Käfer and Mahr hand tools, reference §4.2) and the Mahr Millimar
 * interfaces (§4.3). These instruments send a held reading: no stability notion (stable null).
 * Sylvac sends no unit; Mahr C1202 and OPTORSD append one.
 */
import { normaliseDecimal, normaliseUnit, notAFrame, reading, splitDecimal } from '../common';
import type { DecodeOptions, EncodableReading, FieldValue, StepResult } from '../types';
import { type ProtocolCodec, unsupported } from './codec';

const SYLVAC = 'Sylvac OPTO-RS';
const sylvacErrors: Record<string, { status: 'error' | 'overload'; error: string }> = {
  '0': { status: 'error', error: 'sensor_error' },
  '1': { status: 'error', error: 'incorrect_command' },
  '2': { status: 'error', error: 'parity_error' },
  '3': { status: 'overload', error: 'range_exceeded' },
};
const SYLVAC_VALUE = /^([+\- ])(\d*\.?\d+)([<=>])?$/;

function configuredUnit(options: DecodeOptions): string | null {
  return normaliseUnit(options.unit ?? null);
}

export const sylvacOptors: ProtocolCodec = {
  name: SYLVAC,
  decode(body: string, options: DecodeOptions): StepResult {
    const err = /^ERR(\d)$/.exec(body);
    if (err) {
      const digit = err[1] ?? '';
      const e = sylvacErrors[digit] ?? { status: 'error' as const, error: 'instrument_error' };
      return reading(null, null, null, e.status, { error_code: `ERR${digit}`, error: e.error });
    }
    const m = SYLVAC_VALUE.exec(body);
    if (m) {
      const value = normaliseDecimal(m[1] ?? '', m[2] ?? '');
      if (value === null) return notAFrame(SYLVAC);
      const fields: Record<string, FieldValue> = {};
      if (m[3]) fields.tolerance = m[3];
      return reading(value, configuredUnit(options), null, 'ok', fields);
    }
    // Answer to UNI?: the unit the instrument displays.
    const uni = /^(MM|IN)$/.exec(body.trim());
    if (uni) return reading(null, uni[1] === 'MM' ? 'mm' : 'in', null, 'info', { unit_setting: uni[1] ?? '' });
    // Identification sent at power-on: SY + instrument + '.' + options.
    if (/^SY[\x21-\x7e][\x20-\x7e]*$/.test(body.trim())) {
      return reading(null, null, null, 'info', { ident: body.trim() });
    }
    return notAFrame(SYLVAC);
  },
  encode(r: EncodableReading): string {
    const status = r.status ?? 'ok';
    switch (status) {
      case 'ok': {
        if (r.value === null) throw new RangeError('Sylvac: an ok reading needs a value.');
        const { negative, abs } = splitDecimal(r.value);
        const tol = r.detail?.tolerance && /^[<=>]$/.test(r.detail.tolerance) ? r.detail.tolerance : '';
        return `${negative ? '-' : '+'}${abs}${tol}\r`;
      }
      case 'overload':
        return 'ERR3\r';
      case 'error': {
        const code = r.detail?.error_code ?? 'ERR0';
        return `${/^ERR\d$/.test(code) && code !== 'ERR3' ? code : 'ERR0'}\r`;
      }
      case 'info':
        return `${r.detail?.ident ?? 'SY289.00'}\r`;
      default:
        return unsupported(SYLVAC, status);
    }
  },
  encodes: ['ok', 'overload', 'error', 'info'],
};

const mahrErrors: Record<string, string> = { ERR6: 'feature_deactivated' };
/** Identification replies (ID?, VER?, SER?): printable text starting with a letter. */
const IDENT = /^[A-Za-z][\x20-\x7e]{0,63}$/;

const C1202 = 'Mahr C1202';
const FEATURE = /^\s*(\d)\s+(?:(ERR\d{1,2})|([+-]?)\s*(\d*\.?\d+)\s*([A-Za-z]+)?\s*([<=>])?\s*([<=>])?)\s*$/;

interface Feature {
  feature: string;
  error: string | null;
  value: string | null;
  unit: string | null;
  tolerance: string | null;
  warning: string | null;
}

function parseFeature(text: string): Feature | null {
  const m = FEATURE.exec(text);
  if (!m) return null;
  if (m[2]) return { feature: m[1] ?? '', error: m[2], value: null, unit: null, tolerance: null, warning: null };
  const value = normaliseDecimal(m[3] ?? '', m[4] ?? '');
  if (value === null) return null;
  return {
    feature: m[1] ?? '',
    error: null,
    value,
    unit: normaliseUnit(m[5]),
    tolerance: m[6] ?? null,
    warning: m[7] ?? null,
  };
}

export const mahrC1202: ProtocolCodec = {
  name: C1202,
  decode(body: string, options: DecodeOptions): StepResult {
    const parts = body.split(';');
    const features = parts.map(parseFeature);
    if (features.some((f) => f === null)) {
      if (parts.length === 1 && IDENT.test(body.trim()) && !/^ERR/i.test(body.trim())) {
        return reading(null, null, null, 'info', { ident: body.trim() });
      }
      return notAFrame(C1202, "expected 'n ±value unit [tolerance]' per feature, separated by ';'");
    }
    const list = features as Feature[];
    const first = list[0];
    if (!first) return notAFrame(C1202);
    const fields: Record<string, FieldValue> = { feature: first.feature };
    if (list.length > 1) {
      const map: Record<string, string | number> = {};
      for (const f of list) map[f.feature] = f.error ?? Number(f.value);
      fields.features = map;
    }
    if (first.error) {
      return reading(null, null, null, 'error', { ...fields, error_code: first.error, error: mahrErrors[first.error] ?? 'instrument_error' });
    }
    if (first.tolerance) fields.tolerance = first.tolerance;
    if (first.warning) fields.warning = first.warning;
    return reading(first.value, first.unit ?? configuredUnit(options), null, 'ok', fields);
  },
  encode(r: EncodableReading): string {
    const status = r.status ?? 'ok';
    const n = r.detail?.feature ?? '1';
    switch (status) {
      case 'ok': {
        if (r.value === null) throw new RangeError('Mahr C1202: an ok reading needs a value.');
        const { negative, abs, intDigits, frac } = splitDecimal(r.value);
        const padded = frac ? `${intDigits.padStart(3, '0')}.${frac}` : abs.padStart(3, '0');
        const tol = r.detail?.tolerance && /^[<=>]$/.test(r.detail.tolerance) ? ` ${r.detail.tolerance}` : '';
        return `${n} ${negative ? '-' : '+'}${padded} ${r.unit ?? 'mm'}${tol}\r`;
      }
      case 'error':
        return `${n} ${r.detail?.error_code ?? 'ERR6'}\r`;
      case 'info':
        return `${r.detail?.ident ?? 'MAHR C1202'}\r`;
      default:
        return unsupported(C1202, status);
    }
  },
  encodes: ['ok', 'error', 'info'],
};

const OPTORSD = 'Mahr OPTORSD';
const OPT_VALUE = /^\s*([+-]?)\s*(\d*\.?\d+)\s*([A-Za-z]+)?\s*([<=>])?\s*$/;

export const mahrOptorsd: ProtocolCodec = {
  name: OPTORSD,
  decode(body: string, options: DecodeOptions): StepResult {
    const t = body.trim();
    const err = /^ERR(\d{1,2})$/.exec(t);
    if (err) return reading(null, null, null, 'error', { error_code: t, error: mahrErrors[t] ?? 'instrument_error' });
    const m = OPT_VALUE.exec(body);
    if (m) {
      const value = normaliseDecimal(m[1] ?? '', m[2] ?? '');
      if (value === null) return notAFrame(OPTORSD);
      const fields: Record<string, FieldValue> = {};
      if (m[4]) fields.tolerance = m[4];
      return reading(value, normaliseUnit(m[3]) ?? configuredUnit(options), null, 'ok', fields);
    }
    // UNI? answers mm / in / um.
    if (/^(mm|in|um|inch)$/i.test(t)) return reading(null, normaliseUnit(t), null, 'info', { unit_setting: t });
    if (IDENT.test(t)) return reading(null, null, null, 'info', { ident: t });
    return notAFrame(OPTORSD);
  },
  encode(r: EncodableReading): string {
    const status = r.status ?? 'ok';
    switch (status) {
      case 'ok': {
        if (r.value === null) throw new RangeError('Mahr OPTORSD: an ok reading needs a value.');
        const { negative, intDigits, frac } = splitDecimal(r.value);
        const digits = frac ? `${intDigits.padStart(3, '0')}.${frac}` : intDigits.padStart(3, '0');
        return `${negative ? '-' : ''}${digits}${r.unit ?? ''}\r\n`;
      }
      case 'error':
        return `${r.detail?.error_code ?? 'ERR6'}\r\n`;
      case 'info':
        return `${r.detail?.ident ?? 'MAHR GMBH,C1208'} \r\n`;
      default:
        return unsupported(OPTORSD, status);
    }
  },
  encodes: ['ok', 'error', 'info'],
};
