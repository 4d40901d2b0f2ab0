// Runs in: vitest (Node, real worker threads, real ONNX inference). Closing the face pool while it
// works: a worker stopped in the middle of an ONNX run or a sharp decode aborts the whole process
// ("terminate called after throwing an instance of 'Napi::Error'"), which is how a console quitting
// during a background enrolment died, and a test process with it. So close() lets the running
// analyses finish, refuses the ones still waiting, and only then stops the workers.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { FacePool } from '../../../main/face/pool';

const PHOTO = path.join(__dirname, '../../fixtures/face-pairs/s1f0_base.jpg');
const photo = fs.readFileSync(PHOTO);

describe('closing the face pool while it works', () => {
  it('finishes the running analysis, refuses the waiting ones, then refuses new work', async () => {
    const pool = new FacePool({ workers: 1 });
    await pool.info();
    const running = pool.analyze(photo);
    const waiting = [pool.analyze(photo), pool.analyze(photo)];
    expect(pool.queueSize).toBe(2);
    const closed = pool.close();
    expect(pool.close()).toBe(closed); // a second close waits for the same end
    const refused = waiting.map((w) => expect(w).rejects.toThrow('face pool is closed'));
    expect((await running).ok).toBe(true);
    await Promise.all(refused);
    await closed;
    await expect(pool.analyze(photo)).rejects.toThrow('face pool is closed');
  });

  it('lets a process exit cleanly when it closes the pool in the middle of an enrolment', () => {
    // A child process, because an abort takes the whole process with it. It stops as soon as the
    // first result is in, with more running and queued, the way a console is quit mid-enrolment.
    const script = `
      const fs = require('node:fs');
      const { FacePool } = require(${JSON.stringify(path.join(__dirname, '../../../main/face/pool.ts'))});
      const { enrolPhotos } = require(${JSON.stringify(path.join(__dirname, '../../../main/face/enrol.ts'))});
      const pool = new FacePool({ workers: 2 });
      const bytes = fs.readFileSync(${JSON.stringify(PHOTO)});
      const items = Array.from({ length: 40 }, (_, i) => ({ id: String(i), bytes }));
      let closing = null;
      enrolPhotos(pool, items, { onResult: () => { closing ??= pool.close().then(() => process.exit(0)); } })
        .catch((e) => { if (!/face pool is closed/.test(e.message)) { console.error(e); process.exit(2); } });
    `;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], {
      encoding: 'utf8',
      cwd: path.join(__dirname, '../../..'),
    });
    expect(child.stderr).not.toMatch(/terminate called|Napi::Error/);
    expect(child.signal).toBeNull();
    expect(child.status).toBe(0);
  });
});
