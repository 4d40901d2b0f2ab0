// Runs in: main process (both shells).
// Long-running work that starts with the app: the demo feed (no config.json), the periodic
// sync with backoff, and the outbox upload. The shells only call start/stop.
import type { AppContext } from './app-context';
import { startDemoFeed, type DemoFeed } from './demo/demo-feed';
import { postEncounters } from './feed/client';
import { OnlineFeedSource } from './sync/online-source';
import { SyncController } from './sync/sync-controller';
import { purgeExpired } from './sync/retention';

export interface Background {
  demo: DemoFeed | null;
  stop(): Promise<void>;
}

/** Retention runs at start and every six hours; each purge is audited. */
function scheduleRetention(app: AppContext): () => void {
  const run = () => {
    try {
      purgeExpired(app.db, app.photos, app.audit, app.settings.get().retentionDays, 'retention');
    } catch (e) {
      console.error('[retention]', (e as Error).message);
    }
  };
  run();
  const t = setInterval(run, 6 * 60 * 60_000);
  t.unref();
  return () => clearInterval(t);
}

export async function startBackground(app: AppContext, opts: { demo?: boolean } = {}): Promise<Background> {
  const stopRetention = scheduleRetention(app);
  // A crash between a batch and its flags leaves applicants without keys: finish them now.
  try {
    app.flags.catchUp();
  } catch (e) {
    console.error('[flags]', (e as Error).message);
  }
  let demo: DemoFeed | null = null;
  let feedUrl: string;
  let keys: Record<string, string>;
  let port: string;
  if (app.config) {
    ({ feedUrl, publisherKeys: keys, port } = app.config);
  } else if (opts.demo !== false) {
    demo = await startDemoFeed();
    app.demo = { port: demo.port, feedUrl: demo.feedUrl, publisherKeys: demo.publisherKeys };
    ({ feedUrl, publisherKeys: keys, port } = demo);
  } else {
    return { demo: null, stop: async () => stopRetention() };
  }
  const controller = new SyncController(app, {
    port,
    source: new OnlineFeedSource(feedUrl, keys),
    postEncounters: (payloads) => postEncounters(feedUrl, payloads),
    intervalMs: Number(process.env.ARRIVALS_SYNC_INTERVAL_MS ?? 5 * 60_000),
    baseBackoffMs: Number(process.env.ARRIVALS_SYNC_BACKOFF_MS ?? 2_000),
    // New photos get templates in the background, on the worker pool; fresh matching keys
    // join the main index tier in idle-time slices.
    afterSync: () => {
      void app.face.enrolPending().catch((e: Error) => console.error('[enrolment]', e.message));
      void app.flags.maintain().catch((e: Error) => console.error('[flags]', e.message));
    },
  });
  app.sync = controller;
  controller.start();
  return {
    demo,
    stop: async () => {
      stopRetention();
      await controller.stop();
      await app.face.close();
      await demo?.server.close();
    },
  };
}
