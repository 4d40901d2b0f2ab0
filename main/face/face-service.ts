// Runs in: main process. The face engine as the app uses it: one worker pool, started on first
// use; enrolment of newly synced photos in the background; audited 1:1 verification.
import { createHash } from 'node:crypto';
import type { EngineStatusView } from '../../ipc/channels/engine';
import type { AppContext } from '../app-context';
import { AppError } from '../platform/app-error';
import { FacePool, type FacePoolInfo } from './pool';
import { enrolPhotos } from './enrol';
import { TemplateRepository, fromBlob } from './template-repository';
import { verifyCapture, type VerifyResult } from './verify';

/** Background enrolment's progress, as the admin's engine status shows it. */
export type EnrolmentStatus = EngineStatusView['enrolment'];

export class FaceService {
  private pool: FacePool | null = null;
  private modelVersion: string | null = null;
  readonly enrolment: EnrolmentStatus = { running: false, done: 0, total: 0, lastRunAt: null, unusable: 0 };
  private enrolling: Promise<void> | null = null;

  constructor(private readonly app: AppContext) {}

  private async ready(): Promise<{ pool: FacePool; modelVersion: string }> {
    this.pool ??= new FacePool();
    this.modelVersion ??= (await this.pool.info()).modelVersion;
    return { pool: this.pool, modelVersion: this.modelVersion };
  }

  /** The running engine, for the admin's status view (starts the pool and loads the models if needed). */
  async engineInfo(): Promise<FacePoolInfo> {
    this.pool ??= new FacePool();
    const info = await this.pool.info();
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

  async verifyApplicant(
    applicantId: string,
    capture: Buffer,
    officer: string,
  ): Promise<VerifyResult & { verificationId: number }> {
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
    if (t?.embedding) {
      result = await verifyCapture(pool, capture, { embedding: fromBlob(t.embedding), modelVersion });
    } else {
      const photo = this.app.photos.get(a.photo_sha256);
      if (!photo) throw new AppError('NOT_FOUND', 'The submitted photo has not been downloaded yet.');
      result = await verifyCapture(pool, capture, { bytes: photo });
    }
    const captureSha256 = createHash('sha256').update(capture).digest('hex');
    const verificationId = this.app.db.transaction(() => {
      const id = new TemplateRepository(this.app.db).recordVerification({
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
        },
      });
      return id;
    })();
    return { ...result, verificationId };
  }

  async close(): Promise<void> {
    await this.enrolling?.catch(() => undefined);
    await this.pool?.close();
    this.pool = null;
  }
}
