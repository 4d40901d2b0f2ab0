// Runs in: main process and CLI.
// The key that encrypts personal data at rest: the database (through a key derived from it,
// main/db/encryption.ts), the photos and the audit chain's key. In Electron it is wrapped by the
// OS keychain (safeStorage, passed in as a KeyProtector by the Electron shell). In the browser
// shell, the CLI, and Electron where no keychain answers, it is a 0600 key file in the data
// folder: weaker (anyone who can read the user's files can read it), so app.info reports it and
// the app shows a warning.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { writePrivateFileDurably } from './private-files';

export interface KeyProtector {
  /** 'os-keychain' only when the OS keeps the wrapping key; anything else counts as a key file. */
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

/** Where the data key is kept, as the app reports it: only 'os-keychain' keeps it out of the folder. */
export type KeyStorage = 'os-keychain' | 'file';
export const keyStorageOf = (protector: KeyProtector): KeyStorage =>
  protector.name === 'os-keychain' ? 'os-keychain' : 'file';

const PLAIN_KEY = 'data.key';
const WRAPPED_KEY = 'data.key.protected';
const keyFile = (dataDir: string, protector: KeyProtector) =>
  path.join(dataDir, protector === fileKeyProtector ? PLAIN_KEY : WRAPPED_KEY);

/** The folder's data key if it has one (never makes a new one). */
export function readDataKey(dataDir: string, protector: KeyProtector = fileKeyProtector): Buffer | null {
  const file = keyFile(dataDir, protector);
  const plain = path.join(dataDir, PLAIN_KEY);
  if (
    protector === fileKeyProtector &&
    !fs.existsSync(file) &&
    fs.existsSync(path.join(dataDir, WRAPPED_KEY))
  ) {
    throw new Error(
      "This data folder's key is protected by the desktop app's OS keychain, which is not available here: open the folder with the desktop app, signed in as the same OS user.",
    );
  }
  if (fs.existsSync(file)) return checked(protector.unprotect(fs.readFileSync(file)), file);
  if (protector === fileKeyProtector || !fs.existsSync(plain)) return null;
  // A key made by the browser shell or the CLI moves under the OS keychain on first Electron start,
  // so what was encrypted before stays readable.
  const key = checked(fs.readFileSync(plain), plain);
  writePrivateFileDurably(file, protector.protect(key));
  fs.rmSync(plain);
  return key;
}

function checked(key: Buffer, file: string): Buffer {
  if (key.length !== 32) throw new Error(`The data key ${file} is damaged (wrong length).`);
  return key;
}

export function loadDataKey(dataDir: string, protector: KeyProtector = fileKeyProtector): Buffer {
  const existing = readDataKey(dataDir, protector);
  if (existing) return existing;
  const key = randomBytes(32);
  // On disk (fsynced) before anything is encrypted with it: a lost key is lost data.
  writePrivateFileDurably(keyFile(dataDir, protector), protector.protect(key));
  return key;
}
