/**
 * Takt's strict GS1 parser: AIM symbology identifiers, GS1 element strings, GS1 Digital Link URIs,
 * EAN/UPC primaries; validation per the GS1 Barcode Syntax Dictionary. Pure: no I/O, no clock
 * except the current year for two-digit dates (injectable through `now`). See README.md.
 */
export { parseGs1, decodeGs1, splitAim, classifyScan } from './scan';
export { gs1CheckDigit, isValidGtin, toGtin14, buildSscc, encodeElementString } from './gtin';
export { describeGs1Issue, GS1_ISSUE_TEXT, type Gs1Language } from './messages';
export { AI_TABLE, isPredefinedLengthAi, type AiDefinition } from './ai-table';
export { impliedDecimal } from './element';
export { fullYear } from './linters';
export {
  GS1_ERROR_CODES,
  type Gs1ErrorCode,
  type Gs1Kind,
  type Gs1Issue,
  type Gs1Lenience,
  type Gs1LenienceFlags,
  type Gs1ParseOptions,
  type Gs1Element,
  type Gs1Result,
  type Gs1DecodeResult,
} from './types';
