// Runs in: tests (Node, the built CLI as a user runs it). `arrivals bundle import FILE` keeps its
// path argument (a local admin on the machine) but reads only a regular file within the size cap:
// a FIFO is refused at once instead of hanging the process on its open or read, /dev/zero and a
// folder are refused unread, a missing file, a file over the cap (sparse: no disk used) and a
// corrupt bundle each get their plain message and exit 2, a good bundle is applied.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeBundle } from '../../../main/feed/bundle';
import { MAX_BUNDLE_BYTES } from '../../../main/feed/bundle-file';
import { demoSigningKey } from '../../../main/feed/demo-key';
import { generateFeed } from '../../../main/feed/generator/index';
import { publishFeed } from '../../../main/feed/publish';
import { arrivals } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp-dir';

const PORT = 'SYS';
const DATE = '2026-11-24';
const files = tempDir('arrivals-bundle-cli-');
const good = path.join(files, 'good.acb');
const dataDir = tempDir();
/** A cap against a hang (the FIFO case), not a speed target. */
const HANG_CAP_MS = 120_000;

beforeAll(async () => {
  const feed = await generateFeed({ ports: [PORT], dates: [DATE], perPortPerDay: 120, seed: 4 });
  const published = publishFeed(feed, demoSigningKey(), { batchSize: 40 });
  const day = [...published.days.values()][0]!;
  writeBundle(good, {
    header: day.header,
    batches: day.batches,
    lookout: published.lookout,
    blobs: published.blobs,
  });
}, 60_000);

const importing = (file: string) =>
  arrivals(dataDir, ['bundle', 'import', file, '--trust-demo-key'], { timeout: HANG_CAP_MS });

describe('arrivals bundle import', () => {
  it('refuses a FIFO, a device, a folder, a missing file and one over the cap, without hanging or reading them', () => {
    const fifo = path.join(files, 'pipe.acb');
    execFileSync('mkfifo', [fifo]);
    const huge = path.join(files, 'huge.acb');
    fs.closeSync(fs.openSync(huge, 'w'));
    fs.truncateSync(huge, MAX_BUNDLE_BYTES + 1);
    for (const [file, why] of [
      [fifo, /pipe\.acb is a pipe, not a bundle file; nothing was read from it/],
      ['/dev/zero', /\/dev\/zero is a device, not a bundle file/],
      [files, /is a folder, not a bundle file/],
      [path.join(files, 'missing.acb'), /The bundle .*missing\.acb cannot be read \(ENOENT\)/],
      [huge, /huge\.acb is 1\.1 GB; a bundle may be at most 1\.1 GB\. Nothing was read from it/],
    ] as const) {
      const r = importing(file);
      // Not killed by the cap: it answered.
      expect(r.code, `${file}: ${r.out}`).toBe(2);
      expect(r.stderr, file).toMatch(why);
    }
  });

  it('refuses a corrupt bundle with nothing applied, then applies a good one', () => {
    const bad = Buffer.from(fs.readFileSync(good));
    const at = bad.indexOf(Buffer.from('familyNames')) + 20;
    bad[at] = bad[at] === 0x41 ? 0x42 : 0x41;
    const corrupt = path.join(files, 'corrupt.acb');
    fs.writeFileSync(corrupt, bad);
    const refused = importing(corrupt);
    expect(refused.code, refused.out).toBe(2);
    expect(refused.stderr).toMatch(/signature/);
    const ok = importing(good);
    expect(ok.code, ok.out).toBe(0);
    expect(ok.stdout).toMatch(new RegExp(`Imported ${PORT} ${DATE}: \\d+ batches \\(\\d+ records\\)`));
  });
});
