import { describe, expect, it } from 'vitest';
import {
  buildSscc,
  classifyScan,
  decodeGs1,
  describeGs1Issue,
  encodeElementString,
  fullYear,
  gs1CheckDigit,
  isValidGtin,
  parseGs1,
  splitAim,
  type Gs1Result,
} from './index';

const GS = '\u001d';
const now = new Date('2026-06-01T00:00:00Z');

function elements(r: Gs1Result): Record<string, string> {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return Object.fromEntries(r.elements.map((e) => [e.ai, e.value]));
}
function code(r: Gs1Result): string {
  return r.ok ? 'ok' : r.error.code;
}
function gs1(data: string, extra: Parameters<typeof parseGs1>[1] = {}): Gs1Result {
  return parseGs1(data, { symbology: ']C1', now, ...extra });
}
function el(r: Gs1Result, ai: string) {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.elements.find((e) => e.ai === ai);
}

describe('check digits (§2.3)', () => {
  it('computes the worked examples of scandata.c', () => {
    expect(gs1CheckDigit('2401234567890')).toBe(5);
    expect(gs1CheckDigit('211223378965')).toBe(7);
    expect(gs1CheckDigit('41600033610')).toBe(8);
    expect(gs1CheckDigit('0234568')).toBe(0);
  });
  it('validates GTINs of every length and rejects a wrong last digit', () => {
    for (const g of ['24012345678905', '2112233789657', '416000336108', '02345680']) {
      expect(isValidGtin(g)).toBe(true);
      const wrong = g.slice(0, -1) + String((Number(g.at(-1)) + 1) % 10);
      expect(isValidGtin(wrong)).toBe(false);
    }
    expect(isValidGtin('1234567')).toBe(false);
    expect(isValidGtin('0234568A')).toBe(false);
  });
  it('rejects non-digits as a programming error', () => {
    expect(() => gs1CheckDigit('12a')).toThrow(RangeError);
    expect(() => gs1CheckDigit('')).toThrow(RangeError);
  });
  it('builds the GS1 example SSCC and rejects parts that do not fit', () => {
    expect(buildSscc('0614141', '0', 123456789)).toBe('006141411234567890');
    expect(buildSscc('0614141', '0', '123456789')).toBe('006141411234567890');
    const sscc = buildSscc('84123456', '3', 42);
    expect(sscc).toHaveLength(18);
    expect(code(gs1(`00${sscc}`))).toBe('ok');
    expect(() => buildSscc('0614141', '0', 1234567890)).toThrow(RangeError);
    expect(() => buildSscc('0614141', '10', 1)).toThrow(RangeError);
    expect(() => buildSscc('061', '0', 1)).toThrow(RangeError);
    expect(() => buildSscc('0614141', '0', -1)).toThrow(RangeError);
  });
  it('rejects a wrong check digit inside a component (8003, 8006) and accepts the right one', () => {
    expect(code(gs1('800302112345678900ABC'))).toBe('ok');
    expect(code(gs1('800302112345678901ABC'))).toBe('check_digit');
    expect(code(gs1('8006240123456789050102'))).toBe('ok');
    expect(code(gs1('8006240123456789060102'))).toBe('check_digit');
  });
  it('checks the alphanumeric check pair of the GMN (8013)', () => {
    expect(code(gs1('80131987654Ad4X4bL5ttr2310c2K'))).toBe('ok');
    expect(code(gs1('80131987654Ad4X4bL5ttr2310cXK'))).toBe('check_digit');
  });
});

