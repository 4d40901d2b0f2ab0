// Runs in: vitest (Node, real SQLite file, real HTTP on 127.0.0.1). An update never interrupts a
// case: with an officer mid-case (a case opened through the router, not yet decided) or a face
// check running, nothing installs, not by an admin's "install now", not at the quiet hour; the
// officer's sign-out is the moment it installs. Each install is audited with its reason.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../main/app-context';
import { portByCode, serviceDateAt } from '../../../main/domain/ports';
import { createRouter, type Router } from '../../../main/ipc/router';
import { NodeUpdateBackend } from '../../../main/update/node-backend';
import { createUpdateService } from '../../../main/update/updates';
import { testApp } from '../../helpers/app';
import { applicant } from '../../helpers/memory-feed';
import { seedPortDay } from '../../helpers/port-day';
import { releaseFolder, type ReleaseFolder } from '../../helpers/releases';
import { signInUsers } from '../../helpers/sessions';

let app: AppContext | undefined;
let releases: ReleaseFolder | undefined;
afterEach(async () => {
  await app?.close();
  await releases?.server.close();
});

const TODAY = serviceDateAt(portByCode('SYS')!);

/** A console at SYS on 0.1.0 with A0..A1 today, an officer on 'officer' and the admin on 'a', 0.2.0 downloaded. */
async function consoleWithUpdate(o: { quietHourAt?: Date } = {}) {
  releases = await releaseFolder();
  await releases.publish('0.2.0');
  app = testApp();
  app.demo = { port: 'SYS', feedUrl: '', publisherKeys: {} };
  seedPortDay(app.db, 'SYS', TODAY, [applicant(0, { photo: null }), applicant(1, { photo: null })]);
  app.settings.update({ updateFeedUrl: releases.server.url, updateQuietHour: 3 });
  const installs: string[] = [];
  const a = app;
  app.updates = createUpdateService(a, {
    currentVersion: '0.1.0',
    backend: new NodeUpdateBackend({
      cacheDir: path.join(a.dataDir, 'updates'),
      platform: 'linux',
      arch: 'x64',
      onInstall: (file) => installs.push(file),
    }),
    timeZone: () => 'UTC',
    clock: () => o.quietHourAt ?? new Date('2026-11-22T03:30:00Z'),
  });
  const route = createRouter(app);
  await signInUsers(route, [
    { username: 'u.officer', displayName: 'Officer', role: 'officer', connection: 'officer' },
  ]);
  const checked = await route('update.check', {}, 'a');
  expect(checked).toMatchObject({ ok: true, value: { available: { version: '0.2.0', inStage: true } } });
  await app.updates.settled();
  expect(app.updates.status().phase).toBe('downloaded');
  return { route, installs };
}

const installAudits = () =>
  app!.audit
    .recent(50)
    .filter((e) => e.action === 'update.install')
    .map((e) => ({ actor: e.actor, subject: e.subject, details: e.details }));

async function openCase(route: Router, applicantId = 'A0') {
  expect(await route('applicant.get', { applicantId }, 'officer')).toMatchObject({ ok: true });
  expect(app!.updates.status().busy).toEqual({ openCases: 1, verifications: 0 });
}

describe('install policy', () => {
  it('no install while a case is open: not by "install now", not at the quiet hour; then at sign-out', async () => {
    const { route, installs } = await consoleWithUpdate();
    await openCase(route);
    const now = await route('update.installNow', {}, 'a');
    expect(now).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(!now.ok && now.error.message).toMatch(/^Not now: a case is open on this console\./);
    expect(app!.updates.tick()).toBe(false); // 03:30 UTC is the quiet hour
    expect(installs).toEqual([]);
    expect(app!.updates.status().phase).toBe('downloaded');

    expect(await route('auth.signOut', {}, 'officer')).toMatchObject({
      ok: true,
      value: { signedOut: true },
    });
    expect(installs).toHaveLength(1);
    expect(app!.updates.status().phase).toBe('installing');
    expect(installAudits()).toEqual([
      { actor: 'system', subject: 'version:0.2.0', details: { from: '0.1.0', reason: 'sign-out' } },
    ]);
  });

  it('a running face check holds the install back as an open case does', async () => {
    const { route, installs } = await consoleWithUpdate();
    const done = app!.cases.verificationStarted();
    const r = await route('update.installNow', {}, 'a');
    expect(!r.ok && r.error.message).toMatch(/^Not now: a face check is running/);
    expect(await route('auth.signOut', {}, 'officer')).toMatchObject({ ok: true });
    expect(installs).toEqual([]);
    done();
    expect(app!.updates.tick()).toBe(true);
    expect(installs).toHaveLength(1);
    expect(installAudits()[0]?.details).toEqual({ from: '0.1.0', reason: 'quiet-hour' });
  });

  it('face.verify counts as a verification from its call until it has ended, however it ends', async () => {
    const { route } = await consoleWithUpdate();
    // Not awaited yet: the handler has started (the router runs it before its first await).
    const pending = route(
      'face.verify',
      { applicantId: 'A1', imageBase64: 'bm90IGEgcGljdHVyZQ==' },
      'officer',
    );
    expect(app!.updates.status().busy.verifications).toBe(1);
    expect(await route('update.installNow', {}, 'a')).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    await pending;
    expect(app!.updates.status().busy.verifications).toBe(0);
  });

  it('a decided case is no longer open: the admin may install now, with nobody mid-case', async () => {
    const { route, installs } = await consoleWithUpdate({ quietHourAt: new Date('2026-11-22T12:00:00Z') });
    await openCase(route);
    const done = await route(
      'encounter.complete',
      { applicantId: 'A0', disposition: 'processed', arrivedAt: new Date().toISOString() },
      'officer',
    );
    expect(done).toMatchObject({ ok: true });
    // The case view reads the decided case again (its decision shows): that is not mid-case.
    expect(await route('applicant.get', { applicantId: 'A0' }, 'officer')).toMatchObject({ ok: true });
    expect(app!.updates.status().busy).toEqual({ openCases: 0, verifications: 0 });
    expect(app!.updates.tick()).toBe(false); // not the quiet hour
    expect(installs).toEqual([]);
    const r = await route('update.installNow', {}, 'a');
    expect(r).toMatchObject({ ok: true, value: { phase: 'installing', downloadedVersion: '0.2.0' } });
    expect(installs).toHaveLength(1);
    expect(installAudits()).toEqual([
      { actor: 'site.admin', subject: 'version:0.2.0', details: { from: '0.1.0', reason: 'admin' } },
    ]);
  });

  it('only admins see or start updates', async () => {
    const { route } = await consoleWithUpdate();
    for (const channel of ['update.status', 'update.check', 'update.installNow', 'update.fleet'])
      expect(await route(channel, {}, 'officer')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
