// Runs in: main process.
// Keeps the active port in sync while the app runs: a sync at start, then every few minutes;
// on failure, retries with exponential backoff and jitter (the status area shows the outage);
// after each attempt, uploads the outbox, then lets the vetting window (window-sync.ts) take its
// turn: today's own port-day always first, the window never in its way. One sync at a time.
import type { AppContext } from '../app-context';
import { portByCode, serviceDateAt } from '../domain/ports';
import type { FeedSource } from './feed-source';
import { Outbox, type Ack } from './outbox';
import { SyncEngine, type SyncProgress, type SyncReport } from './sync-engine';
import type { WindowSync } from './window-sync';

export interface SyncControllerOptions {
  port: string;
  source: FeedSource;
  /** Posts encounter payloads; null when uploads are not possible (no feed). */
  postEncounters: ((payloads: unknown[]) => Promise<Ack[]>) | null;
  intervalMs?: number;
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  afterSync?: (report: SyncReport) => void | Promise<void>;
  /** The other port-days to keep synced after each own sync, stepping aside while one runs. */
  window?: WindowSync;
}

/** Full-jitter exponential backoff: a random delay in [0, min(max, base·2^n)]. */
export function backoffDelay(failures: number, baseMs: number, maxMs: number, random = Math.random): number {
  const cap = Math.min(maxMs, baseMs * 2 ** Math.min(failures, 20));
  return Math.max(baseMs / 2, Math.round(random() * cap));
}

export class SyncController {
  readonly engine: SyncEngine;
  readonly outbox: Outbox;
  progress: SyncProgress | null = null;
  private running: Promise<SyncReport | null> | null = null;
  private uploading: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private failures = 0;

  constructor(
    private readonly app: AppContext,
    private readonly opts: SyncControllerOptions,
  ) {
    this.engine = SyncEngine.forApp(app);
    this.outbox = new Outbox(app.db);
  }

  get port(): string {
    return this.opts.port;
  }

  get window(): WindowSync | undefined {
    return this.opts.window;
  }

  /** The own port's sync in flight, if any (the window waits for it between its steps). */
  get inFlight(): Promise<SyncReport | null> | null {
    return this.running;
  }

  start(): void {
    this.stopped = false;
    void this.syncNow();
  }

  /** Runs a sync (or joins the one running) and reschedules the next one. */
  syncNow(): Promise<SyncReport | null> {
    this.running ??= this.attempt().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /**
   * Uploads the outbox now (a decision was just made), without a full sync; one upload at a
   * time. A failure leaves the rows for the next scheduled attempt.
   */
  uploadNow(): Promise<void> {
    const post = this.opts.postEncounters;
    if (!post) return Promise.resolve();
    this.uploading ??= this.outbox
      .flush(post)
      .then(
        () => undefined,
        (e: Error) => console.error(`[outbox] ${e.message}`),
      )
      .finally(() => {
        this.uploading = null;
      });
    return this.uploading;
  }

  private async attempt(): Promise<SyncReport | null> {
    if (this.timer) clearTimeout(this.timer);
    const port = portByCode(this.opts.port);
    if (!port) throw new Error(`Unknown port ${this.opts.port}`);
    let report: SyncReport | null = null;
    try {
      report = await this.engine.syncDay(this.opts.source, port.code, serviceDateAt(port), {
        onProgress: (p) => (this.progress = p),
        // Flags for what each batch touched, right after it commits.
        onBatchApplied: (r, keys) => this.app.flags.afterBatch(r.applicantIds, keys),
      });
      if (report.lookoutVersion !== null) this.app.flags.engine.recomputeAll(['LOOKOUT_MATCH']);
      this.opts.window?.ownDaySynced(report.serviceDate, report.appliedSeq >= report.lastSeq);
      this.failures = 0;
      await this.opts.afterSync?.(report);
    } catch (e) {
      this.failures++;
      console.error(`[sync] ${port.code}: ${(e as Error).message}`);
    } finally {
      this.progress = null;
    }
    if (this.failures === 0) await this.uploadNow();
    if (!this.stopped) {
      const delay = this.failures
        ? backoffDelay(this.failures, this.opts.baseBackoffMs ?? 2_000, this.opts.maxBackoffMs ?? 5 * 60_000)
        : (this.opts.intervalMs ?? 5 * 60_000);
      this.timer = setTimeout(() => void this.syncNow(), delay);
      this.timer.unref();
      // Not awaited: "sync now" answers when today's port-day is done, the window goes on behind.
      this.opts.window?.kick().catch((e: Error) => console.error(`[window] ${e.message}`));
    }
    return report;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
    await this.opts.window?.stop();
  }
}
