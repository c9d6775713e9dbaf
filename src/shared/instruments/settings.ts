/**
 * Poll commands and serial defaults per protocol, from shared/reference/devices-and-barcodes.md §4.
 * `verified: false` marks settings the reference calls UNVERIFIED or model dependent: the port
 * form should say "read the device's menu" next to them.
 */
import type { ProtocolId, ProtocolPortDefaults } from './types';

/** What to send to get one reading; null where the device only streams or prints on a key. */
export const pollCommands: Record<ProtocolId, string | null> = {
  'mt-sics': 'SI\r\n',
  'sartorius-sbi': '\x1bP\r\n',
  'and-std': 'Q\r\n',
  'and-csv': 'Q\r\n',
  'and-indicator': null,
  ohaus: 'IP\r\n',
  // KERN ST,GS platforms take single-letter commands without CR LF; W answers immediately.
  'kern-st': 'W',
  'kern-ew': null,
  'sylvac-optors': '?\r',
  'mahr-c1202': '?\r',
  'mahr-optorsd': '?\r',
  'mitutoyo-01A': null,
  'mitutoyo-uwave': null,
  'mitutoyo-idh': 'GA01\r\n',
};

const base = { rtscts: false, xon: false, dtr: true, rts: true, timeoutMs: 1000, pollIntervalMs: 200 } as const;

export const defaultPortSettings: Record<ProtocolId, ProtocolPortDefaults> = {
  // Typical factory setting 9600 8N1 with XON/XOFF; selectable per model.
  'mt-sics': { ...base, baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1, xon: true, terminator: 'CRLF', mode: 'poll', verified: false },
  // Older CP/LE/QC models: 1200 7O1 with hardware handshake (Cubis II: 9600 8N1, unverified).
  'sartorius-sbi': { ...base, baudRate: 1200, dataBits: 7, parity: 'odd', stopBits: 1, rtscts: true, terminator: 'CRLF', mode: 'poll', verified: true },
  'and-std': { ...base, baudRate: 2400, dataBits: 7, parity: 'even', stopBits: 1, terminator: 'CRLF', mode: 'poll', verified: false },
  'and-csv': { ...base, baudRate: 2400, dataBits: 7, parity: 'even', stopBits: 1, terminator: 'CRLF', mode: 'poll', verified: false },
  'and-indicator': { ...base, baudRate: 2400, dataBits: 7, parity: 'even', stopBits: 1, terminator: 'CRLF', mode: 'stream', verified: false },
  ohaus: { ...base, baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1, terminator: 'CRLF', mode: 'poll', verified: false },
  // KCP asks for more than 100 ms between polls.
  'kern-st': { ...base, baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1, terminator: 'CRLF', mode: 'poll', verified: false },
  'kern-ew': { ...base, baudRate: 1200, dataBits: 8, parity: 'none', stopBits: 2, terminator: 'CRLF', mode: 'stream', verified: false },
  // Duplex OPTO-RS cable: DTR high and RTS low power the cable.
  'sylvac-optors': { ...base, baudRate: 4800, dataBits: 7, parity: 'even', stopBits: 2, dtr: true, rts: false, terminator: 'CR', mode: 'poll', verified: true },
  'mahr-c1202': { ...base, baudRate: 9600, dataBits: 7, parity: 'even', stopBits: 2, terminator: 'CR', mode: 'poll', verified: true },
  // OPTORSD follows the OPTO-RS duplex settings; the C1208 menu shows the real values.
  'mahr-optorsd': { ...base, baudRate: 4800, dataBits: 7, parity: 'even', stopBits: 2, dtr: true, rts: false, terminator: 'CRLF', mode: 'poll', verified: false },
  'mitutoyo-01A': { ...base, baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1, terminator: 'CR', mode: 'stream', verified: true },
  'mitutoyo-uwave': { ...base, baudRate: 57600, dataBits: 8, parity: 'none', stopBits: 1, terminator: 'CR', mode: 'stream', verified: true },
  'mitutoyo-idh': { ...base, baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1, terminator: 'CRLF', mode: 'poll', verified: false },
};
