// Runs in: tests (Node). One port-day's manifest written straight into a console's database, as a
// synced feed would leave it: the given applicants, each with one scheduled appointment.
import type { Db } from '../../main/db/database';
import type { FeedRecord } from '../../main/feed/schema';
import { ManifestRepository } from '../../main/sync/manifest-repository';

type ApplicantRecord = Extract<FeedRecord, { type: 'applicant' }>;

/** Applicant A<n> gets appointment AP<n> at 15:00Z on the service date. */
export function seedPortDay(db: Db, port: string, serviceDate: string, applicants: ApplicantRecord[]): void {
  const records: FeedRecord[] = applicants.flatMap((a) => [
    a,
    {
      type: 'appointment',
      appointmentId: `AP${a.applicantId.slice(1)}`,
      applicantId: a.applicantId,
      groupId: a.groupId,
      slot: `${serviceDate}T15:00:00Z`,
      status: 'scheduled',
    },
  ]);
  const repo = new ManifestRepository(db);
  const header = { port, serviceDate, version: 1, generatedAt: `${serviceDate}T05:00:00Z`, lastSeq: 1 };
  repo.recordHeader({ ...header, recordCount: records.length }, 'test');
  repo.applyBatch({ port, serviceDate, seq: 1, prevSeq: 0, records }, 'feed');
}