describe('element strings (§2.1)', () => {
  it('splits predefined-length AIs without GS and variable ones at GS', () => {
    expect(elements(gs1(`0109520123456788${''}10AB12${GS}17261231`))).toEqual({ '01': '09520123456788', '10': 'AB12', '17': '261231' });
  });
  it('requires a GS after a variable-length AI even at its maximum length', () => {
    expect(code(gs1('0194019097685457300000001713170119'))).toBe('value_too_long');
  });
  it('treats a fixed-length AI outside the predefined prefixes as needing FNC1 (8111)', () => {
    expect(elements(gs1(`81111234${GS}10ABC123`))).toEqual({ '8111': '1234', '10': 'ABC123' });
    expect(code(gs1('811112345'))).toBe('value_too_long');
  });
  it('accepts optional trailing components only whole (7007 N6 [N6])', () => {
    expect(code(gs1('7007211225'))).toBe('ok');
    expect(code(gs1('7007211225211231'))).toBe('ok');
    expect(code(gs1('700721122521'))).toBe('wrong_length');
  });
  it('reports a too short variable value and an empty one', () => {
    expect(code(gs1('7230E'))).toBe('value_too_short');
    expect(code(gs1(`10${GS}0109520123456788`))).toBe('value_too_short');
  });
  it('reports unknown AIs', () => {
    expect(code(gs1('891234'))).toBe('unknown_ai');
    expect(code(gs1('2'))).toBe('unknown_ai');
    expect(code(gs1('0109520123456788A'))).toBe('unknown_ai');
  });
  it('drops a leading GS and ignores a trailing one', () => {
    expect(elements(gs1(`${GS}10ABC${GS}`))).toEqual({ '10': 'ABC' });
  });
  it('accepts a doubled GS with a warning, rejects it in strict mode', () => {
    const r = gs1(`10ABC${GS}${GS}0109520123456788`);
    expect(elements(r)).toEqual({ '10': 'ABC', '01': '09520123456788' });
    expect(r.ok && r.warnings.map((w) => w.code)).toEqual(['empty_element_between_separators']);
    expect(code(gs1(`10ABC${GS}${GS}0109520123456788`, { strict: true }))).toBe('empty_element_between_separators');
  });
  it('rejects the ^ character', () => {
    expect(code(gs1('10AB^C'))).toBe('illegal_character');
  });
  it('maps a configured GS substitute to GS', () => {
    expect(elements(gs1('10ABC#0109520123456788', { gsSubstitute: '#' }))).toEqual({ '10': 'ABC', '01': '09520123456788' });
    expect(decodeGs1('#10ABC#0109520123456788', { gsSubstitute: '#' })).toMatchObject({ ok: true, kind: 'gs1' });
  });
  it('limits a message to 64 AIs', () => {
    const many = Array.from({ length: 65 }, (_, i) => `91X${i}`).join(GS);
    expect(code(gs1(many))).toBe('too_many_ais');
  });
});

describe('character sets', () => {
  it('CSET 82 accepts its whole alphabet and rejects space, ~ and non-ASCII', () => {
    const cset82 = `!"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz`;
    expect(elements(gs1(`91${cset82}`))['91']).toBe(cset82);
    for (const bad of [' ', '~', '#', 'é', '$', '@']) expect(code(gs1(`91AB${bad}C`)), bad).toBe('invalid_character');
  });
  it('CSET 39 (8010) accepts # - / digits and capitals only', () => {
    expect(code(gs1(`80100614141#-/AZ${GS}80111`))).toBe('ok');
    expect(code(gs1('80100614141abc'))).toBe('invalid_character');
    expect(code(gs1('80100614141_'))).toBe('invalid_character');
  });
  it('CSET 64 (8030) accepts base64url with correct padding only', () => {
    expect(code(gs1('8030Ab-_09'))).toBe('ok');
    expect(code(gs1('8030ab='))).toBe('ok');
    expect(code(gs1('8030a=='))).toBe('ok');
    expect(code(gs1('8030abcd='))).toBe('invalid_character');
    expect(code(gs1('8030ab+c'))).toBe('invalid_character');
  });
  it('N components reject letters', () => {
    expect(code(gs1('0109520123456A88'))).toBe('invalid_character');
  });
});

describe('dates and times (§2.4)', () => {
  it('resolves DD=00 to the last day of the month, leap years included', () => {
    expect(el(gs1('15200200'), '15')?.date).toBe('2020-02-29');
    expect(el(gs1('15210200'), '15')?.date).toBe('2021-02-28');
    expect(el(gs1('17211200'), '17')?.date).toBe('2021-12-31');
  });
  it('rejects impossible months and days', () => {
    expect(code(gs1('11131313'))).toBe('invalid_date');
    expect(code(gs1('11120230'))).toBe('invalid_date');
    expect(code(gs1('11990229'))).toBe('invalid_date');
    expect(code(gs1('11200229'))).toBe('ok');
  });
  it('rejects DD=00 where the dictionary says yymmdd (7006)', () => {
    expect(code(gs1('7006210200'))).toBe('invalid_date');
    expect(code(gs1('7006210228'))).toBe('ok');
  });
  it('applies the sliding century window relative to today', () => {
    expect(fullYear(99, 2026)).toBe(1999);
    expect(fullYear(52, 2026)).toBe(2052);
    expect(fullYear(76, 2026)).toBe(2076);
    expect(fullYear(77, 2026)).toBe(1977);
    expect(fullYear(3, 2026)).toBe(2003);
    expect(fullYear(0, 2099)).toBe(2100);
    expect(el(gs1('17771231'), '17')?.date).toBe('1977-12-31');
    expect(el(gs1('17771231', { now: new Date('2040-01-01T00:00:00Z') }), '17')?.date).toBe('2077-12-31');
  });
  it('decodes and validates times', () => {
    expect(el(gs1('70030301021430'), '7003')?.date).toBe('2003-01-02T14:30');
    expect(code(gs1('70030301022430'))).toBe('invalid_time');
    expect(code(gs1('70030301021460'))).toBe('invalid_time');
    expect(el(gs1('800800010214'), '8008')?.date).toBe('2000-01-02T14:00');
    expect(code(gs1('8008000102146'))).toBe('wrong_length');
    expect(code(gs1('43240701029999'))).toBe('invalid_time');
  });
});

