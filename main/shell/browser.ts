// Runs in: plain Node (the browser shell's main process).
// The same main-process services as the Electron shell, behind the loopback HTTP bridge, with
// the renderer in a Chromium --app window (or just a printed URL when there is no display or
// no Chromium, or with --no-open).
//
//   --data-dir DIR     data folder (default: the platform's, or ARRIVALS_DATA_DIR)
//   --port N           bridge port (default: a free one)
//   --no-open          do not start Chromium; print the URL only
//   --no-background    start no background work at all: no retention, demo feed, sync or
//                      enrolment (also ARRIVALS_NO_BACKGROUND=1); for startup measurements
//                      (tools/measure-startup.js) and diagnostics
//   ARRIVALS_CLOSE_GRACE_MS   how long a hidden page's connection may take to call again (a
//                      reload) before its session ends as a closed window's (default 10 000)
//   ARRIVALS_BACKGROUND_CAP_MS  the longest the background waits for a first screen (15 000)
import path from 'node:path';
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { createAppContext } from '../app-context';
import { createRouter } from '../ipc/router';
import { AppError } from '../platform/app-error';
import { startBridge } from './http-bridge';
import { uploadsOf } from '../sync/bundle-uploads';
import { findChromium, hasDisplay } from './find-browser';
import { CloseGrace, DEFAULT_CLOSE_GRACE_MS, signOutClosedWindow } from './close-grace';
import { Activity, firstScreenGate, startBackground, warmFirstScreen } from '../background';

function graceMs(): number {
  const v = Number(process.env.ARRIVALS_CLOSE_GRACE_MS ?? DEFAULT_CLOSE_GRACE_MS);
  return Number.isFinite(v) && v >= 0 ? v : DEFAULT_CLOSE_GRACE_MS;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      'no-open': { type: 'boolean', default: false },
      'no-background': { type: 'boolean', default: false },
      port: { type: 'string' },
      browser: { type: 'boolean', default: false },
    },
    allowPositionals: true,
  });
  const app = createAppContext({ dataDir: values['data-dir'], shell: 'browser' });
  const router = createRouter(app);
  // A hidden page is a close or a reload; only a page that does not call again signs out.
  const closes = new CloseGrace({
    graceMs: graceMs(),
    onExpire: (connectionId) => signOutClosedWindow(app, connectionId),
  });
  const gate = firstScreenGate();
  const activity = new Activity();
  // Files the admin sends (bundles) arrive here; what a crash left half-received is deleted now.
  const uploads = uploadsOf(app);
  const bridge = await startBridge({
    router: async (channel, payload, connectionId) => {
      const end = activity.begin(channel);
      try {
        return await router(channel, payload, connectionId);
      } finally {
        end();
        gate.served(channel);
      }
    },
    rendererDir: path.join(__dirname, '../renderer'),
    port: values.port ? Number(values.port) : undefined,
    onUpload: (uploadId, connectionId, body, declared) =>
      uploads.receiveStream(uploadId, connectionId, body, declared),
    onCall: (connectionId, pageId) => closes.seen(connectionId, pageId),
    onClose: (connectionId, pageId) => closes.closed(connectionId, pageId),
    onAlive: (connectionId, pageId) => closes.revived(connectionId, pageId),
    onPage: () => gate.requested(),
  });
  warmFirstScreen(router);
  // Retention, the demo feed, sync, enrolment and model loading wait for the first screen (at
  // most 5 s from the page's request, 15 s from now): they would compete with Chromium for the
  // cores. Then they give way to the renderer's calls between their steps. Nothing the first
  // screen or a sign-in needs waits for them.
  const background = startBackground(app, {
    firstScreen: gate.reached,
    activity,
    disabled: values['no-background'] || process.env.ARRIVALS_NO_BACKGROUND === '1',
  });
  console.log(
    `Arrivals Console (browser shell) ready in ${Math.round(performance.now())} ms; data in ${app.dataDir}`,
  );
  // Machine-readable line for tests and tools/start.js; it carries the per-launch secret.
  console.log(`ARRIVALS_URL=${bridge.launchUrl}`);
  background.started.then(
    () => {
      if (background.demo)
        console.log(
          `Demo mode: built-in feed for ${background.demo.port} at ${background.demo.feedUrl} (no config.json in ${app.dataDir})`,
        );
    },
    (e: unknown) => console.error('[background] could not start:', (e as Error).message),
  );

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
    console.log(
      chromium
        ? 'No display found: open the URL above in a browser on this machine.'
        : 'No Chromium found: open the URL above in a browser on this machine.',
    );
  }

  let closing = false;
  async function shutdown(): Promise<void> {
    if (closing) return;
    closing = true;
    // Windows closed within the grace period are signed out (and audited) before the end.
    closes.flush();
    await background.stop();
    await bridge.close();
    await app.close();
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
