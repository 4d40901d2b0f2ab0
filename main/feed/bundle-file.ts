// Runs in: main process, CLI and worker threads. Opening a bundle file safely: only a regular file,
// and only up to the size cap. A path can name a FIFO (whose open waits for a writer, and whose
// read waits for data: the whole process would hang), a device (/dev/zero never ends) or a
// folder; so the file is opened without blocking (O_NONBLOCK), its kind and size are taken from
// the open descriptor itself (fstat: no window for a swap after the check), and nothing is read
// unless it is a regular file within the cap. Reads then use that descriptor, never the path.
import fs from 'node:fs';
import { FeedError } from './feed-error';

/** The largest bundle accepted: a port-day with every photo is tens to a few hundred MB. */
export const MAX_BUNDLE_BYTES = 1024 * 1024 * 1024;

/** "1.4 GB", "640 MB", "12 kB": for messages. */
export function sizeText(bytes: number): string {
  const units: Array<[number, string]> = [
    [1e9, 'GB'],
    [1e6, 'MB'],
    [1e3, 'kB'],
  ];
  for (const [n, u] of units) if (bytes >= n) return `${(bytes / n).toFixed(bytes >= 10 * n ? 0 : 1)} ${u}`;
  return `${bytes} bytes`;
}

export const tooLarge = (label: string, bytes: number, max = MAX_BUNDLE_BYTES): string =>
  `${label} is ${sizeText(bytes)}; a bundle may be at most ${sizeText(max)}. Nothing was read from it.`;

/** Opens `file` for reading if it is a regular file within `max` bytes; the caller closes the descriptor. */
export function openBundleFile(file: string, max = MAX_BUNDLE_BYTES): { fd: number; size: number } {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new FeedError('SCHEMA', `The bundle ${file} cannot be read (${code}).`);
  }
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) {
      const kind = st.isDirectory()
        ? 'a folder'
        : st.isFIFO()
          ? 'a pipe'
          : st.isCharacterDevice() || st.isBlockDevice()
            ? 'a device'
            : st.isSocket()
              ? 'a socket'
              : 'not a regular file';
      throw new FeedError('SCHEMA', `${file} is ${kind}, not a bundle file; nothing was read from it.`);
    }
    if (st.size > max) throw new FeedError('SCHEMA', tooLarge(file, st.size, max));
    return { fd, size: st.size };
  } catch (e) {
    fs.closeSync(fd);
    throw e;
  }
}

/** Reads exactly `size` bytes from an open bundle file (a file that shrank meanwhile is cut short). */
export function readOpenBundle(fd: number, size: number, label: string): Buffer {
  const buf = Buffer.allocUnsafe(size);
  let off = 0;
  while (off < size) {
    const n = fs.readSync(fd, buf, off, size - off, off);
    if (n === 0)
      throw new FeedError(
        'TRUNCATED',
        `The bundle ${label} is incomplete (cut short or damaged); nothing from it was applied.`,
      );
    off += n;
  }
  return buf;
}
