// Runs in: tests (Node, a child process started with `node --import tsx`). Opens a data folder the
// way the app does and SIGKILLs itself right after the named step of encrypting its plain
// database: a real kill at a chosen point, not at a time.
import { openDatabase } from '../../main/db/database';
import type { EncryptionStep } from '../../main/db/encryption';

const [dir, killAt] = process.argv.slice(2) as [string, EncryptionStep];
openDatabase(dir, {
  onEncryptionStep: (step) => {
    if (step === killAt) process.kill(process.pid, 'SIGKILL');
  },
}).close();
console.log('opened without reaching the kill point');
