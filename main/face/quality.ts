// Runs in: face worker threads (guidance also in main). Quality gates with reasons a person
// understands, and the one line of capture guidance they give.
import { GuideHint } from '../../ipc/channels/face';
import { ALIGN_SIZE } from './align';
import type { Detection } from './detect';
import { toGrey } from './image';
import type { Point } from './landmarks';

export type QualityCode =
  | 'NO_FACE'
  | 'SEVERAL_FACES'
  | 'LOW_DETECTOR_SCORE'
  | 'FACE_TOO_SMALL'
  | 'BLURRED'
  | 'POSE_YAW'
  | 'POSE_PITCH'
  | 'POSE_ROLL'
  | 'TOO_DARK'
  | 'TOO_BRIGHT'
  | 'FACE_CUT_OFF';

export interface QualityReason {
  code: QualityCode;
  message: string;
}

export interface QualityMetrics {
  faceCount: number;
  detectorScore: number;
  faceSizePx: number;
  sharpness: number;
  yaw: number;
  pitch: number;
  rollDeg: number;
  brightness: number;
  clippedFraction: number;
}

export interface QualityReport {
  ok: boolean;
  reasons: QualityReason[];
  metrics: QualityMetrics | null;
}

export interface QualityThresholds {
  minDetectorScore: number;
  /** Square face box side in ORIGINAL image pixels. */
  minFaceSizePx: number;
  /** A second face counts as "in view" when its box is at least this fraction of the chosen one. */
  secondFaceRatio: number;
  secondFaceMinScore: number;
  minSharpness: number;
  maxYaw: number;
  pitchRange: [number, number];
  maxRollDeg: number;
  minBrightness: number;
  maxBrightness: number;
  maxClipped: number;
}

/** Defaults from FACE-PIPELINE.md and the fixture set (see docs/face-engine.md). */
export const DEFAULT_QUALITY: QualityThresholds = {
  minDetectorScore: 0.9,
  minFaceSizePx: 100,
  secondFaceRatio: 0.5,
  secondFaceMinScore: 0.9,
  minSharpness: 25,
  maxYaw: 0.45,
  // Upper end is wide: a broad smile shortens nose->mouth and raises the ratio (2.2 flagged 4 of 21 frontal fixtures).
  pitchRange: [0.45, 3.0],
  maxRollDeg: 30,
  minBrightness: 45,
  maxBrightness: 215,
  maxClipped: 0.3,
};

/** Sharpness: variance of the 4-neighbour Laplacian over the central aligned face (scale-free). */
export function sharpness(grey: Float32Array, size = ALIGN_SIZE): number {
  let s = 0,
    s2 = 0,
    n = 0;
  const lo = Math.floor(size * 0.2),
    hi = Math.ceil(size * 0.85);
  for (let y = lo; y < hi; y++) {
    for (let x = lo; x < size - lo; x++) {
      const i = y * size + x;
      const l = grey[i - 1]! + grey[i + 1]! + grey[i - size]! + grey[i + size]! - 4 * grey[i]!;
      s += l;
      s2 += l * l;
      n++;
    }
  }
  const m = s / n;
  return s2 / n - m * m;
}

