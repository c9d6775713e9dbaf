/**
 * The device screen's form model: a device config as the admin edits it (numbers as typed text,
 * the request command with visible escapes), to and from the saved `DeviceConfig`, and zod's
 * issues turned into one error per form field. Pure; the screen's components call these.
 */
import { deviceConfigSchema, type DeviceConfig, type DeviceConfigInput, type Terminator } from '../../../shared/devices/types';
import { defaultPortSettings, pollCommands, protocolIds, type ProtocolId } from '../../../shared/instruments';

export type Profile = 'scanner' | ProtocolId;
export const profiles: readonly Profile[] = ['scanner', ...protocolIds];
export type Flow = 'none' | 'rtscts' | 'xon';

export interface Draft {
  id: string;
  profile: Profile;
  path: string;
  usb?: DeviceConfig['usb'];
  baudRate: string;
  dataBits: '7' | '8';
  parity: 'none' | 'even' | 'odd';
  stopBits: '1' | '2';
  flow: Flow;
  dtr: boolean;
  rts: boolean;
  terminator: Terminator;
  interByteTimeoutMs: string;
  mode: 'stream' | 'poll';
  /** The request command with escapes (\r, \n, \xNN), as typed. */
  pollCommand: string;
  pollIntervalMs: string;
  requestTimeoutMs: string;
  stableCount: string;
  gaugeId: string;
  enabled: boolean;
  /** Framing settings the form does not show, kept as saved. */
  keep?: Pick<DeviceConfig['framing'], 'stripStx' | 'maxLength' | 'gsSubstitute'>;
}

/** Control characters made visible: "SI\r\n" -> "SI\\r\\n", ESC -> "\\x1b". */
export function escapeCommand(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (ch === '\\') out += '\\\\';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code >= 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return out;
}

export function unescapeCommand(text: string): string {
  return text.replace(/\\x([0-9a-fA-F]{2})|\\([rnt\\])|<ESC>/g, (match, hex: string | undefined, ch: string | undefined) => {
    if (match === '<ESC>') return '\x1b';
    if (hex) return String.fromCharCode(parseInt(hex, 16));
    return ch === 'r' ? '\r' : ch === 'n' ? '\n' : ch === 't' ? '\t' : '\\';
  });
}

const flowOf = (s: { rtscts: boolean; xon: boolean }): Flow => (s.rtscts ? 'rtscts' : s.xon ? 'xon' : 'none');

/** A new draft with the profile's factory settings (scanners: 9600 8N1, CR suffix). */
export function draftForProfile(profile: Profile, base: Pick<Draft, 'id' | 'path'> & Partial<Draft>): Draft {
  const common = { enabled: true, interByteTimeoutMs: '80', gaugeId: '', stableCount: '3', ...base, profile };
  if (profile === 'scanner') {
    return {
      baudRate: '9600',
      dataBits: '8',
      parity: 'none',
      stopBits: '1',
      flow: 'none',
      dtr: true,
      rts: true,
      terminator: 'CR',
      mode: 'stream',
      pollCommand: '',
      pollIntervalMs: '200',
      requestTimeoutMs: '1000',
      ...common,
    };
  }
  const d = defaultPortSettings[profile];
  return {
    baudRate: String(d.baudRate),
    dataBits: String(d.dataBits) as Draft['dataBits'],
    parity: d.parity,
    stopBits: String(d.stopBits) as Draft['stopBits'],
    flow: flowOf(d),
    dtr: d.dtr,
    rts: d.rts,
    terminator: d.terminator,
    mode: d.mode,
    pollCommand: escapeCommand(pollCommands[profile] ?? ''),
    pollIntervalMs: String(d.pollIntervalMs),
    requestTimeoutMs: String(d.timeoutMs),
    ...common,
  };
}

