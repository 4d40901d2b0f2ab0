// Runs in: the reference feed server and the bundle writer (publisher side).
// Turns generated port-days into what a publisher serves: a signed header and signed batches
// (the day's records in batches of ~500, then amendments as later batches), and a signed
// lookout list.
import type { GeneratedFeed, PortDay } from './generator/index';
import type { Batch, FeedRecord, LookoutList, ManifestHeader } from './schema';
import { signEnvelope, type Envelope, type SigningKey } from './signing';

export interface PublishedDay {
  port: string;
  serviceDate: string;
  header: Envelope<ManifestHeader>;
  batches: Array<Envelope<Batch>>;
}

export interface Published {
  days: Map<string, PublishedDay>;
  lookout: Envelope<LookoutList>;
  blobs: Map<string, Buffer>;
}

export const dayKey = (port: string, serviceDate: string) => `${port}/${serviceDate}`;

export function batchesOf(day: PortDay, batchSize = 500): Batch[] {
  const chunks: FeedRecord[][] = [];
  for (let i = 0; i < day.records.length; i += batchSize) chunks.push(day.records.slice(i, i + batchSize));
  for (let i = 0; i < day.amendments.length; i += batchSize)
    chunks.push(day.amendments.slice(i, i + batchSize));
  return chunks.map((records, i) => ({
    port: day.port,
    serviceDate: day.serviceDate,
    seq: i + 1,
    prevSeq: i,
    records,
  }));
}

export function publishDay(
  day: PortDay,
  key: SigningKey,
  generatedAt: string,
  batchSize = 500,
): PublishedDay {
  const batches = batchesOf(day, batchSize);
  const header: ManifestHeader = {
    port: day.port,
    serviceDate: day.serviceDate,
    version: day.amendments.length ? 2 : 1,
    generatedAt,
    lastSeq: batches.length,
    recordCount: day.records.length + day.amendments.length,
  };
  return {
    port: day.port,
    serviceDate: day.serviceDate,
    header: signEnvelope(header, key),
    batches: batches.map((b) => signEnvelope(b, key)),
  };
}

export function publishFeed(
  feed: GeneratedFeed,
  key: SigningKey,
  opts: { batchSize?: number; generatedAt?: string } = {},
): Published {
  const days = new Map<string, PublishedDay>();
  for (const d of feed.days) {
    const generatedAt = opts.generatedAt ?? `${d.serviceDate}T05:00:00Z`;
    days.set(dayKey(d.port, d.serviceDate), publishDay(d, key, generatedAt, opts.batchSize));
  }
  return { days, lookout: signEnvelope(feed.lookout, key), blobs: feed.blobs };
}
