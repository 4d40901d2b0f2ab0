// Runs in: tests (Node, real models for the face bands). The settings service on a real SQLite
// file: each change checked, audited with what it changed and read where it applies (the face
// bands on the next verification, the booth name on the next encounter); the site's connection
// written to config.json for the next start, its keys checked and fingerprinted.
import fs from 'node:fs';
import { generateKeyPairSync } from 'node:crypto';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../main/app-context';
import { generateSigningKey } from '../../../main/feed/signing';
import { FacePool } from '../../../main/face/pool';
import { verifyCapture } from '../../../main/face/verify';
import { configPath, loadSiteConfig } from '../../../main/platform/config';
import {
  currentModelVersion,
  effectiveBooth,
  faceBandsFor,
  inspectPublisherKey,
  siteView,
  updateSettings,
  updateSite,
} from '../../../main/platform/settings-service';
import { testApp } from '../../helpers/app';

let app: AppContext;
afterEach(() => app?.close());

const lastAudit = () => app.audit.recent(1)[0]!;

describe('site settings', () => {
  it('stores each setting, audits only what changed, and keeps the update settings for the updater', async () => {
    app = testApp();
    expect(app.settings.get()).toMatchObject({
      updateChannel: 'stable',
      updateQuietHour: null,
      updateFeedUrl: null,
    });
    updateSettings(app, 'adm.one', {
      idleLockMinutes: 10,
      retentionDays: 14,
      updateChannel: 'beta',
      updateQuietHour: 3,
      updateFeedUrl: 'https://updates.example.gov/arrivals/',
      boothName: 'Booth 7',
    });
    expect(lastAudit()).toMatchObject({
      actor: 'adm.one',
      action: 'settings.update',
      details: {
        changed: ['retentionDays', 'updateChannel', 'updateQuietHour', 'updateFeedUrl', 'boothName'],
        before: { retentionDays: 30, boothName: null, updateChannel: 'stable' },
        after: { retentionDays: 14, boothName: 'Booth 7', updateQuietHour: 3 },
      },
    });
    // Read back as the services read them, after a restart.
    const dir = app.dataDir;
    await app.close();
    app = testApp(dir);
    expect(app.settings.get()).toMatchObject({
      retentionDays: 14,
      updateChannel: 'beta',
      updateQuietHour: 3,
      updateFeedUrl: 'https://updates.example.gov/arrivals/',
    });
    expect(effectiveBooth(app)).toBe('Booth 7');
    const seq = lastAudit().seq;
    updateSettings(app, 'adm.one', { updateQuietHour: null, updateChannel: 'beta' });
    expect(app.settings.get().updateQuietHour).toBeNull();
    expect(lastAudit()).toMatchObject({ seq: seq + 1, details: { changed: ['updateQuietHour'] } });
  });

  it('refuses face bands in the wrong order or for another model, and applies them to that model only', () => {
    app = testApp();
    const model = currentModelVersion();
    expect(() =>
      updateSettings(app, 'adm.one', { faceBands: { modelVersion: model, match: 0.4, inconclusive: 0.42 } }),
    ).toThrow('The INCONCLUSIVE threshold (0.42) must be below the MATCH threshold (0.4).');
    expect(() =>
      updateSettings(app, 'adm.one', {
        faceBands: { modelVersion: 'old-model', match: 0.5, inconclusive: 0.4 },
      }),
    ).toThrow(/were set for model old-model, but this console runs/);
    expect(app.settings.get().faceBands).toBeNull();
    updateSettings(app, 'adm.one', { faceBands: { modelVersion: model, match: 0.5, inconclusive: 0.4 } });
    expect(faceBandsFor(app, model)).toMatchObject({ match: 0.5, inconclusive: 0.4 });
    expect(faceBandsFor(app, 'another-model')).toBeNull();
    expect(lastAudit()).toMatchObject({
      details: { changed: ['faceBands'], before: { faceBands: null }, after: { faceBands: { match: 0.5 } } },
    });
  });

  it('checks a pasted publisher key, writes the connection for the next start and says a restart is needed', async () => {
    app = testApp();
    const old = generateSigningKey('publisher-2026');
    const next = generateSigningKey('publisher-2027');
    const { fingerprint } = inspectPublisherKey(old.publicPem);
    expect(fingerprint).toMatch(/^([0-9a-f]{4} ){15}[0-9a-f]{4}$/);
    expect(() => inspectPublisherKey(old.privatePem)).toThrow(/^This is a private key/);
    expect(() =>
      inspectPublisherKey('-----BEGIN PUBLIC KEY-----\nnot a key\n-----END PUBLIC KEY-----'),
    ).toThrow(/not a public key in PEM form/);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({
      type: 'spki',
      format: 'pem',
    });
    expect(() => inspectPublisherKey(rsa.toString(), 'old-rsa')).toThrow(
      /^Key "old-rsa": this is an RSA key, not Ed25519/,
    );
    expect(siteView(app)).toMatchObject({
      mode: 'demo',
      saved: null,
      restartRequired: false,
      boothName: 'Booth 1',
    });

    const keys = [
      { keyId: 'publisher-2026', pem: old.publicPem },
      { keyId: 'publisher-2027', pem: next.publicPem },
    ];
    expect(() =>
      updateSite(app, 'adm.one', { port: 'XXX', feedUrl: 'https://f/', publisherKeys: keys }),
    ).toThrow('Port XXX is not one this console knows.');
    expect(() =>
      updateSite(app, 'adm.one', { port: 'ELP', feedUrl: 'https://f/', publisherKeys: [keys[0]!, keys[0]!] }),
    ).toThrow('Two keys are named "publisher-2026". Give each key its own name.');
    expect(fs.existsSync(configPath(app.dataDir))).toBe(false);

    const view = updateSite(app, 'adm.one', {
      port: 'ELP',
      feedUrl: 'https://feed.example.gov/',
      publisherKeys: keys,
    });
    expect(view).toMatchObject({ restartRequired: true, saved: { port: 'ELP' } });
    expect(view.saved!.publisherKeys.map((k) => k.keyId)).toEqual(['publisher-2026', 'publisher-2027']);
    expect(view.saved!.publisherKeys[0]!.fingerprint).toBe(fingerprint);
    expect(loadSiteConfig(app.dataDir)).toMatchObject({
      port: 'ELP',
      feedUrl: 'https://feed.example.gov/',
      publisherKeys: { 'publisher-2026': old.publicPem, 'publisher-2027': next.publicPem },
      booth: 'Booth 1',
    });
    expect(lastAudit()).toMatchObject({
      action: 'settings.site_update',
      details: { before: null, after: { port: 'ELP', keys: [{ keyId: 'publisher-2026', fingerprint }, {}] } },
    });
    // The next start runs on it; then nothing is pending.
    const dir = app.dataDir;
    await app.close();
    app = testApp(dir);
    expect(siteView(app)).toMatchObject({
      mode: 'configured',
      restartRequired: false,
      inForce: { port: 'ELP' },
    });
  });
});

