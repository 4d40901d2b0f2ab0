// Runs in: main (validation), preload (channel names), renderer (types only).
// The officer's decision on a case, queued for upload.
import { z } from 'zod';
import { channel } from '../channel';

export const DISPOSITIONS = ['processed', 'referred_secondary', 'no_show', 'identity_not_confirmed'] as const;
export const Disposition = z.enum(DISPOSITIONS);
export type Disposition = z.infer<typeof Disposition>;

export const EncounterView = z.object({
  clientId: z.string(),
  disposition: Disposition,
  officer: z.string(),
  completedAt: z.string(),
  note: z.string(),
  supersedes: z.string().nullable(),
  uploaded: z.boolean(),
});
export type EncounterView = z.infer<typeof EncounterView>;

const ApplicantId = z.string().min(1).max(64);

export const encounterChannels = {
  'encounter.list': channel({
    access: ['officer', 'supervisor'],
    summary: "An applicant's recorded decisions and their upload state (no personal data)",
    request: z.object({ applicantId: ApplicantId }).strict(),
    response: z.array(EncounterView),
  }),
  'encounter.complete': channel({
    access: ['officer'],
    summary: "Record the officer's disposition (all flags must be acknowledged first); queued for upload",
    request: z
      .object({
        applicantId: ApplicantId,
        disposition: Disposition,
        note: z.string().max(2000).default(''),
        arrivedAt: z.string().datetime(),
        verificationId: z.number().int().optional(),
        supersedes: z.string().uuid().optional(),
      })
      .strict(),
    response: EncounterView,
  }),
} as const;
