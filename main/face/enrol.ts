// Runs in: main process and CLI. Enrolment: a template for each submitted photo, computed in the
// background on the worker pool, with progress; unusable photos are recorded with the reason.
import type { FacePool } from './pool';
import type { QualityReason } from './quality';

export interface EnrolItem {
  /** Caller's key (e.g. the photo's sha256). */
  id: string;
  /** The photo itself, when the caller already holds it... */
  bytes?: Uint8Array;
  /** ...or bytes on demand (sync or async), so 10k photos are never all in memory; null = file missing. */
  load?: () => Uint8Array | null | Promise<Uint8Array | null>;
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

export interface EnrolOptions {
  onProgress?: (done: number, total: number) => void;
  onResult?: (r: EnrolOutcome) => void;
  /** Liveness below this marks the photo `livenessSuspect` (advisory; default 0.5). */
  livenessSuspectBelow?: number;
  /** Run the liveness model (default true); off saves ~4 ms of model time per photo in bulk runs. */
  liveness?: boolean;
}

/**
 * Templates for many photos on the worker pool, a bounded number in flight (2 per worker) so
 * memory stays flat for 10k photos. Never rejects for a bad photo: it is reported as unusable.
 */
export async function enrolPhotos(
  pool: FacePool,
  items: EnrolItem[],
  opts: EnrolOptions = {},
): Promise<EnrolOutcome[]> {
  const out: EnrolOutcome[] = new Array<EnrolOutcome>(items.length);
  let next = 0;
  let done = 0;
  const inFlight = Math.max(2, pool.workers * 2);
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) {
      const item = items[i]!;
      let bytes: Uint8Array | null;
      try {
        bytes = item.bytes ?? (item.load ? await item.load() : null);
      } catch {
        bytes = null;
      }
      let r: EnrolOutcome;
      if (!bytes) {
        r = {
          id: item.id,
          modelVersion: 'unknown',
          embedding: null,
          liveness: null,
          qualityOk: false,
          reasons: [],
          livenessSuspect: false,
          unusable: 'photo file missing',
        };
      } else {
        const a = await pool.analyze(bytes, opts.liveness === false ? { liveness: false } : undefined);
        if (!a.ok)
          r = {
            id: item.id,
            modelVersion: a.modelVersion,
            embedding: null,
            liveness: null,
            qualityOk: false,
            reasons: [],
            livenessSuspect: false,
            unusable: a.error.message,
          };
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
      out[i] = r; // input order, whatever order the workers finish in
      opts.onResult?.(r);
      done++;
      opts.onProgress?.(done, items.length);
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  return out;
}
