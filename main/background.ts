// Runs in: main process (both shells).
// Long-running work that starts with the app: the demo feed (no config.json), the periodic
// sync with backoff, and the outbox upload. The shells only call start/stop.
import type { AppContext } from './app-context';
import { startDemoFeed, type DemoFeed } from './demo/demo-feed';
import { postEncounters } from './feed/client';
import { OnlineFeedSource } from './sync/online-source';
import { SyncController } from './sync/sync-controller';

export interface Background {
  demo: DemoFeed | null;
  stop(): Promise<void>;
}

export async function startBackground(app: AppContext, opts: { demo?: boolean } = {}): Promise<Background> {
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
    return { demo: null, stop: async () => {} };
  }
  const controller = new SyncController(app, {
    port,
    source: new OnlineFeedSource(feedUrl, keys),
    postEncounters: (payloads) => postEncounters(feedUrl, payloads),
    intervalMs: Number(process.env.ARRIVALS_SYNC_INTERVAL_MS ?? 5 * 60_000),
    baseBackoffMs: Number(process.env.ARRIVALS_SYNC_BACKOFF_MS ?? 2_000),
  });
  app.sync = controller;
  controller.start();
  return {
    demo,
    stop: async () => {
      await controller.stop();
      await demo?.server.close();
    },
  };
}
