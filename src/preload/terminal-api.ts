/**
 * The preload's copy of createTerminalApi (src/shared/api.ts). The shared module also holds the
 * zod request schemas, and a sandboxed preload cannot load zod, so only types are imported here.
 * The TerminalApi type keeps this in step with the contract at compile time, and
 * src/main/preload-api.test.ts checks it calls the same channels as createTerminalApi.
 */
import type { Invoke, Subscribe, TerminalApi } from '../shared/api';

export function buildTerminalApi(invoke: Invoke, subscribe: Subscribe): TerminalApi {
  return {
    app: { info: () => invoke('app:info', undefined) },
    devices: {
      list: () => invoke('devices:list', undefined),
      ports: () => invoke('devices:ports', undefined),
      configure: (configs) => invoke('devices:configure', configs),
      onScan: (cb) => subscribe('devices:scan', cb),
      onReading: (cb) => subscribe('devices:reading', cb),
      onStatus: (cb) => subscribe('devices:status', cb),
    },
    central: {
      hello: (p) => invoke('central:hello', p),
      push: (p) => invoke('central:push', p),
      pull: (p) => invoke('central:pull', p),
      reconcile: (p) => invoke('central:reconcile', p),
    },
    journal: {
      append: (events) => invoke('journal:append', events),
      acknowledge: (p) => invoke('journal:acknowledge', p),
      pending: () => invoke('journal:pending', undefined),
    },
  };
}

export const pushedEventChannels = ['devices:scan', 'devices:reading', 'devices:status'] as const;
