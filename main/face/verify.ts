// Runs in: main process and CLI. 1:1 verification: the live capture against the applicant's
// submitted photo (or its stored template). The result advises the officer and explains
// itself; it never decides.
import type { FaceBand as Band } from '../../ipc/channels/face';
import type { FacePool } from './pool';
import type { AnalyzeResult, FaceAnalysis, FaceOverlay, StageTimings, ModelTimings } from './pipeline';
import type { QualityReason } from './quality';
import { cosine } from './vector';
import { loadCalibration, type Calibration } from './calibration';

export interface SideSummary {
  ok: boolean;
  faces: FaceOverlay[];
  chosen: number;
  image: { width: number; height: number } | null;
  quality: { ok: boolean; reasons: QualityReason[] };
  liveness: number | null;
  error: { code: string; message: string } | null;
}

export interface VerifyResult {
  /** null when no comparison was possible (no usable face on one side). */
  band: Band | null;
  score: number | null;
  thresholds: { match: number; inconclusive: number; livenessAdvisory: number; source: string };
  /** Advisory only: the liveness model is weak (FACE-PIPELINE.md). */
  liveness: number | null;
  livenessWarning: string | null;
  capture: SideSummary;
  reference: SideSummary | null;
  explanation: string[];
  timings: {
    capture: Partial<StageTimings>;
    captureModels: ModelTimings | null;
    reference: Partial<StageTimings> | null;
    totalMs: number;
  };
  modelVersion: string;
}

export type Reference = { embedding: Float32Array; modelVersion: string } | { bytes: Uint8Array };

function summary(r: AnalyzeResult): SideSummary {
  if (!r.ok)
    return {
      ok: false,
      faces: [],
      chosen: -1,
      image: null,
      quality: { ok: false, reasons: [] },
      liveness: null,
      error: r.error,
    };
  return {
    ok: r.embedding !== null,
    faces: r.faces,
    chosen: r.chosen,
    image: { width: r.image.width, height: r.image.height },
    quality: { ok: r.quality.ok, reasons: r.quality.reasons },
    liveness: r.liveness,
    error: null,
  };
}

export function bandFor(score: number, c: Pick<Calibration, 'match' | 'inconclusive'>): Band {
  return score >= c.match ? 'MATCH' : score >= c.inconclusive ? 'INCONCLUSIVE' : 'NO_MATCH';
}

/** An admin's thresholds for a model version, when they set some; null keeps the calibration's. */
export type BandsOverride = (
  modelVersion: string,
) => Pick<Calibration, 'match' | 'inconclusive' | 'source'> | null;

export async function verifyCapture(
  pool: FacePool,
  capture: Uint8Array,
  reference: Reference,
  override: BandsOverride = () => null,
): Promise<VerifyResult> {
  const t0 = performance.now();
  const [cap, ref] = await Promise.all([
    pool.analyze(capture),
    'bytes' in reference ? pool.analyze(reference.bytes, { liveness: false }) : Promise.resolve(null),
  ]);
  const modelVersion =
    cap.modelVersion !== 'unknown'
      ? cap.modelVersion
      : (ref?.modelVersion ?? ('modelVersion' in reference ? reference.modelVersion : 'unknown'));
  const cal = { ...loadCalibration(modelVersion), ...override(modelVersion) };
  const thresholds = {
    match: cal.match,
    inconclusive: cal.inconclusive,
    livenessAdvisory: cal.livenessAdvisory,
    source: cal.source,
  };
  const capSide = summary(cap);
  const refSide = ref ? summary(ref) : null;
  const explanation: string[] = [];
  const base: VerifyResult = {
    band: null,
    score: null,
    thresholds,
    liveness: capSide.liveness,
    livenessWarning: null,
    capture: capSide,
    reference: refSide,
    explanation,
    timings: {
      capture: cap.timings,
      captureModels: cap.ok ? cap.modelTimings : null,
      reference: ref ? ref.timings : null,
      totalMs: 0,
    },
    modelVersion,
  };
  const done = (r: VerifyResult) => ({ ...r, timings: { ...r.timings, totalMs: performance.now() - t0 } });

  if (!cap.ok) {
    explanation.push(`The live picture could not be used: ${cap.error.message}.`);
    return done(base);
  }
  if (!cap.embedding) {
    explanation.push(
      `The live picture could not be used: ${cap.quality.reasons.map((r) => r.message).join('; ') || 'no face found'}. Take the picture again.`,
    );
    return done(base);
  }
  let refEmbedding: Float32Array;
  if ('embedding' in reference) {
    if (reference.modelVersion !== cap.modelVersion) {
      explanation.push(
        `The stored template was made with model ${reference.modelVersion}, not ${cap.modelVersion}; it must be re-enrolled before comparing.`,
      );
      return done(base);
    }
    refEmbedding = reference.embedding;
  } else {
    const r = ref as FaceAnalysis | (AnalyzeResult & { ok: false });
    if (!r.ok || !r.embedding) {
      explanation.push(
        `The submitted photo has no usable face (${r.ok ? r.quality.reasons.map((x) => x.message).join('; ') : r.error.message}); compare the person with the document instead.`,
      );
      return done(base);
    }
    refEmbedding = r.embedding;
  }
  const score = Math.round(cosine(cap.embedding, refEmbedding) * 10_000) / 10_000;
  let band = bandFor(score, cal);
  explanation.push(
    band === 'MATCH'
      ? `Similarity ${score.toFixed(2)} is at or above the MATCH threshold ${cal.match} for model ${modelVersion}.`
      : band === 'INCONCLUSIVE'
        ? `Similarity ${score.toFixed(2)} is between ${cal.inconclusive} and ${cal.match}: the software cannot tell; compare the faces yourself.`
        : `Similarity ${score.toFixed(2)} is below ${cal.inconclusive}: the faces look different to the model. Check the person and the document; the decision is yours.`,
  );
  if (!cap.quality.ok) {
    // A poor capture cannot support a confident answer either way.
    if (band !== 'INCONCLUSIVE')
      explanation.push(
        `Shown as INCONCLUSIVE because of the picture quality: ${cap.quality.reasons.map((r) => r.message).join('; ')}. Take the picture again if you can.`,
      );
    band = 'INCONCLUSIVE';
  }
  let livenessWarning: string | null = null;
  if (capSide.liveness !== null && capSide.liveness < cal.livenessAdvisory) {
    livenessWarning = `The liveness check suggests this may be a photo or a screen (${capSide.liveness.toFixed(2)}). It is often wrong; look at the person.`;
    explanation.push(livenessWarning);
  }
  return done({ ...base, band, score, livenessWarning });
}
