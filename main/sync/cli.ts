// Runs in: CLI. `arrivals sync`, `bundle export|import`, `retention purge`, `outbox status`.
import fs from 'node:fs';
import type { Command } from 'commander';
import type { AppContext, WithApp } from '../app-context';
import { AppError } from '../platform/app-error';
import { portByCode, serviceDateAt } from '../domain/ports';
import { demoPinnedKeys } from '../feed/demo-key';
import { exportBundle } from '../feed/bundle-export';
import { FeedError } from '../feed/feed-error';
import type { PinnedKeys } from '../feed/signing';
import { OnlineFeedSource } from './online-source';
import { SyncEngine } from './sync-engine';
import { importBundle } from './bundle-import';
import { purgeExpired } from './retention';
import { Outbox } from './outbox';
import { contentSummary } from './content-hash';

interface KeyOpts {
  key?: string[];
  trustDemoKey?: boolean;
}

function pinnedKeys(app: AppContext | null, o: KeyOpts): PinnedKeys {
  const keys: PinnedKeys = { ...(app?.config?.publisherKeys ?? {}) };
  for (const k of o.key ?? []) {
    const [id, file] = k.split('=');
    if (!id || !file) throw new AppError('INVALID_REQUEST', `--key takes KEYID=PUBLIC_KEY_FILE, not "${k}".`);
    keys[id] = fs.readFileSync(file, 'utf8');
  }
  if (o.trustDemoKey) Object.assign(keys, demoPinnedKeys());
  if (!Object.keys(keys).length)
    throw new AppError(
      'INVALID_REQUEST',
      'No publisher key is pinned: add publisherKeys to config.json, or pass --key KEYID=FILE (or --trust-demo-key for demo data).',
    );
  return keys;
}

const collect = (v: string, prev: string[] = []) => [...prev, v];

/** `sync` synced the manifest, but some photos failed their hash check or were too large. */
export const EXIT_PHOTOS_REFUSED = 3;
const SYNC_EXIT_CODES = `
Exit codes:
  0  everything arrived
  2  the sync failed (feed unreachable, refused data, bad arguments); run it again to resume
  ${EXIT_PHOTOS_REFUSED}  the manifest synced, but some photos were refused (damaged, substituted or too large);
     the count is printed, and the next sync fetches them again`;

