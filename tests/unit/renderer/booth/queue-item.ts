// Runs in: tests (jsdom). One row of today's queue as queue.today sends it, with what a test changes.
import type { QueueItemView } from '../../../../ipc/channels/queue';

export const queueItem = (over: Partial<QueueItemView>): QueueItemView => ({
  appointmentId: 'A1',
  applicantId: 'SYS-20261201-00001',
  groupId: 'G1',
  groupSize: 1,
  slot: '2026-12-01T15:00:00Z',
  status: 'scheduled',
  givenNames: 'Ana',
  familyNames: 'López',
  nameAsWritten: 'Ana López',
  dob: '1990-01-01',
  hasPhoto: true,
  openFlags: 0,
  topSeverity: null,
  ...over,
});
