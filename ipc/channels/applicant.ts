// Runs in: main (validation), preload (channel names), renderer (types only).
// One applicant's case: record, group, appointments, submitted photo, flags, decisions.
import { z } from 'zod';
import { channel } from '../channel';
import { ByApplicant, PersonView, PortDayView } from './common';
import { FlagView } from './flags';
import { EncounterView } from './encounter';

export const ApplicantView = PersonView.extend({
  ...PortDayView.shape,
  timeZone: z.string(),
  sex: z.string(),
  nationality: z.string(),
  countryOfBirth: z.string(),
  document: z.object({ type: z.string(), number: z.string(), issuer: z.string() }).nullable(),
  address: z.object({
    line1: z.string(),
    line2: z.string().nullable(),
    city: z.string(),
    state: z.string(),
    zip: z.string(),
  }),
  phone: z.string(),
  email: z.string(),
  language: z.string(),
  deviceId: z.string(),
  /** data: URL of the submitted photo, or null with `photoMissingReason`. */
  photo: z.string().nullable(),
  photoMissingReason: z.string().nullable(),
  photoCapturedAt: z.string().nullable(),
  /** Everyone in the travel group (this applicant included), each with where their case stands. */
  group: z.array(
    PersonView.pick({ applicantId: true, givenNames: true, familyNames: true, dob: true }).extend({
      /** Their latest appointment's status; null when they have none. */
      status: z.string().nullable(),
      openFlags: z.number().int(),
    }),
  ),
  appointments: z.array(
    PortDayView.extend({
      appointmentId: z.string(),
      slot: z.string(),
      status: z.string(),
      cancelReason: z.string().nullable(),
    }),
  ),
  flags: z.array(FlagView),
  encounters: z.array(EncounterView),
});
export type ApplicantView = z.infer<typeof ApplicantView>;

export const applicantChannels = {
  'applicant.get': channel(
    ['officer', 'supervisor'],
    "One applicant's record, group, appointments and submitted photo (audited view)",
    ByApplicant,
    ApplicantView,
  ),
} as const;
