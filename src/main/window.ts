/**
 * The terminal window and the `app://terminal` scheme it loads from. A standard, secure custom
 * scheme gives the renderer a stable origin (its IndexedDB lives there) without a file:// origin
 * or an HTTP server.
 */
import { BrowserWindow, net, protocol } from 'electron';
import { stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { APP_HOST, APP_ORIGIN, APP_SCHEME, ELECTRON_CSP } from './security';

/** Must run before app 'ready'. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** Serves `rendererDir` on app://terminal/, with the SPA fallback to index.html. */
export function serveAppScheme(rendererDir: string): void {
  const root = normalize(rendererDir);
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return new Response('Not found', { status: 404 });
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return new Response('Bad request', { status: 400 });
    }
    const candidate = normalize(join(root, pathname));
    if (candidate !== root && !candidate.startsWith(root + sep)) return new Response('Forbidden', { status: 403 });
    let file = pathname.endsWith('/') ? join(candidate, 'index.html') : candidate;
    if (!(await isFile(file))) {
      if (extname(pathname) !== '') return new Response('Not found', { status: 404 });
      file = join(root, 'index.html');
    }
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', ELECTRON_CSP);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}

export function createMainWindow(opts: { preloadPath?: string; title?: string } = {}): BrowserWindow {
  const preload = opts.preloadPath ?? fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 600,
    show: false,
    title: opts.title ?? 'Takt',
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${APP_ORIGIN}/`);
  return win;
}
