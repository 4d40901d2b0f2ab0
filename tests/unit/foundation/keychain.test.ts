// Runs in: tests (Node, real SQLite files). The data key under Electron (#14 item 11, last clause):
// wrapped by the OS keychain when safeStorage has one, so the folder holds no usable key file;
// without one (or with Linux's built-in-password fallback, basic_text) the key is a file and
// app.info says so, for the warning every signed-in user sees (tests/unit/renderer/app/routes.test.tsx).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppContext } from '../../../main/app-context';
import { createRouter } from '../../../main/ipc/router';
import { openDatabaseFile } from '../../../main/db/database';
import { keychainProtector, type SafeStorage } from '../../../main/shell/keychain';
import { tempDir } from '../../helpers/temp-dir';

/** A stand-in for Electron's safeStorage: XOR with a secret only "the OS" holds. */
function fakeSafeStorage(available: boolean, backend = 'gnome_libsecret'): SafeStorage {
  const mask = (b: Buffer) => Buffer.from(b.map((x, i) => x ^ ((0x5a + i) % 256)));
  return {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    encryptString: (s) => mask(Buffer.from(`wrapped:${s}`)),
    decryptString: (b) =>
      mask(b)
        .toString()
        .replace(/^wrapped:/, ''),
  };
}

async function keyStorageShown(dataDir: string, safe: SafeStorage, platform: NodeJS.Platform = 'linux') {
  const app = createAppContext({
    dataDir,
    shell: 'electron',
    keyProtector: keychainProtector(safe, platform),
  });
  try {
    const info = (await createRouter(app)('app.info', {}, 'electron-1')) as {
      ok: true;
      value: { keyStorage: string };
    };
    return { storage: info.value.keyStorage, files: fs.readdirSync(dataDir) };
  } finally {
    await app.close();
  }
}

describe('data key protection under Electron', () => {
  it('keeps the key wrapped by the OS keychain: no key file, and no warning', async () => {
    const dir = tempDir();
    const r = await keyStorageShown(dir, fakeSafeStorage(true));
    expect(r.storage).toBe('os-keychain');
    expect(r.files).toContain('data.key.protected');
    expect(r.files).not.toContain('data.key');
    // Without the keychain (a CLI, another process) the database stays shut, with a plain message.
    expect(() => openDatabaseFile(dir)).toThrow(/protected by the desktop app's OS keychain/);
  });

  it('says so when no keychain is available, and the key is a file', async () => {
    const dir = tempDir();
    const r = await keyStorageShown(dir, fakeSafeStorage(false));
    expect(r.storage).toBe('file');
    expect(r.files).toContain('data.key');
    expect(fs.statSync(path.join(dir, 'data.key')).mode & 0o777).toBe(0o600);
  });

  it("counts Linux's built-in-password fallback (basic_text) as a key file", async () => {
    const r = await keyStorageShown(tempDir(), fakeSafeStorage(true, 'basic_text'));
    expect(r.storage).toBe('file');
    // The same backend name elsewhere is not Linux's fallback.
    expect((await keyStorageShown(tempDir(), fakeSafeStorage(true, 'basic_text'), 'darwin')).storage).toBe(
      'os-keychain',
    );
  });

  it('moves a key file made by the browser shell under the keychain; the database still opens', async () => {
    const dir = tempDir();
    const browser = createAppContext({ dataDir: dir, shell: 'browser' });
    expect(browser.keyStorage).toBe('file');
    await browser.close();
    const r = await keyStorageShown(dir, fakeSafeStorage(true));
    expect(r.storage).toBe('os-keychain');
    expect(r.files).not.toContain('data.key');
    const db = openDatabaseFile(dir, {
      keyProtector: keychainProtector(fakeSafeStorage(true)),
      readonly: true,
    });
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThan(0);
    db.close();
  });
});
