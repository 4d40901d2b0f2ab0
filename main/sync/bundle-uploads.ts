// Runs in: main process. Bundle files an admin picks or drops in the renderer arrive here as bytes,
// never as a path (a path from the renderer could name any file, a FIFO or a device; and whether
// it opened would tell what exists): `bundle.upload` announces a file's size (refused at once
// when over the cap) and gets an id for this connection; the shell then streams the bytes (the
// HTTP bridge's upload endpoint, or the preload's chunks in Electron) into a private file in the
// data folder, the cap applied as they come; `bundle.import` takes the complete file (opened,
// then unlinked, so nothing is left of it once read) for the bundle reader. A partial upload is
// deleted when it fails, when the same connection starts another or its session ends, and at
// the next start.
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Result } from '../../ipc/channel';
import type { AppContext } from '../app-context';
import { MAX_BUNDLE_BYTES, tooLarge } from '../feed/bundle-file';
import { AppError } from '../platform/app-error';
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from '../platform/private-files';
import type { BundleInput } from './bundle-source';

/** Uploads under way at once (each up to the cap on disk). */
const MAX_PENDING = 2;
const UPLOAD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface Upload {
  owner: string;
  name: string;
  size: number;
  file: string;
  handle: fs.promises.FileHandle | null;
  /** Bytes accepted so far (reserved before each write, so chunks cannot overlap). */
  received: number;
  written: number;
}

/** Why a byte stream was refused: `status` is the HTTP status the bridge answers with. */
export class UploadRefused extends AppError {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super('INVALID_REQUEST', message);
  }
}

export class BundleUploads {
  private readonly uploads = new Map<string, Upload>();

  constructor(
    private readonly dir: string,
    readonly maxBytes = MAX_BUNDLE_BYTES,
  ) {
    fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
    // What a crash left half-received goes: nobody can finish it now.
    for (const f of fs.readdirSync(dir))
      if (f.endsWith('.part')) fs.rmSync(path.join(dir, f), { force: true });
  }

  /** A connection announces a file: refused at once when too large; any earlier upload of it is dropped. */
  begin(owner: string, name: string, size: number): { uploadId: string; maxBytes: number } {
    if (size > this.maxBytes) throw new UploadRefused(413, tooLarge(`The file ${name}`, size, this.maxBytes));
    // Each discard drops its entry at once (before its first await): the count below is current.
    for (const [id, u] of this.uploads) if (u.owner === owner) void this.discard(id);
    if (this.uploads.size >= MAX_PENDING)
      throw new AppError(
        'CONFLICT',
        'Another bundle is being sent to this console; try again when it is done.',
      );
    const uploadId = randomUUID();
    const file = path.join(this.dir, `${uploadId}.part`);
    // O_EXCL: a new file of our own, never one that was there.
    fs.closeSync(fs.openSync(file, 'wx', PRIVATE_FILE_MODE));
    this.uploads.set(uploadId, { owner, name, size, file, handle: null, received: 0, written: 0 });
    return { uploadId, maxBytes: this.maxBytes };
  }

  private mine(uploadId: string, owner: string): Upload {
    const u = UPLOAD_ID.test(uploadId) ? this.uploads.get(uploadId) : undefined;
    // Another connection's upload is answered as no upload at all.
    if (!u || u.owner !== owner)
      throw new UploadRefused(404, 'No such upload: choose the bundle file again.');
    return u;
  }

  /**
   * The next bytes of an upload, at `offset` (what was received so far): more than the size
   * announced is refused and the upload dropped. Resolves once they are written.
   */
  async receive(
    uploadId: string,
    owner: string,
    offset: number,
    bytes: Buffer,
  ): Promise<{ received: number }> {
    const u = this.mine(uploadId, owner);
    if (offset !== u.received) {
      await this.discard(uploadId);
      throw new UploadRefused(409, 'The bundle arrived out of order; nothing was kept. Send it again.');
    }
    if (u.received + bytes.length > u.size) {
      await this.discard(uploadId);
      throw new UploadRefused(
        413,
        `More bytes arrived than the ${u.size} announced for ${u.name}; nothing was kept.`,
      );
    }
    u.received += bytes.length;
    try {
      u.handle ??= await fs.promises.open(u.file, 'r+');
      await u.handle.write(bytes, 0, bytes.length, offset);
      u.written += bytes.length;
    } catch (e) {
      await this.discard(uploadId);
      throw new AppError(
        'INTERNAL',
        `The bundle could not be stored (${(e as NodeJS.ErrnoException).code}).`,
      );
    }
    return { received: u.received };
  }

