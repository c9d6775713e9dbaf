/**
 * Static files for browser mode: the built renderer, with an SPA fallback (a path without a file
 * extension gets index.html, so deep links work) and security headers on every answer.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** The page may talk only to this server (HTTP and its WebSocket); no inline scripts, no frames. */
export function contentSecurityPolicy(host: string | undefined): string {
  const safeHost = host && /^[A-Za-z0-9.\-:[\]]+$/.test(host) ? host : null;
  const connect = safeHost ? `'self' ws://${safeHost}` : `'self'`;
  return [
    "default-src 'self'",
    "script-src 'self'",
    // Mantine sets style attributes at runtime.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${connect}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function securityHeaders(req: IncomingMessage): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(req.headers.host),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
  };
}

function send(req: IncomingMessage, res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { ...securityHeaders(req), 'content-type': 'text/plain; charset=utf-8' });
  res.end(req.method === 'HEAD' ? undefined : text);
}

async function fileAt(path: string): Promise<{ path: string; size: number } | null> {
  try {
    const s = await stat(path);
    return s.isFile() ? { path, size: s.size } : null;
  } catch {
    return null;
  }
}

export async function serveStatic(rootDir: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('allow', 'GET, HEAD');
    send(req, res, 405, 'Method not allowed');
    return;
  }
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
  } catch {
    send(req, res, 400, 'Bad request');
    return;
  }
  if (pathname.includes('\0')) {
    send(req, res, 400, 'Bad request');
    return;
  }
  const root = normalize(rootDir);
  const candidate = normalize(join(root, pathname));
  if (candidate !== root && !candidate.startsWith(root.endsWith(sep) ? root : root + sep)) {
    send(req, res, 403, 'Forbidden');
    return;
  }
  let found = pathname.endsWith('/') ? await fileAt(join(candidate, 'index.html')) : await fileAt(candidate);
  let isFallback = false;
  if (!found && extname(pathname) === '') {
    // Client-side route: the app decides what to show.
    found = await fileAt(join(root, 'index.html'));
    isFallback = true;
  }
  if (!found) {
    send(req, res, 404, 'Not found');
    return;
  }
  const ext = extname(found.path).toLowerCase();
  const immutable = !isFallback && found.path.includes(`${sep}assets${sep}`);
  res.writeHead(200, {
    ...securityHeaders(req),
    'content-type': types[ext] ?? 'application/octet-stream',
    'content-length': String(found.size),
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = createReadStream(found.path);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}
