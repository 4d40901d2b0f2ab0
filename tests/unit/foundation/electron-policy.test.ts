// Runs in: tests (Node). The Electron shell's policy, which main/shell/electron.ts only wires (no
// Electron binary here): the camera for our own app:// page only, no microphone, no other
// permission; external links only to allow-listed https sites; the app:// protocol serving the
// built renderer's files and nothing else (path traversal in every spelling, symlinks and
// directories refused), with the right MIME type and the CSP; and that electron.ts uses these.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_SCHEME_PRIVILEGES,
  appProtocolResponse,
  isRendererUrl,
  RENDERER_URL,
} from '../../../main/shell/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../../main/shell/content-security';
import { EXTERNAL_ORIGINS, mayOpenExternal, mayUsePermission } from '../../../main/shell/electron-policy';
import { REPO } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp-dir';

describe('permissions', () => {
  it('grant the camera to our own page only', () => {
    // Requests (mediaTypes as asked) and checks (one mediaType, possibly 'unknown').
    expect(mayUsePermission('media', 'app://arrivals/index.html#/booth', ['video'])).toBe(true);
    expect(mayUsePermission('media', 'app://arrivals', ['unknown'])).toBe(true);
    expect(mayUsePermission('media', 'app://arrivals/')).toBe(true);
    for (const origin of [
      'https://evil.example',
      'http://127.0.0.1:5173',
      'file:///opt/arrivals/resources/app.asar/out/renderer/index.html',
      'app://evil/index.html',
      'app://arrivals.evil/index.html',
      'app://user:pw@arrivals/index.html',
      'arrivals',
      '',
      undefined,
    ])
      expect(mayUsePermission('media', origin, ['video']), String(origin)).toBe(false);
  });

  it('refuse the microphone and every other permission, to our page too', () => {
    expect(mayUsePermission('media', 'app://arrivals/index.html', ['video', 'audio'])).toBe(false);
    expect(mayUsePermission('media', 'app://arrivals/index.html', ['audio'])).toBe(false);
    for (const p of [
      'geolocation',
      'notifications',
      'clipboard-read',
      'midi',
      'openExternal',
      'fullscreen',
      'hid',
    ])
      expect(mayUsePermission(p, 'app://arrivals/index.html'), p).toBe(false);
  });
});

