// Runs in: main process and CLI.
// The data folder is the user's alone: the folder and its sub-folders 0700, its files 0600, set
// when they are made and tightened on every open (a folder left by an older version was
// 0755/0644). Writes that must survive a power cut (keys, the encrypted database replacing the
// plain one) go to a temp file, are fsynced, renamed into place and the folder fsynced.
import fs from 'node:fs';
import path from 'node:path';

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** POSIX modes only: on Windows the folder's ACL (the user's profile) is the protection. */
const posix = process.platform !== 'win32';

/** Flushes a folder's entries (a rename into it) to disk; a no-op where folders cannot be opened. */
export function fsyncDir(dir: string): void {
  if (!posix) return;
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Writes `bytes` to `file` (0600) so that a crash leaves the old file or the new one, never half of one. */
export function writePrivateFileDurably(file: string, bytes: Buffer | string): void {
  const tmp = `${file}.tmp-${process.pid}`;
  const fd = fs.openSync(tmp, 'w', PRIVATE_FILE_MODE);
  try {
    fs.writeSync(fd, typeof bytes === 'string' ? Buffer.from(bytes) : bytes);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
  fsyncDir(path.dirname(file));
}

/** A 0600 copy of `from`, flushed to disk, that appears under `to` only once complete. */
export function copyPrivateFileDurably(from: string, to: string): void {
  const tmp = `${to}.tmp-${process.pid}`;
  fs.copyFileSync(from, tmp);
  if (posix) fs.chmodSync(tmp, PRIVATE_FILE_MODE);
  fsyncFile(tmp);
  fs.renameSync(tmp, to);
  fsyncDir(path.dirname(to));
}

/** An empty 0600 file, unless it exists (SQLite then gives its -wal and -shm files the same mode). */
export function touchPrivateFile(file: string): void {
  fs.closeSync(fs.openSync(file, 'a', PRIVATE_FILE_MODE));
}

/** Removes group and other permission bits, never adds any (a read-only file stays read-only). */
function restrict(p: string, isDir: boolean): void {
  const mode = fs.statSync(p).mode & 0o777;
  const wanted = mode & (isDir ? PRIVATE_DIR_MODE : PRIVATE_FILE_MODE);
  if (mode === wanted) return;
  try {
    fs.chmodSync(p, wanted);
  } catch (e) {
    // Another account's file in the folder (EPERM): the app still runs, and says so.
    console.warn(`[data folder] Could not make ${p} private (${(e as NodeJS.ErrnoException).code}).`);
  }
}

/**
 * Tightens the data folder: itself and each folder in it 0700 (photos' sub-folders too), each
 * file 0600. Called on every open; cheap (the photos folder has at most 256 sub-folders, and
 * photo files are written 0600).
 */
export function restrictDataFolder(dataDir: string): void {
  if (!posix) return;
  restrict(dataDir, true);
  for (const entry of fs.readdirSync(dataDir, { withFileTypes: true })) {
    const p = path.join(dataDir, entry.name);
    if (entry.isDirectory()) {
      restrict(p, true);
      if (entry.name === 'photos')
        for (const sub of fs.readdirSync(p, { withFileTypes: true }))
          if (sub.isDirectory()) restrict(path.join(p, sub.name), true);
    } else if (entry.isFile()) restrict(p, false);
  }
}
