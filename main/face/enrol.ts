// Runs in: main process and CLI. Enrolment: a template for each submitted photo, computed in the
// background on the worker pool, with progress; unusable photos are recorded with the reason.
import type { FacePool } from './pool';
import type { QualityReason } from './quality';

export interface EnrolItem {
  id: string;
  load: () => Buffer | null;
}

export interface EnrolOutcome {
  id: string;
  modelVersion: string;
  embedding: Float32Array | null;
  liveness: number | null;
  qualityOk: boolean;
  reasons: QualityReason[];
  /** The submitted selfie scored low on the (weak, advisory) liveness check. */
  livenessSuspect: boolean;
  /** Why the photo cannot serve as a reference (no face, several faces, poor quality, liveness). */
  unusable: string | null;
}

export async function enrolPhotos(pool: FacePool, items: EnrolItem[], opts: { onProgress?: (done: number, total: number) => void; onResult?: (r: EnrolOutcome) => void; livenessSuspectBelow?: number } = {}): Promise<EnrolOutcome[]> {
  const out: EnrolOutcome[] = [];
  let next = 0;
  let done = 0;
  const inFlight = Math.max(2, pool.workers * 2);
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) {
      const item = items[i]!;
      const bytes = item.load();
      let r: EnrolOutcome;
      if (!bytes) {
        r = { id: item.id, modelVersion: 'unknown', embedding: null, liveness: null, qualityOk: false, reasons: [], livenessSuspect: false, unusable: 'photo file missing' };
      } else {
        const a = await pool.analyze(bytes);
        if (!a.ok) r = { id: item.id, modelVersion: a.modelVersion, embedding: null, liveness: null, qualityOk: false, reasons: [], livenessSuspect: false, unusable: a.error.message };
        else {
          const suspect = a.liveness !== null && a.liveness < (opts.livenessSuspectBelow ?? 0.5);
          const unusable = !a.embedding
            ? a.quality.reasons.map((x) => x.message).join('; ') || 'no face found'
            : a.quality.reasons.some((x) => x.code === 'SEVERAL_FACES')
              ? 'several faces in the submitted photo'
              : null;
          r = {
            id: item.id,
            modelVersion: a.modelVersion,
            embedding: a.embedding,
            liveness: a.liveness,
            qualityOk: a.quality.ok,
            reasons: a.quality.reasons,
            livenessSuspect: suspect,
            unusable,
          };
        }
      }
      out.push(r);
      opts.onResult?.(r);
      done++;
      opts.onProgress?.(done, items.length);
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  return out;
}
