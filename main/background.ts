// Runs in: main process (both shells).
// Long-running work that starts with the app: retention, the flags catch-up, the demo feed (no
// config.json), the periodic sync with backoff, the outbox upload, and after each sync the
// enrolment of new photos (which starts the face workers and loads their models) and the flags
// upkeep; the update checks and the fleet heartbeat (main/update/updates.ts). The shells only
// call start/stop and say when the first screen has been served.
//
// All of it yields to the first screen: on a 2-core machine, generating the demo feed and
// loading the face models compete with Chromium for both cores. It starts when the shell
// reports the first screen served (firstScreenGate; at most 5 s after the page was requested)
// or capMs (15 s) after the start, whichever comes first, and at once when something needs it
// sooner: a sync or an upload asked for before then waits only for the feed, not for the gate.
// Once started, it gives way to the renderer's calls between its steps (Activity): a sign-in
// during the first sync is answered before the next batch is applied. What the first screen
// shows is ready without it: the demo port is named at once; sessions, accounts and the
// database need none of this.
import type { AppContext } from './app-context';
import type { Router } from './ipc/router';
import { DEMO_PORT, startDemoFeed, type DemoFeed } from './demo/demo-feed';
import { portByCode } from './domain/ports';
import { demoPinnedKeys } from './feed/demo-key';
import { postWitnessed } from './audit/witness';
import type { FeedSource } from './sync/feed-source';
import { OnlineFeedSource, type OnlineSourceOptions } from './sync/online-source';
import { SyncController } from './sync/sync-controller';
import { createWindowSync } from './sync/window-sync';
import { purgeExpired } from './sync/retention';
import { rebuildIfDue } from './sync/purge';
import { startUpdateLoop } from './update/updates';

export interface BackgroundOptions {
  /** false: no built-in demo feed when nothing is configured. */
  demo?: boolean;
  /** Settles when the first screen has been served (firstScreenGate().reached). Without it, the work starts at once. */
  firstScreen?: Promise<unknown>;
  /** The longest wait for the first screen from the start (default 15 s; ARRIVALS_BACKGROUND_CAP_MS): with no window opened, sync still starts. */
  capMs?: number;
  /** Nothing runs: no retention, feed, sync or enrolment (startup measurements, diagnostics). */
  disabled?: boolean;
  /** The renderer's calls in flight: the background gives way to them between its steps. */
  activity?: Activity;
}

export interface Background {
  /** The built-in demo feed once it serves; null when configured, disabled, or not started yet. */
  readonly demo: DemoFeed | null;
  /** Settles once the work has started (retention ran, the demo feed serves, the first sync is under way). */
  readonly started: Promise<void>;
  /** Starts now instead of waiting for the first screen. */
  startNow(): void;
  stop(): Promise<void>;
}

/** The channels the first screen cannot render without (setup or sign-in needs both). */
const FIRST_SCREEN_CHANNELS = new Set(['app.info', 'auth.session']);

/** Calls that wait for the background themselves: giving way to them would only slow them. */
const WAITS_FOR_BACKGROUND = new Set(['sync.now']);

/**
 * The renderer's calls in flight, told by the shell. Between its steps (each synced batch,
 * each photo, each stage) the background waits until no call has been in flight for quietMs,
 * so a sign-in or a case opened while the first sync runs is answered first; never longer than
 * maxWaitMs per step, so a renderer that polls all the time cannot stall the sync.
 */
export class Activity {
  private inFlight = 0;
  private lastEnd = -Infinity;

  constructor(
    private readonly quietMs = 250,
    private readonly maxWaitMs = 2_000,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  /** A renderer call starts; call the returned function when it has been answered. */
  begin(channel: string): () => void {
    if (WAITS_FOR_BACKGROUND.has(channel)) return () => undefined;
    this.inFlight++;
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.inFlight--;
      this.lastEnd = this.clock();
    };
  }

  get quiet(): boolean {
    return this.inFlight === 0 && this.clock() - this.lastEnd >= this.quietMs;
  }

