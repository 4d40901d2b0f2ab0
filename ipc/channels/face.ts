// Runs in: main (validation), preload (channel names), renderer (types only).
// 1:1 face verification at the booth, and face-match accuracy per model version.
import { z } from 'zod';
import { channel, Empty } from '../channel';
import { ApplicantId } from './common';

export const FaceBand = z.enum(['MATCH', 'INCONCLUSIVE', 'NO_MATCH']);
export type FaceBand = z.infer<typeof FaceBand>;

/** The officer's own judgement in blind-first mode, recorded before the score is shown. */
export const Judgement = z.enum(['same', 'different', 'unsure']);
export type Judgement = z.infer<typeof Judgement>;

/** After this many comparisons without a match (no result, or NO_MATCH) the booth offers the manual identity check. */
export const MANUAL_CHECK_AFTER = 3;

/** An applicant's face comparisons so far. */
export const AttemptsView = z.object({
  total: z.number().int(),
  /** No comparison possible, or NO_MATCH. */
  unsuccessful: z.number().int(),
  manualCheckOffered: z.boolean(),
});
export type AttemptsView = z.infer<typeof AttemptsView>;

/**
 * One plain line of capture guidance, from the engine's own quality gates (main/face/quality.ts):
 * what the officer reads under the preview and the person at the counter reads in their language.
 * In the order they are given when several gates fail: someone else in view first, then
 * distance and framing, pose, light, motion.
 */
export const GuideHint = z.enum([
  'onePerson',
  'noFace',
  'moveCloser',
  'moveToCentre',
  'faceCamera',
  'moreLight',
  'lessLight',
  'holdStill',
  'ready',
]);
export type GuideHint = z.infer<typeof GuideHint>;

/** The similarity scores at and above which a comparison is MATCH, or else INCONCLUSIVE. */
export const BandThresholds = z.object({ match: z.number(), inconclusive: z.number() });
export type BandThresholds = z.infer<typeof BandThresholds>;

/** A face's box [x, y, w, h]. */
const FaceBox = z.tuple([z.number(), z.number(), z.number(), z.number()]);

/** A machine-readable code with the sentence the officer reads. */
const CodedMessage = z.object({ code: z.string(), message: z.string() });

export const GuideView = z.object({
  /** null: skipped because the engine is busy (the next frame is asked for as usual). */
  hint: GuideHint.nullable(),
  /** Face boxes as fractions of the frame [x, y, w, h]; the first is the one the engine would use. */
  faces: z.array(FaceBox),
});
export type GuideView = z.infer<typeof GuideView>;

const Overlay = z.object({
  box: FaceBox,
  score: z.number(),
  landmarks: z.array(z.tuple([z.number(), z.number()])).optional(),
});

/** One photo of a comparison: the faces found, the one chosen, and why it is (not) usable. */
export const VerifySideView = z.object({
  ok: z.boolean(),
  faces: z.array(Overlay),
  chosen: z.number().int(),
  image: z.object({ width: z.number(), height: z.number() }).nullable(),
  quality: z.object({
    ok: z.boolean(),
    reasons: z.array(CodedMessage),
  }),
  liveness: z.number().nullable(),
  error: CodedMessage.nullable(),
});
export type VerifySideView = z.infer<typeof VerifySideView>;

export const VerifyView = z.object({
  verificationId: z.number().int(),
  band: FaceBand.nullable(),
  score: z.number().nullable(),
  thresholds: BandThresholds.extend({ livenessAdvisory: z.number(), source: z.string() }),
  liveness: z.number().nullable(),
  livenessWarning: z.string().nullable(),
  capture: VerifySideView,
  reference: VerifySideView.nullable(),
  explanation: z.array(z.string()),
  timings: z.object({ totalMs: z.number() }).passthrough(),
  modelVersion: z.string(),
  /** Blind-first: band, score and liveness are withheld until the officer's judgement (face.judge). */
  blind: z.boolean(),
  judgement: Judgement.nullable(),
  attempts: AttemptsView,
});
export type VerifyView = z.infer<typeof VerifyView>;

/** Face comparisons (attempts), each band, and attempts that gave no result. */
export const BandCounts = z.object({
  verifications: z.number().int(),
  match: z.number().int(),
  inconclusive: z.number().int(),
  noMatch: z.number().int(),
  /** No band: the capture had no usable face, or the reference photo was missing. */
  noResult: z.number().int(),
});

/** The officer's decisions against the band (latest decisions): the officer decides, the band advises. */
export const OverrideCounts = z.object({
  /** INCONCLUSIVE or NO_MATCH, then the officer completed the case as processed. */
  confirmedAfterNonMatch: z.number().int(),
  /** MATCH, then the officer recorded "identity not confirmed". */
  notConfirmedAfterMatch: z.number().int(),
});

/** What booths saw with one model: the bands and the officers' overrides of them. */
export const FieldCounts = BandCounts.merge(OverrideCounts);
export type FieldCounts = z.infer<typeof FieldCounts>;

export const ModelAccuracyView = z.object({
  modelVersion: z.string(),
  current: z.boolean(),
  calibration: BandThresholds.extend({
    calibrated: z.boolean(),
    source: z.string(),
    computedAt: z.string(),
    pairs: z.number().nullable(),
    auc: z.number().nullable(),
    eer: z.number().nullable(),
    fnmrAtFmr01: z.number().nullable(),
    perGroup: z.array(
      z.object({
        group: z.string(),
        genuine: z.number().int(),
        impostor: z.number().int(),
        fnmr: z.number().nullable(),
        fmr: z.number().nullable(),
      }),
    ),
  }),
  field: FieldCounts,
  groups: z.array(
    FieldCounts.extend({
      dimension: z.enum(['sex', 'age']),
      group: z.string(),
      /** False when the group has too few verifications to rate: show counts, not rates. */
      enough: z.boolean(),
    }),
  ),
});
export type ModelAccuracyView = z.infer<typeof ModelAccuracyView>;

export const faceChannels = {
  'face.verify': channel(
    ['officer'],
    "Compare a live capture with the applicant's submitted photo (advisory; audited)",
    z
      .object({
        applicantId: ApplicantId,
        /** The capture as base64 (JPEG or PNG), at most ~12 MB. */
        imageBase64: z.string().min(1).max(16_000_000),
      })
      .strict(),
    VerifyView,
  ),
  'face.judge': channel(
    ['officer'],
    "Blind-first: record the officer's own judgement, then see the score (audited)",
    z.object({ verificationId: z.number().int(), judgement: Judgement }).strict(),
    VerifyView,
  ),
  'face.guide': channel(
    ['officer'],
    'Capture guidance on a downscaled camera frame: face boxes and one line from the quality gates',
    z
      .object({
        /** A small JPEG of the current camera frame (about 640 pixels wide). */
        imageBase64: z.string().min(1).max(1_000_000),
        /** The frame's pixels per camera pixel, so the face-size gate counts camera pixels. */
        scale: z.number().min(0.05).max(1),
      })
      .strict(),
    GuideView,
  ),
  'face.accuracy': channel(
    ['supervisor', 'admin'],
    'Face-match accuracy per model version: the calibration, and what booths saw since, by sex and age band',
    Empty,
    z.array(ModelAccuracyView),
  ),
} as const;