  /**
   * A byte stream (the HTTP bridge's request body) appended chunk by chunk, the cap applied as it
   * comes; a declared length beyond what was announced is refused before anything is read.
   */
  async receiveStream(
    uploadId: string,
    owner: string,
    body: AsyncIterable<Buffer>,
    declaredLength: number | null = null,
  ): Promise<{ received: number }> {
    const u = this.mine(uploadId, owner);
    if (declaredLength !== null && u.received + declaredLength > u.size) {
      await this.discard(uploadId);
      throw new UploadRefused(
        413,
        `This is more than the ${u.size} bytes announced for ${u.name}; nothing was kept.`,
      );
    }
    let received = u.received;
    for await (const chunk of body)
      received = (await this.receive(uploadId, owner, received, chunk)).received;
    return { received };
  }

  /**
   * The complete upload for the bundle reader: opened, then unlinked (the bytes stay readable
   * through the descriptor until the caller closes it, and nothing is left on disk after).
   */
  async take(uploadId: string, owner: string): Promise<BundleInput> {
    const u = this.mine(uploadId, owner);
    if (u.written !== u.size) {
      await this.discard(uploadId);
      throw new UploadRefused(
        400,
        `Only ${u.written} of the ${u.size} bytes of ${u.name} arrived; nothing was kept. Send it again.`,
      );
    }
    this.uploads.delete(uploadId);
    await u.handle?.close();
    const fd = fs.openSync(u.file, 'r');
    fs.rmSync(u.file, { force: true });
    return { fd, size: u.size, label: u.name };
  }

  /** Drops every upload of this connection (its session ended). */
  async discardOf(owner: string): Promise<void> {
    for (const [id, u] of this.uploads) if (u.owner === owner) await this.discard(id);
  }

  async discard(uploadId: string): Promise<void> {
    const u = this.uploads.get(uploadId);
    if (!u) return;
    this.uploads.delete(uploadId);
    await u.handle?.close().catch(() => undefined);
    fs.rmSync(u.file, { force: true });
  }

  /** Uploads under way (for tests and the status view). */
  get pending(): number {
    return this.uploads.size;
  }
}

/** Largest chunk the Electron shell's preload sends in one message (it sends 1 MiB). */
export const MAX_CHUNK_BYTES = 8 * 1024 * 1024;

/**
 * One chunk from the Electron preload (ipc/upload.ts), as it came over IPC (anything: the
 * renderer is not trusted with types): checked, written, answered as an envelope.
 */
export async function receiveChunk(
  uploads: BundleUploads,
  connectionId: string,
  uploadId: unknown,
  offset: unknown,
  bytes: unknown,
): Promise<Result<{ received: number }>> {
  const data =
    bytes instanceof ArrayBuffer
      ? Buffer.from(bytes)
      : bytes instanceof Uint8Array
        ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
        : null;
  if (
    typeof uploadId !== 'string' ||
    typeof offset !== 'number' ||
    !Number.isSafeInteger(offset) ||
    offset < 0 ||
    !data ||
    data.length > MAX_CHUNK_BYTES
  )
    return { ok: false, error: { code: 'INVALID_REQUEST', message: 'Not a chunk of a bundle file.' } };
  try {
    return { ok: true, value: await uploads.receive(uploadId, connectionId, offset, data) };
  } catch (e) {
    // receive() refuses with UploadRefused, or fails to store (INTERNAL, its message says why).
    const code = e instanceof UploadRefused ? 'INVALID_REQUEST' : 'INTERNAL';
    return { ok: false, error: { code, message: (e as Error).message } };
  }
}

const stores = new WeakMap<AppContext, BundleUploads>();

/**
 * This console's uploads, in <data folder>/uploads (private to the app's user). The shells ask
 * for it at start (what a crash left is deleted then); a connection's upload goes when its
 * session ends.
 */
export function uploadsOf(app: AppContext): BundleUploads {
  let s = stores.get(app);
  if (!s) {
    const store = (s = new BundleUploads(path.join(app.dataDir, 'uploads')));
    stores.set(app, store);
    app.sessions.onEnd((connectionId) => void store.discardOf(connectionId));
  }
  return s;
}