export function draftFromConfig(c: DeviceConfig): Draft {
  const profile: Profile = c.kind === 'scanner' ? 'scanner' : (c.protocol as ProtocolId);
  const defaults = draftForProfile(profile, { id: c.id, path: c.path });
  const command = c.pollCommand ?? (profile === 'scanner' ? null : pollCommands[profile]);
  return {
    ...defaults,
    ...(c.usb ? { usb: c.usb } : {}),
    baudRate: String(c.settings.baudRate),
    dataBits: String(c.settings.dataBits) as Draft['dataBits'],
    parity: c.settings.parity,
    stopBits: String(c.settings.stopBits) as Draft['stopBits'],
    flow: flowOf(c.settings),
    dtr: c.settings.dtr,
    rts: c.settings.rts,
    terminator: c.framing.terminator,
    interByteTimeoutMs: String(c.framing.interByteTimeoutMs),
    mode: c.mode ?? defaults.mode,
    pollCommand: escapeCommand(command ?? ''),
    pollIntervalMs: String(c.pollIntervalMs ?? defaults.pollIntervalMs),
    requestTimeoutMs: String(c.requestTimeoutMs ?? defaults.requestTimeoutMs),
    stableCount: String(c.stableCount ?? 3),
    gaugeId: c.gaugeId ?? '',
    enabled: c.enabled,
    keep: { stripStx: c.framing.stripStx, maxLength: c.framing.maxLength, ...(c.framing.gsSubstitute ? { gsSubstitute: c.framing.gsSubstitute } : {}) },
  };
}

/** Typed text as a number for zod to judge ("" and "abc" become NaN, which zod refuses). */
const num = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text));

export function draftToInput(d: Draft): DeviceConfigInput {
  const isScanner = d.profile === 'scanner';
  const input: DeviceConfigInput = {
    id: d.id.trim(),
    kind: isScanner ? 'scanner' : 'instrument',
    path: d.path.trim(),
    ...(d.usb ? { usb: d.usb } : {}),
    settings: {
      baudRate: num(d.baudRate),
      dataBits: Number(d.dataBits) as 7 | 8,
      parity: d.parity,
      stopBits: Number(d.stopBits) as 1 | 2,
      rtscts: d.flow === 'rtscts',
      xon: d.flow === 'xon',
      dtr: d.dtr,
      rts: d.rts,
    },
    framing: { ...d.keep, terminator: d.terminator, interByteTimeoutMs: num(d.interByteTimeoutMs) },
    enabled: d.enabled,
  };
  if (isScanner) return input;
  const command = unescapeCommand(d.pollCommand);
  return {
    ...input,
    protocol: d.profile,
    mode: d.mode,
    // Only a command that differs from the protocol's own is saved: a later fix of the default reaches it.
    ...(command !== '' && command !== pollCommands[d.profile as ProtocolId] ? { pollCommand: command } : {}),
    pollIntervalMs: num(d.pollIntervalMs),
    requestTimeoutMs: num(d.requestTimeoutMs),
    stableCount: num(d.stableCount),
    ...(d.gaugeId.trim() !== '' ? { gaugeId: d.gaugeId.trim() } : {}),
  };
}

/** Form fields an error can be shown under. */
export const draftFields = [
  'id',
  'path',
  'profile',
  'baudRate',
  'interByteTimeoutMs',
  'mode',
  'pollCommand',
  'pollIntervalMs',
  'requestTimeoutMs',
  'stableCount',
  'gaugeId',
] as const;
export type DraftField = (typeof draftFields)[number];

const fieldOfPath: Record<string, DraftField> = {
  id: 'id',
  path: 'path',
  protocol: 'profile',
  kind: 'profile',
  'settings.baudRate': 'baudRate',
  'framing.interByteTimeoutMs': 'interByteTimeoutMs',
  mode: 'mode',
  pollCommand: 'pollCommand',
  pollIntervalMs: 'pollIntervalMs',
  requestTimeoutMs: 'requestTimeoutMs',
  stableCount: 'stableCount',
  gaugeId: 'gaugeId',
};

export type DraftErrors = Partial<Record<DraftField, true>>;

/** Validates every draft with the same schema main uses; errors per device id and field. */
export function validateDrafts(drafts: Draft[]): { ok: true; configs: DeviceConfigInput[] } | { ok: false; errors: Record<number, DraftErrors> } {
  const errors: Record<number, DraftErrors> = {};
  const configs: DeviceConfigInput[] = [];
  const ids = new Set<string>();
  drafts.forEach((d, index) => {
    const input = draftToInput(d);
    const r = deviceConfigSchema.safeParse(input);
    const mine: DraftErrors = {};
    if (!r.success) {
      for (const issue of r.error.issues) mine[fieldOfPath[issue.path.join('.')] ?? 'profile'] = true;
    }
    if (ids.has(input.id)) mine.id = true;
    ids.add(input.id);
    if (Object.keys(mine).length > 0) errors[index] = mine;
    configs.push(input);
  });
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, configs };
}