describe('implied decimals (§2.5)', () => {
  it('returns decimal strings, never floats', () => {
    expect(el(gs1('3103000189'), '3103')?.decimal).toBe('0.189');
    expect(el(gs1('3102002004'), '3102')?.decimal).toBe('20.04');
    expect(el(gs1('3100001234'), '3100')?.decimal).toBe('1234');
    expect(el(gs1('3105123456'), '3105')?.decimal).toBe('1.23456');
    expect(el(gs1('39410055'), '3941')?.decimal).toBe('5.5');
    expect(el(gs1('39220'), '3922')?.decimal).toBe('0.00');
  });
  it('splits the ISO 4217 currency of 391n/393n and validates it', () => {
    const e = el(gs1('39127101230'), '3912');
    expect(e).toMatchObject({ currency: '710', currencyAlpha: 'ZAR', decimal: '12.30' });
    expect(code(gs1('39120001230'))).toBe('invalid_value');
  });
  it('validates ISO 3166 country codes (421, 422, 7030 allows 999)', () => {
    expect(code(gs1('42127649716'))).toBe('ok');
    expect(code(gs1('4210004971'))).toBe('invalid_value');
    expect(code(gs1('422999'))).toBe('invalid_value');
    expect(code(gs1('7030999ABC'))).toBe('ok');
    expect(code(gs1('4307DE'))).toBe('ok');
    expect(code(gs1('4307XX'))).toBe('invalid_value');
  });
});

describe('message-level rules', () => {
  it('allows a repeated AI with the same value once, rejects different values', () => {
    expect(elements(gs1(`10ABC${GS}10ABC`))).toEqual({ '10': 'ABC' });
    expect(code(gs1(`10ABC${GS}10ABD`))).toBe('duplicate_ai');
  });
  it('rejects mutually exclusive AIs always, even when lenient', () => {
    expect(code(gs1('01095201234567880209520123456788'))).toBe('invalid_ai_pair');
    expect(code(gs1('31020012343103000189'))).toBe('invalid_ai_pair');
    expect(code(gs1('31020012343103000189', { lenient: true }))).toBe('invalid_ai_pair');
    expect(code(gs1('01095201234567883102001234'))).toBe('ok');
  });
  it('reports missing required AIs as warnings, as errors in strict mode', () => {
    const r = gs1('10ABC');
    expect(r.ok && r.warnings).toEqual([expect.objectContaining({ code: 'missing_required_ai', ai: '10' })]);
    expect(code(gs1('10ABC', { strict: true }))).toBe('missing_required_ai');
    expect(code(gs1('010952012345678810ABC', { strict: true }))).toBe('ok');
  });
  it('evaluates AND groups (8040 needs 01 and 21)', () => {
    expect(code(gs1('01095201234567888040123456789012345', { strict: true }))).toBe('missing_required_ai');
    expect(code(gs1(`010952012345678821SN1${GS}8040123456789012345`, { strict: true }))).toBe('ok');
  });
});

describe('lenient switch', () => {
  it('splits a variable AI at its maximum only when asked', () => {
    const r = gs1('0194019097685457300000001713170119', { lenient: { variableLengthWithoutSeparator: true } });
    expect(elements(r)).toEqual({ '01': '94019097685457', '30': '00000017', '13': '170119' });
    expect(r.ok && r.warnings.map((w) => w.code)).toContain('value_too_long');
  });
  it('turns non-essential linters into warnings but never check digits, dates or country codes', () => {
    expect(code(gs1('43212'))).toBe('invalid_value');
    const r = gs1('43212', { lenient: { nonEssentialLintersAsWarnings: true } });
    expect(r.ok && r.warnings.map((w) => w.code)).toContain('invalid_value');
    expect(code(gs1('422999', { lenient: true }))).toBe('invalid_value');
    expect(code(gs1('00123456789012345670', { lenient: true }))).toBe('check_digit');
    expect(code(gs1('11131313', { lenient: true }))).toBe('invalid_date');
  });
});

