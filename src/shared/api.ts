/**
 * TerminalApi: the only thing the renderer sees of the machine it runs on. One contract, two
 * transports: the preload implements it over IPC, `src/main/web` over a WebSocket. Every request
 * is listed once here with the zod schema of its parameters; both transports validate with it
 * before a handler touches a port, a file or the network.
 */
import { z } from 'zod';
import type { Result } from './result';
import type { DeviceConfig, DeviceStatus, DeviceTestResult, PortInfo, Reading, ScanEvent, TrafficEvent } from './devices/types';
import { deviceConfigSchema } from './devices/types';
import type { HelloResponse, PullResponse, PushResponse, ReconcileResponse } from './sync/protocol';
import { pullQuerySchema, pushRequestSchema, reconcileRequestSchema } from './sync/protocol';
import { eventEnvelopeSchema, type EventEnvelope } from './sync/events';
import type { StreamName } from './sync/streams';
import { labelPrintRequestSchema, type LabelPrintResult } from './labels/print-request';

export interface AppInfo {
  appVersion: string;
  mode: 'electron' | 'web';
  terminalId: string;
  workstationId: string;
  centralUrl: string;
  /** The operating system's locale (e.g. "es-ES"), for the default interface language. */
  systemLocale: string;
}

export interface CentralStatus {
  reachable: boolean;
  lastError?: string;
}

/**
 * Read-only GETs a screen may make to central through the terminal's credentials (reports, trace,
 * work-order detail, quality documents). Only these path prefixes pass; anything else is refused
 * before it leaves the machine.
 */
export const centralFetchPrefixes = ['/api/v1/reports/', '/api/v1/trace/', '/api/v1/work-orders/', '/api/v1/quality/', '/api/v1/notices'] as const;
export const centralFetchSchema = z.object({
  path: z
    .string()
    .max(2000)
    .regex(/^\/api\/v1\/[A-Za-z0-9/_.%~:-]*(\?[A-Za-z0-9=&_.%~:,/-]*)?$/, 'not a central API path')
    .refine((p) => !p.includes('..') && centralFetchPrefixes.some((prefix) => p.startsWith(prefix)), 'path not allowed'),
});
/** A central answer: JSON parsed, or a file (CSV/XLSX/PDF) as base64 with its type and name. */
export type CentralFetchResult =
  | { kind: 'json'; json: unknown }
  | { kind: 'file'; contentType: string; fileName: string | null; base64: string };

/** Request channels, `domain:verb`, with the schema of their single parameter. */
export const requestSchemas = {
  'app:info': z.undefined(),
  'devices:list': z.undefined(),
  'devices:ports': z.undefined(),
  'devices:configure': z.array(deviceConfigSchema).max(32),
  'devices:config': z.undefined(),
  'devices:monitor': z.object({ portIds: z.array(z.string().min(1).max(60)).max(32) }),
  'devices:test': z.object({ portId: z.string().min(1).max(60) }),
  'central:hello': z.object({ epoch: z.string().min(1), appVersion: z.string() }),
  'central:push': pushRequestSchema.omit({ terminalId: true }),
  'central:pull': pullQuerySchema,
  'central:reconcile': reconcileRequestSchema.omit({ terminalId: true }),
  'central:fetch': centralFetchSchema,
  'journal:append': z.array(eventEnvelopeSchema.passthrough()).max(500),
  'journal:acknowledge': z.object({ epoch: z.string(), ackedSeq: z.number().int().nonnegative() }),
  'journal:pending': z.undefined(),
  'labels:print': labelPrintRequestSchema,
} as const;
export type RequestChannel = keyof typeof requestSchemas;
export const requestChannels = Object.keys(requestSchemas) as RequestChannel[];
export type RequestParams<C extends RequestChannel> = z.input<(typeof requestSchemas)[C]>;

