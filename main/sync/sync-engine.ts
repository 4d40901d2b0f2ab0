// Runs in: main process and CLI.
// Brings one port's day up to date from a FeedSource: header, then batches from the last
// applied seq (each in its own transaction), then missing photos, then the lookout list.
// Every step is idempotent, so a crash or a dead link at any moment is fixed by running again.
import { workerKeys } from '../flags/batch-keys';
import type { ApplicantKeys } from '../flags/keys';
import type { AppContext } from '../app-context';
import type { Db } from '../db/database';
import type { AuditLog } from '../audit/audit-log';
import type { FeedSource, VerifiedHeader } from './feed-source';
import { ManifestRepository, type ApplyResult } from './manifest-repository';
import type { PhotoStore } from './photo-store';
import { SyncStateRepository } from './sync-state-repository';
import { LookoutRepository } from './lookout-repository';

export interface SyncProgress {
  phase: 'header' | 'batches' | 'photos' | 'lookout' | 'done';
  port: string;
  serviceDate: string;
  appliedSeq: number;
  lastSeq: number;
  photosDone: number;
  photosTotal: number;
}

export interface SyncReport {
  port: string;
  serviceDate: string;
  source: string;
  batchesApplied: number;
  recordsApplied: number;
  photosStored: number;
  photoFailures: Array<{ sha256: string; reason: string }>;
  lookoutVersion: number | null;
  appliedSeq: number;
  lastSeq: number;
  touchedApplicants: number;
}

export interface SyncHooks {
  onProgress?: (p: SyncProgress) => void;
  /**
   * Called after each committed batch (flags are recomputed for what it touched), with the
   * matching keys the verify worker made for its applicants, if it did.
   */
  onBatchApplied?: (r: ApplyResult, keys?: ReadonlyMap<string, ApplicantKeys>) => void;
  /** Awaited after each committed batch: where a background sync steps aside for other work. */
  between?: () => Promise<void>;
  /** The day's header, already fetched and verified by the caller (saves asking again). */
  header?: VerifiedHeader;
  /** The day's photos: fetched and stored (default), or left at the feed (other ports' days). */
  photos?: 'store' | 'skip';
  /** Fetch the lookout list after the day (default true; the vetting window leaves it to today's sync). */
  lookout?: boolean;
  /** Record the port's sync state for the status area (default true; not for the vetting window). */
  trackState?: boolean;
}

export class SyncEngine {
  readonly manifests: ManifestRepository;
  readonly state: SyncStateRepository;
  readonly lookout: LookoutRepository;

  constructor(
    private readonly db: Db,
    private readonly photos: PhotoStore,
    private readonly audit: AuditLog,
    private readonly actor = 'sync',
  ) {
    this.manifests = new ManifestRepository(db);
    this.state = new SyncStateRepository(db);
    this.lookout = new LookoutRepository(db);
  }

  /** The engine over the app's database, photo store and audit log: how the console's syncs get one. */
  static forApp(app: AppContext, actor?: string): SyncEngine {
    return new SyncEngine(app.db, app.photos, app.audit, actor);
  }

  async syncDay(
    source: FeedSource,
    port: string,
    serviceDate: string,
    hooks: SyncHooks = {},
  ): Promise<SyncReport> {
    const track = hooks.trackState !== false;
    if (track) this.state.started(port);
    try {
      const report = await this.run(source, port, serviceDate, hooks);
      if (track) this.state.succeeded(port);
      if (report.batchesApplied || report.photosStored || report.lookoutVersion !== null) {
        this.audit.append({
          actor: this.actor,
          action: source.kind === 'bundle' ? 'sync.bundle_import' : 'sync.applied',
          subject: `manifest:${port}:${serviceDate}`,
          details: {
            source: source.label,
            batches: report.batchesApplied,
            records: report.recordsApplied,
            photos: report.photosStored,
            appliedSeq: report.appliedSeq,
            lookoutVersion: report.lookoutVersion,
          },
        });
      }
      return report;
    } catch (e) {
      const err = e as Error & { code?: string };
      const offline = err.code === 'NETWORK' || err.code === 'HTTP';
      if (track) this.state.failed(port, offline ? 'offline' : 'error', err.message);
      if (!offline)
        this.audit.append({
          actor: this.actor,
          action: 'sync.rejected',
          subject: `manifest:${port}:${serviceDate}`,
          details: { source: source.label, code: err.code ?? 'ERROR', message: err.message },
        });
      throw e;
    }
  }

