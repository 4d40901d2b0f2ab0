// Runs in: main process. The face engine as the app uses it: one worker pool, started on first
// use; enrolment of newly synced photos in the background; audited 1:1 verification (in
// blind-first mode the score waits for the officer's own judgement); capture guidance on small
// camera frames, at most one in flight per booth and never queued behind other work.
import { createHash } from 'node:crypto';
import type { EngineStatusView } from '../../ipc/channels/engine';
import type { AttemptsView, GuideView, Judgement } from '../../ipc/channels/face';
import type { AppContext } from '../app-context';
import { AppError } from '../platform/app-error';
import { faceBandsFor } from '../platform/settings-service';
import { FacePool, type FacePoolInfo } from './pool';
import { enrolPhotos } from './enrol';
import { guidanceFor } from './quality';
import { TemplateRepository, fromBlob } from './template-repository';
import { verifyCapture, type VerifyResult } from './verify';

/** A booth verification: the engine's result, its record, and the applicant's attempts so far. */
export type BoothVerification = VerifyResult & {
  verificationId: number;
  /** Made in blind-first mode: the score is shown only after the officer's judgement. */
  blind: boolean;
  judgement: Judgement | null;
  attempts: AttemptsView;
};

/** Blind results waiting for the officer's judgement, newest last; older ones are dropped. */
const BLIND_KEPT = 32;

/** Background enrolment's progress, as the admin's engine status shows it. */
export type EnrolmentStatus = EngineStatusView['enrolment'];

export class FaceService {
  private pool: FacePool | null = null;
  private modelVersion: string | null = null;
  readonly enrolment: EnrolmentStatus = { running: false, done: 0, total: 0, lastRunAt: null, unusable: 0 };
  private enrolling: Promise<void> | null = null;
  private readonly blindResults = new Map<number, BoothVerification>();
  private readonly guiding = new Set<string>();
  private loggedCause: string | null = null;

  constructor(private readonly app: AppContext) {}

  private closed = false;

  /** The pool, started on first use; none once the console is closing. */
  private started(): FacePool {
    if (this.closed) throw new AppError('FACE_ENGINE_UNAVAILABLE', 'The console is closing.');
    this.pool ??= new FacePool();
    return this.pool;
  }

  private async ready(): Promise<{ pool: FacePool; modelVersion: string }> {
    const pool = this.started();
    try {
      this.modelVersion ??= (await pool.info()).modelVersion;
    } catch (e) {
      // The cause (a path, a command) is for whoever mends the console: logged here once and shown on
      // Admin → Engine. The officer gets what to do now, not "something went wrong".
      const cause = (e as Error).message;
      if (cause !== this.loggedCause) console.error('[face] engine cannot start:', cause);
      this.loggedCause = cause;
      throw new AppError(
        'FACE_ENGINE_UNAVAILABLE',
        'The face engine cannot start on this console. Compare the person with the submitted photo by eye, and tell an admin: Admin → Engine shows why.',
      );
    }
    return { pool, modelVersion: this.modelVersion };
  }

  /** The running engine, for the admin's status view (starts the pool and loads the models if needed). */
  async engineInfo(): Promise<FacePoolInfo> {
    const info = await this.started().info();
    this.modelVersion ??= info.modelVersion;
    return info;
  }

  /** Templates for stored photos that have none for the current model; safe to call often. */
  enrolPending(): Promise<void> {
    this.enrolling ??= this.runEnrolment().finally(() => {
      this.enrolling = null;
    });
    return this.enrolling;
  }

  private async runEnrolment(): Promise<void> {
    const { pool, modelVersion } = await this.ready();
    const repo = new TemplateRepository(this.app.db);
    const pending = repo.pendingPhotos(modelVersion);
    if (!pending.length) return;
    Object.assign(this.enrolment, { running: true, done: 0, total: pending.length });
    const enrolled: string[] = [];
    try {
      await enrolPhotos(
        pool,
        pending.map((sha) => ({ id: sha, load: () => this.app.photos.get(sha) })),
        {
          onResult: (r) => {
            repo.save(r);
            enrolled.push(r.id);
            if (r.unusable) this.enrolment.unusable++;
          },
          onProgress: (done) => (this.enrolment.done = done),
        },
      );
    } finally {
      this.enrolment.running = false;
      this.enrolment.lastRunAt = new Date().toISOString();
    }
    // New templates can reveal one face under two identities, or a photo problem.
    const ids = enrolled.length
      ? this.app.db
          .prepare(
            `SELECT applicant_id AS a FROM applicants WHERE photo_sha256 IN (${enrolled.map(() => '?').join(',')})`,
          )
          .all(...enrolled)
          .map((r) => (r as { a: string }).a)
      : [];
    if (ids.length) this.app.flags.engine.updateFor(ids, ['FACE_DUPLICATE', 'PHOTO_PROBLEM']);
  }

