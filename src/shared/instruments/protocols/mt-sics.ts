/**
 * Mettler Toledo MT-SICS (and KERN KCP, which answers the same way): whitespace-separated
 * tokens `<id> <status> [value unit]`, or a bare ES/ET/EL (reference §4.4).
 */
import { normaliseDecimal, normaliseUnit, notAFrame, reading, splitDecimal } from '../common';
import type { EncodableReading, StepResult } from '../types';
import { type ProtocolCodec, unsupported } from './codec';

const NAME = 'MT-SICS';
const weightIds = new Set(['S', 'SI', 'SIR', 'SU', 'SIU', 'SIRU', 'SR', 'SRU', 'SNR', 'SNRU']);
const generalErrors: Record<string, string> = {
  ES: 'syntax_error',
  ET: 'transmission_error',
  EL: 'logical_error',
};
const VALUE = /^([+-]?)(\d*\.?\d+)$/;

function parseValue(valueTok: string | undefined, unitTok: string | undefined): { value: string; unit: string } | null {
  if (valueTok === undefined || unitTok === undefined) return null;
  const m = VALUE.exec(valueTok);
  if (!m || !/^[A-Za-z%][A-Za-z0-9%/]*$/.test(unitTok)) return null;
  const value = normaliseDecimal(m[1] ?? '', m[2] ?? '');
  const unit = normaliseUnit(unitTok);
  return value === null || unit === null ? null : { value, unit };
}

function decode(body: string): StepResult {
  const line = body.trim();
  const general = generalErrors[line];
  if (general) return reading(null, null, null, 'error', { error_code: line, error: general });

  const m = /^(\S+) +(\S)(?: +(.*))?$/.exec(line);
  if (!m) return notAFrame(NAME);
  const id = m[1] ?? '';
  const status = m[2] ?? '';
  const rest = m[3] ?? '';
  if (!/^(@|[A-Z][A-Z0-9]{0,5})$/.test(id)) return notAFrame(NAME, `bad command id '${id}'`);
  const tokens = rest === '' ? [] : rest.split(/\s+/);

  switch (status) {
    case '+':
    case '-':
      if (tokens.length > 0) return notAFrame(NAME);
      return reading(null, null, null, status === '+' ? 'overload' : 'underload', { command: id });
    case 'I':
      return reading(null, null, null, 'error', { command: id, error_code: 'I', error: 'not_executable' });
    case 'L':
      return reading(null, null, null, 'error', { command: id, error_code: 'L', error: 'logical_error' });
    case 'S':
    case 'D': {
      const stable = status === 'S';
      if (tokens.length === 0 && !weightIds.has(id)) {
        return reading(null, null, stable, 'ack', { command: id });
      }
      if (tokens.length !== 2) return notAFrame(NAME, 'expected value and unit');
      const v = parseValue(tokens[0], tokens[1]);
      if (!v) return notAFrame(NAME, 'bad value or unit');
      // T S / TI D carry the tare just taken: an acknowledgement, never a measurement.
      return reading(v.value, v.unit, stable, weightIds.has(id) ? 'ok' : 'ack', weightIds.has(id) ? {} : { command: id });
    }
    case 'A':
    case 'B': {
      if (id === '@' || /^I\d+$/.test(id)) {
        const text = rest.replace(/"/g, '').trim();
        const fields: Record<string, string> = { command: id, info: text };
        if (id === '@' || id === 'I4') fields.serial_number = text;
        return reading(null, null, null, 'info', fields);
      }
      if (tokens.length === 0) return reading(null, null, null, 'ack', { command: id });
      const v = parseValue(tokens[0], tokens[1]);
      if (!v || tokens.length !== 2) {
        return reading(null, null, null, 'ack', { command: id, info: rest.replace(/"/g, '').trim() });
      }
      return reading(v.value, v.unit, null, 'ack', { command: id });
    }
    default:
      return notAFrame(NAME, `unknown status '${status}'`);
  }
}

function encode(r: EncodableReading): string {
  const status = r.status ?? 'ok';
  const id = r.detail?.command;
  switch (status) {
    case 'ok': {
      if (r.value === null) throw new RangeError('MT-SICS: an ok reading needs a value.');
      splitDecimal(r.value);
      const unit = r.unit ?? 'g';
      return `${id ?? 'S'} ${r.stable === false ? 'D' : 'S'} ${r.value.padStart(10)} ${unit}\r\n`;
    }
    case 'overload':
      return `${id ?? 'S'} +\r\n`;
    case 'underload':
      return `${id ?? 'S'} -\r\n`;
    case 'error': {
      const code = r.detail?.error_code ?? 'I';
      if (code in generalErrors) return `${code}\r\n`;
      return `${id ?? 'S'} ${code === 'L' ? 'L' : 'I'}\r\n`;
    }
    case 'ack':
      if (r.value !== null) {
        splitDecimal(r.value);
        return `${id ?? 'TA'} A ${r.value.padStart(10)} ${r.unit ?? 'g'}\r\n`;
      }
      return `${id ?? 'Z'} A\r\n`;
    case 'info':
      return `${id ?? 'I4'} A "${r.detail?.info ?? r.detail?.serial_number ?? ''}"\r\n`;
    default:
      return unsupported(NAME, status);
  }
}

export const mtSics: ProtocolCodec = {
  name: NAME,
  decode,
  encode,
  encodes: ['ok', 'overload', 'underload', 'error', 'ack', 'info'],
};
