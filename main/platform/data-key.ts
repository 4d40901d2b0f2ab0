// Runs in: main process and CLI.
// The key that encrypts personal data at rest (photos today). In Electron it is wrapped by the
// OS keychain (safeStorage, passed in as a KeyProtector by the Electron shell). In the browser
// shell and the CLI it is a 0600 key file beside the database: weaker (anyone who can read the
// user's files can read it), and the README says so.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

export interface KeyProtector {
  name: string;
  protect(key: Buffer): Buffer;
  unprotect(blob: Buffer): Buffer;
}

/** No OS keychain: the file itself is the protection (mode 0600). */
export const fileKeyProtector: KeyProtector = {
  name: 'key-file',
  protect: (k) => k,
  unprotect: (b) => b,
};

export function loadDataKey(dataDir: string, protector: KeyProtector = fileKeyProtector): Buffer {
  const file = path.join(dataDir, protector === fileKeyProtector ? 'data.key' : 'data.key.protected');
  if (
    protector === fileKeyProtector &&
    !fs.existsSync(file) &&
    fs.existsSync(path.join(dataDir, 'data.key.protected'))
  ) {
    throw new Error(
      "The photos in this data folder are protected by the desktop app's OS keychain; open them from the desktop app (this command cannot).",
    );
  }
  if (fs.existsSync(file)) {
    const key = protector.unprotect(fs.readFileSync(file));
    if (key.length !== 32) throw new Error(`The data key ${file} is damaged (wrong length).`);
    return key;
  }
  // A key made by the browser shell or the CLI moves under the OS keychain on first Electron start,
  // so photos stored before stay readable.
  const plain = path.join(dataDir, 'data.key');
  const key =
    protector !== fileKeyProtector && fs.existsSync(plain) ? fs.readFileSync(plain) : randomBytes(32);
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, protector.protect(key), { mode: 0o600 });
  fs.renameSync(tmp, file);
  if (protector !== fileKeyProtector && fs.existsSync(plain)) fs.rmSync(plain);
  return key;
}
