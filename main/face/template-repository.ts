// Runs in: main process and CLI. Stored face templates and verification attempts (with the
// officer's own judgement when blind-first mode was on).
import { MANUAL_CHECK_AFTER, type AttemptsView, type Judgement } from '../../ipc/channels/face';
import type { Db } from '../db/database';
import type { EnrolOutcome } from './enrol';

export interface VerificationRow {
  id: number;
  applicant_id: string;
  officer: string;
  at: string;
  band: 'MATCH' | 'INCONCLUSIVE' | 'NO_MATCH' | null;
  score: number | null;
  match_threshold: number;
  inconclusive_threshold: number;
  liveness: number | null;
  model_version: string;
  blind: number;
  judgement: Judgement | null;
  judged_at: string | null;
}

/** A comparison that gave a band the officer has seen: in blind-first mode, only once judged. */
export const isFaceResult = (v: Pick<VerificationRow, 'band' | 'blind' | 'judgement'>): boolean =>
  v.band !== null && (v.blind === 0 || v.judgement !== null);

const VERIFICATION_COLUMNS =
  'id, applicant_id, officer, at, band, score, match_threshold, inconclusive_threshold, liveness, model_version, blind, judgement, judged_at';

export interface TemplateRow {
  photo_sha256: string;
  model_version: string;
  embedding: Buffer | null;
  quality_ok: number;
  quality_reasons: string;
  liveness: number | null;
  liveness_suspect: number;
  unusable_reason: string | null;
}

export function toBlob(v: Float32Array): Buffer {
  return Buffer.from(v.buffer.slice(v.byteOffset, v.byteOffset + v.byteLength));
}

export function fromBlob(b: Buffer): Float32Array {
  const copy = new Uint8Array(b.byteLength);
  copy.set(b);
  return new Float32Array(copy.buffer);
}

export class TemplateRepository {
  constructor(private readonly db: Db) {}

  /** Stored photos referenced by applicants that have no template for this model version yet. */
  pendingPhotos(modelVersion: string, limit = 100_000): string[] {
    return this.db
      .prepare<[string, number], { s: string }>(
        `SELECT b.sha256 AS s FROM photo_blobs b
         WHERE NOT EXISTS (SELECT 1 FROM face_templates t WHERE t.photo_sha256 = b.sha256 AND t.model_version = ?)
           AND EXISTS (SELECT 1 FROM applicants a WHERE a.photo_sha256 = b.sha256)
         LIMIT ?`,
      )
      .all(modelVersion, limit)
      .map((r) => r.s);
  }

  save(o: EnrolOutcome): void {
    this.db
      .prepare(
        `INSERT OR REPLACE INTO face_templates (photo_sha256, model_version, embedding, quality_ok, quality_reasons, liveness, liveness_suspect, unusable_reason, computed_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        o.id,
        o.modelVersion,
        o.embedding ? toBlob(o.embedding) : null,
        o.qualityOk ? 1 : 0,
        JSON.stringify(o.reasons),
        o.liveness,
        o.livenessSuspect ? 1 : 0,
        o.unusable,
        new Date().toISOString(),
      );
  }

  get(sha256: string, modelVersion: string): TemplateRow | undefined {
    return this.db
      .prepare<[string, string], TemplateRow>(
        'SELECT * FROM face_templates WHERE photo_sha256 = ? AND model_version = ?',
      )
      .get(sha256, modelVersion);
  }

  /** Every usable template of a model version, with the applicants who submitted that photo. */
  all(modelVersion: string): Array<{ sha256: string; embedding: Float32Array; applicantIds: string[] }> {
    const rows = this.db
      .prepare<[string], { s: string; e: Buffer; ids: string }>(
        `SELECT t.photo_sha256 AS s, t.embedding AS e, group_concat(a.applicant_id) AS ids
         FROM face_templates t JOIN applicants a ON a.photo_sha256 = t.photo_sha256
         WHERE t.model_version = ? AND t.embedding IS NOT NULL GROUP BY t.photo_sha256`,
      )
      .all(modelVersion);
    return rows.map((r) => ({ sha256: r.s, embedding: fromBlob(r.e), applicantIds: r.ids.split(',') }));
  }

  recordVerification(v: {
    applicantId: string;
    officer: string;
    captureSha256: string;
    band: string | null;
    score: number | null;
    match: number;
    inconclusive: number;
    liveness: number | null;
    qualityReasons: unknown;
    modelVersion: string;
    totalMs: number;
    /** Blind-first: the score is withheld until the officer's judgement. */
    blind?: boolean;
  }): number {
    const info = this.db
      .prepare(
        `INSERT INTO verifications (applicant_id, officer, at, capture_sha256, band, score, match_threshold, inconclusive_threshold, liveness, quality_reasons, model_version, total_ms, blind)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        v.applicantId,
        v.officer,
        new Date().toISOString(),
        v.captureSha256,
        v.band,
        v.score,
        v.match,
        v.inconclusive,
        v.liveness,
        JSON.stringify(v.qualityReasons),
        v.modelVersion,
        v.totalMs,
        v.blind ? 1 : 0,
      );
    return Number(info.lastInsertRowid);
  }

  verification(id: number): VerificationRow | undefined {
    return this.db
      .prepare<[number], VerificationRow>(`SELECT ${VERIFICATION_COLUMNS} FROM verifications WHERE id = ?`)
      .get(id);
  }

  /** Stores the officer's blind-first judgement once; false when it was already recorded. */
  recordJudgement(id: number, judgement: Judgement, at = new Date().toISOString()): boolean {
    return (
      this.db
        .prepare('UPDATE verifications SET judgement = ?, judged_at = ? WHERE id = ? AND judgement IS NULL')
        .run(judgement, at, id).changes === 1
    );
  }

  /** The applicant's comparisons so far, and how many gave no match or no result. */
  attempts(applicantId: string): AttemptsView {
    const r = this.db
      .prepare<[string], { total: number; unsuccessful: number | null }>(
        `SELECT COUNT(*) AS total, SUM(CASE WHEN band IS NULL OR band = 'NO_MATCH' THEN 1 ELSE 0 END) AS unsuccessful
         FROM verifications WHERE applicant_id = ?`,
      )
      .get(applicantId)!;
    const unsuccessful = r.unsuccessful ?? 0;
    return { total: r.total, unsuccessful, manualCheckOffered: unsuccessful >= MANUAL_CHECK_AFTER };
  }

  /** The latest comparison that counts as a face result (see isFaceResult), if any. */
  latestFaceResult(applicantId: string): VerificationRow | undefined {
    return this.db
      .prepare<[string], VerificationRow>(
        `SELECT ${VERIFICATION_COLUMNS} FROM verifications
         WHERE applicant_id = ? AND band IS NOT NULL AND (blind = 0 OR judgement IS NOT NULL)
         ORDER BY id DESC LIMIT 1`,
      )
      .get(applicantId);
  }
}
