// Runs in: tests (Node, real worker threads). A console whose face models are missing answers a
// verification with what happened and what to do (compare by eye, tell an admin), never with
// "something went wrong"; and the comparison is not recorded as if it had been made.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AppContext } from '../../../main/app-context';
import { portByCode, serviceDateAt } from '../../../main/domain/ports';
import { createRouter } from '../../../main/ipc/router';
import { testApp } from '../../helpers/app';
import { applicant } from '../../helpers/memory-feed';
import { seedPortDay } from '../../helpers/port-day';
import { signInUsers } from '../../helpers/sessions';

let app: AppContext;
const logged: string[] = [];
const before = process.env.ARRIVALS_MODELS_DIR;

beforeAll(() => {
  // Read by each face worker when it starts: an empty folder, as on a console installed without them.
  process.env.ARRIVALS_MODELS_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'arrivals-no-models-'));
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void logged.push(args.join(' ')));
  app = testApp();
  app.demo = { port: 'SYS', feedUrl: null, publisherKeys: {} };
  seedPortDay(app.db, 'SYS', serviceDateAt(portByCode('SYS')!), [applicant(0)]);
});
afterAll(async () => {
  vi.restoreAllMocks();
  await app.close();
  if (before === undefined) delete process.env.ARRIVALS_MODELS_DIR;
  else process.env.ARRIVALS_MODELS_DIR = before;
});

describe('face engine without its models', () => {
  it('refuses a verification in words the officer can act on, and records none', async () => {
    const route = createRouter(app);
    await signInUsers(route, [
      { username: 'u.officer', displayName: 'Officer', role: 'officer', connection: 'officer' },
    ]);
    const r = await route(
      'face.verify',
      { applicantId: 'A0', imageBase64: 'bm90IGEgcGljdHVyZQ==' },
      'officer',
    );
    expect(r).toMatchObject({ ok: false, error: { code: 'FACE_ENGINE_UNAVAILABLE' } });
    const message = !r.ok ? r.error.message : '';
    expect(message).toMatch(/^The face engine cannot start on this console\. /);
    expect(message).toContain('Compare the person with the submitted photo by eye');
    // The technical cause is for the admin (logged by main, on Admin → Engine), not for the counter.
    expect(message).not.toMatch(/models|fetch-models|\//);
    expect(logged.join('\n')).toContain('face models not found');
    const count = (sql: string) => (app.db.prepare(sql).get() as { n: number }).n;
    expect(count('SELECT count(*) AS n FROM verifications')).toBe(0);
    expect(count("SELECT count(*) AS n FROM audit_log WHERE action = 'face.verify'")).toBe(0);
  });
});
