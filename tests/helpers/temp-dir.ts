// Runs in: tests (Node).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function tempDir(prefix = 'arrivals-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function fileHash(file: string): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('node:crypto').createHash('sha256').update(fs.readFileSync(file)).digest('hex') as string;
}