describe('GS1 Digital Link (§2.7)', () => {
  const dl = (uri: string, extra: Parameters<typeof parseGs1>[1] = {}): Gs1Result => parseGs1(uri, { symbology: ']Q1', now, ...extra });
  it('accepts qualifiers in the dictionary order, each optional', () => {
    expect(elements(dl('https://id.gs1.org/01/09520123456788/22/2A/10/ABC/21/S1'))).toEqual({ '01': '09520123456788', '22': '2A', '10': 'ABC', '21': 'S1' });
    expect(code(dl('https://id.gs1.org/01/09520123456788/21/S1'))).toBe('ok');
    expect(code(dl('https://id.gs1.org/01/09520123456788/235/TPX1'))).toBe('ok');
  });
  it('rejects a wrong order, mixed alternatives and qualifiers on keys without them', () => {
    expect(code(dl('https://id.gs1.org/01/09520123456788/10/ABC/22/2A'))).toBe('dl_invalid_qualifier_sequence');
    expect(code(dl('https://id.gs1.org/01/09520123456788/10/ABC/235/X'))).toBe('dl_invalid_qualifier_sequence');
    expect(code(dl('https://id.gs1.org/00/006141411234567890/21/1'))).toBe('dl_invalid_qualifier_sequence');
    expect(code(dl('https://id.gs1.org/414/9520123456788/254/A/7040/1ABC'))).toBe('dl_invalid_qualifier_sequence');
  });
  it('lets the rightmost primary key win and treats what precedes it as a stem', () => {
    expect(elements(dl('https://a/00/faux/00/006141411234567890'))).toEqual({ '00': '006141411234567890' });
    expect(elements(dl('https://a/x/01/09520123456788/10/8003/21/S'))).toEqual({ '01': '09520123456788', '10': '8003', '21': 'S' });
  });
  it('percent-decodes the path (+ literal) and the query (+ is a space)', () => {
    expect(elements(dl('https://a/01/09520123456788/10/A%2FB+C'))['10']).toBe('A/B+C');
    expect(code(dl('https://a/01/09520123456788?98=XYZ+987'))).toBe('invalid_character');
    expect(elements(dl('https://a/01/09520123456788?98=XYZ%2B987#frag'))['98']).toBe('XYZ+987');
    expect(code(dl('https://a/01/09520123456788/10/A%2'))).toBe('dl_invalid_path');
  });
  it('validates query attributes', () => {
    expect(code(dl('https://a/01/09520123456788?10=ABC'))).toBe('dl_qualifier_in_query');
    expect(code(dl('https://a/01/09520123456788?99='))).toBe('dl_empty_value');
    expect(code(dl('https://a/01/09520123456788?99=A&99=B'))).toBe('duplicate_ai');
    expect(code(dl('https://a/01/09520123456788?8200=http'))).toBe('dl_ai_not_permitted');
    expect(code(dl('https://a/01/09520123456788?89=1'))).toBe('unknown_ai');
    expect(elements(dl('https://a/01/09520123456788?foo=bar&singleton&17=261231'))).toEqual({ '01': '09520123456788', '17': '261231' });
  });
  it('requires 14-digit GTINs unless the legacy leniency is on', () => {
    expect(code(dl('https://a/01/9520123456788'))).toBe('wrong_length');
    expect(elements(dl('https://a/01/9520123456788', { lenient: { zeroSuppressedGtinInDigitalLink: true } }))['01']).toBe('09520123456788');
  });
  it('rejects structural errors', () => {
    expect(code(dl('https://a/01/09520123456788/10'))).toBe('dl_invalid_path');
    expect(code(dl('https://a/01/09520123456788/'))).toBe('dl_no_primary_key');
    expect(code(dl('https://a/gtin/09520123456788'))).toBe('dl_no_primary_key');
    expect(code(dl('https://a'))).toBe('dl_no_primary_key');
    expect(code(dl('https://a/01/09520123456788/10/A B'))).toBe('illegal_character');
    expect(code(dl('https://a/01/09520123456789'))).toBe('check_digit');
  });
  it('is only recognised in plain carriers; in GS1 mode a URI is an error', () => {
    expect(code(parseGs1(']Q3https://a/01/09520123456788', { now }))).toBe('uri_in_gs1_element_string_mode');
    expect(parseGs1('HTTPS://A/01/09520123456788', { now })).toMatchObject({ ok: true, kind: 'dl' });
    expect(parseGs1(']d1HtTp://a/01/09520123456788', { now })).toMatchObject({ ok: true, kind: 'plain' });
  });
});

