// Runs in: face worker threads. The whole per-image pipeline: decode -> detect -> landmarks -> align -> embed (+ liveness, quality).
// A picture larger than MAX_DECODED_SIDE (a 12 MP phone photo) is decoded first at the detector's
// size, which a JPEG does at 1/8 DCT scale (a fraction of a full decode), and the face is cropped
// from that; a second, bounded decode follows only when the face is too small there for the
// landmark, alignment and liveness crops.
import { DETECT_MIN_SIDE, MAX_DECODED_SIDE, openImage, type DecodedImage, type ImageSource } from './decode';
import { detectFaces, scaleDetection, type Detection } from './detect';
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
  /** Compute the embedding (default true); capture guidance needs only the quality gates. */
  embed?: boolean;
  /**
   * The picture's pixels per camera pixel when it is a downscaled copy of the camera frame (capture
   * guidance sends a small one): the face-size gate still counts camera pixels. Default 1.
   */
  captureScale?: number;
}

/**
 * A face smaller than this (square side, decoded pixels) at the detector's size is decoded again:
 * the landmark crop (64 px) and the aligned face (112 px) want about this much, and a second
 * decode of a 12 MP JPEG costs as much as the first.
 */
export const FACE_DECODE_MIN = 96;
/** The face's least size in that second decode (at the coarsest DCT scale giving it). */
export const FACE_DECODE_TARGET = 160;

/** The detector's image, and the image the chosen face is cropped from (often the same one). */
async function decodeForFaces(
  src: ImageSource,
  detect: (img: DecodedImage) => Promise<Detection[]>,
): Promise<{ det: DecodedImage; faces: Detection[]; img: DecodedImage; cropFaces: Detection[] }> {
  const side0 = Math.max(src.width, src.height);
  const first = side0 > MAX_DECODED_SIDE ? src.sideFor(DETECT_MIN_SIDE) : MAX_DECODED_SIDE;
  let bounded = first === MAX_DECODED_SIDE;
  let det = await src.decode(first);
  let faces = await detect(det);
  if (faces.length === 0 && !bounded) {
    // A face too small for the detector at that size (a wide shot): look again at the bounded
    // size, where the whole picture was searched before the first decode became small.
    det = await src.decode(MAX_DECODED_SIDE);
    faces = await detect(det);
    bounded = true;
  }
  const chosen = faces[0];
  if (bounded || !chosen || chosen.square.size >= FACE_DECODE_MIN)
    return { det, faces, img: det, cropFaces: faces };
  const faceOriginal = chosen.square.size / det.scale;
  const img = await src.decode(src.sideFor(Math.ceil((side0 * FACE_DECODE_TARGET) / faceOriginal)));
  const r = img.scale / det.scale;
  return { det, faces, img, cropFaces: faces.map((f) => scaleDetection(f, r)) };
}

export interface FaceAnalysis {
  ok: true;
  modelVersion: string;
  image: { width: number; height: number; format: string; downscaled: boolean };
  /** All detections, best score first. */
  faces: FaceOverlay[];
  /** Index of the face used in `faces` (the highest detector score), -1 when none. */
  chosen: number;
  /** L2-normalised 512-d embedding of the chosen face; null when no face was found (or embed: false). */
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
  let src: ImageSource;
  try {
    src = await openImage(bytes);
  } catch (err) {
    timings.decode = performance.now() - t0;
    return { ok: false, modelVersion: sessions.modelVersion, error: toErrorInfo(err), timings };
  }
  try {
    let detectMs = 0;
    const decoded = await decodeForFaces(src, async (image) => {
      const t1 = performance.now();
      const det = await detectFaces(sessions.detect, image);
      modelTimings.detect += det.modelMs;
      detectMs += performance.now() - t1;
      return det.faces;
    });
    const { det: detImg, faces: detected, img } = decoded;
    const faces = decoded.cropFaces;
    let now = performance.now();
    timings.detect = detectMs;
    timings.decode = now - t0 - detectMs;
    const base = {
      ok: true as const,
      modelVersion: sessions.modelVersion,
      image: {
        width: src.width,
        height: src.height,
        format: src.format,
        downscaled: img.scale < 1,
      },
      faces: detected.map((f) => overlayOf(f, detImg)),
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
    let t = now;
    const lm = await detectLandmarks(sessions.landmark, img, chosen);
    modelTimings.landmark = lm.modelMs;
    const five = fivePoints(lm.points68);
    now = performance.now();
    timings.landmarks = now - t;
    t = now;
    const aligned = alignFace(img, five);
    now = performance.now();
    timings.align = now - t;
    let embedding: Float32Array | null = null;
    if (opts.embed !== false) {
      t = now;
      const emb = await embedAligned(sessions.feature, aligned.rgb);
      modelTimings.feature = emb.modelMs;
      embedding = emb.embedding;
      now = performance.now();
      timings.embed = now - t;
    }
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
      scale: img.scale * (opts.captureScale ?? 1),
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
      embedding,
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
