// Runs in: main (validation), preload (channel names), renderer (types only).
// The applicant-facing screen at the counter: short instructions for the person in front of the
// booth, in their language, following the officer's current case through main. It shows no
// name, score or flag: what it can read is only ever a message, a language and a capture hint.
import { z } from 'zod';
import { channel, Empty } from '../channel';
import { ApplicantId } from './common';
import { GuideHint } from './face';

/** The languages the counter screen speaks (renderer/src/i18n/applicant/<lang>.json). */
export const ApplicantLanguage = z.enum(['en', 'es', 'ht', 'fr', 'pt', 'ru']);
export type ApplicantLanguage = z.infer<typeof ApplicantLanguage>;

/** What the person at the counter is asked to do now. */
export const CounterMessage = z.enum([
  /** No case open: wait to be called. */
  'idle',
  /** A case was opened: welcome, have the travel document ready. */
  'welcome',
  'lookAtCamera',
  'removeHeadwear',
  /** A picture was taken, or the officer is checking. */
  'pleaseWait',
  /** Completed as processed. */
  'proceed',
  /** Any other decision: an officer will help. */
  'officerWillHelp',
]);
export type CounterMessage = z.infer<typeof CounterMessage>;

export const CounterStateView = z.object({
  /** False when no officer is signed in and unlocked at this booth: the screen shows only a greeting. */
  active: z.boolean(),
  language: ApplicantLanguage,
  message: CounterMessage,
  /** While the camera runs: the capture guidance line, in the person's language. */
  hint: GuideHint.nullable(),
});
export type CounterStateView = z.infer<typeof CounterStateView>;

const Token = z.string().regex(/^[0-9a-f]{48}$/);

export const counterChannels = {
  'counter.open': channel(
    ['officer'],
    'Open the applicant-facing screen for this booth (the Electron shell opens the window itself)',
    Empty,
    z.object({ token: z.string(), openedByShell: z.boolean() }),
  ),
  'counter.show': channel(
    ['officer'],
    'What the applicant-facing screen shows now: a message, in the case applicant’s language or the officer’s choice',
    z
      .object({
        applicantId: ApplicantId.nullable(),
        message: CounterMessage,
        /** The officer's choice; omitted: the applicant's preferred language (English when not offered). */
        language: ApplicantLanguage.optional(),
      })
      .strict(),
    CounterStateView,
  ),
  // The counter window signs in as no one: it holds only the screen's token, and the answer
  // carries no personal data.
  'counter.state': channel(
    'public',
    'The applicant-facing screen’s current message (no personal data)',
    z.object({ token: Token }).strict(),
    CounterStateView,
  ),
} as const;