  /** Resolves once the renderer is quiet, or after maxWaitMs. */
  async yield(): Promise<void> {
    const start = this.clock();
    while (!this.quiet && this.clock() - start < this.maxWaitMs) await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * When the first screen has been served. Told about every answered renderer call, it opens
 * settleMs after the first screen's data (app.info and auth.session) has been answered: time for
 * the renderer to draw it, and for a first click (setup, sign-in) to go in before the heavy
 * work does; a second after the first of them if the other does not follow (a
 * renderer that no longer needs it). If the page was requested (requested()) but no such call
 * comes (an error page), it opens screenCapMs after the request; if not even the page comes,
 * startBackground's own cap applies.
 */
export function firstScreenGate(
  settleMs = Number(process.env.ARRIVALS_FIRST_SCREEN_SETTLE_MS ?? 1_000),
  screenCapMs = 5_000,
): { reached: Promise<void>; requested(): void; served(channel: string): void } {
  let open!: () => void;
  const reached = new Promise<void>((resolve) => (open = resolve));
  const answered = new Set<string>();
  let cap: NodeJS.Timeout | undefined;
  let fallback: NodeJS.Timeout | undefined;
  let done = false;
  return {
    reached,
    requested() {
      if (done || cap) return;
      cap = setTimeout(open, screenCapMs);
      cap.unref();
    },
    served(channel) {
      if (done || !FIRST_SCREEN_CHANNELS.has(channel)) return;
      answered.add(channel);
      if (answered.size < FIRST_SCREEN_CHANNELS.size) {
        fallback ??= setTimeout(open, 1_000);
        fallback.unref();
        return;
      }
      done = true;
      clearTimeout(cap);
      clearTimeout(fallback);
      setTimeout(open, settleMs).unref();
    },
  };
}

/**
 * Runs the first screen's calls once, unseen, while the window is still starting: the first
 * time-zone lookup (ICU data), the first queries and the JIT cost ~100–250 ms on a busy
 * machine, better spent before the renderer asks than after. No session, nothing audited.
 */
export function warmFirstScreen(router: Router): void {
  setImmediate(() => {
    for (const channel of FIRST_SCREEN_CHANNELS)
      void router(channel, {}, 'first-screen-warm-up').catch(() => undefined);
  });
}

/**
 * Retention runs at start and every six hours; each purge is audited. A file rebuild left
 * pending because an officer was mid-case is tried again every minute (one settings read).
 */
function scheduleRetention(app: AppContext): () => void {
  const guarded = (what: string, fn: () => unknown) => () => {
    try {
      fn();
    } catch (e) {
      console.error(`[${what}]`, (e as Error).message);
    }
  };
  const run = guarded('retention', () => purgeExpired(app, app.settings.get().retentionDays, 'retention'));
  run();
  const t = setInterval(run, 6 * 60 * 60_000);
  const r = setInterval(
    guarded('rebuild', () => rebuildIfDue(app, false)),
    60_000,
  );
  t.unref();
  r.unref();
  return () => {
    clearInterval(t);
    clearInterval(r);
  };
}

interface Feed {
  feedUrl: string;
  keys: Record<string, string>;
  /**
   * Batch envelopes per request. The built-in demo feed serves from this process, so both the
   * page's JSON serialisation and its parsing block this main thread: one batch per page keeps
   * each block short and lets the pacing act between batches. A site's feed keeps the default.
   */
  pageSize?: number;
}

/**
 * The online feed once it is known (the demo's serves only after the background starts), paced
 * so that each batch and each photo waits for a quiet moment in the renderer's calls: applying a
 * batch and its flags, or storing a photo, holds the main thread.
 */
class PendingFeedSource implements FeedSource {
  readonly kind = 'feed' as const;
  private inner: OnlineFeedSource | null = null;

  constructor(
    private readonly feed: () => Promise<Feed>,
    private readonly pace: () => Promise<void>,
    private readonly options: OnlineSourceOptions = {},
  ) {}

  get label(): string {
    return this.inner?.label ?? 'feed (starting)';
  }

  get requests(): number {
    return this.inner?.requests ?? 0;
  }

  private async source(): Promise<OnlineFeedSource> {
    const f = await this.feed();
    this.inner ??= new OnlineFeedSource(f.feedUrl, f.keys, f.pageSize ?? 20, this.options);
    return this.inner;
  }

  async header(port: string, serviceDate: string) {
    await this.pace();
    return (await this.source()).header(port, serviceDate);
  }

  async headerIfChanged(port: string, serviceDate: string, etag: string | null) {
    await this.pace();
    return (await this.source()).headerIfChanged(port, serviceDate, etag);
  }

  close(): Promise<void> {
    return this.inner?.close() ?? Promise.resolve();
  }

  async *batches(port: string, serviceDate: string, sinceSeq: number) {
    for await (const batch of (await this.source()).batches(port, serviceDate, sinceSeq)) {
      await this.pace();
      yield batch;
    }
  }

  async blob(sha256: string) {
    const bytes = await (await this.source()).blob(sha256);
    await this.pace();
    return bytes;
  }

  async lookout(sinceVersion: number) {
    return (await this.source()).lookout(sinceVersion);
  }
}

export function startBackground(app: AppContext, opts: BackgroundOptions = {}): Background {
  // Known before anything runs, so the first screen names the port: demo mode pins the demo
  // key; the feed address follows once the demo feed serves.
  let demoPort: string | null = null;
  if (!app.config && opts.demo !== false) {
    const code = process.env.ARRIVALS_DEMO_PORT ?? DEMO_PORT;
    const port = portByCode(code);
    if (!port) throw new Error(`Unknown demo port ${code}`);
    demoPort = port.code;
    app.demo = { port: demoPort, feedUrl: null, publisherKeys: demoPinnedKeys() };
  }
  if (opts.disabled)
    return { demo: null, started: Promise.resolve(), startNow: () => undefined, stop: async () => undefined };

  let stopped = false;
  let demo: DemoFeed | null = null;
  let stopRetention: () => void = () => undefined;
  let stopUpdates: () => void = () => undefined;
  let kick!: () => void;
  const go = new Promise<void>((resolve) => (kick = resolve));
  const cap = setTimeout(
    () => kick(),
    opts.capMs ?? Number(process.env.ARRIVALS_BACKGROUND_CAP_MS ?? 15_000),
  );
  cap.unref();
  if (opts.firstScreen) void opts.firstScreen.then(kick, kick);
  else kick();

  let feedReady!: (f: Feed) => void;
  let feedFailed!: (e: Error) => void;
  const feedPromise = new Promise<Feed>((resolve, reject) => ((feedReady = resolve), (feedFailed = reject)));
  feedPromise.catch(() => undefined);
  /** The feed, starting the background now if it has not started: a caller is waiting. */
  const feed = (): Promise<Feed> => {
    kick();
    return feedPromise;
  };

  const pace = () => opts.activity?.yield() ?? Promise.resolve();
  let warming: Promise<number> | null = null;
  let controller: SyncController | null = null;
  if (app.config || demoPort) {
    const port = app.config?.port ?? demoPort!;
    // The vetting window's other port-days (window-sync.ts), after today's and out of its way.
    const window = createWindowSync(app, {
      ownPort: port,
      source: new PendingFeedSource(feed, pace, { shareVerifier: true }),
      pace,
      priority: () => controller?.inFlight ?? null,
      demo: !app.config,
    });
    controller = new SyncController(app, {
      port,
      window,
      source: new PendingFeedSource(feed, pace),
      // Each upload carries the audit chain head, which the feed keeps as a witness.
      postEncounters: async (payloads) => postWitnessed(app, (await feed()).feedUrl, payloads),
      intervalMs: Number(process.env.ARRIVALS_SYNC_INTERVAL_MS ?? 5 * 60_000),
      baseBackoffMs: Number(process.env.ARRIVALS_SYNC_BACKOFF_MS ?? 2_000),
      // New photos get templates in the background, on the worker pool; fresh matching keys
      // join the main index tier in idle-time slices.
      afterSync: () => {
        void pace()
          .then(() => app.face.enrolPending())
          .catch((e: Error) => console.error('[enrolment]', e.message));
        void app.flags.maintain().catch((e: Error) => console.error('[flags]', e.message));
        // Once, after the first sync (today's port-day never waits for it): the key indexes
        // into the page cache a step at a time, so the window's batches are flagged at speed.
        warming ??= app.flags.warmKeyIndexes(pace).catch((e: Error) => {
          console.error('[flags]', e.message);
          return 0;
        });
      },
    });
    // Present from the start, so "sync now" works (and starts the feed) before the first screen.
    app.sync = controller;
  }

  const started = go.then(async () => {
    clearTimeout(cap);
    await pace();
    if (stopped) return;
    stopRetention = scheduleRetention(app);
    // A crash between a batch and its flags leaves applicants without keys: finish them now.
    try {
      app.flags.catchUp();
    } catch (e) {
      console.error('[flags]', (e as Error).message);
    }
    if (app.config) {
      feedReady({ feedUrl: app.config.feedUrl, keys: app.config.publisherKeys });
    } else if (demoPort) {
      try {
        await pace();
        const d = await startDemoFeed({ port: demoPort });
        if (stopped) {
          await d.server.close();
          return;
        }
        demo = d;
        app.demo = { port: d.port, feedUrl: d.feedUrl, publisherKeys: d.publisherKeys };
        feedReady({ feedUrl: d.feedUrl, keys: d.publisherKeys, pageSize: 1 });
      } catch (e) {
        feedFailed(e as Error);
        throw e;
      }
    }
    await pace();
    if (!stopped) controller?.start();
    if (!stopped) stopUpdates = startUpdateLoop(app);
  });
  started.catch(() => undefined);

  return {
    get demo() {
      return demo;
    },
    started,
    startNow: () => kick(),
    stop: async () => {
      stopped = true;
      clearTimeout(cap);
      feedFailed(new Error('The console is shutting down.'));
      kick();
      await started.catch(() => undefined);
      stopRetention();
      stopUpdates();
      await controller?.stop();
      await app.face.close();
      await demo?.server.close();
    },
  };
}