describe('face bands in a verification (real models)', () => {
  const pairs = path.join(__dirname, '../../fixtures/face-pairs');
  const img = (f: string) => fs.readFileSync(path.join(pairs, f));
  const pool = new FacePool({ workers: 1 });
  afterAll(() => pool.close());

  it("a verification uses the admin's thresholds for the model in use, and says whose they are", async () => {
    app = testApp();
    // The same person, a little blurred: a MATCH under the calibration, below the highest MATCH allowed.
    const pair = () => [img('s1f0_blur.jpg'), { bytes: img('s1f0_base.jpg') }] as const;
    const plain = await verifyCapture(pool, ...pair());
    expect(plain.band).toBe('MATCH');
    const score = plain.score!;
    expect(score).toBeLessThan(0.95);
    updateSettings(app, 'adm.one', {
      faceBands: { modelVersion: plain.modelVersion, match: 0.95, inconclusive: 0.3 },
    });
    const bands = (mv: string) => faceBandsFor(app, mv);
    const r = await verifyCapture(pool, ...pair(), bands);
    expect(r.score).toBe(score);
    expect(r.band).toBe('INCONCLUSIVE');
    expect(r.thresholds).toMatchObject({
      inconclusive: 0.3,
      source: `set by an administrator for model ${plain.modelVersion}`,
    });
  });
});