  async verifyApplicant(applicantId: string, capture: Buffer, officer: string): Promise<BoothVerification> {
    const a = this.app.db
      .prepare<[string], { photo_sha256: string | null }>(
        'SELECT photo_sha256 FROM applicants WHERE applicant_id = ?',
      )
      .get(applicantId);
    if (!a) throw new AppError('NOT_FOUND', 'No such applicant.');
    if (!a.photo_sha256)
      throw new AppError(
        'NOT_FOUND',
        'This applicant submitted no photo: compare the person with the travel document instead.',
      );
    const { pool, modelVersion } = await this.ready();
    const t = new TemplateRepository(this.app.db).get(a.photo_sha256, modelVersion);
    let result: VerifyResult;
    // An admin's MATCH / INCONCLUSIVE thresholds, read on each verification: a change holds at once.
    const bands = (mv: string) => faceBandsFor(this.app, mv);
    if (t?.embedding) {
      result = await verifyCapture(pool, capture, { embedding: fromBlob(t.embedding), modelVersion }, bands);
    } else {
      const photo = this.app.photos.get(a.photo_sha256);
      if (!photo) throw new AppError('NOT_FOUND', 'The submitted photo has not been downloaded yet.');
      result = await verifyCapture(pool, capture, { bytes: photo }, bands);
    }
    const captureSha256 = createHash('sha256').update(capture).digest('hex');
    // Blind-first (an admin setting, against automation bias): only a comparison with a score
    // has something to withhold.
    const blind = result.band !== null && this.app.settings.get().blindFirst;
    const repo = new TemplateRepository(this.app.db);
    const verificationId = this.app.db.transaction(() => {
      const id = repo.recordVerification({
        applicantId,
        officer,
        captureSha256,
        band: result.band,
        score: result.score,
        match: result.thresholds.match,
        inconclusive: result.thresholds.inconclusive,
        liveness: result.liveness,
        qualityReasons: result.capture.quality.reasons,
        modelVersion: result.modelVersion,
        totalMs: result.timings.totalMs,
        blind,
      });
      this.app.audit.append({
        actor: officer,
        action: 'face.verify',
        subject: `applicant:${applicantId}`,
        details: {
          verificationId: id,
          band: result.band,
          score: result.score,
          match: result.thresholds.match,
          inconclusive: result.thresholds.inconclusive,
          liveness: result.liveness,
          modelVersion: result.modelVersion,
          captureSha256,
          blind,
        },
      });
      return id;
    })();
    const out: BoothVerification = {
      ...result,
      verificationId,
      blind,
      judgement: null,
      attempts: repo.attempts(applicantId),
    };
    if (blind) {
      this.blindResults.set(verificationId, out);
      for (const old of this.blindResults.keys()) {
        if (this.blindResults.size <= BLIND_KEPT) break;
        this.blindResults.delete(old);
      }
    }
    return out;
  }

  /** Blind-first: the officer's own judgement is stored beside the score, then the score is shown. */
  judge(officer: string, verificationId: number, judgement: Judgement): BoothVerification {
    const repo = new TemplateRepository(this.app.db);
    const v = repo.verification(verificationId);
    if (!v || v.officer !== officer) throw new AppError('NOT_FOUND', 'You made no comparison with that id.');
    if (!v.blind)
      throw new AppError('CONFLICT', 'That comparison was not blind: its result is already shown.');
    if (v.judgement) throw new AppError('CONFLICT', 'Your judgement of that comparison is already recorded.');
    const kept = this.blindResults.get(verificationId);
    if (!kept)
      throw new AppError(
        'NOT_FOUND',
        'That comparison is no longer held (the app restarted): capture again.',
      );
    this.app.db.transaction(() => {
      if (!repo.recordJudgement(verificationId, judgement))
        throw new AppError('CONFLICT', 'Your judgement of that comparison is already recorded.');
      this.app.audit.append({
        actor: officer,
        action: 'face.judge',
        subject: `applicant:${v.applicant_id}`,
        details: { verificationId, judgement, band: v.band, score: v.score },
      });
    })();
    this.blindResults.delete(verificationId);
    return { ...kept, judgement, attempts: repo.attempts(v.applicant_id) };
  }

  /**
   * Capture guidance on a small camera frame: the face boxes and one line from the same quality
   * gates the engine applies to a capture. One frame per booth at a time, and none while other
   * work waits for the engine: a skipped frame answers `hint: null`, so nothing ever queues up.
   */
  async guide(booth: string, frame: Buffer, scale: number): Promise<GuideView> {
    const skipped: GuideView = { hint: null, faces: [] };
    if (this.guiding.has(booth)) return skipped;
    this.guiding.add(booth);
    try {
      const { pool } = await this.ready();
      if (pool.queueSize > 0) return skipped;
      const r = await pool.analyze(frame, { liveness: false, embed: false, captureScale: scale });
      if (!r.ok) return { hint: 'noFace', faces: [] };
      const { width: w, height: h } = r.image;
      return {
        hint: guidanceFor(r.quality.reasons),
        faces: r.faces.map((f) => [f.box[0] / w, f.box[1] / h, f.box[2] / w, f.box[3] / h]),
      };
    } finally {
      this.guiding.delete(booth);
    }
  }

  /**
   * Stops the engine for good: the running analyses finish, queued ones (a background enrolment's
   * rest, which resumes at the next start) are dropped, then the workers stop. Awaited before the
   * database closes, so no result arrives at a closed database.
   */
  async close(): Promise<void> {
    this.closed = true;
    await this.pool?.close();
    await this.enrolling?.catch(() => undefined);
    this.pool = null;
  }
}
