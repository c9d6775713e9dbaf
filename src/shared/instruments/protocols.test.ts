/**
 * Per-protocol rules (shared/reference/devices-and-barcodes.md §4): sign, decimals kept as sent,
 * stability, overload/underload, error replies, ack/info frames, parity and foreign bytes.
 */
import { describe, expect, it } from 'vitest';
import {
  decodeErrorMessage,
  decodeFrame,
  decodeInstrument,
  defaultPortSettings,
  encodableStatuses,
  encodeFrame,
  pollCommands,
  protocolIds,
  readingFromOutcome,
  type DecodeOutcome,
  type ProtocolId,
} from './index';

function ok(protocol: ProtocolId, frame: string): Extract<DecodeOutcome, { ok: true }> {
  const r = decodeFrame(protocol, frame);
  if (!r.ok) throw new Error(`${protocol} ${JSON.stringify(frame)}: ${r.error.code} ${r.error.message}`);
  return r;
}
function failCode(protocol: ProtocolId, frame: string): string {
  const r = decodeFrame(protocol, frame);
  if (r.ok) throw new Error(`${protocol} ${JSON.stringify(frame)} decoded as ${JSON.stringify(r)}`);
  return r.error.code;
}

describe('common rules', () => {
  it('reports bytes >= 0x80 as a parity problem, for every protocol', () => {
    for (const p of protocolIds) {
      const r = decodeFrame(p, 'S S    1\xb2.00 g\r\n');
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('parity');
        expect(r.error.message).toMatch(/data bits\/parity/);
      }
    }
    // A 7E1 "S S 1.00 g" read as 8N1: 'S' (0x53) has an even number of ones, so its parity bit is 0,
    // but '1' (0x31) has three and shows up as 0xB1.
    expect(failCode('mt-sics', 'S S \xb1.00 g\r\n')).toBe('parity');
  });

  it('accepts the frame with or without its terminator, and ignores NUL/XON/XOFF and STX/ETX', () => {
    const expected = ok('mt-sics', 'S S     100.00 g\r\n');
    expect(ok('mt-sics', 'S S     100.00 g')).toEqual(expected);
    expect(ok('mt-sics', 'S S     100.00 g\r')).toEqual(expected);
    expect(ok('mt-sics', '\nS S     100.00 g')).toEqual(expected);
    expect(ok('mt-sics', '\x11S S     100.00 g\x13\0\r\n')).toEqual(expected);
    expect(ok('mt-sics', '\x02S S     100.00 g\x03')).toEqual(expected);
  });

  it('rejects empty frames, glued frames, control characters and endless input', () => {
    expect(failCode('mt-sics', '')).toBe('empty_frame');
    expect(failCode('mt-sics', '\r\n')).toBe('empty_frame');
    expect(failCode('mt-sics', 'S S 1.00 g\r\nS S 2.00 g\r\n')).toBe('not_a_frame');
    expect(failCode('mt-sics', 'S S 1.00\x1b g')).toBe('not_a_frame');
    expect(failCode('sylvac-optors', `+${'1'.repeat(5000)}\r`)).toBe('frame_too_long');
  });

  it('unknown protocol is an ok:false result listing the known ones', () => {
    const r = decodeInstrument('mettler', 'S S 1 g');
    expect(r).toMatchObject({ ok: false, error: { code: 'unknown_protocol' } });
    if (!r.ok) expect(r.error.message).toContain('mt-sics');
  });

  it('has Spanish and English text for every error code', () => {
    expect(decodeErrorMessage('parity', 'es')).toMatch(/paridad/);
    expect(decodeErrorMessage('parity', 'en')).toMatch(/parity/);
    expect(decodeErrorMessage('not_a_frame', 'es')).not.toBe(decodeErrorMessage('not_a_frame', 'en'));
  });
});

