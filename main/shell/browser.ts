// Runs in: plain Node (the browser shell's main process).
// The same main-process services as the Electron shell, behind the loopback HTTP bridge, with
// the renderer in a Chromium --app window (or just a printed URL when there is no display).
import path from 'node:path';
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { createAppContext } from '../app-context';
import { createRouter } from '../ipc/router';
import { AppError } from '../platform/app-error';
import { startBridge } from './http-bridge';
import { findChromium, hasDisplay } from './find-browser';
import { startBackground } from '../background';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      'no-open': { type: 'boolean', default: false },
      port: { type: 'string' },
      browser: { type: 'boolean', default: false },
    },
    allowPositionals: true,
  });
  const app = createAppContext({ dataDir: values['data-dir'], shell: 'browser' });
  const router = createRouter(app);
  const bridge = await startBridge({
    router,
    rendererDir: path.join(__dirname, '../renderer'),
    port: values.port ? Number(values.port) : undefined,
    onClose: (connectionId) => {
      const s = app.sessions.end(connectionId);
      if (s) app.audit.append({ actor: s.username, action: 'auth.sign_out', subject: `user:${s.username}`, details: { reason: 'window closed' } });
    },
  });
  console.log(`Arrivals Console (browser shell) ready in ${Math.round(performance.now())} ms; data in ${app.dataDir}`);
  // Machine-readable line for tests and tools/start.js; it carries the per-launch secret.
  console.log(`ARRIVALS_URL=${bridge.launchUrl}`);
  // Sync (and the demo feed) start after the UI is reachable: the sign-in screen never waits.
  const background = await startBackground(app);
  if (background.demo) console.log(`Demo mode: built-in feed for ${background.demo.port} at ${background.demo.feedUrl} (no config.json in ${app.dataDir})`);

  let child: ReturnType<typeof spawn> | undefined;
  const chromium = findChromium();
  if (!values['no-open'] && hasDisplay() && chromium) {
    child = spawn(
      chromium,
      [
        `--app=${bridge.launchUrl}`,
        `--user-data-dir=${path.join(app.dataDir, 'browser-profile')}`,
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--window-size=1280,860',
      ],
      { stdio: 'ignore' },
    );
    child.on('exit', () => void shutdown());
  } else if (!values['no-open']) {
    console.log(chromium ? 'No display found: open the URL above in a browser on this machine.' : 'No Chromium found: open the URL above in a browser on this machine.');
  }

  let closing = false;
  async function shutdown(): Promise<void> {
    if (closing) return;
    closing = true;
    await background.stop();
    await bridge.close();
    app.close();
    process.exit(0);
  }
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}

main().catch((e: unknown) => {
  if (e instanceof AppError) {
    console.error(`Arrivals Console cannot start: ${e.message}`);
  } else {
    console.error('Arrivals Console cannot start:', (e as Error).stack ?? e);
  }
  process.exit(1);
});