export interface RequestResults {
  'app:info': AppInfo;
  'devices:list': DeviceStatus[];
  'devices:ports': PortInfo[];
  'devices:configure': DeviceStatus[];
  'devices:config': DeviceConfig[];
  'devices:monitor': { portIds: string[] };
  'devices:test': DeviceTestResult;
  'central:hello': HelloResponse;
  'central:push': PushResponse;
  'central:pull': PullResponse;
  'central:reconcile': ReconcileResponse;
  'central:fetch': CentralFetchResult;
  'journal:append': { appended: number };
  'journal:acknowledge': { removed: number };
  'journal:pending': EventEnvelope[];
  'labels:print': LabelPrintResult;
}

/**
 * A central notice (main keeps a long poll open to central, GET /sync/v1/wait): streams changed at
 * central, or central answers again after it could not be reached (`reconnected`). The sync
 * engine pulls those streams, or retries at once instead of at the end of its backoff.
 */
export interface CentralNotice {
  reconnected: boolean;
  streams: StreamName[];
}

/** Events main pushes to the renderer. */
export interface PushedEvents {
  'central:notice': CentralNotice;
  'devices:scan': ScanEvent;
  'devices:reading': Reading;
  'devices:status': DeviceStatus;
  'devices:traffic': TrafficEvent;
}
export type PushedChannel = keyof PushedEvents;

export type Unsubscribe = () => void;

export interface TerminalApi {
  app: { info(): Promise<Result<AppInfo>> };
  devices: {
    list(): Promise<Result<DeviceStatus[]>>;
    ports(): Promise<Result<PortInfo[]>>;
    configure(configs: RequestParams<'devices:configure'>): Promise<Result<DeviceStatus[]>>;
    onScan(cb: (e: ScanEvent) => void): Unsubscribe;
    onReading(cb: (r: Reading) => void): Unsubscribe;
    onStatus(cb: (s: DeviceStatus) => void): Unsubscribe;
    /** The saved device configs (the device screen edits them). */
    config(): Promise<Result<DeviceConfig[]>>;
    /** Live monitor: which ports send `devices:traffic` (an empty list turns it off). */
    monitor(p: RequestParams<'devices:monitor'>): Promise<Result<{ portIds: string[] }>>;
    /** Sends an instrument's request command and returns its answer. */
    test(p: RequestParams<'devices:test'>): Promise<Result<DeviceTestResult>>;
    onTraffic(cb: (t: TrafficEvent) => void): Unsubscribe;
  };
  central: {
    hello(p: RequestParams<'central:hello'>): Promise<Result<HelloResponse>>;
    push(p: RequestParams<'central:push'>): Promise<Result<PushResponse>>;
    pull(p: RequestParams<'central:pull'>): Promise<Result<PullResponse>>;
    reconcile(p: RequestParams<'central:reconcile'>): Promise<Result<ReconcileResponse>>;
    /** GET a report, trace or document from central (see centralFetchPrefixes). */
    fetch(p: RequestParams<'central:fetch'>): Promise<Result<CentralFetchResult>>;
    onNotice(cb: (n: CentralNotice) => void): Unsubscribe;
  };
  journal: {
    append(events: EventEnvelope[]): Promise<Result<{ appended: number }>>;
    acknowledge(p: RequestParams<'journal:acknowledge'>): Promise<Result<{ removed: number }>>;
    pending(): Promise<Result<EventEnvelope[]>>;
  };
  /** Lot and package labels: PDF, or ZPL to a label printer on TCP 9100 or a serial port (trace). */
  labels: {
    print(p: RequestParams<'labels:print'>): Promise<Result<LabelPrintResult>>;
  };
}

export type Invoke = <C extends RequestChannel>(channel: C, params: RequestParams<C>) => Promise<Result<RequestResults[C]>>;
export type Subscribe = <C extends PushedChannel>(channel: C, cb: (data: PushedEvents[C]) => void) => Unsubscribe;

// The named API builder lives in a zod-free module so the sandboxed preload can bundle it.
export { createTerminalApi, pushedChannels } from './api-client';

/** What the main-process host implements: one handler per channel, params already validated. */
export type RequestHandlers = {
  [C in RequestChannel]: (params: z.output<(typeof requestSchemas)[C]>) => Promise<Result<RequestResults[C]>>;
};
