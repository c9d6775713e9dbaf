/**
 * Mitutoyo (reference §4.1): the "01A" ASCII format (QM-Height, USB-ITN/DMX family), U-WAVE-R
 * API v1 frames and the ID-H indicator's command replies. No stability notion (stable null).
 */
import { normaliseDecimal, normaliseUnit, notAFrame, reading, splitDecimal } from '../common';
import type { DecodeOptions, EncodableReading, FieldValue, StepResult } from '../types';
import { type ProtocolCodec, unsupported } from './codec';

const M01A = 'Mitutoyo 01A';
const FRAME_01A = /^0(\d)([A-Z])([+-])\s*(\d+(?:\.\d+)?)$/;

export const mitutoyo01A: ProtocolCodec = {
  name: M01A,
  decode(body: string, options: DecodeOptions): StepResult {
    const m = FRAME_01A.exec(body);
    if (m) {
      const value = normaliseDecimal(m[3] ?? '', m[4] ?? '');
      if (value === null) return notAFrame(M01A);
      const fields: Record<string, FieldValue> = { channel: `0${m[1] ?? ''}`, item: m[2] ?? '' };
      let unit = normaliseUnit(options.unit ?? null);
      if (unit === null) {
        // The unit is not sent. Mitutoyo resolutions tell it: mm readings carry at most three
        // decimals (0.001 mm), inch readings four or five (0.0001 / 0.00005 in).
        const decimals = (m[4] ?? '').split('.')[1]?.length ?? 0;
        unit = decimals >= 4 ? 'in' : 'mm';
        fields.unit_source = 'resolution';
      }
      return reading(value, unit, null, 'ok', fields);
    }
    // A reply starting with 9 is a status/error reply of the USB-ITN family.
    const status = /^9([0-9A-Z]{1,8})$/.exec(body.trim());
    if (status) return reading(null, null, null, 'error', { error_code: `9${status[1] ?? ''}`, error: 'instrument_error' });
    return notAFrame(M01A, "expected '01A+value' + CR");
  },
  encode(r: EncodableReading): string {
    const status = r.status ?? 'ok';
    if (status === 'error') return `${r.detail?.error_code ?? '91'}\r`;
    if (status !== 'ok') return unsupported(M01A, status);
    if (r.value === null) throw new RangeError('Mitutoyo 01A: an ok reading needs a value.');
    const { negative, abs } = splitDecimal(r.value);
    const channel = r.detail?.channel && /^0\d$/.test(r.detail.channel) ? r.detail.channel : '01';
    const item = r.detail?.item && /^[A-Z]$/.test(r.detail.item) ? r.detail.item : 'A';
    return `${channel}${item}${negative ? '-' : '+'}${abs.padStart(8, '0')}\r`;
  },
  encodes: ['ok', 'error'],
};

const UWAVE = 'Mitutoyo U-WAVE';
const uwaveUnits: Record<string, string | null> = { M: 'mm', I: 'in', '0': null };
const uwaveStatus: Record<string, { status: 'error' | 'info'; error: string }> = {
  '00': { status: 'error', error: 'battery_low' },
  '01': { status: 'error', error: 'instrument_not_responding' },
  '02': { status: 'error', error: 'unregistered_transmitter' },
  '03': { status: 'error', error: 'data_loss' },
  '04': { status: 'error', error: 'transmitter_disconnected' },
  '05': { status: 'error', error: 'no_data' },
  '50': { status: 'error', error: 'request_packet_error' },
  '51': { status: 'info', error: 'end_of_search' },
  '99': { status: 'error', error: 'data_cancel' },
};