describe('mt-sics', () => {
  it('keeps decimals and sign as sent, splits on whitespace not columns', () => {
    expect(ok('mt-sics', 'S S    -12.340 g\r\n')).toMatchObject({ value: '-12.340', number: -12.34, unit: 'g', stable: true, status: 'ok' });
    expect(ok('mt-sics', 'S  D  0.0100   kg')).toMatchObject({ value: '0.0100', stable: false });
    expect(ok('mt-sics', 'S S -0.00 g').value).toBe('0.00');
  });
  it('maps status tokens: +, -, I, L, ES/ET/EL, A', () => {
    expect(ok('mt-sics', 'S +')).toMatchObject({ status: 'overload', value: null });
    expect(ok('mt-sics', 'SI -')).toMatchObject({ status: 'underload', value: null });
    expect(ok('mt-sics', 'S I')).toMatchObject({ status: 'error', detail: { error: 'not_executable', error_code: 'I' } });
    expect(ok('mt-sics', 'S L')).toMatchObject({ status: 'error', detail: { error: 'logical_error' } });
    expect(ok('mt-sics', 'ES')).toMatchObject({ status: 'error', detail: { error_code: 'ES', error: 'syntax_error' } });
    expect(ok('mt-sics', 'ET')).toMatchObject({ status: 'error', detail: { error: 'transmission_error' } });
    expect(ok('mt-sics', 'Z A')).toMatchObject({ status: 'ack', value: null });
    expect(ok('mt-sics', 'TA A 2.486 g')).toMatchObject({ status: 'ack', value: '2.486', unit: 'g' });
    expect(ok('mt-sics', 'T S    100.00 g')).toMatchObject({ status: 'ack', value: '100.00', stable: true });
    expect(ok('mt-sics', 'I4 A "B021002593"')).toMatchObject({ status: 'info', detail: { serial_number: 'B021002593' } });
  });
  it('rejects half frames and unknown statuses', () => {
    expect(failCode('mt-sics', 'S S 100.00')).toBe('not_a_frame');
    expect(failCode('mt-sics', 'S S')).toBe('not_a_frame');
    expect(failCode('mt-sics', 'S X 1.0 g')).toBe('not_a_frame');
    expect(failCode('mt-sics', 'S S 1.0.0 g')).toBe('not_a_frame');
  });
});

describe('sartorius-sbi', () => {
  it('blank unit = unstable; sign separated by spaces; non-verified digits flagged', () => {
    expect(ok('sartorius-sbi', '-   12.340 g  \r\n')).toMatchObject({ value: '-12.340', unit: 'g', stable: true });
    expect(ok('sartorius-sbi', '-  3.456     \r\n')).toMatchObject({ value: '-3.456', unit: null, stable: false });
    expect(ok('sartorius-sbi', ' 123.4567[8]g  ')).toMatchObject({ value: '123.45678', detail: { non_verified_digits: 'true' } });
  });
  it('reads the 22-character frame with its ID code', () => {
    expect(ok('sartorius-sbi', 'N     +   123.56 g  \r\n')).toMatchObject({ value: '123.56', unit: 'g', detail: { id: 'N', field: 'net' } });
  });
  it('maps special outputs', () => {
    expect(ok('sartorius-sbi', '      High    ').status).toBe('overload');
    expect(ok('sartorius-sbi', 'H').status).toBe('overload');
    expect(ok('sartorius-sbi', '      Low     ').status).toBe('underload');
    expect(ok('sartorius-sbi', 'LL').status).toBe('underload');
    expect(ok('sartorius-sbi', '   Err 101    ')).toMatchObject({ status: 'error', detail: { error_code: 'Err 101' } });
    expect(ok('sartorius-sbi', 'Cal.Ext.').status).toBe('info');
    expect(failCode('sartorius-sbi', '   Hello     ')).toBe('not_a_frame');
  });
});

describe('A&D', () => {
  it('standard format: headers, sign, count, judgement', () => {
    expect(ok('and-std', 'US,-00183.96  g')).toMatchObject({ value: '-183.96', stable: false, status: 'ok' });
    expect(ok('and-std', 'QT,+00012345 PC')).toMatchObject({ value: '12345', unit: 'PC', detail: { field: 'count' } });
    expect(ok('and-std', 'ST,HI,+00012.34  g')).toMatchObject({ value: '12.34', detail: { judgement: 'HI' } });
  });
  it('OL is over or under range by its sign; the number is a placeholder', () => {
    expect(ok('and-std', 'OL,+999999.9  g')).toMatchObject({ status: 'overload', value: null, unit: 'g' });
    expect(ok('and-std', 'OL,-999999.9  g')).toMatchObject({ status: 'underload', value: null });
    expect(ok('and-csv', 'OL,-9999999E+19,  g')).toMatchObject({ status: 'underload', value: null });
  });
  it('EC,Exx is an error reading and ACK an acknowledgement', () => {
    expect(ok('and-std', 'EC,E11\r\n')).toMatchObject({ status: 'error', detail: { error_code: 'E11' } });
    expect(ok('and-csv', '\x06')).toMatchObject({ status: 'ack' });
    expect(ok('and-indicator', 'EC,E01')).toMatchObject({ status: 'error', detail: { error_code: 'E01' } });
  });
  it('an exponent outside OL is a bad value, a missing sign is not a frame', () => {
    expect(failCode('and-std', 'ST,+1234567E+1  g')).toBe('bad_value');
    expect(failCode('and-std', 'ST,00012.34  g')).toBe('not_a_frame');
  });
  it('indicator format: GS/NT/TR and LO out of range', () => {
    expect(ok('and-indicator', 'US,GS,-0001.50kg')).toMatchObject({ value: '-1.50', stable: false, detail: { field: 'gross' } });
    expect(ok('and-indicator', 'LO,NT,+9999.99kg')).toMatchObject({ status: 'overload', value: null });
  });
});

