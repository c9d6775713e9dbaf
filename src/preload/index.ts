/**
 * Preload: exposes `window.takt` (TerminalApi) and nothing else. Requests go through
 * ipcRenderer.invoke on the channel names of src/shared/api.ts; pushed events come back on the
 * same names, and every subscription returns its unsubscribe function. ipcRenderer itself never
 * reaches the page. Runs sandboxed: it may import only 'electron' and type-only modules.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { Invoke, Subscribe } from '../shared/api';
import { createTerminalApi, pushedChannels } from '../shared/api-client';

const pushed = new Set<string>(pushedChannels);

// ipcRenderer.invoke is untyped; main answers every channel with Result<RequestResults[C]>.
const invoke: Invoke = (channel, params) => ipcRenderer.invoke(channel, params) as Promise<never>;

const subscribe: Subscribe = (channel, cb) => {
  if (!pushed.has(channel)) throw new Error(`Unknown event channel ${channel}`);
  const listener = (_event: IpcRendererEvent, data: Parameters<typeof cb>[0]) => cb(data);
  ipcRenderer.on(channel, listener);
  return () => {
    ipcRenderer.removeListener(channel, listener);
  };
};

contextBridge.exposeInMainWorld('takt', createTerminalApi(invoke, subscribe));
