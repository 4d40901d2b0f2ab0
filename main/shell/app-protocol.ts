// Runs in: main process (the Electron shell's app:// protocol; no electron import, so it is tested
// in plain Node). The renderer is served from app://arrivals/ instead of file://: a standard,
// secure scheme gives the page an origin of its own (file:// pages share one with every local
// file, and reach them), which the CSP's 'self', the permission checks and the IPC sender check
// then name exactly. Only the built renderer's files are served (renderer-files.ts), GET only,
// each with its MIME type and the CSP.
import fs from 'node:fs';
import { rendererFile, rendererHeaders } from './renderer-files';

export const APP_SCHEME = 'app';
export const APP_HOST = 'arrivals';
/** The page every window of ours loads (hash routes after it: #/booth/…, #/counter?token=…). */
export const RENDERER_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * What the scheme may do, registered before the app is ready (protocol.registerSchemesAsPrivileged):
 * standard (an origin, relative URLs), secure (a secure context: getUserMedia works), fetch, and
 * V8's code cache. Not bypassCSP, not CORS for other origins, not a service worker's.
 */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  codeCache: true,
} as const;

/** Whether `href` is on our own origin (app://arrivals); a parse failure is not. */
export function isAppOrigin(href: string | undefined): boolean {
  if (!href) return false;
  try {
    const u = new URL(href);
    // app: is not a scheme the WHATWG parser knows, so URL.origin is "null": compare the parts.
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && !u.username && !u.password;
  } catch {
    return false;
  }
}

/** Exactly our own renderer page, whatever its hash route or query. */
export function isRendererUrl(href: string): boolean {
  if (!isAppOrigin(href)) return false;
  const { pathname } = new URL(href);
  return pathname === '/' || pathname === '/index.html';
}

/** The app:// protocol's answer to one request: a renderer file, or a plain 404/405. */
export async function appProtocolResponse(
  req: { url: string; method: string },
  rendererDir: string,
): Promise<Response> {
  const plain = (status: number, text: string) =>
    new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  if (req.method !== 'GET' && req.method !== 'HEAD') return plain(405, 'Method not allowed');
  if (!isAppOrigin(req.url)) return plain(404, 'Not found');
  const file = rendererFile(rendererDir, new URL(req.url).pathname);
  if (file === null) return plain(404, 'Not found');
  const body = req.method === 'HEAD' ? null : await fs.promises.readFile(file);
  return new Response(body, { status: 200, headers: rendererHeaders(file) });
}
