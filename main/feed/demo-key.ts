// Runs in: main process, CLI, reference feed server. The committed DEMO publisher key pair
// (resources/demo-keys/README.md): used only by the built-in demo and tests, never pinned in a
// real site's configuration.
import fs from 'node:fs';
import path from 'node:path';
import { resourcesDir } from '../platform/paths';
import type { PinnedKeys, SigningKey } from './signing';

export const DEMO_KEY_ID = 'publisher-demo-2026';

export function demoSigningKey(): SigningKey {
  return {
    keyId: DEMO_KEY_ID,
    privateKey: fs.readFileSync(path.join(resourcesDir(), 'demo-keys', `${DEMO_KEY_ID}.pem`), 'utf8'),
  };
}

export function demoPinnedKeys(): PinnedKeys {
  return {
    [DEMO_KEY_ID]: fs.readFileSync(path.join(resourcesDir(), 'demo-keys', `${DEMO_KEY_ID}.pub.pem`), 'utf8'),
  };
}