describe('external links', () => {
  it('open only allow-listed https sites', () => {
    const [site] = EXTERNAL_ORIGINS;
    expect(site).toMatch(/^https:\/\//);
    expect(mayOpenExternal(`${site}/guide/booth.html#camera`)).toBe(true);
    expect(mayOpenExternal(`${site!.toUpperCase().replace('HTTPS', 'https')}/x`)).toBe(true);
    const host = new URL(site!).host;
    for (const href of [
      `http://${host}/`,
      `https://${host}.evil.example/`,
      `https://evil.example/${host}`,
      `https://user:pw@${host}/`,
      `https://${host}:8443/`,
      'https://evil.example/',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'app://arrivals/index.html',
      'mailto:x@example.com',
      'not a url',
    ])
      expect(mayOpenExternal(href), href).toBe(false);
    // The list is what decides: another list, another answer.
    expect(mayOpenExternal('https://docs.example.gov/a', ['https://docs.example.gov'])).toBe(true);
    expect(mayOpenExternal(`${site}/a`, [])).toBe(false);
  });
});

describe('app:// protocol', () => {
  const dir = tempDir('arrivals-renderer-');
  const renderer = path.join(dir, 'renderer');
  fs.mkdirSync(path.join(renderer, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>ok</title>');
  fs.writeFileSync(path.join(renderer, 'assets', 'index-1.js'), 'console.log(1)');
  fs.writeFileSync(path.join(renderer, 'assets', 'index-1.css'), 'body{}');
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'SECRET OUTSIDE THE RENDERER');
  fs.symlinkSync(path.join(dir, 'secret.txt'), path.join(renderer, 'assets', 'link.txt'));
  const get = (url: string, method = 'GET') => appProtocolResponse({ url, method }, renderer);

  it('serves the renderer with its MIME type and the CSP', async () => {
    for (const [url, type] of [
      [RENDERER_URL, 'text/html; charset=utf-8'],
      ['app://arrivals/', 'text/html; charset=utf-8'],
      ['app://arrivals/assets/index-1.js', 'text/javascript; charset=utf-8'],
      ['app://arrivals/assets/index-1.css?v=1', 'text/css; charset=utf-8'],
    ] as const) {
      const r = await get(url);
      expect(r.status, url).toBe(200);
      expect(r.headers.get('content-type'), url).toBe(type);
      expect(r.headers.get('content-security-policy'), url).toBe(CONTENT_SECURITY_POLICY);
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    }
    expect(await (await get(`${RENDERER_URL}#/booth`)).text()).toContain('<title>ok</title>');
    const head = await get(RENDERER_URL, 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('refuses everything outside the renderer, however spelled, and anything but GET', async () => {
    for (const url of [
      'app://arrivals/../secret.txt',
      'app://arrivals/%2e%2e/secret.txt',
      'app://arrivals/..%2fsecret.txt',
      'app://arrivals/assets/..%2F..%2Fsecret.txt',
      'app://arrivals/..%5csecret.txt',
      'app://arrivals/%252e%252e/secret.txt',
      `app://arrivals/${encodeURIComponent(path.join(dir, 'secret.txt'))}`,
      'app://arrivals/assets/link.txt',
      'app://arrivals/assets',
      'app://arrivals/assets/',
      'app://arrivals/nothing.js',
      'app://arrivals/%E0%A4%A',
      'app://arrivals/index.html%00.js',
      'app://evil/index.html',
      'app://user@arrivals/index.html',
      'https://arrivals/index.html',
    ]) {
      const r = await get(url);
      expect(r.status, url).toBe(404);
      expect(await r.text(), url).not.toContain('SECRET');
    }
    expect((await get(RENDERER_URL, 'POST')).status).toBe(405);
  });

  it('is a standard, secure scheme, and the page check names only our page', () => {
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({ standard: true, secure: true });
    expect(APP_SCHEME_PRIVILEGES).not.toHaveProperty('bypassCSP');
    expect(isRendererUrl(`${RENDERER_URL}#/counter?token=abc`)).toBe(true);
    expect(isRendererUrl('app://arrivals/')).toBe(true);
    for (const href of [
      'app://arrivals/assets/index-1.js',
      'app://evil/index.html',
      'file:///opt/arrivals/out/renderer/index.html',
      'https://arrivals/index.html',
      'about:blank',
    ])
      expect(isRendererUrl(href), href).toBe(false);
  });
});

describe('the Electron shell', () => {
  it('wires the policy: app:// before ready, both permission handlers, no file:// page', () => {
    const src = fs.readFileSync(path.join(REPO, 'main/shell/electron.ts'), 'utf8');
    const beforeReady = src.slice(0, src.indexOf('async function start()'));
    expect(beforeReady).toMatch(/protocol\.registerSchemesAsPrivileged\(\[\{ scheme: APP_SCHEME/);
    expect(src).toMatch(/protocol\.handle\(APP_SCHEME, \(req\) => appProtocolResponse\(req, rendererDir\)\)/);
    expect(src).toMatch(/setPermissionRequestHandler\([^]*?mayUsePermission\(/);
    expect(src).toMatch(/setPermissionCheckHandler\([^]*?mayUsePermission\(/);
    expect(src).toMatch(/if \(mayOpenExternal\(url\)\) void shell\.openExternal\(url\)/);
    expect(src).not.toMatch(/loadFile\(/);
    expect(src.match(/loadURL\(/g)?.length).toBe(2);
  });
});
