// Runs in: tests (Node). The vetting window's feed: all eight ports over 40 days around the SYS
// console's today (today first, so the demo photos land on it), with the cross-port patterns
// planted, behind a real reference server on 127.0.0.1 that logs every request and can hold some
// back until released; and a console configured for it (config.json, as a site would have).
import fs from 'node:fs';
import path from 'node:path';
import { generateFeed, type GeneratedFeed } from '../../main/feed/generator/index';
import { publishFeed, type Published } from '../../main/feed/publish';
import { startFeedServer, type FeedServer } from '../../main/feed/server';
import { demoPinnedKeys, demoSigningKey } from '../../main/feed/demo-key';
import { PORTS, portByCode, serviceDateAt } from '../../main/domain/ports';
import { createAppContext, type AppContext } from '../../main/app-context';
import { shiftDate } from '../../main/sync/vetting-window';
import { tempDir } from './temp-dir';

export const OWN = 'SYS';

/** The SYS console's today, and 40 service days around it (32 back, 7 ahead), today first. */
export function windowDates(): { today: string; dates: string[] } {
  const today = serviceDateAt(portByCode(OWN)!);
  const dates = [today];
  for (let d = 7; d >= -32; d--) if (d !== 0) dates.push(shiftDate(today, d));
  return { today, dates };
}

/** The SYS console's today, as windowDates() gives it. */
export const TODAY = windowDates().today;

const feeds = new Map<string, Promise<GeneratedFeed>>();

/** The generated feed (cached per size within a test file: generation is the slow part). */
export function windowFeed(perPortPerDay = 6, ports = PORTS.map((p) => p.code)): Promise<GeneratedFeed> {
  const { today, dates } = windowDates();
  const k = `${perPortPerDay}:${ports.join(',')}`;
  let f = feeds.get(k);
  if (!f) {
    // One batch per small day (the tests publish their own amendments where they need one).
    f = generateFeed({
      ports,
      dates,
      perPortPerDay,
      seed: 13,
      amendments: false,
      crossPort: { today, port: OWN },
    });
    feeds.set(k, f);
  }
  return f;
}

export interface WindowServer {
  server: FeedServer;
  published: Published;
  /** Every request as "METHOD /path?query", in arrival order. */
  log: string[];
  /** Holds back every request whose path matches, until release() (or the next hold). */
  hold(match: (path: string) => boolean): void;
  release(): void;
}

export async function windowServer(feed: GeneratedFeed, batchSize = 50): Promise<WindowServer> {
  const published = publishFeed(feed, demoSigningKey(), { batchSize });
  const log: string[] = [];
  let held: { match: (p: string) => boolean; gate: Promise<void>; open: () => void } | null = null;
  const server = await startFeedServer(published, {
    onRequest: (method, p) => {
      log.push(`${method} ${p}`);
      if (held?.match(p)) return held.gate;
    },
  });
  const release = () => {
    held?.open();
    held = null;
  };
  return {
    server,
    published,
    log,
    hold(match) {
      release();
      let open!: () => void;
      const gate = new Promise<void>((r) => (open = r));
      held = { match, gate, open };
    },
    release,
  };
}

/** A console configured for the feed (port SYS, the demo key pinned as the publisher's). */
export function configuredConsole(feedUrl: string, dir = tempDir()): AppContext {
  const config = { port: OWN, feedUrl, publisherKeys: demoPinnedKeys(), booth: 'Booth 4' };
  fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify(config));
  return createAppContext({ dataDir: dir, shell: 'browser' });
}

/** A port-day's applicants as the feed published them. */
export function applicantsOf(feed: GeneratedFeed, port: string, serviceDate: string) {
  const day = feed.days.find((d) => d.port === port && d.serviceDate === serviceDate);
  return (day?.records ?? []).filter((r) => r.type === 'applicant');
}
