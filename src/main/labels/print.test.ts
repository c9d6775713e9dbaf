/**
 * Printing labels for real: ZPL over a loopback TCP listener (a stand-in for a printer on port
 * 9100) and over a socat pseudo-terminal pair (a printer on a serial cable), checking the bytes
 * that arrive; and a PDF whose embedded element string and bar code image are there.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SerialPort } from 'serialport';
import { labelPrintRequestSchema, type LabelPrintRequest } from '../../shared/labels/print-request';
import { createSocatPair, waitUntil, type SocatPair } from '../devices/testing/socat';
import { createLabelPrinter } from './print';

const lotData = {
  kind: 'lot' as const,
  id: '261126-M101-001',
  productId: 'EJ-1245',
  productName: 'Eje Ø16',
  gtin: '08412345001017',
  productionDate: '2026-11-26',
  workOrderId: 'PO-1001/20',
  qty: 120,
  unit: 'pcs',
};
const request = (target: LabelPrintRequest['target'], data: LabelPrintRequest['data'] = lotData) =>
  labelPrintRequestSchema.parse({ kind: data.kind, id: data.id, target, data });
const print = createLabelPrinter();

describe('labels:print', () => {
  let server: Server;
  let port = 0;
  const received: Buffer[] = [];
  let dir: string;
  let pair: SocatPair;
  beforeAll(async () => {
    server = createServer((socket) => {
      const chunks: Buffer[] = [];
      socket.on('data', (c) => chunks.push(c));
      socket.on('end', () => received.push(Buffer.concat(chunks)));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
    dir = mkdtempSync(join(tmpdir(), 'takt-labels-'));
    pair = await createSocatPair(dir, 'printer');
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await pair.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends GS1-128 ZPL with the lot element string to a printer on TCP', async () => {
    const r = await print(request({ type: 'zpl-tcp', host: '127.0.0.1', port }));
    expect(r.ok).toBe(true);
    await waitUntil(() => received.length > 0, 'the printer to receive the label');
    const zpl = received[0]!.toString('utf8');
    expect(zpl.startsWith('^XA')).toBe(true);
    expect(zpl).toContain('^BCN,');
    expect(zpl).toContain('^FD>;>8010841234500101711261126' + '10261126-M101-001>891PO-1001/20^FS');
    expect(zpl).toContain('Eje Ø16');
    if (r.ok) expect(r.value).toMatchObject({ printer: `zpl-tcp:127.0.0.1:${port}`, elementString: '010841234500101711261126' + '10261126-M101-001\u001d91PO-1001/20' });
  });

  it('sends a package label to a printer on a serial port (socat pty), bytes checked on the other end', async () => {
    const device = new SerialPort({ path: pair.b, baudRate: 9600 });
    const bytes: Buffer[] = [];
    device.on('data', (c: Buffer) => bytes.push(c));
    await new Promise<void>((resolve) => device.once('open', () => resolve()));
    try {
      const pkg = { kind: 'package' as const, id: '084123450100000019', gtin: '08412345001017', qty: 240, lotIds: ['261126-M101-001'] };
      const r = await print(request({ type: 'zpl-serial', path: pair.a }, pkg));
      expect(r.ok).toBe(true);
      await waitUntil(() => Buffer.concat(bytes).toString('utf8').includes('^XZ'), 'the label on the serial line');
      const zpl = Buffer.concat(bytes).toString('utf8');
      expect(zpl).toContain('^FD>;>800084123450100000019020841234500101710261126-M101-001>837240^FS');
      expect(zpl).toContain('BULTO (SSCC) 084123450100000019');
    } finally {
      await new Promise<void>((resolve) => device.close(() => resolve()));
    }
  });

  it('renders a PDF holding the bar code image and its element string', async () => {
    const r = await print(request({ type: 'pdf' }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const pdf = Buffer.from(r.value.pdfBase64 ?? '', 'base64').toString('latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    expect(pdf).toContain('/Subtype /Image');
    // PDF string syntax escapes parentheses; the Keywords entry holds the interpretation line.
    const ref = /\/Keywords (\d+) 0 R/.exec(pdf)?.[1];
    const keywords = new RegExp(`\\n${ref} 0 obj\\n\\(((?:\\\\.|[^\\\\)])*)\\)`).exec(pdf)?.[1]?.replace(/\\(.)/g, '$1');
    expect(keywords).toBe('(01)08412345001017(11)261126(10)261126-M101-001(91)PO-1001/20');
  });

  it('a GS1 DataMatrix template renders too (bwip-js accepts the element string); a broken template falls back', async () => {
    const tplDir = join(dir, 'templates');
    mkdirSync(tplDir);
    writeFileSync(join(tplDir, 'lot.json'), JSON.stringify({ id: 'dm', kind: 'lot', widthMm: 60, heightMm: 40, symbology: 'gs1-datamatrix' }));
    writeFileSync(join(tplDir, 'package.json'), '{ not json');
    const dm = createLabelPrinter({ templatesDir: tplDir });
    const r = await dm(request({ type: 'pdf' }, { ...lotData, serial: '261126-M101-001-7' }));
    expect(r.ok && Buffer.from(r.value.pdfBase64 ?? '', 'base64').toString('latin1')).toContain('/Subtype /Image');
    const pkg = await dm(request({ type: 'pdf' }, { kind: 'package', id: '084123450100000019', qty: 1, lotIds: ['X'] }));
    expect(pkg.ok && pkg.value.warning).toContain('package.json could not be read');
  });

  it('an unreachable printer is a device error in both languages; nothing is half-sent', async () => {
    const r = await print(request({ type: 'zpl-tcp', host: '127.0.0.1', port: 1 }));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('device-error');
      expect(r.error.message).toContain('no se pudo enviar a la impresora');
      expect(r.error.message).toContain('could not be sent to the printer');
    }
    const bad = labelPrintRequestSchema.safeParse({ kind: 'lot', id: 'A B', target: { type: 'pdf' }, data: { ...lotData, id: 'A B' } });
    expect(bad.success).toBe(false);
  });
});
