// Runs in: main process, CLI and the reference feed server.
// The feed's data model (zod schemas and the types inferred from them). Everything the feed
// sends is parsed with these before anything is applied.
import { z } from 'zod';
import { Disposition } from '../../ipc/channels/encounter';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
const IsoDateTime = z.string().datetime({ offset: true });
const PortCode = z.string().regex(/^[A-Z]{3}$/);
const Iso3 = z.string().regex(/^[A-Z]{3}$/);
const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const Id = z.string().min(1).max(64);
const Text = z.string().max(200);

export const ManifestHeader = z
  .object({
    port: PortCode,
    serviceDate: IsoDate,
    version: z.number().int().min(1),
    generatedAt: IsoDateTime,
    lastSeq: z.number().int().min(0),
    recordCount: z.number().int().min(0),
  })
  .strict();
export type ManifestHeader = z.infer<typeof ManifestHeader>;

export const Address = z
  .object({
    line1: Text.min(1),
    line2: Text.nullable(),
    city: Text.min(1),
    state: z.string().min(2).max(20),
    zip: z.string().min(3).max(12),
  })
  .strict();

export const TravelDocument = z
  .object({
    type: z.enum(['passport', 'national_id', 'other']),
    number: z.string().min(1).max(40),
    issuer: Iso3,
  })
  .strict();

export const PhotoRef = z
  .object({
    sha256: Sha256,
    capturedAt: IsoDateTime,
    width: z.number().int().positive(),
    height: z.number().int().positive(),
  })
  .strict();

export const ApplicantRecord = z
  .object({
    type: z.literal('applicant'),
    applicantId: Id,
    groupId: Id,
    givenNames: Text.min(1),
    familyNames: Text.min(1),
    nameAsWritten: Text.min(1),
    dob: IsoDate,
    sex: z.enum(['F', 'M', 'X']),
    nationality: Iso3,
    countryOfBirth: Iso3,
    document: TravelDocument.nullable(),
    address: Address,
    phone: z.string().min(3).max(40),
    email: z.string().min(3).max(254),
    language: z.string().min(2).max(12),
    deviceId: z.string().min(1).max(128),
    photo: PhotoRef.nullable(),
  })
  .strict();

/** Fields a correction may change: any applicant field except the ids. */
export const ApplicantCorrectionFields = ApplicantRecord.omit({
  type: true,
  applicantId: true,
  groupId: true,
})
  .partial()
  .strict();

export const FeedRecord = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('group'),
      groupId: Id,
      kind: z.enum(['family', 'travel', 'individual']),
      primaryApplicantId: Id,
    })
    .strict(),
  ApplicantRecord,
  z
    .object({
      type: z.literal('appointment'),
      appointmentId: Id,
      applicantId: Id,
      groupId: Id,
      slot: IsoDateTime,
      status: z.literal('scheduled'),
    })
    .strict(),
  z.object({ type: z.literal('cancel'), appointmentId: Id, reason: Text }).strict(),
  z.object({ type: z.literal('reschedule'), appointmentId: Id, slot: IsoDateTime }).strict(),
  z.object({ type: z.literal('correction'), applicantId: Id, fields: ApplicantCorrectionFields }).strict(),
]);
export type FeedRecord = z.infer<typeof FeedRecord>;

export const Batch = z
  .object({
    port: PortCode,
    serviceDate: IsoDate,
    seq: z.number().int().min(1),
    prevSeq: z.number().int().min(0),
    records: z.array(FeedRecord).max(10_000),
  })
  .strict()
  .refine((b) => b.prevSeq === b.seq - 1, { message: 'prevSeq must be seq - 1' });
export type Batch = z.infer<typeof Batch>;

export const LookoutEntry = z
  .object({
    entryId: Id,
    givenNames: Text.min(1),
    familyNames: Text.min(1),
    aliases: z.array(Text).max(50),
    dob: IsoDate.nullable(),
    dobYear: z.number().int().min(1900).max(2100).nullable(),
    reasonCode: z.string().min(1).max(40),
  })
  .strict();
export const LookoutList = z
  .object({ version: z.number().int().min(1), entries: z.array(LookoutEntry) })
  .strict();
export type LookoutList = z.infer<typeof LookoutList>;

export const EncounterUpload = z
  .object({
    clientId: z.string().uuid(),
    applicantId: Id,
    appointmentId: Id,
    port: PortCode,
    officer: z.string().min(1).max(64),
    booth: z.string().min(1).max(64),
    arrivedAt: IsoDateTime,
    completedAt: IsoDateTime,
    // The same list the officer picks from (the IPC contract's).
    disposition: Disposition,
    verification: z.record(z.string(), z.unknown()).nullable(),
    flagsAcknowledged: z.array(z.string()),
    note: z.string().max(2000),
  })
  .strict();
export type EncounterUpload = z.infer<typeof EncounterUpload>;

export const EncounterAck = z
  .object({ clientId: z.string().uuid(), receivedAt: IsoDateTime, duplicate: z.boolean() })
  .strict();
export type EncounterAck = z.infer<typeof EncounterAck>;

/**
 * The console's audit chain head, sent with each encounter upload so the feed witnesses it
 * outside the console's file (main/audit/witness.ts): a MAC, no personal data.
 */
export const AuditHeadReport = z
  .object({ boothId: z.string().uuid(), seq: z.number().int().min(0), hash: Sha256 })
  .strict();
export type AuditHeadReport = z.infer<typeof AuditHeadReport>;

/** A head as the witness recorded it. */
export const WitnessedHead = z
  .object({ seq: z.number().int().min(0), hash: Sha256, receivedAt: IsoDateTime })
  .strict();
export type WitnessedHead = z.infer<typeof WitnessedHead>;
