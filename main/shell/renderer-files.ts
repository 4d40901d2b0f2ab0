// Runs in: main process (both shells). The built renderer's files as both shells serve them (the
// browser shell over the HTTP bridge, the Electron shell through its app:// protocol): a URL path
// resolved inside the renderer folder and nowhere else (no `..`, no encoded slash, no symlinked
// way out, only regular files), with the one MIME table and the one set of response headers.
import fs from 'node:fs';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from './content-security';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/**
 * The file a URL path (as sent, percent-encoded) names inside `rendererDir`: "/" is index.html.
 * Null for anything else: malformed encoding, a path leaving the folder, a directory, a device,
 * a file that does not exist.
 */
export function rendererFile(rendererDir: string, urlPath: string): string | null {
  let rel: string;
  try {
    rel = urlPath === '/' ? 'index.html' : decodeURIComponent(urlPath).replace(/^\/+/, '');
  } catch {
    return null;
  }
  if (!rel || rel.includes('\0')) return null;
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, rel);
  if (!file.startsWith(root + path.sep)) return null;
  try {
    // Through symlinks too: what is opened must still be a regular file inside the folder.
    const real = fs.realpathSync(file);
    if (!real.startsWith(fs.realpathSync(root) + path.sep) || !fs.statSync(real).isFile()) return null;
  } catch {
    return null;
  }
  return file;
}

/** Whether `file` is the renderer's page (not one of its assets). */
export const isRendererPage = (rendererDir: string, file: string): boolean =>
  file === path.resolve(rendererDir, 'index.html');

/** The headers every renderer file is served with: its type, the one CSP, no sniffing, no framing, no caching. */
export function rendererHeaders(file: string): Record<string, string> {
  return {
    'content-type': MIME[path.extname(file)] ?? 'application/octet-stream',
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  };
}
