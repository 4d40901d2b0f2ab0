// Runs in: face worker threads. The whole per-image pipeline: decode -> detect -> landmarks -> align -> embed (+ liveness, quality).
import { decodeImage, type DecodedImage } from './decode';
import { detectFaces, type Detection } from './detect';
import { detectLandmarks, fivePoints, type Point } from './landmarks';
import { alignFace } from './align';
import { embedAligned } from './embed';
import { livenessScore } from './liveness';
import { assessQuality, type QualityReport, type QualityThresholds } from './quality';
import { FaceError, toErrorInfo, type FaceErrorInfo } from './errors';
import type { FaceSessions } from './sessions';

export interface FaceOverlay {
  /** [x, y, w, h] in original (EXIF-rotated) image pixels, clamped to the image. */
  box: [number, number, number, number];
  score: number;
  /** 5 points (eyes, nose, mouth corners) in original pixels; only for the chosen face. */
  landmarks?: [number, number][];
}

export interface StageTimings {
  decode: number;
  detect: number;
  landmarks: number;
  align: number;
  embed: number;
  liveness: number;
  quality: number;
  total: number;
}

export interface ModelTimings {
  detect: number;
  landmark: number;
  feature: number;
  liveness: number;
  total: number;
}

export interface AnalyzeOptions {
  /** Compute the liveness score (default true). */
  liveness?: boolean;
  quality?: Partial<QualityThresholds>;
  /** Keep the 112x112 aligned RGB face in the result (tools/tests). */
  keepAligned?: boolean;
}

export interface FaceAnalysis {
  ok: true;
  modelVersion: string;
  image: { width: number; height: number; format: string; downscaled: boolean };
  /** All detections, best score first. */
  faces: FaceOverlay[];
  /** Index of the face used in `faces` (the highest detector score), -1 when none. */
  chosen: number;
  /** L2-normalised 512-d embedding of the chosen face; null when no face was found. */
  embedding: Float32Array | null;
  /** Advisory probability the chosen face is live (0..1); null when not computed. */
  liveness: number | null;
  quality: QualityReport;
  timings: StageTimings;
  modelTimings: ModelTimings;
  aligned?: Uint8Array;
}

export interface FaceFailure {
  ok: false;
  modelVersion: string;
  error: FaceErrorInfo;
  timings: Partial<StageTimings>;
}

export type AnalyzeResult = FaceAnalysis | FaceFailure;

function overlayOf(d: Detection, img: DecodedImage): FaceOverlay {
  const s = img.scale;
  const x1 = Math.max(0, d.box.x1),
    y1 = Math.max(0, d.box.y1);
  const x2 = Math.min(img.width, d.box.x2),
    y2 = Math.min(img.height, d.box.y2);
  return {
    box: [x1 / s, y1 / s, (x2 - x1) / s, (y2 - y1) / s].map(round1) as [number, number, number, number],
    score: d.score,
  };
}

const round1 = (v: number) => Math.round(v * 10) / 10;

export async function analyzeImage(
  sessions: FaceSessions,
  bytes: Uint8Array,
  opts: AnalyzeOptions = {},
): Promise<AnalyzeResult> {
  const t0 = performance.now();
  const timings: StageTimings = {
    decode: 0,
    detect: 0,
    landmarks: 0,
    align: 0,
    embed: 0,
    liveness: 0,
    quality: 0,
    total: 0,
  };
  const modelTimings: ModelTimings = { detect: 0, landmark: 0, feature: 0, liveness: 0, total: 0 };
  let img: DecodedImage;
  try {
    img = await decodeImage(bytes);
  } catch (err) {
    timings.decode = performance.now() - t0;
    return { ok: false, modelVersion: sessions.modelVersion, error: toErrorInfo(err), timings };
  }
  try {
    let t = performance.now();
    timings.decode = t - t0;
    const det = await detectFaces(sessions.detect, img);
    modelTimings.detect = det.modelMs;
    let now = performance.now();
    timings.detect = now - t;
    const faces = det.faces;
    const base = {
      ok: true as const,
      modelVersion: sessions.modelVersion,
      image: {
        width: img.originalWidth,
        height: img.originalHeight,
        format: img.format,
        downscaled: img.scale < 1,
      },
      faces: faces.map((f) => overlayOf(f, img)),
    };
    if (faces.length === 0) {
      timings.total = performance.now() - t0;
      modelTimings.total = modelTimings.detect;
      return {
        ...base,
        chosen: -1,
        embedding: null,
        liveness: null,
        quality: {
          ok: false,
          reasons: [{ code: 'NO_FACE', message: 'no face found in the picture' }],
          metrics: null,
        },
        timings,
        modelTimings,
      };
    }
    // Choose by detector score (NMS output is score-sorted); size picked blurred background faces.
    const chosen = faces[0]!;
    t = now;
    const lm = await detectLandmarks(sessions.landmark, img, chosen);
    modelTimings.landmark = lm.modelMs;
    const five = fivePoints(lm.points68);
    now = performance.now();
    timings.landmarks = now - t;
    t = now;
    const aligned = alignFace(img, five);
    now = performance.now();
    timings.align = now - t;
    t = now;
    const emb = await embedAligned(sessions.feature, aligned.rgb);
    modelTimings.feature = emb.modelMs;
    now = performance.now();
    timings.embed = now - t;
    let live: number | null = null;
    if (opts.liveness !== false) {
      t = now;
      const l = await livenessScore(sessions.liveness, img, chosen);
      modelTimings.liveness = l.modelMs;
      live = l.live;
      now = performance.now();
      timings.liveness = now - t;
    }
    t = now;
    const quality = assessQuality({
      faces,
      chosen,
      five,
      alignedRgb: aligned.rgb,
      scale: img.scale,
      imageWidth: img.width,
      imageHeight: img.height,
      thresholds: opts.quality,
    });
    now = performance.now();
    timings.quality = now - t;
    timings.total = now - t0;
    modelTimings.total =
      modelTimings.detect + modelTimings.landmark + modelTimings.feature + modelTimings.liveness;
    base.faces[0]!.landmarks = five.map(
      (p: Point) => [round1(p[0] / img.scale), round1(p[1] / img.scale)] as [number, number],
    );
    return {
      ...base,
      chosen: 0,
      embedding: emb.embedding,
      liveness: live,
      quality,
      timings,
      modelTimings,
      ...(opts.keepAligned ? { aligned: aligned.rgb } : {}),
    };
  } catch (err) {
    timings.total = performance.now() - t0;
    const info = err instanceof FaceError ? toErrorInfo(err) : toErrorInfo(err);
    return { ok: false, modelVersion: sessions.modelVersion, error: info, timings };
  }
}
