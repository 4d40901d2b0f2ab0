// Runs in: main process and CLI. Stored face templates and verification attempts.
import type { Db } from '../db/database';
import type { EnrolOutcome } from './enrol';

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
  }): number {
    const info = this.db
      .prepare(
        `INSERT INTO verifications (applicant_id, officer, at, capture_sha256, band, score, match_threshold, inconclusive_threshold, liveness, quality_reasons, model_version, total_ms)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
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
      );
    return Number(info.lastInsertRowid);
  }
}
