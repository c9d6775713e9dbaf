/**
 * `takt import`: loads a plant, orders, monthly-plan or T+2 plan file into central
 * (POST /api/v1/import/{kind}, ARCHITECTURE 5/6) with the admin token.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { DEFAULT_CENTRAL_PORT } from '../../main/bootstrap';
import { httpUrl, parse, UsageError } from '../args';
import { line, type CliIo } from '../io';

export const IMPORT_KINDS = ['plant', 'orders', 'monthly-plan', 't2-plan'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const help = `Usage: takt import <plant|orders|monthly-plan|t2-plan> FILE [options]

Loads FILE into central using TAKT_ADMIN_TOKEN. The format follows the file extension:
.json, .csv or .xlsx (the plant is always a .json document). If any row is invalid, every
invalid row is listed and nothing is imported.

Options:
  --central URL        central service (default http://127.0.0.1:${DEFAULT_CENTRAL_PORT})
  -h, --help           show this help
`;

const CONTENT_TYPES: Record<string, string> = {
  '.json': 'application/json',
  '.csv': 'text/csv; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The Content-Type for a file, by extension; a UsageError for anything else. */
export function contentTypeFor(file: string): string {
  const ext = extname(file).toLowerCase();
  const type = CONTENT_TYPES[ext];
  if (!type) {
    throw new UsageError(`cannot tell the format of "${file}": use a .json, .csv or .xlsx file.`);
  }
  return type;
}

interface BadRow {
  row: number;
  field: string;
  message: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function badRows(body: unknown): BadRow[] | null {
  if (!isRecord(body) || body.reason !== 'invalid-rows' || !Array.isArray(body.rows)) return null;
  return body.rows.filter(isRecord).map((r) => ({
    row: typeof r.row === 'number' ? r.row : Number(r.row),
    field: typeof r.field === 'string' ? r.field : String(r.field),
    message: typeof r.message === 'string' ? r.message : String(r.message),
  }));
}

function parseJson(text: string): unknown {
  try {
    return text.length > 0 ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

export async function run(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(argv, { central: { type: 'string' } }, true);
  if (values.help) {
    io.stdout.write(help);
    return 0;
  }
  const [kindArg, file, ...extra] = positionals;
  if (kindArg === undefined || file === undefined) throw new UsageError('need a kind and a file, e.g. takt import orders orders.csv');
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0] ?? ''}".`);
  if (!(IMPORT_KINDS as readonly string[]).includes(kindArg)) {
    throw new UsageError(`unknown kind "${kindArg}": use one of ${IMPORT_KINDS.join(', ')}.`);
  }
  const kind = kindArg as ImportKind;
  const contentType = contentTypeFor(file);
  if (kind === 'plant' && !contentType.startsWith('application/json')) {
    throw new UsageError('the plant is imported as one JSON document (.json).');
  }
  const adminToken = process.env.TAKT_ADMIN_TOKEN?.trim();
  if (!adminToken) {
    line(io.stderr, 'TAKT_ADMIN_TOKEN is not set: importing into central needs central\u2019s admin token.');
    return 2;
  }
  const centralUrl = httpUrl(values.central, '--central') ?? `http://127.0.0.1:${DEFAULT_CENTRAL_PORT}`;

  let body: Buffer;
  try {
    body = await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    line(io.stderr, code === 'ENOENT' ? `File not found: ${file}` : `Cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }

  const url = `${centralUrl}/api/v1/import/${kind}`;
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': contentType, authorization: `Bearer ${adminToken}` },
      body: new Uint8Array(body),
      signal: AbortSignal.timeout(120_000),
    });
  } catch (e) {
    const cause = e instanceof Error && e.cause instanceof Error ? e.cause.message : e instanceof Error ? e.message : String(e);
    line(io.stderr, `Cannot reach central at ${centralUrl} (${cause}). Is it running? Nothing was imported.`);
    return 1;
  }
  const text = await res.text();
  const json = parseJson(text);

  if (res.ok && isRecord(json) && typeof json.imported === 'number') {
    line(io.stdout, `Imported ${json.imported} (${kind})`);
    const warnings = Array.isArray(json.warnings) ? json.warnings : [];
    for (const w of warnings) line(io.stdout, `warning: ${typeof w === 'string' ? w : JSON.stringify(w)}`);
    return 0;
  }
  const rows = res.status === 422 ? badRows(json) : null;
  if (rows) {
    line(io.stderr, `${file}: ${rows.length} invalid row(s); nothing was imported.`);
    for (const r of rows) line(io.stderr, `row ${r.row}, field ${r.field}: ${r.message}`);
    return 1;
  }
  if (res.status === 401 || res.status === 403) {
    line(io.stderr, `Central refused the admin token (HTTP ${res.status}): check TAKT_ADMIN_TOKEN. Nothing was imported.`);
    return 1;
  }
  const details = isRecord(json) && typeof json.details === 'string' ? json.details : text.slice(0, 500);
  line(io.stderr, `Import failed (HTTP ${res.status}): ${details || res.statusText}. Nothing was imported.`);
  return 1;
}