export function assessQuality(args: {
  faces: Detection[];
  chosen: Detection;
  five: Point[];
  alignedRgb: Uint8Array;
  /** decoded pixels per original pixel */
  scale: number;
  imageWidth: number;
  imageHeight: number;
  thresholds?: Partial<QualityThresholds>;
}): QualityReport {
  const t = { ...DEFAULT_QUALITY, ...args.thresholds };
  const { chosen, five } = args;
  const reasons: QualityReason[] = [];
  const size = chosen.square.size;
  const others = args.faces.filter(
    (f) => f !== chosen && f.score >= t.secondFaceMinScore && f.square.size >= size * t.secondFaceRatio,
  );
  if (others.length === 1)
    reasons.push({
      code: 'SEVERAL_FACES',
      message: 'two faces in view: only the traveller should be in the picture',
    });
  else if (others.length > 1)
    reasons.push({
      code: 'SEVERAL_FACES',
      message: `${others.length + 1} faces in view: only the traveller should be in the picture`,
    });
  if (chosen.score < t.minDetectorScore)
    reasons.push({
      code: 'LOW_DETECTOR_SCORE',
      message: 'face not clearly visible: face the camera, remove anything covering the face',
    });
  const faceSizePx = size / args.scale;
  if (faceSizePx < t.minFaceSizePx)
    reasons.push({ code: 'FACE_TOO_SMALL', message: 'face too small: move closer' });
  // Boxes are not clamped to the image: more than 10 % of the face outside = cut off.
  const b = chosen.box;
  const out = 0.1 * size;
  if (b.x1 < -out || b.y1 < -out || b.x2 > args.imageWidth + out || b.y2 > args.imageHeight + out) {
    reasons.push({ code: 'FACE_CUT_OFF', message: 'face partly outside the picture: move to the centre' });
  }

  // Pose from the 5 points: yaw = nose offset from eye midpoint / eye distance; pitch = eye-nose vs nose-mouth.
  const [le, re, nose, lm, rm] = five as [Point, Point, Point, Point, Point];
  const eyeDx = re[0] - le[0],
    eyeDy = re[1] - le[1];
  const eyeDist = Math.hypot(eyeDx, eyeDy) || 1;
  const rollDeg = (Math.atan2(eyeDy, eyeDx) * 180) / Math.PI;
  // Work in the roll-corrected frame.
  const cos = eyeDx / eyeDist,
    sin = eyeDy / eyeDist;
  const rot = (p: Point): Point => [p[0] * cos + p[1] * sin, -p[0] * sin + p[1] * cos];
  const [rle, rre, rn, rlm, rrm] = [le, re, nose, lm, rm].map(rot) as [Point, Point, Point, Point, Point];
  const eyeMidX = (rle[0] + rre[0]) / 2,
    eyeMidY = (rle[1] + rre[1]) / 2;
  const mouthMidY = (rlm[1] + rrm[1]) / 2;
  const yaw = (rn[0] - eyeMidX) / eyeDist;
  const pitch = (rn[1] - eyeMidY) / Math.max(1e-3, mouthMidY - rn[1]);
  if (Math.abs(yaw) > t.maxYaw)
    reasons.push({ code: 'POSE_YAW', message: 'head turned to the side: look straight at the camera' });
  if (!(pitch >= t.pitchRange[0] && pitch <= t.pitchRange[1]))
    reasons.push({ code: 'POSE_PITCH', message: 'head tilted up or down: look straight at the camera' });
  if (Math.abs(rollDeg) > t.maxRollDeg)
    reasons.push({ code: 'POSE_ROLL', message: 'head tilted sideways: keep the head straight' });

  const grey = toGrey(args.alignedRgb);
  const sharp = sharpness(grey);
  if (sharp < t.minSharpness)
    reasons.push({ code: 'BLURRED', message: 'picture is blurred: hold still and check the camera focus' });

  // Exposure over the inner face (cheeks/eyes/nose), not hair or background.
  let sum = 0,
    clipped = 0,
    n = 0;
  for (let y = 30; y < 100; y++) {
    for (let x = 24; x < 88; x++) {
      const v = grey[y * ALIGN_SIZE + x]!;
      sum += v;
      n++;
      if (v <= 8 || v >= 248) clipped++;
    }
  }
  const brightness = sum / n;
  const clippedFraction = clipped / n;
  if (brightness < t.minBrightness)
    reasons.push({ code: 'TOO_DARK', message: 'face too dark: more light on the face' });
  else if (brightness > t.maxBrightness || clippedFraction > t.maxClipped)
    reasons.push({ code: 'TOO_BRIGHT', message: 'face over-exposed: less direct light' });

  return {
    ok: reasons.length === 0,
    reasons,
    metrics: {
      faceCount: args.faces.length,
      detectorScore: chosen.score,
      faceSizePx,
      sharpness: sharp,
      yaw,
      pitch,
      rollDeg,
      brightness,
      clippedFraction,
    },
  };
}

/** Which line of capture guidance each gate gives (the officer's and the counter screen's). */
const HINT_OF: Record<QualityCode, GuideHint> = {
  NO_FACE: 'noFace',
  SEVERAL_FACES: 'onePerson',
  FACE_TOO_SMALL: 'moveCloser',
  FACE_CUT_OFF: 'moveToCentre',
  LOW_DETECTOR_SCORE: 'faceCamera',
  POSE_YAW: 'faceCamera',
  POSE_PITCH: 'faceCamera',
  POSE_ROLL: 'faceCamera',
  TOO_DARK: 'moreLight',
  TOO_BRIGHT: 'lessLight',
  BLURRED: 'holdStill',
};

/** One plain line of guidance from the gates that failed ('ready' when none did). */
export function guidanceFor(reasons: readonly { code: string }[]): GuideHint {
  const hints = new Set(reasons.map((r) => HINT_OF[r.code as QualityCode]).filter(Boolean));
  // GuideHint lists the lines in the order they are given.
  return GuideHint.options.find((h) => hints.has(h)) ?? 'ready';
}
