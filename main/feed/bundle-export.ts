// Runs in: CLI (a site with a link exports bundles for one without).
// Fetches a port-day from a feed with the publisher's signatures intact, checks it exactly as
// a sync would, and writes it as one bundle file.
import { fetchBlob, verifyBatch } from './client';
import { FeedError } from './feed-error';
import { verifyEnvelope, type Envelope, type PinnedKeys } from './signing';
import { ManifestHeader, type Batch } from './schema';
import { writeBundle } from './bundle';

async function getJson(url: string): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(30_000) });
  } catch (e) {
    throw new FeedError('NETWORK', `The feed could not be reached (${(e as Error).message}).`);
  }
  if (res.status === 204) return null;
  if (!res.ok) throw new FeedError('HTTP', `The feed answered ${res.status} for ${url}.`);
  try {
    return (await res.json()) as unknown;
  } catch {
    throw new FeedError('TRUNCATED', `The feed's answer for ${url} was incomplete.`);
  }
}

export async function exportBundle(
  feedUrl: string,
  port: string,
  date: string,
  file: string,
  keys: PinnedKeys,
): Promise<{ batches: number; photos: number }> {
  const base = feedUrl.endsWith('/') ? feedUrl : `${feedUrl}/`;
  const headerEnv = (await getJson(`${base}v1/ports/${port}/manifests/${date}`)) as Envelope;
  const parsed = ManifestHeader.safeParse(verifyEnvelope(headerEnv, keys, 'manifest header').payload);
  if (!parsed.success)
    throw new FeedError(
      'SCHEMA',
      `The manifest header for ${port} on ${date} does not match the feed format; no bundle was written.`,
    );
  const header = parsed.data;
  if (header.port !== port || header.serviceDate !== date)
    throw new FeedError(
      'SCHEMA',
      `The feed answered with the header of ${header.port} on ${header.serviceDate} instead of ${port} on ${date}; no bundle was written.`,
    );
  const envs: Envelope[] = [];
  const batches: Batch[] = [];
  while (batches.length < header.lastSeq) {
    const page = (await getJson(
      `${base}v1/ports/${port}/manifests/${date}/batches?since=${batches.length}&limit=50`,
    )) as { batches?: unknown } | null;
    if (!page || !Array.isArray(page.batches))
      throw new FeedError(
        'SCHEMA',
        `The feed's answer for the batches of ${port} on ${date} is not a batch list; no bundle was written.`,
      );
    if (!page.batches.length) {
      throw new FeedError(
        'TRUNCATED',
        `The feed served ${batches.length} of the ${header.lastSeq} batches its header announces for ${port} on ${date}; no bundle was written.`,
      );
    }
    for (const env of page.batches as Envelope[]) {
      batches.push(verifyBatch(env, keys, port, date, batches.length + 1));
      envs.push(env);
    }
  }
  const lookout = (await getJson(`${base}v1/lookout?since=0`)) as Envelope | null;
  if (lookout) verifyEnvelope(lookout, keys, 'lookout list');
  const shas = new Set<string>();
  for (const b of batches)
    for (const r of b.records) {
      if (r.type === 'applicant' && r.photo) shas.add(r.photo.sha256);
      if (r.type === 'correction' && r.fields.photo) shas.add(r.fields.photo.sha256);
    }
  const blobs = new Map<string, Buffer>();
  for (const s of shas) blobs.set(s, await fetchBlob(feedUrl, s));
  writeBundle(file, { header: headerEnv, batches: envs, lookout, blobs });
  return { batches: envs.length, photos: blobs.size };
}
