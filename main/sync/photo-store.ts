// Runs in: main process and CLI.
// Content-addressed photo blobs: <dataDir>/photos/ab/<sha256>, encrypted at rest with
// AES-256-GCM. A photo is "stored" only once its file is complete, verified and recorded in
// photo_blobs; a crash before that leaves at most a temp file that the next run replaces.
import fs from 'node:fs';
import path from 'node:path';
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/database';
import { PRIVATE_DIR_MODE } from '../platform/private-files';

const MAGIC = Buffer.from('ACP1');

export class PhotoStore {
  readonly dir: string;
  private readonly has;
  private readonly record;

  private keyCache: Buffer | null = null;

  /** `key` may be a function: the key is then loaded on first use of a photo, not at start-up. */
  constructor(
    private readonly db: Db,
    dataDir: string,
    private readonly keySource: Buffer | (() => Buffer),
  ) {
    this.dir = path.join(dataDir, 'photos');
    this.has = db.prepare<[string], { sha256: string }>('SELECT sha256 FROM photo_blobs WHERE sha256 = ?');
    this.record = db.prepare('INSERT OR IGNORE INTO photo_blobs (sha256, size, stored_at) VALUES (?, ?, ?)');
  }

  private get key(): Buffer {
    this.keyCache ??= typeof this.keySource === 'function' ? this.keySource() : this.keySource;
    return this.keyCache;
  }

  private file(sha256: string): string {
    return path.join(this.dir, sha256.slice(0, 2), sha256);
  }

  exists(sha256: string): boolean {
    return this.has.get(sha256) !== undefined;
  }

  /** Stores bytes whose sha256 must equal `sha256`; throws (and stores nothing) otherwise. */
  put(sha256: string, bytes: Buffer): void {
    const actual = createHash('sha256').update(bytes).digest('hex');
    if (actual !== sha256)
      throw new Error(`Photo ${sha256.slice(0, 12)}… does not match its hash; it was not stored.`);
    if (this.exists(sha256)) return;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(sha256));
    const body = Buffer.concat([cipher.update(bytes), cipher.final()]);
    const file = this.file(sha256);
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: PRIVATE_DIR_MODE });
    const tmp = `${file}.tmp-${process.pid}`;
    const fd = fs.openSync(tmp, 'w', 0o600);
    try {
      fs.writeSync(fd, Buffer.concat([MAGIC, iv, cipher.getAuthTag(), body]));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, file);
    this.record.run(sha256, bytes.length, new Date().toISOString());
  }

  get(sha256: string): Buffer | null {
    if (!this.exists(sha256)) return null;
    const raw = fs.readFileSync(this.file(sha256));
    if (!raw.subarray(0, 4).equals(MAGIC))
      throw new Error(`Photo ${sha256.slice(0, 12)}… is damaged on disk.`);
    const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(4, 16));
    decipher.setAAD(Buffer.from(sha256));
    decipher.setAuthTag(raw.subarray(16, 32));
    return Buffer.concat([decipher.update(raw.subarray(32)), decipher.final()]);
  }

  /** Retention: removes the file and its row. */
  delete(sha256: string): void {
    fs.rmSync(this.file(sha256), { force: true });
    this.db.prepare('DELETE FROM photo_blobs WHERE sha256 = ?').run(sha256);
  }

  /**
   * Photos that applicants reference but that are not stored yet: of one port-day, or of every
   * day held. Other ports' days in the vetting window hold records without their photos.
   */
  missing(limit = 100_000, day?: { port: string; serviceDate: string }): string[] {
    const where = day ? 'AND a.port = @port AND a.service_date = @serviceDate' : '';
    return this.db
      .prepare<[{ limit: number; port?: string; serviceDate?: string }], { sha: string }>(
        `SELECT DISTINCT a.photo_sha256 AS sha FROM applicants a
         LEFT JOIN photo_blobs b ON b.sha256 = a.photo_sha256
         WHERE a.photo_sha256 IS NOT NULL AND a.purged_at IS NULL AND b.sha256 IS NULL ${where} LIMIT @limit`,
      )
      .all({ limit, ...day })
      .map((r) => r.sha);
  }
}