describe('Ohaus', () => {
  it('? after the unit = unstable; markers; ES', () => {
    expect(ok('ohaus', '     -1.230 kg ?')).toMatchObject({ value: '-1.230', unit: 'kg', stable: false });
    expect(ok('ohaus', '     12.00 g N')).toMatchObject({ stable: true, detail: { field: 'net' } });
    expect(ok('ohaus', 'ES')).toMatchObject({ status: 'error', detail: { error_code: 'ES' } });
    expect(failCode('ohaus', '     12.00')).toBe('not_a_frame');
  });
});

describe('KERN', () => {
  it('ST,GS: unit case normalised, NT/TW fields', () => {
    expect(ok('kern-st', 'ST,NT    -0.500KG')).toMatchObject({ value: '-0.500', unit: 'kg', stable: true, detail: { field: 'net' } });
    expect(ok('kern-st', 'US,TW 0.10KG')).toMatchObject({ stable: false, detail: { field: 'tare' } });
  });
  it('EW packets: 14 and 15 bytes, S2 stability, E over/under', () => {
    expect(ok('kern-ew', '+123.456 G S\r\n')).toMatchObject({ value: '123.456', unit: 'g', stable: true });
    expect(ok('kern-ew', '-   1.50CT  \r\n')).toMatchObject({ value: '-1.50', unit: 'ct', stable: null });
    expect(ok('kern-ew', '+   12345PCGS\r\n')).toMatchObject({ value: '12345', unit: 'PC', detail: { judgement: 'good' } });
    expect(ok('kern-ew', '+         G E\r\n')).toMatchObject({ status: 'overload', value: null });
    expect(ok('kern-ew', '-         G E\r\n')).toMatchObject({ status: 'underload' });
    expect(failCode('kern-ew', '+ 123.456 G X\r\n')).toBe('not_a_frame');
    expect(failCode('kern-ew', '+ 123.456 G\r\n')).toBe('not_a_frame');
  });
});

describe('Sylvac and Mahr', () => {
  it('Sylvac: sign position, tolerance, ERRn', () => {
    expect(ok('sylvac-optors', '-0.0500\r')).toMatchObject({ value: '-0.0500', unit: null, stable: null });
    expect(ok('sylvac-optors', ' 25.40<\r')).toMatchObject({ value: '25.40', detail: { tolerance: '<' } });
    expect(ok('sylvac-optors', 'ERR3\r')).toMatchObject({ status: 'overload', detail: { error_code: 'ERR3' } });
    expect(ok('sylvac-optors', 'ERR1\r')).toMatchObject({ status: 'error', detail: { error: 'incorrect_command' } });
    expect(ok('sylvac-optors', 'MM\r')).toMatchObject({ status: 'info', unit: 'mm' });
    expect(failCode('sylvac-optors', '12.345\r')).toBe('not_a_frame');
  });
  it('takes the unit the gauge is configured with when the protocol sends none', () => {
    expect(decodeFrame('sylvac-optors', '+1.5\r', { unit: 'mm' })).toMatchObject({ unit: 'mm' });
    expect(decodeFrame('mitutoyo-01A', '01A+0001.2345\r', { unit: 'mm' })).toMatchObject({ unit: 'mm' });
  });
  it('Mahr C1202: features, tolerance and warning symbols, ERR6', () => {
    expect(ok('mahr-c1202', '2 -000.05 um <>\r')).toMatchObject({ value: '-0.05', unit: 'um', detail: { feature: '2', tolerance: '<', warning: '>' } });
    expect(ok('mahr-c1202', '1 ERR6\r')).toMatchObject({ status: 'error', detail: { error_code: 'ERR6', error: 'feature_deactivated' } });
    expect(failCode('mahr-c1202', '1 +012.34 mm;2 ?\r')).toBe('not_a_frame');
  });
  it('Mahr OPTORSD: value with unit, UNI? and ID? replies', () => {
    expect(ok('mahr-optorsd', '-012.345mm\r\n')).toMatchObject({ value: '-12.345', unit: 'mm' });
    expect(ok('mahr-optorsd', 'in\r\n')).toMatchObject({ status: 'info', unit: 'in' });
    expect(ok('mahr-optorsd', 'MAHR GMBH,C1208 \r\n')).toMatchObject({ status: 'info', detail: { ident: 'MAHR GMBH,C1208' } });
  });
});

