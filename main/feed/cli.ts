// Runs in: CLI. `arrivals feed generate|serve` (publisher-side tools for dev, tests and demos).
import type { Command } from 'commander';
import { PORTS } from '../domain/ports';
import { generateFeed } from './generator/index';
import { loadFeed, saveFeed } from './generator/storage';
import { publishFeed } from './publish';
import { startFeedServer, type Faults } from './server';
import { demoSigningKey } from './demo-key';

const list = (v: string) => v.split(',').map((s) => s.trim()).filter(Boolean);

function dateRange(from: string, days: number): string[] {
  return Array.from({ length: days }, (_, i) => new Date(Date.parse(`${from}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10));
}

interface GenOpts {
  ports: string[];
  dates?: string[];
  from?: string;
  days: string;
  perPort: string;
  seed: string;
  photos?: string;
  withoutPhotos?: boolean;
}

async function generateFrom(o: GenOpts) {
  const today = new Date().toISOString().slice(0, 10);
  const dates = o.dates ?? dateRange(o.from ?? today, Number(o.days));
  return generateFeed({ ports: o.ports, dates, perPortPerDay: Number(o.perPort), seed: Number(o.seed), photosDir: o.photos, photos: !o.withoutPhotos });
}

export function registerFeedCommands(program: Command): void {
  const feed = program.command('feed').description('reference feed tools: synthetic data and a local feed server');
  const genOptions = (c: Command) =>
    c
      .option('--ports <codes>', `port codes (${PORTS.map((p) => p.code).join(',')})`, list, ['SYS'])
      .option('--dates <dates>', 'service dates YYYY-MM-DD, comma separated', list)
      .option('--from <date>', 'first service date (default today)')
      .option('--days <n>', 'number of days from --from', '1')
      .option('--per-port <n>', 'applicants per port per day', '1500')
      .option('--seed <n>', 'random seed', '20261122')
      .option('--photos <dir>', "a folder of the user's own consented photos (one person per file)")
      .option('--without-photos', 'no demo photos');

  genOptions(feed.command('generate').description('write synthetic manifests, photos, a lookout list and the ground truth'))
    .requiredOption('--out <dir>', 'output folder')
    .action(async (o: GenOpts & { out: string }) => {
      const t = Date.now();
      const f = await generateFrom(o);
      saveFeed(o.out, f);
      console.log(`Generated ${f.groundTruth.applicants} applicants over ${f.days.length} port-days (${f.groundTruth.applicantsWithPhoto} with a demo photo, the rest have none) in ${Date.now() - t} ms.`);
      console.log(`Planted ${f.groundTruth.patterns.length} patterns and ${f.groundTruth.decoys.length} decoys: ${o.out}/ground-truth.json`);
    });

  genOptions(feed.command('serve').description('serve a feed on 127.0.0.1 (signed with the DEMO key)'))
    .option('--data <dir>', 'serve what `feed generate` wrote (otherwise generate now)')
    .option('--port <n>', 'TCP port (default random)', '0')
    .option('--latency <ms>', 'fault: added latency')
    .option('--error-rate <r>', 'fault: share of 503 answers')
    .option('--drop-rate <r>', 'fault: share of dropped connections')
    .option('--truncate-rate <r>', 'fault: share of truncated bodies')
    .option('--bad-signature', 'fault: tamper with served batches')
    .option('--replay', 'fault: replay an applied batch')
    .option('--out-of-order', 'fault: skip a batch')
    .action(async (o: GenOpts & { data?: string; port: string; latency?: string; errorRate?: string; dropRate?: string; truncateRate?: string; badSignature?: boolean; replay?: boolean; outOfOrder?: boolean }) => {
      const f = o.data ? loadFeed(o.data) : await generateFrom(o);
      const faults: Faults = {
        latencyMs: o.latency ? Number(o.latency) : undefined,
        errorRate: o.errorRate ? Number(o.errorRate) : undefined,
        dropRate: o.dropRate ? Number(o.dropRate) : undefined,
        truncateRate: o.truncateRate ? Number(o.truncateRate) : undefined,
        badSignature: o.badSignature,
        replay: o.replay,
        outOfOrder: o.outOfOrder,
      };
      const server = await startFeedServer(publishFeed(f, demoSigningKey()), { port: Number(o.port), faults });
      console.log(`Feed serving ${f.days.map((d) => `${d.port} ${d.serviceDate}`).join(', ')} at ${server.url}`);
      console.log(`FEED_URL=${server.url}`);
      const stop = () => void server.close().then(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
}
