/**
 * Public types of the GS1 parser. Error codes follow shared/reference/devices-and-barcodes.md §2.8;
 * the few additions are marked "extension" and are explained in README.md.
 */

export const GS1_ERROR_CODES = [
  // input
  'empty_input',
  'missing_symbology_identifier',
  'unsupported_symbology_identifier',
  'empty_gs1_data',
  // EAN/UPC primary
  'primary_wrong_length',
  'non_digit',
  'check_digit',
  // element string
  'illegal_character',
  'invalid_character',
  'unknown_ai',
  'wrong_length',
  'value_too_long',
  'value_too_short',
  'invalid_date',
  'invalid_time',
  'invalid_value', // extension: a component linter other than check digit/date/time failed
  'too_many_ais', // extension: more than 64 AIs in one message
  // carrier
  'uri_in_gs1_element_string_mode',
  // digital link
  'dl_no_primary_key',
  'dl_invalid_path',
  'dl_invalid_qualifier_sequence',
  'dl_qualifier_in_query',
  'dl_empty_value',
  'dl_ai_not_permitted', // extension: a numeric query parameter that is not a DL data attribute
  // message level
  'duplicate_ai',
  'invalid_ai_pair',
  // strict only (warnings unless `strict`)
  'missing_required_ai',
  'empty_element_between_separators',
] as const;

export type Gs1ErrorCode = (typeof GS1_ERROR_CODES)[number];

export type Gs1Kind = 'gs1' | 'dl' | 'gtin' | 'plain';

export interface Gs1Issue {
  code: Gs1ErrorCode;
  /** English, detailed (engine wording where there is one). Use describeGs1Issue() for Spanish. */
  message: string;
  ai?: string;
  /** Character offset in the data after the symbology identifier, where known. */
  position?: number;
}

/**
 * The leniencies the reference explicitly allows (nothing else can be relaxed):
 * - variableLengthWithoutSeparator: §2.1 step 3 "optional lenient mode" — a variable-length AI that
 *   runs past its maximum without a GS is cut at its maximum (Odoo/biip behaviour, vector gs1-125).
 * - zeroSuppressedGtinInDigitalLink: §2.7 rule 9, GS1's legacy `permitZeroSuppressedGTINinDLuris` —
 *   a GTIN-8/12/13 in a DL path is left-padded to 14 digits.
 * - nonEssentialLintersAsWarnings: §2.6 "Everything else can be a warning" — linters outside the
 *   minimum set (character sets, check digits, dates/times, ISO country/currency, lengths) report a
 *   warning instead of rejecting the scan.
 * `true` turns on all three.
 */
export interface Gs1LenienceFlags {
  variableLengthWithoutSeparator?: boolean;
  zeroSuppressedGtinInDigitalLink?: boolean;
  nonEssentialLintersAsWarnings?: boolean;
}
export type Gs1Lenience = boolean | Gs1LenienceFlags;

export interface Gs1ParseOptions {
  /**
   * The AIM symbology identifier ("]C1") when the caller has already split it off `input`; null when
   * the scanner sent none. When undefined, parseGs1 splits it off `input` itself.
   */
  symbology?: string | null;
  lenient?: Gs1Lenience;
  /** A printable stand-in some scanners send instead of GS (e.g. "#"); may be several characters. */
  gsSubstitute?: string;
  /** Association checks (req) and doubled separators become errors instead of warnings. */
  strict?: boolean;
  /** Reject scans without an AIM symbology identifier (`missing_symbology_identifier`). */
  requireSymbologyId?: boolean;
  /** "Today" for the century window of two-digit years; defaults to the current date. */
  now?: Date;
}

export interface Gs1Element {
  ai: string;
  /** The raw value, exactly as encoded (the source of truth). */
  value: string;
  title: string;
  /** Implied-decimal value (31nn–36nn, 390n–395n) or count (30, 37) as a decimal string, never a float. */
  decimal?: string;
  /** 391n/393n: ISO 4217 numeric and alphabetic currency code. */
  currency?: string;
  currencyAlpha?: string;
  /** Dates as ISO 8601: "YYYY-MM-DD", or "YYYY-MM-DDTHH:MM[:SS]" when the AI carries a time. DD=00 is resolved to the month's last day. */
  date?: string;
  /** Second date of a range (7007 harvest date). */
  dateEnd?: string;
}

export type Gs1Result =
  | {
      ok: true;
      symbology: string | null;
      kind: Gs1Kind;
      elements: Gs1Element[];
      warnings: Gs1Issue[];
      /** kind "plain"/"gtin": the payload as scanned (after the symbology identifier). */
      plain?: string;
      /** kind "gtin": the GTIN left-padded to 14 digits. */
      gtin14?: string;
    }
  | { ok: false; symbology: string | null; error: Gs1Issue };

/** The `takt decode gs1` JSON shape (ARCHITECTURE §5), plus optional plain/gtin14/warnings when present. */
export type Gs1DecodeResult =
  | {
      ok: true;
      symbology: string | null;
      kind: Gs1Kind;
      ais: { ai: string; value: string }[];
      plain?: string;
      gtin14?: string;
      warnings?: { code: Gs1ErrorCode; message: string }[];
    }
  | { ok: false; error: { code: Gs1ErrorCode; message: string } };
