// Runs in: main process. Keeps the vetting window synced: every port-day in it beside the own
// port's today (which SyncController syncs first and never behind this), newest first, each
// resumable as today's is (the same SyncEngine, one transaction per batch). A complete
// port-day costs one conditional header request per cycle (If-None-Match: a 304 without a
// body); a day's amendments arrive as the batches after the ones applied. Requests per cycle are
// capped and reported; each port-day backs off on its own errors; a dead link ends the cycle
// and keeps everything synced so far. Other ports' photos stay at the feed unless cross-port face
// checks are on: then they are fetched, enrolled, and only the template kept.
import type { WindowDayView, WindowStatusView } from '../../ipc/channels/sync';
import type { AppContext } from '../app-context';
import { portByCode, serviceDateAt } from '../domain/ports';
import { FeedError } from '../feed/feed-error';
import type { FeedSource, ServedHeader } from './feed-source';
import { PortDayRepository } from './port-day-repository';
import { STALE_AFTER_MS } from './status';
import { backoffDelay } from './sync-controller';
import { SyncEngine } from './sync-engine';
import { purgeOutsideWindow } from './window-retention';
import { rebuildIfDue } from './purge';
import { windowPortDays, windowRange, type PortDay, type VettingWindow } from './vetting-window';

/** Requests one cycle may send; the rest of a fill continues in the next cycle, at once. */
export const MAX_REQUESTS_PER_CYCLE = 1_000;

/** Records applied since the last warm-up past which the key indexes are read into the cache again. */
const WARM_AFTER_RECORDS = 20_000;

export interface WindowProgress {
  /** 'day': a port-day's outcome was recorded; 'batch': one of its batches committed; 'cycle': a cycle ended. */
  phase: 'day' | 'batch' | 'cycle';
  port?: string;
  serviceDate?: string;
  outcome?: DayOutcome;
  appliedSeq?: number;
  lastSeq?: number;
  /** Port-days handled so far in this cycle, of those it covers. */
  done: number;
  total: number;
  requests: number;
}

type DayOutcome = 'unchanged' | 'updated' | 'absent' | 'failed' | 'waiting';

export interface CycleReport {
  startedAt: string;
  finishedAt: string;
  ms: number;
  requests: number;
  /** Port-days the cycle covered (the window, less the own port's today). */
  portDays: number;
  checked: number;
  unchanged: number;
  updated: number;
  absent: number;
  failed: number;
  /** Waiting out their own back-off: not asked this cycle. */
  waiting: number;
  batches: number;
  records: number;
  purgedPortDays: number;
  /** The file rebuilt after a purge (ms); null when none was due, or a case was open. */
  rebuildMs: number | null;
  offline: boolean;
  /** Every port-day was reached (false: the request cap or a dead link ended the cycle). */
  complete: boolean;
}

export interface WindowSyncOptions {
  ownPort: string;
  source: FeedSource;
  /** Awaited before each step (each port-day, each batch): the renderer's calls go first. */
  pace?: () => Promise<void>;
  /** The own port's sync while it runs: the window waits for it, never the other way round. */
  priority?: () => Promise<unknown> | null;
  /** The window in force (default: the admin setting, limited by retention). */
  window?: () => VettingWindow;
  /** After a cycle stored photos: enrol them (the face engine), so foreign ones can be let go. */
  enrol?: () => Promise<void>;
  maxRequestsPerCycle?: number;
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  now?: () => Date;
  onProgress?: (p: WindowProgress) => void;
}

/** The window in force: the setting, reaching back no further than personal data is kept. */
export function effectiveWindow(app: AppContext): VettingWindow {
  const s = app.settings.get();
  return { ...s.vettingWindow, daysBack: Math.min(s.vettingWindow.daysBack, s.retentionDays) };
}

const stopping = () =>
  new FeedError('NETWORK', 'The console is shutting down; the vetting window resumes where it stopped.');

export class WindowSync {
  readonly engine: SyncEngine;
  readonly repo: PortDayRepository;
  last: CycleReport | null = null;
  /** The port-day being filled right now. */
  filling: PortDay | null = null;
  /** When a cycle last applied or purged anything. */
  changedAt: string | null = null;
  private running: Promise<CycleReport> | null = null;
  private again = false;
  /** Where a cycle cut short by the request cap stopped: the next one goes on from there. */
  private resumeAt: string | null = null;
  private stopped = false;
  /** Records applied since the key indexes were last read into the page cache. */
  private unwarmed = 0;

