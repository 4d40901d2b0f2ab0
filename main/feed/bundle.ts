// Runs in: main process and CLI.
// The offline bundle: one file carrying a port-day's signed header, signed batches, the signed
// lookout list and the photo blobs, exactly as the feed serves them. No new signature is
// needed: every envelope keeps the publisher's own, and each photo is checked against the
// sha256 that a signed record names. Layout (all lengths big-endian):
//   "ARRIVALS-BUNDLE/1\n", then entries of [u8 kind][u32 name length][name][u64 size][bytes]
//   kind 1 = header envelope (JSON), 2 = batch envelope (JSON), 3 = lookout envelope (JSON),
//   4 = blob (name = sha256), 0 = end marker (its absence means the file was cut short).
import fs from 'node:fs';
import { FeedError } from './feed-error';
import type { Envelope } from './signing';

const MAGIC = Buffer.from('ARRIVALS-BUNDLE/1\n');
const KIND = { end: 0, header: 1, batch: 2, lookout: 3, blob: 4 } as const;

export interface BundleContents {
  header: unknown;
  batches: unknown[];
  lookout: unknown | null;
  blobs: Map<string, Buffer>;
}

function entry(kind: number, name: string, body: Buffer): Buffer {
  const n = Buffer.from(name);
  const head = Buffer.alloc(1 + 4 + n.length + 8);
  head.writeUInt8(kind, 0);
  head.writeUInt32BE(n.length, 1);
  n.copy(head, 5);
  head.writeBigUInt64BE(BigInt(body.length), 5 + n.length);
  return Buffer.concat([head, body]);
}

/** Writes atomically (temp file + rename): a crash never leaves a half bundle under the name. */
export function writeBundle(file: string, c: { header: Envelope; batches: Envelope[]; lookout?: Envelope | null; blobs: Map<string, Buffer> }): void {
  const tmp = `${file}.tmp-${process.pid}`;
  const fd = fs.openSync(tmp, 'w', 0o600);
  try {
    fs.writeSync(fd, MAGIC);
    fs.writeSync(fd, entry(KIND.header, '', Buffer.from(JSON.stringify(c.header))));
    for (const b of c.batches) fs.writeSync(fd, entry(KIND.batch, '', Buffer.from(JSON.stringify(b))));
    if (c.lookout) fs.writeSync(fd, entry(KIND.lookout, '', Buffer.from(JSON.stringify(c.lookout))));
    for (const [sha, bytes] of c.blobs) fs.writeSync(fd, entry(KIND.blob, sha, bytes));
    fs.writeSync(fd, entry(KIND.end, '', Buffer.alloc(0)));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
}

/** Reads the container; signatures and hashes are checked by the caller (BundleSource). */
export function readBundle(file: string): BundleContents {
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch (e) {
    throw new FeedError('SCHEMA', `The bundle ${file} cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`);
  }
  if (!buf.subarray(0, MAGIC.length).equals(MAGIC)) throw new FeedError('SCHEMA', `${file} is not an Arrivals Console bundle.`);
  const out: BundleContents = { header: null, batches: [], lookout: null, blobs: new Map() };
  let off = MAGIC.length;
  const cut = () => new FeedError('TRUNCATED', `The bundle ${file} is incomplete (cut short or damaged); nothing from it was applied.`);
  const json = (b: Buffer) => {
    try {
      return JSON.parse(b.toString('utf8')) as unknown;
    } catch {
      throw cut();
    }
  };
  for (;;) {
    if (off + 5 > buf.length) throw cut();
    const kind = buf.readUInt8(off);
    const nlen = buf.readUInt32BE(off + 1);
    if (off + 5 + nlen + 8 > buf.length) throw cut();
    const name = buf.subarray(off + 5, off + 5 + nlen).toString('utf8');
    const size = Number(buf.readBigUInt64BE(off + 5 + nlen));
    const start = off + 5 + nlen + 8;
    if (start + size > buf.length) throw cut();
    const body = buf.subarray(start, start + size);
    off = start + size;
    if (kind === KIND.end) break;
    if (kind === KIND.header) out.header = json(body);
    else if (kind === KIND.batch) out.batches.push(json(body));
    else if (kind === KIND.lookout) out.lookout = json(body);
    else if (kind === KIND.blob) out.blobs.set(name, Buffer.from(body));
    else throw new FeedError('SCHEMA', `The bundle ${file} has an unknown entry kind ${kind}.`);
  }
  if (out.header === null) throw new FeedError('SCHEMA', `The bundle ${file} has no manifest header.`);
  return out;
}
