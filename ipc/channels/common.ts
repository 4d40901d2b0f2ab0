// Runs in: main (validation), preload (channel names), renderer (types only).
// Schema pieces several domains' channels share: how an applicant or a port is named in a request,
// and the port as a view. No channels here.
import { z } from 'zod';

/** An applicant's id as a request names it (the feed's ids are at most 64 characters). */
export const ApplicantId = z.string().min(1).max(64);

/** A request about one applicant. */
export const ByApplicant = z.object({ applicantId: ApplicantId }).strict();

/** A port as an admin types it in a setting. */
export const PortCode = z.string().regex(/^[A-Z]{3}$/, 'a three-letter port code such as SYS');

/** The port this console serves: its code, name and the time zone its dates and times are in. */
export const PortInfoView = z.object({ code: z.string(), name: z.string(), timeZone: z.string() });
export type PortInfoView = z.infer<typeof PortInfoView>;
