// Runs in: main (validation), preload (channel names), renderer (types only).
// Schema pieces several domains' channels share: how an applicant, a port or a day is named in a
// request; a person, the port, a port-day and the console's mode as views. No channels here.
import { z } from 'zod';

/** An applicant's id as a request names it (the feed's ids are at most 64 characters). */
export const ApplicantId = z.string().min(1).max(64);

/** A request about one applicant. */
export const ByApplicant = z.object({ applicantId: ApplicantId }).strict();

/** A port as an admin types it in a setting or a request names it. */
export const PortCode = z.string().regex(/^[A-Z]{3}$/, 'a port code of three capital letters, such as SYS');

/** A service day as a request names it (the port's calendar day). */
export const ServiceDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

/** Who an applicant is, as the queue and the case both show them. */
export const PersonView = z.object({
  applicantId: z.string(),
  groupId: z.string(),
  givenNames: z.string(),
  familyNames: z.string(),
  nameAsWritten: z.string(),
  dob: z.string(),
});

/** Which port-day a row is of: the port's code and its service date, as stored. */
export const PortDayView = z.object({ port: z.string(), serviceDate: z.string() });

/** How the console is set up: demo data, or a site's configured feed. */
export const SiteMode = z.enum(['demo', 'configured']);

/** The port this console serves: its code, name and the time zone its dates and times are in. */
export const PortInfoView = z.object({ code: z.string(), name: z.string(), timeZone: z.string() });
