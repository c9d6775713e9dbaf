/**
 * IPC transport for TerminalApi: one ipcMain.handle per request channel. A request is served only
 * when it comes from our own page (app://terminal) and its parameters pass the channel's schema.
 * Pushed events go to the window with webContents.send on the same channel names.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { pushedChannels, requestChannels, type RequestHandlers, type Subscribe } from '../shared/api';
import { err } from '../shared/result';
import { dispatchRequest } from './dispatch';
import { isAppUrl } from './security';

function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  // Only the top frame of our own page; never an iframe or a page that navigated elsewhere.
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

export function registerIpc(host: { handlers: RequestHandlers; subscribe: Subscribe }, getWindow: () => BrowserWindow | null): () => void {
  for (const channel of requestChannels) {
    ipcMain.handle(channel, async (event, params: unknown) => {
      if (!isTrustedSender(event)) return err('forbidden', 'Request refused: it did not come from the Takt terminal page.');
      return dispatchRequest(host.handlers, channel, params);
    });
  }
  const unsubscribers = pushedChannels.map((channel) =>
    host.subscribe(channel, (data) => {
      const win = getWindow();
      if (win && !win.isDestroyed() && isAppUrl(win.webContents.getURL())) win.webContents.send(channel, data);
    }),
  );
  return () => {
    for (const channel of requestChannels) ipcMain.removeHandler(channel);
    for (const u of unsubscribers) u();
  };
}
