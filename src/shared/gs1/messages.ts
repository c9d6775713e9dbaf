/**
 * Operator-facing texts for GS1 scan problems, in Spanish and English. The result's own `message`
 * is a detailed English diagnostic for logs; screens should show describeGs1Issue().
 */
import type { Gs1ErrorCode, Gs1Issue } from './types';

export type Gs1Language = 'es' | 'en';

export const GS1_ISSUE_TEXT: Readonly<Record<Gs1ErrorCode, Readonly<Record<Gs1Language, string>>>> = {
  empty_input: { en: 'The scan is empty.', es: 'La lectura está vacía.' },
  missing_symbology_identifier: {
    en: 'The scanner sent no symbology identifier. Enable AIM ids on the scanner.',
    es: 'El lector no envió identificador de simbología. Active los identificadores AIM en el lector.',
  },
  unsupported_symbology_identifier: { en: 'This barcode type is not supported.', es: 'Este tipo de código de barras no está soportado.' },
  empty_gs1_data: { en: 'The GS1 barcode contains no data.', es: 'El código GS1 no contiene datos.' },
  primary_wrong_length: { en: 'The EAN/UPC code has the wrong number of digits.', es: 'El código EAN/UPC no tiene el número de dígitos correcto.' },
  non_digit: { en: 'The EAN/UPC code may only contain digits.', es: 'El código EAN/UPC solo puede contener dígitos.' },
  check_digit: { en: 'The check digit is wrong: the code is misprinted or misread.', es: 'El dígito de control es incorrecto: el código está mal impreso o mal leído.' },
  illegal_character: { en: 'The scan contains a character that is not allowed.', es: 'La lectura contiene un carácter no permitido.' },
  invalid_character: { en: 'A field contains a character that is not allowed for it.', es: 'Un campo contiene un carácter no permitido en él.' },
  unknown_ai: { en: 'The code contains an unknown GS1 application identifier.', es: 'El código contiene un identificador de aplicación GS1 desconocido.' },
  wrong_length: { en: 'A field has the wrong length.', es: 'Un campo tiene una longitud incorrecta.' },
  value_too_long: { en: 'A field is too long (a separator may be missing).', es: 'Un campo es demasiado largo (puede faltar un separador).' },
  value_too_short: { en: 'A field is too short or empty.', es: 'Un campo es demasiado corto o está vacío.' },
  invalid_date: { en: 'A date in the code is not a valid date.', es: 'Una fecha del código no es válida.' },
  invalid_time: { en: 'A time in the code is not a valid time.', es: 'Una hora del código no es válida.' },
  invalid_value: { en: 'A field has a value that is not allowed.', es: 'Un campo tiene un valor no permitido.' },
  too_many_ais: { en: 'The code contains too many fields.', es: 'El código contiene demasiados campos.' },
  uri_in_gs1_element_string_mode: {
    en: 'A web link was encoded as GS1 data; the label is encoded incorrectly.',
    es: 'Se codificó un enlace web como datos GS1; la etiqueta está mal codificada.',
  },
  dl_no_primary_key: { en: 'The web link carries no GS1 key.', es: 'El enlace web no contiene ninguna clave GS1.' },
  dl_invalid_path: { en: 'The GS1 web link is malformed.', es: 'El enlace web GS1 está mal formado.' },
  dl_invalid_qualifier_sequence: { en: 'The GS1 web link has its fields in a wrong order.', es: 'El enlace web GS1 tiene los campos en un orden incorrecto.' },
  dl_qualifier_in_query: { en: 'The GS1 web link puts a key qualifier in the wrong place.', es: 'El enlace web GS1 coloca un calificador de clave en un lugar incorrecto.' },
  dl_empty_value: { en: 'The GS1 web link has an empty field.', es: 'El enlace web GS1 tiene un campo vacío.' },
  dl_ai_not_permitted: { en: 'The GS1 web link contains a field that is not allowed there.', es: 'El enlace web GS1 contiene un campo no permitido ahí.' },
  duplicate_ai: { en: 'The same field appears twice with different values.', es: 'El mismo campo aparece dos veces con valores distintos.' },
  invalid_ai_pair: { en: 'The code contains two fields that cannot go together.', es: 'El código contiene dos campos que no pueden ir juntos.' },
  missing_required_ai: { en: 'A field requires another field that is missing.', es: 'Un campo requiere otro campo que falta.' },
  empty_element_between_separators: { en: 'The code contains an empty field between separators.', es: 'El código contiene un campo vacío entre separadores.' },
};

/** One line for the operator, e.g. "El dígito de control es incorrecto… (IA 01)". */
export function describeGs1Issue(issue: Pick<Gs1Issue, 'code' | 'ai'>, language: Gs1Language): string {
  const text = GS1_ISSUE_TEXT[issue.code][language];
  if (issue.ai === undefined) return text;
  return `${text} (${language === 'es' ? 'IA' : 'AI'} ${issue.ai})`;
}