describe('symbology identifiers and classification (§1.3)', () => {
  it('splits AIM identifiers', () => {
    expect(splitAim(']C1011234')).toEqual({ symbology: ']C1', data: '011234' });
    expect(splitAim(']e0')).toEqual({ symbology: ']e0', data: '' });
    expect(splitAim('0112]C1')).toEqual({ symbology: null, data: '0112]C1' });
    expect(splitAim(']1x')).toEqual({ symbology: null, data: ']1x' });
  });
  it('classifies scans without an identifier in the documented order', () => {
    expect(classifyScan('https://id.gs1.org/01/09520123456788', null)).toBe('dl');
    expect(classifyScan('HtTps://x/01/1', null)).toBe('plain');
    expect(classifyScan(`${GS}10ABC`, null)).toBe('gs1');
    expect(classifyScan('96385074', null)).toBe('gtin');
    expect(classifyScan('9638507', null)).toBe('gs1');
    expect(classifyScan('ORDER-42', null)).toBe('plain');
    expect(classifyScan('89ABC', null)).toBe('plain');
  });
  it('handles EAN/UPC primaries, add-ons, composites and ITF-14', () => {
    expect(decodeGs1(']E09520123456788')).toEqual({ ok: true, symbology: ']E0', kind: 'gtin', ais: [], plain: '9520123456788', gtin14: '09520123456788' });
    expect(decodeGs1(']E0952012345678812')).toMatchObject({ ok: false, error: { code: 'primary_wrong_length' } });
    expect(decodeGs1(']E3952012345678812')).toMatchObject({ ok: true, kind: 'gtin', gtin14: '09520123456788' });
    expect(decodeGs1(']E09520123456788|]e010ABC', { strict: true })).toEqual({
      ok: true,
      symbology: ']E0',
      kind: 'gs1',
      ais: [
        { ai: '01', value: '09520123456788' },
        { ai: '10', value: 'ABC' },
      ],
    });
    expect(decodeGs1(']I109520123456788')).toMatchObject({ ok: true, kind: 'gtin', gtin14: '09520123456788' });
    expect(decodeGs1(']I01234')).toMatchObject({ ok: true, kind: 'plain', plain: '1234' });
  });
  it('handles plain and unsupported identifiers, empty scans and terminators', () => {
    expect(decodeGs1(']C0ABC 123')).toEqual({ ok: true, symbology: ']C0', kind: 'plain', ais: [], plain: 'ABC 123' });
    expect(decodeGs1(']W1abc')).toMatchObject({ ok: false, error: { code: 'unsupported_symbology_identifier' } });
    expect(decodeGs1('')).toMatchObject({ ok: false, error: { code: 'empty_input' } });
    expect(decodeGs1(']C1010952012345678810ABC\r\n')).toMatchObject({ ok: true, ais: [{ ai: '01' }, { ai: '10', value: 'ABC' }] });
    expect(decodeGs1('0109520123456788', { requireSymbologyId: true })).toMatchObject({ ok: false, error: { code: 'missing_symbology_identifier' } });
  });
});

describe('encodeElementString', () => {
  it('adds GS only after variable-length AIs that are not last', () => {
    expect(
      encodeElementString([
        { ai: '01', value: '09520123456788' },
        { ai: '10', value: 'AB' },
        { ai: '17', value: '261231' },
        { ai: '21', value: 'S1' },
      ]),
    ).toBe(`010952012345678810AB${GS}1726123121S1`);
    expect(encodeElementString([{ ai: '8111', value: '1234' }, { ai: '10', value: 'A' }])).toBe(`81111234${GS}10A`);
    expect(encodeElementString([])).toBe('');
  });
});

describe('operator texts', () => {
  it('describes issues in Spanish and English', () => {
    expect(describeGs1Issue({ code: 'check_digit', ai: '01' }, 'es')).toBe('El dígito de control es incorrecto: el código está mal impreso o mal leído. (IA 01)');
    expect(describeGs1Issue({ code: 'empty_input' }, 'en')).toBe('The scan is empty.');
  });
});
