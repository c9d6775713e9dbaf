/**
 * Electron entry: composition only. One instance per machine; data in userData (or TAKT_DATA_DIR);
 * bootstrap (embedded central + enrolment when needed), the host, the window and IPC.
 */
import { app, dialog, session, type BrowserWindow } from 'electron';
import { ensureLocalTerminal, type LocalTerminal } from './bootstrap';
import { centralChildStarter } from './central-process';
import { createTerminalHost, type TerminalHost } from './host';
import { registerIpc } from './ipc';
import { rendererOutDir } from './paths';
import { installSecurity, secureSession } from './security';
import { createMainWindow, registerAppScheme, serveAppScheme } from './window';

registerAppScheme();
installSecurity();

let win: BrowserWindow | null = null;
let local: LocalTerminal | null = null;
let host: TerminalHost | null = null;
let unregisterIpc: (() => void) | null = null;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });

  app.on('window-all-closed', () => app.quit());

  let shuttingDown = false;
  app.on('before-quit', (event) => {
    if (shuttingDown) return;
    shuttingDown = true;
    event.preventDefault();
    void (async () => {
      unregisterIpc?.();
      await host?.close().catch(() => undefined);
      await local?.central?.close().catch(() => undefined);
      app.exit(0);
    })();
  });

  app
    .whenReady()
    .then(async () => {
      const dataDir = process.env.TAKT_DATA_DIR ?? app.getPath('userData');
      secureSession(session.defaultSession);
      serveAppScheme(rendererOutDir());
      local = await ensureLocalTerminal({
        dataDir,
        centralUrl: process.env.TAKT_CENTRAL_URL,
        workstationId: process.env.TAKT_WORKSTATION,
        startCentral: centralChildStarter({ log: (m) => console.log(m) }),
        log: (m) => console.log(m),
      });
      host = await createTerminalHost({
        dataDir,
        config: local.config,
        mode: 'electron',
        appVersion: app.getVersion(),
        systemLocale: app.getLocale(),
        log: (m) => console.log(m),
      });
      unregisterIpc = registerIpc(host, () => win);
      win = createMainWindow();
      win.on('closed', () => {
        win = null;
      });
    })
    .catch((e: unknown) => {
      dialog.showErrorBox('Takt could not start', e instanceof Error ? e.message : String(e));
      app.exit(1);
    });
}