  constructor(
    private readonly app: AppContext,
    private readonly opts: WindowSyncOptions,
  ) {
    this.engine = SyncEngine.forApp(app);
    this.repo = new PortDayRepository(app.db);
  }

  get ownPort(): string {
    return this.opts.ownPort;
  }

  get busy(): boolean {
    return this.running !== null;
  }

  private now(): Date {
    return this.opts.now?.() ?? new Date();
  }

  window(): VettingWindow {
    return this.opts.window?.() ?? effectiveWindow(this.app);
  }

  today(now = this.now()): string {
    return serviceDateAt(portByCode(this.opts.ownPort)!, now);
  }

  /** Today's own port-day, synced by SyncController: recorded so the window counts it. */
  ownDaySynced(serviceDate: string, complete: boolean): void {
    const d = { port: this.opts.ownPort, serviceDate };
    if (complete) this.repo.current(d, null, this.now());
    else this.repo.pending(d);
  }

  /**
   * Runs cycles until one reaches every port-day (a fill spans several: each is capped), or the
   * link is down. Joins the run in progress; a kick during a run asks for one more cycle after it.
   */
  kick(): Promise<CycleReport> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      let r: CycleReport;
      do {
        this.again = false;
        r = await this.cycle();
      } while (!this.stopped && !r.offline && (!r.complete || this.again));
      return r;
    })().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** The run in progress, if any, without asking for another cycle after it. */
  settled(): Promise<CycleReport | null> {
    return this.running ?? Promise.resolve(null);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.running?.catch(() => undefined);
    await (this.opts.source as { close?: () => Promise<void> }).close?.();
  }

  /** Before each step: stop if asked, let the own port's sync and the renderer go first. */
  private async step(): Promise<void> {
    if (this.stopped) throw stopping();
    for (let p = this.opts.priority?.(); p; p = this.opts.priority?.()) await p.catch(() => undefined);
    await this.opts.pace?.();
    if (this.stopped) throw stopping();
  }

  /** One pass over the window: purge what left it, then each port-day in fill order. */
  async cycle(): Promise<CycleReport> {
    const start = this.now();
    const t0 = performance.now();
    const w = this.window();
    const today = this.today(start);
    const purged = purgeOutsideWindow(this.app, w, this.opts.ownPort, today);
    const all = windowPortDays(w, this.opts.ownPort, today).filter(
      (d) => !(d.port === this.opts.ownPort && d.serviceDate === today),
    );
    const from = Math.max(
      0,
      all.findIndex((d) => `${d.port} ${d.serviceDate}` === this.resumeAt),
    );
    const days = [...all.slice(from), ...all.slice(0, from)];
    this.resumeAt = null;
    const requests0 = this.opts.source.requests ?? 0;
    const used = () => (this.opts.source.requests ?? 0) - requests0;
    const cap = this.opts.maxRequestsPerCycle ?? MAX_REQUESTS_PER_CYCLE;
    const r: CycleReport = {
      startedAt: start.toISOString(),
      finishedAt: start.toISOString(),
      ms: 0,
      requests: 0,
      portDays: days.length,
      checked: 0,
      unchanged: 0,
      updated: 0,
      absent: 0,
      failed: 0,
      waiting: 0,
      batches: 0,
      records: 0,
      purgedPortDays: purged.portDays,
      rebuildMs: rebuildIfDue(this.app, purged.portDays > 0),
      offline: false,
      complete: true,
    };
    let done = 0;
    let stored = false;
    const progress = (p: Omit<WindowProgress, 'done' | 'total' | 'requests'>) =>
      this.opts.onProgress?.({ ...p, done, total: days.length, requests: used() });
    for (const d of days) {
      if (this.stopped || used() >= cap) {
        r.complete = false;
        this.resumeAt = `${d.port} ${d.serviceDate}`;
        break;
      }
      let outcome: DayOutcome;
      try {
        await this.step();
        const row = this.repo.get(d);
        if (d.port === this.opts.ownPort && d.serviceDate === this.today()) {
          // The day rolled over mid-cycle: this is today's port-day now, SyncController's to sync.
          outcome = 'unchanged';
        } else if (
          row?.state === 'failing' &&
          row.next_attempt_at &&
          row.next_attempt_at > this.now().toISOString()
        ) {
          outcome = 'waiting';
        } else {
          r.checked++;
          this.filling = d;
          const own = d.port === this.opts.ownPort;
          const day = await this.day(d, own || w.faceTemplates, (seq, last) =>
            progress({
              phase: 'batch',
              port: d.port,
              serviceDate: d.serviceDate,
              appliedSeq: seq,
              lastSeq: last,
            }),
          );
          outcome = day.outcome;
          r.batches += day.batches;
          r.records += day.records;
          stored ||= day.photos > 0;
        }
      } catch (e) {
        const err = e as FeedError;
        if (this.stopped || err.code === 'NETWORK') {
          // The link (or the console) is down: nothing of the day is marked, all of it is kept.
          r.offline = !this.stopped;
          r.complete = false;
          break;
        }
        const failures = (this.repo.get(d)?.failures ?? 0) + 1;
        const delay = backoffDelay(
          failures,
          this.opts.baseBackoffMs ?? 60_000,
          this.opts.maxBackoffMs ?? 60 * 60_000,
        );
        this.repo.failed(d, err.message, new Date(this.now().getTime() + delay));
        outcome = 'failed';
      } finally {
        this.filling = null;
      }
      r[outcome]++;
      done++;
      progress({ phase: 'day', port: d.port, serviceDate: d.serviceDate, outcome });
      // A fill brings hundreds of thousands of fresh matching keys: merged into the main tier as
      // they build up (in idle-time slices), so later batches' lookups stay small.
      if (outcome === 'updated') this.maintainFlags();
    }
    if (stored && this.opts.enrol) await this.keepTemplatesOnly();
    this.maintainFlags();
    // Once a fill is done (this much written has pushed the key indexes out of the page cache),
    // not after each of its cycles.
    this.unwarmed += r.records;
    if (r.complete && this.unwarmed >= WARM_AFTER_RECORDS) {
      this.unwarmed = 0;
      void this.app.flags
        .warmKeyIndexes(this.opts.pace)
        .catch((e: Error) => console.error('[flags]', e.message));
    }
    r.requests = used();
    r.ms = performance.now() - t0;
    r.finishedAt = this.now().toISOString();
    if (r.updated || r.purgedPortDays) this.changedAt = r.finishedAt;
    this.last = r;
    progress({ phase: 'cycle' });
    return r;
  }

  /** One port-day: a conditional header check, and what changed since the batches applied. */
  private async day(
    d: PortDay,
    photos: boolean,
    onBatch: (seq: number, last: number) => void,
  ): Promise<{ outcome: DayOutcome; batches: number; records: number; photos: number }> {
    const { port, serviceDate } = d;
    const row = this.repo.get(d);
    const m = this.engine.manifests.manifest(port, serviceDate);
    const complete = !!m?.completed_at && m.applied_seq >= m.last_seq;
    const etag = complete && row?.state === 'current' ? row.etag : null;
    let got: ServedHeader | 'unchanged';
    try {
      got = this.opts.source.headerIfChanged
        ? await this.opts.source.headerIfChanged(port, serviceDate, etag)
        : { ...(await this.opts.source.header(port, serviceDate)), etag: null };
    } catch (e) {
      // The feed has no manifest for the day (a day ahead not published yet): nothing to hold.
      if (e instanceof FeedError && e.code === 'HTTP' && e.status === 404) {
        this.repo.absent(d, this.now());
        return { outcome: 'absent', batches: 0, records: 0, photos: 0 };
      }
      throw e;
    }
    if (got === 'unchanged') {
      this.repo.current(d, etag, this.now());
      return { outcome: 'unchanged', batches: 0, records: 0, photos: 0 };
    }
    if (!complete) this.repo.pending(d);
    const report = await this.engine.syncDay(this.opts.source, port, serviceDate, {
      header: got,
      photos: photos ? 'store' : 'skip',
      lookout: false,
      trackState: false,
      onBatchApplied: (b, keys) => this.app.flags.afterBatch(b.applicantIds, keys),
      onProgress: (p) => {
        if (p.phase === 'batches' && p.appliedSeq > 0) onBatch(p.appliedSeq, p.lastSeq);
      },
      between: () => this.step(),
    });
    if (report.appliedSeq >= report.lastSeq) this.repo.current(d, got.etag, this.now());
    return {
      outcome: report.batchesApplied ? 'updated' : 'unchanged',
      batches: report.batchesApplied,
      records: report.recordsApplied,
      photos: report.photosStored,
    };
  }

  private maintainFlags(): void {
    void this.app.flags.maintain().catch((e: Error) => console.error('[flags]', e.message));
  }

  /** Cross-port face checks: enrol the photos just stored, then delete other ports' ones. */
  private async keepTemplatesOnly(): Promise<void> {
    await this.opts.enrol?.();
    for (const sha of this.repo.enrolledForeignPhotos(this.opts.ownPort)) this.app.photos.delete(sha);
  }

  /** The window's state for the status area and the admin's engine card. */
  status(now = this.now()): WindowStatusView {
    const w = this.window();
    const today = this.today(now);
    const days = windowPortDays(w, this.opts.ownPort, today);
    // The own port's today always counts, in the window or not: it is what the booth works from.
    if (!days.some((d) => d.port === this.opts.ownPort && d.serviceDate === today))
      days.unshift({ port: this.opts.ownPort, serviceDate: today });
    const rows = this.repo.standing(days);
    const fresh = (at: string | null) => at !== null && now.getTime() - Date.parse(at) < STALE_AFTER_MS;
    let current = 0;
    let stale = 0;
    let notPublished = 0;
    let failing = 0;
    let asOf: string | null = null;
    const lagging: Array<WindowDayView & { rank: number }> = [];
    const perPort = new Map<string, { port: string; current: number; total: number }>();
    for (const r of rows) {
      const pp = perPort.get(r.port) ?? { port: r.port, current: 0, total: 0 };
      perPort.set(r.port, pp);
      pp.total++;
      const base = {
        port: r.port,
        serviceDate: r.service_date,
        lastError: r.last_error,
        nextAttemptAt: r.next_attempt_at,
      };
      if (r.state === 'absent') {
        notPublished++;
        continue;
      }
      const held = !!r.complete && r.checked_at !== null;
      if (held && (asOf === null || r.checked_at! < asOf)) asOf = r.checked_at;
      if (r.state === 'failing') {
        // What it holds is kept, but the feed could not confirm it: stale when complete, else behind.
        failing++;
        if (held) stale++;
        lagging.push({ ...base, state: 'failing', rank: 0 });
      } else if (held && fresh(r.checked_at)) {
        current++;
        pp.current++;
      } else if (held) {
        stale++;
        lagging.push({ ...base, state: 'stale', rank: 1 });
      } else lagging.push({ ...base, state: 'pending', rank: 2 });
    }
    const range = windowRange(w, today);
    const { filling, last } = this;
    return {
      ports: w.ports,
      from: range.from,
      to: range.to,
      portDays: rows.length,
      current,
      behind: rows.length - current - stale - notPublished,
      stale,
      notPublished,
      failing,
      asOf,
      filling: filling ? { port: filling.port, serviceDate: filling.serviceDate } : null,
      offline: last?.offline ?? false,
      changedAt: this.changedAt,
      faceTemplates: w.faceTemplates,
      lastCycle: last && {
        finishedAt: last.finishedAt,
        ms: Math.round(last.ms),
        requests: last.requests,
        checked: last.checked,
        updated: last.updated,
        complete: last.complete,
      },
      perPort: [...perPort.values()],
      lagging: lagging
        .sort((a, b) => a.rank - b.rank || a.serviceDate.localeCompare(b.serviceDate))
        .slice(0, 20)
        .map(({ rank: _r, ...d }) => d),
    };
  }
}

/**
 * The window as the running console keeps it (main/background.ts). The demo feed publishes only
 * today's manifest of the demo port, so a demo console's window is that day alone. With
 * ARRIVALS_WINDOW_PROGRESS=1 each step is printed on stderr as `window {JSON}`, after it is
 * committed (tests kill the console on these lines, not on the clock).
 */
export function createWindowSync(
  app: AppContext,
  o: Pick<WindowSyncOptions, 'ownPort' | 'source' | 'pace' | 'priority'> & { demo: boolean },
): WindowSync {
  const print = process.env.ARRIVALS_WINDOW_PROGRESS === '1';
  return new WindowSync(app, {
    ...o,
    window: o.demo
      ? () => ({ ...effectiveWindow(app), ports: [o.ownPort], daysBack: 1, daysAhead: 0 })
      : undefined,
    enrol: () => app.face.enrolPending(),
    onProgress: print ? (p) => process.stderr.write(`window ${JSON.stringify(p)}\n`) : undefined,
  });
}
