/**
 * Seeding and file-reading helpers for the central-reports*.test.ts files: plan rows, output,
 * disruption and downtime events, a strict RFC 4180 CSV reader and a PDF text extractor
 * (inflates FlateDecode streams and decodes pdfkit's hex text strings), so the tests read the
 * files back the way a user's program would.
 */
import { inflateSync } from 'node:zlib';
import { event, fixture, type Harness, type Terminal } from './support/central-harness';

export const t2Row = (date: string, workshop: string, line: string, po: string, op: string, qty: number, shift = 'A') => ({
  date, workshop, line, shift, production_order: po, operation: op, planned_qty: qty,
});

/** The fixture plant, with a name that needs CSV quoting and a standard rate on P-100/10. */
export function reportPlant(): object {
  const plant = structuredClone(fixture('plant.json')) as {
    plant: { name: string };
    products: { id: string; routing: { operation: string; standardMinutesPerPiece?: number }[] }[];
  };
  plant.plant.name = 'Planta "Norte", Zaragoza – señalización';
  const p100 = plant.products.find((p) => p.id === 'P-100');
  const step = p100?.routing.find((s) => s.operation === '10');
  if (step) step.standardMinutesPerPiece = 1;
  return plant;
}

export async function seedPlant(h: Harness): Promise<void> {
  await h.importOk('plant', reportPlant());
  await h.importOk('orders', fixture('orders-fixed.json'));
}

export const output = (t: Terminal, wo: string, at: string, good: number, scrap = 0) =>
  event(t, 'output.recorded', { workOrderId: wo, goodQty: good, scrapQty: scrap, ...(scrap ? { scrapReason: 'S1' } : {}) }, { occurredAt: at });

export const disruption = (t: Terminal, at: string, p: Record<string, unknown>) =>
  event(t, 'disruption.reported', { description: 'parada', ...p }, { occurredAt: at });

export const downtime = (t: Terminal, id: string, equipmentId: string, from: string, to: string | null) => [
  event(t, 'downtime.started', { downtimeId: id, equipmentId, reasonCode: 'D1' }, { occurredAt: from }),
  ...(to ? [event(t, 'downtime.ended', { downtimeId: id, equipmentId, reasonCode: 'D1' }, { occurredAt: to })] : []),
];

export async function pushOk(h: Harness, t: Terminal, events: unknown[]): Promise<void> {
  for (let i = 0; i < events.length; i += 400) {
    const r = await h.push(t, events.slice(i, i + 400));
    if (r.status !== 200 || r.body.rejected.length > 0) throw new Error(`push failed: ${r.status} ${JSON.stringify(r.body)}`);
  }
}

/** Raw GET (files are not JSON). */
export async function getRaw(h: Harness, url: string, token: string | null = null) {
  const res = await h.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token ?? 'test-admin-token-0123456789'}` } });
  return { status: res.statusCode, headers: res.headers, body: res.rawPayload };
}

/** RFC 4180 reader: quoted fields, doubled quotes, CRLF. Throws on malformed input. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i++;
        if (i < text.length && text[i] !== ',' && text[i] !== '\r') throw new Error(`bad quote at ${i}`);
      } else {
        field += c;
        i++;
      }
    } else if (c === '"' && field === '') {
      quoted = true;
      i++;
    } else if (c === ',') {
      row.push(field);
      field = '';
      i++;
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 2;
    } else if (c === '\n' || c === '"') {
      throw new Error(`bare ${JSON.stringify(c)} at ${i}`);
    } else {
      field += c;
      i++;
    }
  }
  if (quoted) throw new Error('unterminated quote');
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

/** pdfkit's standard fonts use WinAnsiEncoding (Windows-1252). */
const winAnsi = new TextDecoder('windows-1252');

/** The text pdfkit drew, one string per TJ operator, from compressed or plain content streams. */
export function pdfText(pdf: Buffer): string[] {
  const out: string[] = [];
  const raw = pdf.toString('latin1');
  const streamRe = /stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = streamRe.exec(raw))) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) break;
    const bytes = pdf.subarray(start, end);
    let content: string;
    try {
      content = inflateSync(bytes).toString('latin1');
    } catch {
      content = bytes.toString('latin1');
    }
    for (const tj of content.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      const pieces = [...(tj[1] ?? '').matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => winAnsi.decode(Buffer.from(h[1] ?? '', 'hex')));
      out.push(pieces.join(''));
    }
    streamRe.lastIndex = end + 'endstream'.length;
  }
  return out;
}