  private async run(
    source: FeedSource,
    port: string,
    serviceDate: string,
    hooks: SyncHooks,
  ): Promise<SyncReport> {
    const progress = (p: Omit<SyncProgress, 'port' | 'serviceDate'>) =>
      hooks.onProgress?.({ port, serviceDate, ...p });
    progress({ phase: 'header', appliedSeq: 0, lastSeq: 0, photosDone: 0, photosTotal: 0 });
    const { header, keyId } = hooks.header ?? (await source.header(port, serviceDate));
    if (header.port !== port || header.serviceDate !== serviceDate) {
      throw Object.assign(
        new Error(
          `The ${source.label} sent the manifest for ${header.port} ${header.serviceDate} instead of ${port} ${serviceDate}; nothing was applied.`,
        ),
        { code: 'SCHEMA' },
      );
    }
    this.manifests.recordHeader(header, keyId);
    let applied = this.manifests.appliedSeq(port, serviceDate);
    // Progress past the header: where the batches stand, and the photos done so far.
    const at = (phase: SyncProgress['phase'], photosDone = 0, photosTotal = 0) =>
      progress({ phase, appliedSeq: applied, lastSeq: header.lastSeq, photosDone, photosTotal });
    const report: SyncReport = {
      port,
      serviceDate,
      source: source.label,
      batchesApplied: 0,
      recordsApplied: 0,
      photosStored: 0,
      photoFailures: [],
      lookoutVersion: null,
      appliedSeq: applied,
      lastSeq: header.lastSeq,
      touchedApplicants: 0,
    };
    at('batches');

    if (applied < header.lastSeq) {
      for await (const batch of source.batches(port, serviceDate, applied)) {
        if (batch.port !== port || batch.serviceDate !== serviceDate) {
          throw Object.assign(
            new Error(
              `Batch ${batch.seq} belongs to ${batch.port} ${batch.serviceDate}, not ${port} ${serviceDate}; it was rejected.`,
            ),
            { code: 'SCHEMA' },
          );
        }
        const r = this.manifests.applyBatch(batch, source.kind);
        applied = r.seq;
        report.batchesApplied++;
        report.recordsApplied += r.records;
        report.touchedApplicants += r.applicantIds.length;
        hooks.onBatchApplied?.(r, workerKeys(batch));
        at('batches');
        if (applied >= header.lastSeq) break;
        await hooks.between?.();
      }
    }
    report.appliedSeq = applied;

    // This day's photos only: other days' (and other ports') are theirs to fetch, or not.
    const missing = hooks.photos === 'skip' ? [] : this.photos.missing(100_000, { port, serviceDate });
    at('photos', 0, missing.length);
    let done = 0;
    const queue = [...missing];
    const worker = async () => {
      for (let sha = queue.shift(); sha; sha = queue.shift()) {
        try {
          this.photos.put(sha, await source.blob(sha));
          report.photosStored++;
        } catch (e) {
          const err = e as Error & { code?: string };
          // A dead link stops the sync (retried later); one bad photo does not.
          if (err.code === 'NETWORK') throw e;
          report.photoFailures.push({ sha256: sha, reason: err.message });
        }
        done++;
        if (done % 25 === 0 || done === missing.length) at('photos', done, missing.length);
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);

    at('lookout', done, missing.length);
    const lookout = hooks.lookout === false ? null : await source.lookout(this.lookout.version());
    if (lookout) {
      this.lookout.replace(lookout.list, lookout.keyId);
      report.lookoutVersion = lookout.list.version;
    }
    at('done', done, missing.length);
    return report;
  }
}
