/**
 * What a monitor line means, in words the screen translates: a reading (value, unit, stability,
 * status, accepted), a scan with its GS1 elements (the strict shared parser, so the admin sees
 * exactly what the scan router will see), or an error code with the device layer's message.
 */
import type { TrafficParsed } from '../../../shared/devices/types';
import { parseGs1 } from '../../../shared/gs1';

export type Summary =
  | { kind: 'none' }
  | { kind: 'reading'; value: string | null; unit: string | null; stable: boolean | null; status: string; accepted: boolean | undefined; error?: string }
  | { kind: 'scan'; symbology: string | null; text: string; elements: { ai: string; value: string; title: string }[]; gs1Error?: string }
  | { kind: 'error'; code: string; message: string };

/** Control characters shown as <CR>, <LF>, <GS>... so a frame reads like the reference. */
export function visible(text: string): string {
  const names: Record<number, string> = { 0x02: 'STX', 0x03: 'ETX', 0x0a: 'LF', 0x0d: 'CR', 0x1b: 'ESC', 0x1d: 'GS', 0x1e: 'RS', 0x04: 'EOT', 0x09: 'TAB' };
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x20 || code === 0x7f) out += `<${names[code] ?? code.toString(16).padStart(2, '0')}>`;
    else out += ch;
  }
  return out;
}

export function summarize(parsed: TrafficParsed | undefined): Summary {
  if (!parsed) return { kind: 'none' };
  switch (parsed.kind) {
    case 'reading': {
      const r = parsed.reading;
      return {
        kind: 'reading',
        value: r.value,
        unit: r.unit,
        stable: r.stable,
        status: r.status,
        accepted: r.accepted,
        ...(r.detail?.message ? { error: r.detail.message } : {}),
      };
    }
    case 'scan': {
      const g = parseGs1(parsed.scan.text, { symbology: parsed.scan.symbology });
      return {
        kind: 'scan',
        symbology: parsed.scan.symbology,
        text: parsed.scan.text,
        elements: g.ok ? g.elements.map((e) => ({ ai: e.ai, value: e.value, title: e.title })) : [],
        ...(g.ok ? {} : { gs1Error: g.error.message }),
      };
    }
    case 'error':
      return { kind: 'error', code: parsed.code, message: parsed.message };
  }
}
