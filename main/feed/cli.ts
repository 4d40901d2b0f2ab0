// Runs in: CLI. `arrivals feed generate|serve` (publisher-side tools for dev, tests and demos).
import type { Command } from 'commander';
import { PORTS, portByCode, serviceDateAt } from '../domain/ports';
import { generateFeed } from './generator/index';
import { loadFeed, saveFeed } from './generator/storage';
import { publishFeed } from './publish';
import { startFeedServer, type FeedServer, type Faults } from './server';
import { demoSigningKey } from './demo-key';
import fs from 'node:fs';
import type { SigningKey } from './signing';

/** The publisher key to sign with: a PEM file given on the command line, else the DEMO key. */
function signingKey(o: { key?: string; keyId?: string }): SigningKey {
  if (!o.key) return demoSigningKey();
  if (!o.keyId) throw new Error('--key needs --key-id (the id consoles pin the public half under)');
  return { keyId: o.keyId, privateKey: fs.readFileSync(o.key, 'utf8') };
}

const list = (v: string) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

function dateRange(from: string, days: number): string[] {
  return Array.from({ length: days }, (_, i) =>
    new Date(Date.parse(`${from}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10),
  );
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
  crossPort?: string | boolean;
}

/** A numeric seed as given, or a stable number from any other text ("demo" is a fine seed). */
function seedOf(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  let h = 2166136261;
  for (const c of text) h = Math.imul(h ^ c.codePointAt(0)!, 16777619) >>> 0;
  return h;
}

async function generateFrom(o: GenOpts) {
  for (const p of o.ports)
    if (!PORTS.some((x) => x.code === p))
      throw new Error(`Unknown port "${p}": use ${PORTS.map((x) => x.code).join(', ')}.`);
  for (const d of o.dates ?? [])
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d) || Number.isNaN(Date.parse(`${d}T00:00:00Z`)))
      throw new Error(`"${d}" is not a date as YYYY-MM-DD.`);
  const today = new Date().toISOString().slice(0, 10);
  const dates = o.dates ?? dateRange(o.from ?? today, Number(o.days));
  const cross = o.crossPort ? portByCode(o.crossPort === true ? 'SYS' : o.crossPort) : undefined;
  if (o.crossPort && !cross) throw new Error(`Unknown port "${String(o.crossPort)}" for --cross-port.`);
  return generateFeed({
    crossPort: cross && { port: cross.code, today: serviceDateAt(cross) },
    ports: o.ports,
    dates,
    perPortPerDay: Number(o.perPort),
    seed: seedOf(o.seed),
    photosDir: o.photos,
    photos: !o.withoutPhotos,
  });
}

export interface ServeOpts extends GenOpts {
  data?: string;
  host: string;
  port: string;
  key?: string;
  keyId?: string;
  batchSize: string;
  faultSeed?: string;
  latency?: string;
  errorRate?: string;
  dropRate?: string;
  truncateRate?: string;
  badSignature?: boolean;
  replay?: boolean;
  outOfOrder?: boolean;
}

/** What `feed serve` does, returning the running server (tests close it; the CLI waits for a signal). */
export async function serveFeed(o: ServeOpts): Promise<FeedServer> {
  if (!['127.0.0.1', '::1', 'localhost'].includes(o.host))
    throw new Error('The reference feed server listens on a loopback address only (127.0.0.1 or ::1).');
  const key = signingKey(o);
  const f = o.data ? loadFeed(o.data) : await generateFrom(o);
  const faults: Faults = {
    latencyMs: o.latency ? Number(o.latency) : undefined,
    errorRate: o.errorRate ? Number(o.errorRate) : undefined,
    dropRate: o.dropRate ? Number(o.dropRate) : undefined,
    truncateRate: o.truncateRate ? Number(o.truncateRate) : undefined,
    badSignature: o.badSignature,
    replay: o.replay,
    outOfOrder: o.outOfOrder,
    seed: o.faultSeed ? Number(o.faultSeed) : undefined,
  };
  for (const k of Object.keys(faults) as Array<keyof Faults>) if (faults[k] === undefined) delete faults[k];
  const server = await startFeedServer(publishFeed(f, key, { batchSize: Number(o.batchSize) }), {
    host: o.host,
    port: Number(o.port),
    faults,
  });
  console.log(
    `Feed serving ${f.days.map((d) => `${d.port} ${d.serviceDate}`).join(', ')} at ${server.url} (signed with key "${key.keyId}"${o.key ? '' : ', the DEMO key'})`,
  );
  console.log(`FEED_URL=${server.url}`);
  return server;
}

export function registerFeedCommands(program: Command): void {
  const feed = program
    .command('feed')
    .description('reference feed tools: synthetic data and a local feed server');
  const genOptions = (c: Command) =>
    c
      .option('--ports <codes>', `port codes (${PORTS.map((p) => p.code).join(',')})`, list, ['SYS'])
      .option('--dates <dates>', 'service dates YYYY-MM-DD, comma separated', list)
      .option('--from <date>', 'first service date (default today)')
      .option('--days <n>', 'number of days from --from', '1')
      .option('--per-port <n>', 'applicants per port per day', '1500')
      .option('--seed <n>', 'random seed', '20261122')
      .option('--photos <dir>', "a folder of the user's own consented photos (one person per file)")
      .option('--without-photos', 'no demo photos')
      .option(
        '--cross-port [port]',
        "also plant the cross-port patterns around this port's today (default SYS; see the generator)",
      );

  genOptions(
    feed
      .command('generate')
      .description('write synthetic manifests, photos, a lookout list and the ground truth'),
  )
    .requiredOption('--out <dir>', 'output folder')
    .action(async (o: GenOpts & { out: string }) => {
      const t = Date.now();
      const f = await generateFrom(o);
      saveFeed(o.out, f);
      console.log(
        `Generated ${f.groundTruth.applicants} applicants over ${f.days.length} port-days (${f.groundTruth.applicantsWithPhoto} with a demo photo, the rest have none) in ${Date.now() - t} ms.`,
      );
      console.log(
        `Planted ${f.groundTruth.patterns.length} patterns and ${f.groundTruth.decoys.length} decoys: ${o.out}/ground-truth.json`,
      );
    });

  genOptions(feed.command('serve').description('serve a feed on 127.0.0.1 (signed with the DEMO key)'))
    .option('--data <dir>', 'serve what `feed generate` wrote (otherwise generate now)')
    .option('--host <addr>', 'loopback address to bind (127.0.0.1 or ::1)', '127.0.0.1')
    .option('--port <n>', 'TCP port (default random)', '0')
    .option('--key <pem>', 'sign with this Ed25519 private key (PKCS#8 PEM) instead of the DEMO key')
    .option('--key-id <id>', 'key id for --key')
    .option('--batch-size <n>', 'records per batch', '500')
    .option('--fault-seed <n>', 'seed for random faults (same seed, same faults)')
    .option('--latency <ms>', 'fault: added latency')
    .option('--error-rate <r>', 'fault: share of 503 answers')
    .option('--drop-rate <r>', 'fault: share of dropped connections')
    .option('--truncate-rate <r>', 'fault: share of truncated bodies')
    .option('--bad-signature', 'fault: tamper with served batches')
    .option('--replay', 'fault: replay an applied batch')
    .option('--out-of-order', 'fault: skip a batch')
    .action(async (o: ServeOpts) => {
      const server = await serveFeed(o);
      const stop = () => void server.close().then(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
}
