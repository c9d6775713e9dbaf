/**
 * Builds the named TerminalApi from a transport's invoke/subscribe pair: used by the Electron
 * preload (over IPC) and by the browser-mode client (over a WebSocket). It imports only types, so
 * the sandboxed preload, which can load nothing but 'electron', can bundle it; a unit test keeps
 * it that way.
 */
import type { Invoke, PushedChannel, Subscribe, TerminalApi } from './api';

export const pushedChannels: readonly PushedChannel[] = [
  'devices:scan',
  'devices:reading',
  'devices:status',
  'devices:traffic',
  'central:notice',
];

export function createTerminalApi(invoke: Invoke, subscribe: Subscribe): TerminalApi {
  return {
    app: { info: () => invoke('app:info', undefined) },
    devices: {
      list: () => invoke('devices:list', undefined),
      ports: () => invoke('devices:ports', undefined),
      configure: (configs) => invoke('devices:configure', configs),
      onScan: (cb) => subscribe('devices:scan', cb),
      onReading: (cb) => subscribe('devices:reading', cb),
      onStatus: (cb) => subscribe('devices:status', cb),
      config: () => invoke('devices:config', undefined),
      monitor: (p) => invoke('devices:monitor', p),
      test: (p) => invoke('devices:test', p),
      onTraffic: (cb) => subscribe('devices:traffic', cb),
    },
    central: {
      hello: (p) => invoke('central:hello', p),
      push: (p) => invoke('central:push', p),
      pull: (p) => invoke('central:pull', p),
      reconcile: (p) => invoke('central:reconcile', p),
      fetch: (p) => invoke('central:fetch', p),
      onNotice: (cb) => subscribe('central:notice', cb),
    },
    journal: {
      append: (events) => invoke('journal:append', events),
      acknowledge: (p) => invoke('journal:acknowledge', p),
      pending: () => invoke('journal:pending', undefined),
    },
    labels: { print: (p) => invoke('labels:print', p) },
  };
}
