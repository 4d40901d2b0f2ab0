// The background work yields to the first screen, but never holds up what needs it: the port is
// named at once, and a sync asked for before the first screen starts the feed right away.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Activity, firstScreenGate, startBackground, type Background } from '../../../main/background';
import { syncStatus } from '../../../main/sync/status';
import { testApp } from '../../helpers/app';
import type { AppContext } from '../../../main/app-context';

let app: AppContext;
let bg: Background | undefined;
const env = { ...process.env };

beforeEach(() => {
  process.env.ARRIVALS_DEMO_SIZE = '40';
  app = testApp();
  // The face workers are not under test here (and would load models on both cores).
  app.face.enrolPending = async () => undefined;
});
afterEach(async () => {
  await bg?.stop();
  bg = undefined;
  await app.close();
  process.env = { ...env };
});

const never = new Promise<void>(() => undefined);

describe('background start', () => {
  it('waits for the first screen; the demo port is named before it', async () => {
    let open!: () => void;
    bg = startBackground(app, { firstScreen: new Promise<void>((r) => (open = r)), capMs: 60_000 });
    expect(syncStatus(app)).toMatchObject({ port: { code: 'SYS' }, mode: 'demo' });
    expect(app.sync).toBeDefined();
    // Several turns of the event loop later, still nothing has started.
    for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
    expect(bg.demo).toBeNull();
    expect(app.demo?.feedUrl).toBeNull();
    // No address until the feed serves: a caller never gets an empty one to build URLs on.
    expect(syncStatus(app).feedUrl).toBeNull();
    open();
    await bg.started;
    expect(bg.demo?.feedUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+/);
    expect(app.demo?.feedUrl).toBe(bg.demo?.feedUrl);
    expect(syncStatus(app).feedUrl).toBe(bg.demo?.feedUrl);
  });

  it('a sync asked for before the first screen starts the feed at once instead of waiting', async () => {
    bg = startBackground(app, { firstScreen: never, capMs: 60_000 });
    await app.sync!.syncNow();
    // The attempt reached the demo feed (whatever it made of the data: not under test here).
    expect(bg.demo).not.toBeNull();
    expect(syncStatus(app).lastAttemptAt).not.toBeNull();
    expect(bg.demo!.server.requests).toBeGreaterThan(0);
  });

  it('starts after the cap when no first screen comes (no window opened)', async () => {
    bg = startBackground(app, { firstScreen: never, capMs: 20 });
    await bg.started;
    expect(bg.demo).not.toBeNull();
  });

  it('disabled: nothing starts, the first screen still names the port', async () => {
    bg = startBackground(app, { disabled: true });
    await bg.started;
    expect(bg.demo).toBeNull();
    expect(app.sync).toBeUndefined();
    expect(syncStatus(app).port?.code).toBe('SYS');
  });

  it('stop before the start ends cleanly and starts nothing', async () => {
    bg = startBackground(app, { firstScreen: never, capMs: 60_000 });
    await bg.stop();
    expect(bg.demo).toBeNull();
    bg = undefined;
  });
});

describe('first-screen gate', () => {
  it('opens shortly after app.info and auth.session have both been answered', async () => {
    const gate = firstScreenGate(0);
    let opened = false;
    void gate.reached.then(() => (opened = true));
    gate.served('users.list');
    gate.served('app.info');
    for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
    expect(opened).toBe(false);
    gate.served('auth.session');
    await gate.reached;
    expect(opened).toBe(true);
  });

  it('opens screenCapMs after the page was requested when no first screen follows', async () => {
    const gate = firstScreenGate(0, 10);
    gate.requested();
    await gate.reached;
  });
});

describe('activity: the background gives way to renderer calls', () => {
  it('is quiet only when no call is in flight and the last ended quietMs ago; sync.now does not count', () => {
    let now = 0;
    const a = new Activity(250, 2_000, () => now);
    expect(a.quiet).toBe(true);
    const end = a.begin('auth.signIn');
    expect(a.quiet).toBe(false);
    const endSync = a.begin('sync.now'); // waits for the background itself
    now = 1_000;
    expect(a.quiet).toBe(false);
    end();
    end(); // twice is once
    now = 1_249;
    expect(a.quiet).toBe(false);
    now = 1_250;
    expect(a.quiet).toBe(true);
    endSync();
    expect(a.quiet).toBe(true);
  });

  it('yield() waits for quiet, but never longer than maxWaitMs', async () => {
    const a = new Activity(0, 40);
    a.begin('queue.today'); // never ends
    const t = performance.now();
    await a.yield();
    expect(performance.now() - t).toBeGreaterThanOrEqual(35);
    const b = new Activity(0, 60_000);
    const end = b.begin('auth.signIn');
    let done = false;
    const p = b.yield().then(() => (done = true));
    for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
    expect(done).toBe(false);
    end();
    await p;
    expect(done).toBe(true);
  });
});
