/**
 * TerminalApi: the only thing the renderer sees of the machine it runs on. One contract, two
 * transports: the preload implements it over IPC, `src/main/web` over a WebSocket. Every request
 * is listed once here with the zod schema of its parameters; both transports validate with it
 * before a handler touches a port, a file or the network.
 */
import { z } from 'zod';
import type { Result } from './result';
import type { DeviceStatus, PortInfo, Reading, ScanEvent } from './devices/types';
import { deviceConfigSchema } from './devices/types';
import type { HelloResponse, PullResponse, PushResponse, ReconcileResponse } from './sync/protocol';
import { pullQuerySchema, pushRequestSchema, reconcileRequestSchema } from './sync/protocol';
import { eventEnvelopeSchema, type EventEnvelope } from './sync/events';

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

/** Request channels, `domain:verb`, with the schema of their single parameter. */
export const requestSchemas = {
  'app:info': z.undefined(),
  'devices:list': z.undefined(),
  'devices:ports': z.undefined(),
  'devices:configure': z.array(deviceConfigSchema).max(32),
  'central:hello': z.object({ epoch: z.string().min(1), appVersion: z.string() }),
  'central:push': pushRequestSchema.omit({ terminalId: true }),
  'central:pull': pullQuerySchema,
  'central:reconcile': reconcileRequestSchema.omit({ terminalId: true }),
  'journal:append': z.array(eventEnvelopeSchema.passthrough()).max(500),
  'journal:acknowledge': z.object({ epoch: z.string(), ackedSeq: z.number().int().nonnegative() }),
  'journal:pending': z.undefined(),
} as const;
export type RequestChannel = keyof typeof requestSchemas;
export const requestChannels = Object.keys(requestSchemas) as RequestChannel[];
export type RequestParams<C extends RequestChannel> = z.input<(typeof requestSchemas)[C]>;

export interface RequestResults {
  'app:info': AppInfo;
  'devices:list': DeviceStatus[];
  'devices:ports': PortInfo[];
  'devices:configure': DeviceStatus[];
  'central:hello': HelloResponse;
  'central:push': PushResponse;
  'central:pull': PullResponse;
  'central:reconcile': ReconcileResponse;
  'journal:append': { appended: number };
  'journal:acknowledge': { removed: number };
  'journal:pending': EventEnvelope[];
}

/** Events main pushes to the renderer. */
export interface PushedEvents {
  'devices:scan': ScanEvent;
  'devices:reading': Reading;
  'devices:status': DeviceStatus;
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
  };
  central: {
    hello(p: RequestParams<'central:hello'>): Promise<Result<HelloResponse>>;
    push(p: RequestParams<'central:push'>): Promise<Result<PushResponse>>;
    pull(p: RequestParams<'central:pull'>): Promise<Result<PullResponse>>;
    reconcile(p: RequestParams<'central:reconcile'>): Promise<Result<ReconcileResponse>>;
  };
  journal: {
    append(events: EventEnvelope[]): Promise<Result<{ appended: number }>>;
    acknowledge(p: RequestParams<'journal:acknowledge'>): Promise<Result<{ removed: number }>>;
    pending(): Promise<Result<EventEnvelope[]>>;
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