export const mitutoyoUwave: ProtocolCodec = {
  name: UWAVE,
  decode(body: string, options: DecodeOptions): StepResult {
    const dt = /^DT1(\d{2})(\d{2})([+-])(\d+\.\d+)([MI0])$/.exec(body);
    if (dt) {
      const value = normaliseDecimal(dt[3] ?? '', dt[4] ?? '');
      if (value === null) return notAFrame(UWAVE);
      const unit = uwaveUnits[dt[5] ?? '0'] ?? normaliseUnit(options.unit ?? null);
      return reading(value, unit, null, 'ok', { group: dt[1] ?? '', channel: dt[2] ?? '' });
    }
    const st = /^ST1(\d{2}|FF)(\d{2}|FF)([0-9A-F]{10})(\d{2})$/.exec(body);
    if (st) {
      const code = st[4] ?? '';
      const known = uwaveStatus[code] ?? { status: 'error' as const, error: 'unknown_status' };
      return reading(null, null, null, known.status, {
        group: st[1] ?? '',
        channel: st[2] ?? '',
        device_id: st[3] ?? '',
        error_code: code,
        error: known.error,
      });
    }
    const info = /^(RI1|TI1)([\x20-\x7e]*)$/.exec(body);
    if (info) return reading(null, null, null, 'info', { kind: info[1] === 'RI1' ? 'receiver' : 'transmitter', info: info[2] ?? '' });
    return notAFrame(UWAVE);
  },
  encode(r: EncodableReading): string {
    const status = r.status ?? 'ok';
    const group = r.detail?.group && /^\d{2}$/.test(r.detail.group) ? r.detail.group : '00';
    const channel = r.detail?.channel && /^(\d{2}|FF)$/.test(r.detail.channel) ? r.detail.channel : '01';
    switch (status) {
      case 'ok': {
        if (r.value === null) throw new RangeError('U-WAVE: an ok reading needs a value.');
        const { negative, intDigits, frac } = splitDecimal(r.value);
        const digits = `${intDigits}.${frac || '0'}`.padStart(11, '0');
        const unit = r.unit === 'mm' ? 'M' : r.unit === 'in' ? 'I' : '0';
        return `DT1${group}${channel}${negative ? '-' : '+'}${digits}${unit}\r`;
      }
      case 'error':
      case 'info': {
        const code = r.detail?.error_code ?? (status === 'info' ? '51' : '50');
        const device = r.detail?.device_id && /^[0-9A-F]{10}$/.test(r.detail.device_id) ? r.detail.device_id : 'FFFFFFFFFF';
        return `ST1${group}${channel}${device}${code}\r`;
      }
      default:
        return unsupported(UWAVE, status);
    }
  },
  encodes: ['ok', 'error', 'info'],
};

const IDH = 'Mitutoyo ID-H';
const idhModes: Record<string, string> = { N: 'normal', X: 'max', M: 'min', W: 'tir' };

export const mitutoyoIdh: ProtocolCodec = {
  name: IDH,
  decode(body: string, options: DecodeOptions): StepResult {
    const g = /^G([NXMW])(\d{2}),([+-])(\d+\.\d+)$/.exec(body);
    if (g) {
      const value = normaliseDecimal(g[3] ?? '', g[4] ?? '');
      if (value === null) return notAFrame(IDH);
      return reading(value, normaliseUnit(options.unit ?? null), null, 'ok', { id: g[2] ?? '', mode: idhModes[g[1] ?? 'N'] ?? 'normal' });
    }
    const dh = /^DH(\d{2}),(OK|\+NG|-NG|[A-Z+-]{1,4})$/.exec(body);
    if (dh) return reading(null, null, null, 'info', { id: dh[1] ?? '', judgement: dh[2] ?? '' });
    return notAFrame(IDH);
  },
  encode(r: EncodableReading): string {
    const status = r.status ?? 'ok';
    const id = r.detail?.id && /^\d{2}$/.test(r.detail.id) ? r.detail.id : '01';
    if (status === 'info') return `DH${id},${r.detail?.judgement ?? 'OK'}\r\n`;
    if (status !== 'ok') return unsupported(IDH, status);
    if (r.value === null) throw new RangeError('ID-H: an ok reading needs a value.');
    const { negative, intDigits, frac } = splitDecimal(r.value);
    const mode = Object.entries(idhModes).find(([, v]) => v === r.detail?.mode)?.[0] ?? 'N';
    return `G${mode}${id},${negative ? '-' : '+'}${`${intDigits}.${frac || '0'}`.padStart(9, '0')}\r\n`;
  },
  encodes: ['ok', 'info'],
};
