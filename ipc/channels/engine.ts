// Runs in: main (validation), preload (channel names), renderer (types only).
// What the engines run on, for an admin diagnosing a slow or broken booth.
import { z } from 'zod';
import { channel, Empty } from '../channel';
import { WindowStatusView } from './sync';

export const EnrolmentView = z.object({
  running: z.boolean(),
  done: z.number().int(),
  total: z.number().int(),
  unusable: z.number().int(),
});

export const EngineStatusView = z.object({
  face: z
    .object({
      modelVersion: z.string(),
      workers: z.number().int(),
      /** Slowest worker's model load time (ms). */
      loadMs: z.number(),
      /** Every worker flushes denormals (fpu-mode addon built); false = correct but slower inference. */
      denormalsFlushed: z.boolean(),
      /** Every worker decodes large JPEGs with libjpeg-turbo at the DCT scale (jpeg-scale addon built). */
      scaledJpeg: z.boolean(),
    })
    .nullable(),
  faceError: z.string().nullable(),
  enrolment: EnrolmentView.extend({ lastRunAt: z.string().nullable() }),
  flags: z.object({
    freshKeys: z.number().int(),
    mergeAt: z.number().int(),
    merging: z.boolean(),
    keysVersion: z.number().int(),
  }),
  /** The vetting window: port-days current, behind, stale, and the last cycle's requests. */
  window: WindowStatusView.nullable(),
});
export type EngineStatusView = z.infer<typeof EngineStatusView>;

export const engineChannels = {
  'engine.status': channel(
    ['admin'],
    'The face engine (model, workers, fast arithmetic) and the flags index tiers, for diagnosis',
    Empty,
    EngineStatusView,
  ),
} as const;
