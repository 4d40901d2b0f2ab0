// Runs in: tests (Node). A FeedSource over in-memory batches, to test the engine alone.
import { createHash } from 'node:crypto';
import type { Batch, FeedRecord, LookoutList, ManifestHeader } from '../../main/feed/schema';
import type { FeedSource } from '../../main/sync/feed-source';

export function jpegLike(n: number): Buffer {
  return Buffer.from(`not-really-a-jpeg-${n}`);
}

export function sha(b: Buffer): string {
  return createHash('sha256').update(b).digest('hex');
}

export function applicant(
  i: number,
  over: Partial<Extract<FeedRecord, { type: 'applicant' }>> = {},
): Extract<FeedRecord, { type: 'applicant' }> {
  return {
    type: 'applicant',
    applicantId: `A${i}`,
    groupId: `G${Math.floor(i / 2)}`,
    givenNames: `Given${i}`,
    familyNames: `Family${i}`,
    nameAsWritten: `Given${i} Family${i}`,
    dob: '1990-01-01',
    sex: 'F',
    nationality: 'VEN',
    countryOfBirth: 'VEN',
    document: { type: 'passport', number: `P${i}`, issuer: 'VEN' },
    address: { line1: `${i} Main St`, line2: null, city: 'San Diego', state: 'CA', zip: '92101' },
    phone: `+1619555${String(i).padStart(4, '0')}`,
    email: `a${i}@example.com`,
    language: 'es',
    deviceId: `dev-${i}`,
    photo: { sha256: sha(jpegLike(i)), capturedAt: '2026-11-20T10:00:00Z', width: 10, height: 10 },
    ...over,
  };
}

/** One port-day served as the given batches, in order (seq 1, 2, …); `over` changes the header. */
export function dayOf(
  port: string,
  serviceDate: string,
  batches: FeedRecord[][],
  over: Partial<ManifestHeader> = {},
): { header: ManifestHeader; batches: Batch[]; blobs: Map<string, Buffer> } {
  const bs: Batch[] = batches.map((records, i) => ({ port, serviceDate, seq: i + 1, prevSeq: i, records }));
  const header: ManifestHeader = {
    port,
    serviceDate,
    version: 1,
    generatedAt: `${serviceDate}T05:00:00Z`,
    lastSeq: bs.length,
    recordCount: bs.reduce((a, b) => a + b.records.length, 0),
    ...over,
  };
  return { header, batches: bs, blobs: new Map<string, Buffer>() };
}

export function simpleDay(
  port: string,
  serviceDate: string,
  applicants = 6,
  perBatch = 2,
): { header: ManifestHeader; batches: Batch[]; blobs: Map<string, Buffer> } {
  const records: FeedRecord[] = [];
  const blobs = new Map<string, Buffer>();
  for (let i = 0; i < applicants; i++) {
    if (i % 2 === 0)
      records.push({ type: 'group', groupId: `G${i / 2}`, kind: 'family', primaryApplicantId: `A${i}` });
    records.push(applicant(i));
    records.push({
      type: 'appointment',
      appointmentId: `AP${i}`,
      applicantId: `A${i}`,
      groupId: `G${Math.floor(i / 2)}`,
      slot: `${serviceDate}T15:00:00Z`,
      status: 'scheduled',
    });
    blobs.set(sha(jpegLike(i)), jpegLike(i));
  }
  const batches: FeedRecord[][] = [];
  for (let i = 0; i < records.length; i += perBatch * 3) batches.push(records.slice(i, i + perBatch * 3));
  // Then the amendments, as a later batch.
  batches.push([
    { type: 'cancel', appointmentId: 'AP1', reason: 'applicant cancelled' },
    { type: 'reschedule', appointmentId: 'AP2', slot: `${serviceDate}T18:30:00Z` },
    {
      type: 'correction',
      applicantId: 'A3',
      fields: {
        familyNames: 'Corrected',
        address: { line1: '9 Elm St', line2: 'Apt 2', city: 'Yuma', state: 'AZ', zip: '85364' },
      },
    },
  ]);
  return {
    ...dayOf(port, serviceDate, batches, { version: 2, generatedAt: `${serviceDate}T06:00:00Z` }),
    blobs,
  };
}

export class MemoryFeed implements FeedSource {
  readonly kind = 'feed' as const;
  readonly label = 'test feed';
  lookoutList: LookoutList | null = {
    version: 1,
    entries: [
      {
        entryId: 'L1',
        givenNames: 'Ivan',
        familyNames: 'Petrov',
        aliases: [],
        dob: null,
        dobYear: 1980,
        reasonCode: 'TEST',
      },
    ],
  };
  failAfterBatches = Infinity;
  served = 0;

  constructor(readonly day: ReturnType<typeof simpleDay>) {}

  async header() {
    return { header: this.day.header, keyId: 'test-key' };
  }

  async *batches(_p: string, _d: string, since: number) {
    for (const b of this.day.batches) {
      if (b.seq <= since) continue;
      if (this.served >= this.failAfterBatches)
        throw Object.assign(new Error('The feed is not reachable.'), { code: 'NETWORK' });
      this.served++;
      yield b;
    }
  }

  async blob(s: string) {
    const b = this.day.blobs.get(s);
    if (!b) throw Object.assign(new Error('no such blob'), { code: 'HTTP' });
    return b;
  }

  async lookout(since: number) {
    return this.lookoutList && this.lookoutList.version > since
      ? { list: this.lookoutList, keyId: 'test-key' }
      : null;
  }
}
