// Runs in: CLI. Generated feed data on disk, so that `feed serve --data DIR` can serve what
// `feed generate --out DIR` wrote (and a person can read the ground truth).
import fs from 'node:fs';
import path from 'node:path';
import type { GeneratedFeed, GroundTruth, PortDay } from './index';
import type { LookoutList } from '../schema';

export function saveFeed(dir: string, feed: GeneratedFeed): void {
  fs.mkdirSync(path.join(dir, 'days'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'blobs'), { recursive: true });
  for (const d of feed.days)
    fs.writeFileSync(path.join(dir, 'days', `${d.port}_${d.serviceDate}.json`), JSON.stringify(d));
  for (const [sha, bytes] of feed.blobs) fs.writeFileSync(path.join(dir, 'blobs', `${sha}.jpg`), bytes);
  fs.writeFileSync(path.join(dir, 'lookout.json'), JSON.stringify(feed.lookout, null, 1));
  fs.writeFileSync(path.join(dir, 'ground-truth.json'), JSON.stringify(feed.groundTruth, null, 2));
}

export function loadFeed(dir: string): GeneratedFeed {
  const days = fs
    .readdirSync(path.join(dir, 'days'))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, 'days', f), 'utf8')) as PortDay);
  const blobs = new Map<string, Buffer>();
  for (const f of fs.readdirSync(path.join(dir, 'blobs')))
    blobs.set(f.replace(/\.jpg$/, ''), fs.readFileSync(path.join(dir, 'blobs', f)));
  return {
    days,
    blobs,
    lookout: JSON.parse(fs.readFileSync(path.join(dir, 'lookout.json'), 'utf8')) as LookoutList,
    groundTruth: JSON.parse(fs.readFileSync(path.join(dir, 'ground-truth.json'), 'utf8')) as GroundTruth,
  };
}
