// Runs in: main (validation), preload (channel names), renderer (types only).
// The officer's decision on a case, queued for upload, and how identity was confirmed for it: a
// face comparison or a manual identity check. A person with a submitted photo is completed as
// "processed" only with one of the two (main refuses otherwise).
import { z } from 'zod';
import { channel } from '../channel';
import { ApplicantId, ByApplicant } from './common';
import { AttemptsView, FaceBand, Judgement } from './face';

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

/** The travel document inspected by the officer, with their reason, recorded as such. */
export const ManualCheckView = z.object({
  id: z.number().int(),
  officer: z.string(),
  at: z.string(),
  reason: z.string(),
  /** Face comparisons before the check, and how many of them gave no match or no result. */
  attempts: z.number().int(),
  unsuccessful: z.number().int(),
});
export type ManualCheckView = z.infer<typeof ManualCheckView>;

export const IdentityView = z.object({
  /** The person submitted a photo: "processed" needs a face result or a manual check. */
  hasPhoto: z.boolean(),
  attempts: AttemptsView,
  /** The latest comparison that gave a result the officer has seen (cite it in the decision). */
  faceResult: z
    .object({ id: z.number().int(), band: FaceBand, judgement: Judgement.nullable(), at: z.string() })
    .nullable(),
  manualCheck: ManualCheckView.nullable(),
});
export type IdentityView = z.infer<typeof IdentityView>;

export const encounterChannels = {
  'encounter.list': channel(
    ['officer', 'supervisor'],
    "An applicant's recorded decisions and their upload state (no personal data)",
    ByApplicant,
    z.array(EncounterView),
  ),
  'encounter.identity': channel(
    ['officer'],
    "How the applicant's identity has been checked so far: face comparisons, manual check",
    ByApplicant,
    IdentityView,
  ),
  'encounter.manualCheck': channel(
    ['officer'],
    'Record a manual identity check: the travel document inspected, with the reason (audited)',
    z
      .object({
        applicantId: ApplicantId,
        documentInspected: z.literal(true),
        reason: z.string().trim().min(3).max(500),
      })
      .strict(),
    ManualCheckView,
  ),
  'encounter.complete': channel(
    ['officer'],
    'Record the officer\'s disposition (all flags acknowledged first; "processed" with a photo needs a face result or a manual check); queued for upload',
    z
      .object({
        applicantId: ApplicantId,
        disposition: Disposition,
        note: z.string().max(2000).default(''),
        arrivedAt: z.string().datetime(),
        verificationId: z.number().int().optional(),
        manualCheckId: z.number().int().optional(),
        supersedes: z.string().uuid().optional(),
      })
      .strict(),
    EncounterView,
  ),
} as const;
