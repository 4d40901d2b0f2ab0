// Runs in: Electron main process, tests (Electron's safeStorage is passed in, so plain Node can run it).
// The data key's protection under Electron: wrapped by the OS keychain (DPAPI, Keychain,
// libsecret/kwallet) through safeStorage. Where there is none, there is no keychain protector: the
// key is a file in the data folder, and the app says so on screen (app.info keyStorage). Linux
// without a secret store "encrypts" with a password built into Chromium (backend basic_text):
// that is no better than a file, so it is reported as one, though the key stays wrapped so a
// folder made that way still opens.
import type { KeyProtector } from '../platform/data-key';

/** The part of Electron's safeStorage used here. */
export interface SafeStorage {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  getSelectedStorageBackend?(): string;
}

export function keychainProtector(
  safeStorage: SafeStorage,
  platform: NodeJS.Platform = process.platform,
): KeyProtector | undefined {
  if (!safeStorage.isEncryptionAvailable()) return undefined;
  const builtInPassword = platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text';
  return {
    name: builtInPassword ? 'basic-text' : 'os-keychain',
    protect: (key) => safeStorage.encryptString(key.toString('base64')),
    unprotect: (blob) => Buffer.from(safeStorage.decryptString(blob), 'base64'),
  };
}
