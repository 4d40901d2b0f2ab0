// Runs in: main process and CLI.
// The offline bundle: one file carrying a port-day's signed header, signed batches, the signed
// lookout list and the photo blobs, exactly as the feed serves them. No new signature is
// needed: every envelope keeps the publisher's own, and each photo is checked against the
// sha256 that a signed record names. Layout (all lengths big-endian):
//   "ARRIVALS-BUNDLE/1\n", then entries of [u8 kind][u32 name length][name][u64 size][bytes]
//   kind 1 = header envelope (JSON), 2 = batch envelope (JSON), 3 = lookout envelope (JSON),
//   4 = blob (name = sha256), 0 = end marker (its absence means the file was cut short).
import fs from 'node:fs';
import type { z } from 'zod';
import { openBundleFile, readOpenBundle } from './bundle-file';
import { createHash } from 'node:crypto';
import { verifyBatch } from './client';
import { FeedError } from './feed-error';
import { MAX_JSON_DEPTH, nestedDeeperThan } from './json-depth';
import { LookoutList, ManifestHeader, type Batch } from './schema';
import { verifyEnvelope, type Envelope, type PinnedKeys } from './signing';

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
export function writeBundle(
  file: string,
  c: { header: Envelope; batches: Envelope[]; lookout?: Envelope | null; blobs: Map<string, Buffer> },
): void {
  const tmp = `${file}.tmp-${process.pid}`;
  const fd = fs.openSync(tmp, 'w', 0o600);
  try {
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
  } catch (e) {
    // A full disk or a crash mid-write must not leave a half file lying next to the target.
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

/**
 * Reads a bundle file given by path (the CLI, tests): a regular file within the size cap only
 * (bundle-file.ts), then parsed. Signatures and hashes are checked by readVerifiedBundle.
 */
export function readBundle(file: string): BundleContents {
  const { fd, size } = openBundleFile(file);
  try {
    return parseBundle(readOpenBundle(fd, size, file), file);
  } finally {
    fs.closeSync(fd);
  }
}

/** Parses the container; `label` names the bundle in errors (its file name, never another file's). */
export function parseBundle(buf: Buffer, label: string): BundleContents {
  if (!buf.subarray(0, MAGIC.length).equals(MAGIC))
    throw new FeedError('SCHEMA', `${label} is not an Arrivals Console bundle.`);
  const out: BundleContents = { header: null, batches: [], lookout: null, blobs: new Map() };
  let off = MAGIC.length;
  const cut = () =>
    new FeedError(
      'TRUNCATED',
      `The bundle ${label} is incomplete (cut short or damaged); nothing from it was applied.`,
    );
  const json = (b: Buffer) => {
    const text = b.toString('utf8');
    // As for online responses (json-depth.ts): bounded before anything recursive reads it.
    if (nestedDeeperThan(text)) {
      const why = `holds an entry nested deeper than ${MAX_JSON_DEPTH} levels`;
      throw new FeedError('SCHEMA', `The bundle ${label} ${why}; nothing from it was applied.`);
    }
    try {
      return JSON.parse(text) as unknown;
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
    if (kind === KIND.end) {
      if (off !== buf.length)
        throw new FeedError(
          'SCHEMA',
          `The bundle ${label} has data after its end marker (damaged or altered); nothing from it was applied.`,
        );
      break;
    }
    if (kind === KIND.header) out.header = json(body);
    else if (kind === KIND.batch) out.batches.push(json(body));
    else if (kind === KIND.lookout) out.lookout = json(body);
    // A view of the file's bytes, not a copy: a bundle may be hundreds of MB.
    else if (kind === KIND.blob) out.blobs.set(name, body);
    else throw new FeedError('SCHEMA', `The bundle ${label} has an unknown entry kind ${kind}.`);
  }
  if (out.header === null) throw new FeedError('SCHEMA', `The bundle ${label} has no manifest header.`);
  return out;
}

export interface VerifiedBundle {
  header: ManifestHeader;
  keyId: string;
  /** Every batch of the port-day, verified and in seq order (1..lastSeq). */
  batches: Batch[];
  lookout: { list: LookoutList; keyId: string } | null;
  /** Photos by sha256, each checked against its hash and named by a signed record. */
  blobs: Map<string, Buffer>;
}

/** One of the bundle's signed documents: its signature checked, then its payload against the feed format. */
function signedDocument<T>(env: unknown, keys: PinnedKeys, what: string, schema: z.ZodType<T>) {
  const e = verifyEnvelope(env, keys, `bundle ${what}`);
  const parsed = schema.safeParse(e.payload);
  if (!parsed.success)
    throw new FeedError(
      'SCHEMA',
      `The bundle ${what} does not match the feed format; nothing from the bundle was applied.`,
    );
  return { value: parsed.data, keyId: e.keyId };
}

/**
 * Reads a bundle and checks it exactly as an online sync would (same FeedError codes):
 * envelope signatures against the pinned keys, schema, seq order, the header's batch count,
 * and every photo against the sha256 a signed record names. The signed records are the blob
 * index: a photo no record names is refused, a named photo that is missing is TRUNCATED.
 */
export function readVerifiedBundle(file: string, keys: PinnedKeys): VerifiedBundle {
  return verifyBundle(readBundle(file), keys);
}

/** The checks of readVerifiedBundle on parsed contents (the bundle reader's worker runs them). */
export function verifyBundle(c: BundleContents, keys: PinnedKeys): VerifiedBundle {
  const { value: header, keyId } = signedDocument(c.header, keys, 'manifest header', ManifestHeader);
  const batches = c.batches.map((env, i) => verifyBatch(env, keys, header.port, header.serviceDate, i + 1));
  if (batches.length !== header.lastSeq) {
    throw new FeedError(
      'TRUNCATED',
      `The bundle holds ${batches.length} of the ${header.lastSeq} batches its header announces; nothing from it was applied.`,
    );
  }
  let lookout: VerifiedBundle['lookout'] = null;
  if (c.lookout) {
    const l = signedDocument(c.lookout, keys, 'lookout list', LookoutList);
    lookout = { list: l.value, keyId: l.keyId };
  }
  const named = new Set<string>();
  for (const b of batches)
    for (const r of b.records) {
      if (r.type === 'applicant' && r.photo) named.add(r.photo.sha256);
      if (r.type === 'correction' && r.fields.photo) named.add(r.fields.photo.sha256);
    }
  for (const [sha, bytes] of c.blobs) {
    if (!named.has(sha))
      throw new FeedError(
        'SCHEMA',
        `The bundle carries photo ${sha.slice(0, 12)}… that no signed record names; nothing from the bundle was applied.`,
      );
    if (createHash('sha256').update(bytes).digest('hex') !== sha) {
      throw new FeedError(
        'HASH_MISMATCH',
        `Photo ${sha.slice(0, 12)}… in the bundle does not match its hash (damaged or substituted); nothing from the bundle was applied.`,
      );
    }
  }
  for (const sha of named) {
    if (!c.blobs.has(sha))
      throw new FeedError(
        'TRUNCATED',
        `The bundle lacks photo ${sha.slice(0, 12)}… that its records name; nothing from it was applied.`,
      );
  }
  return { header, keyId, batches, lookout, blobs: c.blobs };
}