describe('Mitutoyo', () => {
  it('01A: sign, channel, unit from resolution', () => {
    expect(ok('mitutoyo-01A', '01A-0012.345\r')).toMatchObject({ value: '-12.345', unit: 'mm', detail: { channel: '01' } });
    expect(ok('mitutoyo-01A', '03A+00.12345\r')).toMatchObject({ value: '0.12345', unit: 'in', detail: { channel: '03' } });
    expect(failCode('mitutoyo-01A', '01A 0012.345\r')).toBe('not_a_frame');
  });
  it('U-WAVE: measurement units and status codes', () => {
    expect(ok('mitutoyo-uwave', 'DT10102-00000000.5000I\r')).toMatchObject({ value: '-0.5000', unit: 'in', detail: { group: '01', channel: '02' } });
    expect(ok('mitutoyo-uwave', 'DT10005+00000020.060\r')).toMatchObject({ unit: null });
    expect(ok('mitutoyo-uwave', 'ST10001123456789000\r')).toMatchObject({ status: 'error', detail: { error_code: '00', error: 'battery_low', device_id: '1234567890' } });
    expect(ok('mitutoyo-uwave', 'ST1FFFFFFFFFFFFFF51\r')).toMatchObject({ status: 'info', detail: { error: 'end_of_search' } });
  });
  it('ID-H: GN/GX/GM/GW and judgement replies', () => {
    expect(ok('mitutoyo-idh', 'GW07,+0000.0120\r\n')).toMatchObject({ value: '0.0120', detail: { id: '07', mode: 'tir' } });
    expect(ok('mitutoyo-idh', 'DH01,-NG\r\n')).toMatchObject({ status: 'info', detail: { judgement: '-NG' } });
    expect(failCode('mitutoyo-idh', 'GQ01,+0016.2345\r\n')).toBe('not_a_frame');
  });
});

describe('settings and encoders', () => {
  it('has a poll command (or null) and port defaults for every protocol', () => {
    for (const p of protocolIds) {
      expect(p in pollCommands).toBe(true);
      const s = defaultPortSettings[p];
      expect(s.baudRate).toBeGreaterThan(0);
      expect([7, 8]).toContain(s.dataBits);
      expect(s.mode === 'poll').toBe(pollCommands[p] !== null);
    }
    expect(pollCommands['sartorius-sbi']).toBe('\x1bP\r\n');
    expect(defaultPortSettings['sylvac-optors']).toMatchObject({ baudRate: 4800, dataBits: 7, parity: 'even', stopBits: 2 });
    expect(defaultPortSettings['mitutoyo-uwave']).toMatchObject({ baudRate: 57600, dataBits: 8, parity: 'none' });
  });
  it('encodes every status it claims, and each frame decodes back to that status', () => {
    for (const p of protocolIds) {
      for (const status of encodableStatuses[p]) {
        const value = status === 'ok' ? '1.250' : null;
        const frame = encodeFrame(p, { value, unit: 'g', stable: true, status });
        expect(decodeFrame(p, frame), `${p} ${status} ${JSON.stringify(frame)}`).toMatchObject({ ok: true, status });
      }
    }
  });
  it('refuses values that are not decimal strings and statuses the protocol cannot send', () => {
    expect(() => encodeFrame('mt-sics', { value: '1e3', unit: 'g' })).toThrow(RangeError);
    expect(() => encodeFrame('ohaus', { value: null, status: 'overload' })).toThrow(RangeError);
    expect(() => encodeFrame('kern-ew', { value: '123456789.5', unit: 'g' })).toThrow(RangeError);
  });
});

describe('readingFromOutcome', () => {
  it('builds the device-layer Reading with the raw frame and the detail', () => {
    const frame = 'DT10005+00000020.06M\r';
    const r = readingFromOutcome(ok('mitutoyo-uwave', frame), {
      raw: frame,
      portId: 'uwave-1',
      gaugeId: 'CAL-0042',
      protocol: 'mitutoyo-uwave',
      receivedAt: '2025-01-01T08:00:00.000Z',
    });
    expect(r).toEqual({
      value: '20.06',
      number: 20.06,
      unit: 'mm',
      stable: null,
      status: 'ok',
      raw: frame,
      portId: 'uwave-1',
      gaugeId: 'CAL-0042',
      protocol: 'mitutoyo-uwave',
      receivedAt: '2025-01-01T08:00:00.000Z',
      detail: { group: '00', channel: '05' },
    });
  });
});