export function registerSyncCommands(program: Command, withApp: WithApp): void {
  program
    .command('sync')
    .description(
      "pull a port's manifest for a day from a feed into the local database (resumes where it stopped)",
    )
    .addHelpText('after', SYNC_EXIT_CODES)
    .option('--feed <url>', 'feed URL (default: config.json)')
    .option('--port <code>', 'port code (default: config.json)')
    .option('--date <date>', 'service date YYYY-MM-DD (default: today at the port)')
    .option('--key <id=file>', 'pin a publisher public key (repeatable)', collect)
    .option('--trust-demo-key', 'pin the DEMO publisher key (demo data only)')
    .option('--json', 'print the report as JSON')
    .option(
      '--progress',
      'print every progress step on stderr, one line each: progress {JSON} (for scripts and tests)',
    )
    .action(
      (o: KeyOpts & { feed?: string; port?: string; date?: string; json?: boolean; progress?: boolean }) =>
        withApp(async (app) => {
          const code = o.port ?? app.config?.port;
          const port = code ? portByCode(code) : undefined;
          if (!port)
            throw new AppError(
              'INVALID_REQUEST',
              'Name a port with --port (SYS, CXL, NOG, ELP, EGP, LRD, HID, BRO).',
            );
          const feedUrl = o.feed ?? app.config?.feedUrl;
          if (!feedUrl) throw new AppError('INVALID_REQUEST', 'Name the feed with --feed URL.');
          const date = o.date ?? serviceDateAt(port);
          const engine = SyncEngine.forApp(app, 'cli');
          // Flags for anyone a previous, interrupted run applied but did not get to.
          app.flags.catchUp();
          let last = '';
          try {
            const r = await engine.syncDay(
              new OnlineFeedSource(feedUrl, pinnedKeys(app, o)),
              port.code,
              date,
              {
                onBatchApplied: (b, keys) => app.flags.afterBatch(b.applicantIds, keys),
                onProgress: (p) => {
                  // Written after the step it reports is committed (pipes are synchronous on Linux).
                  if (o.progress) process.stderr.write(`progress ${JSON.stringify(p)}\n`);
                  const line = `${p.phase} ${p.appliedSeq}/${p.lastSeq}${p.photosTotal ? ` photos ${p.photosDone}/${p.photosTotal}` : ''}`;
                  if (line !== last && !o.json && process.stderr.isTTY) process.stderr.write(`\r${line}   `);
                  last = line;
                },
              },
            );
            if (r.lookoutVersion !== null) app.flags.engine.recomputeAll(['LOOKOUT_MATCH']);
            // As the app does after a sync: once enough fresh matching keys have built up, fold them
            // into the main index tier (a batch job, so without pauses).
            await app.flags.maintain({ pauseMs: 0 });
            if (o.json) console.log(JSON.stringify({ ...r, content: contentSummary(app.db) }));
            else
              console.log(
                `\nSynced ${port.name} ${date}: ${r.batchesApplied} batches (${r.recordsApplied} records), ${r.photosStored} photos, now at ${r.appliedSeq}/${r.lastSeq}.`,
              );
            if (r.photoFailures.length) {
              // The manifest is in, but not every photo: a script must not take that for success.
              const n = r.photoFailures.length;
              console.error(
                `${n} of ${n + r.photosStored} photos were refused: ${r.photoFailures[0]!.reason}`,
              );
              process.exitCode = EXIT_PHOTOS_REFUSED;
            }
          } catch (e) {
            if (e instanceof FeedError) throw new AppError('INVALID_REQUEST', `Sync failed: ${e.message}`);
            throw e;
          }
        }),
    );

  const bundle = program.command('bundle').description('offline bundles: one signed file with a port-day');
  bundle
    .command('export')
    .description('fetch a port-day from a feed (signatures intact) into a bundle file')
    .requiredOption('--feed <url>', 'feed URL')
    .requiredOption('--port <code>', 'port code')
    .requiredOption('--date <date>', 'service date')
    .requiredOption('--out <file>', 'bundle file to write')
    .option('--key <id=file>', 'pin a publisher public key (repeatable)', collect)
    .option('--trust-demo-key', 'pin the DEMO publisher key')
    .action(async (o: KeyOpts & { feed: string; port: string; date: string; out: string }) => {
      const r = await exportBundle(o.feed, o.port, o.date, o.out, pinnedKeys(null, o));
      console.log(`Wrote ${o.out}: ${r.batches} batches, ${r.photos} photos.`);
    });
  bundle
    .command('import <file>')
    .description('verify and apply a bundle file, exactly as an online sync would')
    .option('--key <id=file>', 'pin a publisher public key (repeatable)', collect)
    .option('--trust-demo-key', 'pin the DEMO publisher key')
    .option('--json', 'print the report as JSON')
    .action((file: string, o: KeyOpts & { json?: boolean }) =>
      withApp(async (app) => {
        const r = await importBundle(app, { file }, 'cli', pinnedKeys(app, o));
        if (o.json) console.log(JSON.stringify({ ...r, content: contentSummary(app.db) }));
        else
          console.log(
            `Imported ${r.port} ${r.serviceDate}: ${r.batchesApplied} batches (${r.recordsApplied} records), ${r.photosStored} photos.`,
          );
      }),
    );

  program
    .command('retention')
    .description('personal-data retention')
    .command('purge')
    .option('--days <n>', 'retention period (default: the site setting)')
    .action((o: { days?: string }) =>
      withApp((app) => {
        const days = o.days ? Number(o.days) : app.settings.get().retentionDays;
        const r = purgeExpired(app, days, 'cli');
        console.log(
          `Purged personal data of service days before ${r.cutoffDate}: ${r.applicants} applicants, ${r.photos} photos, ${r.flags} flags, ${r.encounters} decisions; ${r.rewritten} flags of others rewritten; ${r.heldBack} held back until the server acknowledges their encounters.` +
            (r.backupsRemoved
              ? ` ${r.backupsRemoved} database backups removed (they held the purged).`
              : '') +
            (r.rebuildMs === null ? '' : ` Database file rebuilt in ${r.rebuildMs} ms.`),
        );
      }),
    );

  program
    .command('outbox')
    .description('encounters waiting for the server')
    .command('status')
    .action(() =>
      withApp((app) => {
        const s = new Outbox(app.db).status();
        console.log(
          `Pending ${s.pending} (failing ${s.failing}), acknowledged ${s.acknowledged}${s.oldestPendingAt ? `, oldest pending since ${s.oldestPendingAt}` : ''}${s.lastError ? `; last error: ${s.lastError}` : ''}`,
        );
      }),
    );

  program
    .command('enrol')
    .description(
      'compute face templates for synced photos that have none yet (the app does this after each sync)',
    )
    .action(() =>
      withApp(async (app) => {
        await app.face.enrolPending();
        const e = app.face.enrolment;
        console.log(`Enrolled ${e.done} of ${e.total} photos (${e.unusable} unusable).`);
      }),
    );

  program
    .command('content-hash')
    .description('digest of the synced content (to compare two databases)')
    .action(() => withApp((app) => console.log(JSON.stringify(contentSummary(app.db)))));
}
