// Runs in: vitest (Node, real SQLite file, real ONNX models in the face workers). How identity is
// confirmed before a decision, through the router: "processed" for a person with a submitted
// photo needs a face result or a recorded manual identity check; the manual check is recorded as
// such (document inspected, reason, the attempts before it); blind-first mode stores the
// officer's own judgement beside the score and shows the score only after it.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../main/app-context';
import { PROCESSED_NEEDS_CHECK } from '../../../main/encounter/encounter-service';
import { createRouter, type Router } from '../../../main/ipc/router';
import { applicant, sha } from '../../helpers/memory-feed';
import { testApp } from '../../helpers/app';
import { signInUsers } from '../../helpers/sessions';
import { seedPortDay } from '../../helpers/port-day';

const FIX = path.join(__dirname, '../../fixtures/face-pairs');
const photo = (f: string) => fs.readFileSync(path.join(FIX, f));
const b64 = (b: Buffer) => b.toString('base64');

const DAY = '2026-11-22';
/** A0..A3 submitted photos of four different people; A4 submitted none. */
const SUBMITTED = ['s1f0_base.jpg', 's2f0_base.jpg', 's3f0_base.jpg', 's4f0_base.jpg'];

let app: AppContext;
let route: Router;

type Ok<T> = { ok: true; value: T };
async function ok<T = Record<string, unknown>>(channel: string, payload: unknown, who = 'o'): Promise<T> {
  const r = await route(channel, payload, who);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return (r as Ok<T>).value;
}
const refused = async (channel: string, payload: unknown, who = 'o') => {
  const r = await route(channel, payload, who);
  expect(r.ok, `${channel} should be refused`).toBe(false);
  return (r as { ok: false; error: { code: string; message: string } }).error;
};

interface Verify {
  verificationId: number;
  band: string | null;
  score: number | null;
  blind: boolean;
  judgement: string | null;
  explanation: string[];
  attempts: { total: number; unsuccessful: number; manualCheckOffered: boolean };
}
const verify = (applicantId: string, capture: Buffer) =>
  ok<Verify>('face.verify', { applicantId, imageBase64: b64(capture) });
const complete = (applicantId: string, extra: Record<string, unknown>) =>
  route(
    'encounter.complete',
    { applicantId, arrivedAt: `${DAY}T15:00:00Z`, disposition: 'processed', ...extra },
    'o',
  );
const outboxPayload = (applicantId: string) =>
  (
    app.db
      .prepare('SELECT payload FROM outbox WHERE applicant_id = ? ORDER BY rowid DESC LIMIT 1')
      .get(applicantId) as { payload: string } | undefined
  )?.payload;
const audited = (action: string) => app.audit.recent(200).filter((e) => e.action === action);

beforeAll(async () => {
  app = testApp();
  const people = [...SUBMITTED.map((f) => photo(f)), null].map((bytes, i) =>
    applicant(i, {
      groupId: `G${i}`,
      photo: bytes ? { sha256: sha(bytes), capturedAt: `${DAY}T10:00:00Z`, width: 256, height: 256 } : null,
    }),
  );
  seedPortDay(app.db, 'SYS', DAY, people);
  SUBMITTED.forEach((f) => app.photos.put(sha(photo(f)), photo(f)));
  route = createRouter(app);
  await signInUsers(route, [
    { username: 'ofc.lee', displayName: 'Lee', role: 'officer', connection: 'o' },
    { username: 'ofc.kim', displayName: 'Kim', role: 'officer', connection: 'k' },
  ]);
}, 120_000);

afterAll(async () => {
  await app.face.close();
  await app.close();
});

describe('the Processed rule', () => {
  it('refuses "processed" for a person with a photo and no face result, and records nothing', async () => {
    const before = (app.db.prepare('SELECT COUNT(*) AS n FROM encounters').get() as { n: number }).n;
    const r = await complete('A0', {});
    expect(r).toEqual({ ok: false, error: { code: 'CONFLICT', message: PROCESSED_NEEDS_CHECK } });
    // A comparison that gave no result (no face in the picture) is not a face result either.
    const none = await verify('A0', Buffer.from('not a picture at all'));
    expect(none.band).toBeNull();
    expect(await complete('A0', { verificationId: none.verificationId })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect((app.db.prepare('SELECT COUNT(*) AS n FROM encounters').get() as { n: number }).n).toBe(before);
    expect(outboxPayload('A0')).toBeUndefined();
    // Other decisions, and a person who submitted no photo, need no face result.
    expect((await complete('A4', {})).ok).toBe(true);
    expect((await complete('A0', { disposition: 'identity_not_confirmed' })).ok).toBe(true);
  }, 120_000);

  it('accepts "processed" with a face result for this applicant, and uploads what it rested on', async () => {
    const v = await verify('A0', photo('s1f0_light.jpg'));
    expect(v).toMatchObject({ band: 'MATCH', blind: false, judgement: null });
    expect(v.score).toBeGreaterThan(0);
    // Someone else's comparison is not this applicant's face result.
    expect(await complete('A1', { verificationId: v.verificationId })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    const done = await complete('A0', { verificationId: v.verificationId });
    expect(done).toMatchObject({ ok: true, value: { disposition: 'processed' } });
    const upload = JSON.parse(outboxPayload('A0')!) as { verification: Record<string, unknown> };
    expect(upload.verification).toMatchObject({
      band: 'MATCH',
      score: v.score,
      blind: false,
      judgement: null,
    });
    expect(upload.verification).not.toHaveProperty('manualCheck');
    expect(await ok('encounter.identity', { applicantId: 'A0' })).toMatchObject({
      hasPhoto: true,
      faceResult: { id: v.verificationId, band: 'MATCH', judgement: null },
      manualCheck: null,
    });
  }, 120_000);
});

describe('the manual identity check', () => {
  it('is offered after three comparisons without a match and recorded as such, with the reason', async () => {
    const other = photo('s1f0_base.jpg'); // A0's face, compared with A1's submitted photo
    const seen: Verify['attempts'][] = [];
    for (let i = 0; i < 3; i++) {
      const v = await verify('A1', other);
      expect(v.band).toBe('NO_MATCH');
      seen.push(v.attempts);
    }
    expect(seen).toEqual([
      { total: 1, unsuccessful: 1, manualCheckOffered: false },
      { total: 2, unsuccessful: 2, manualCheckOffered: false },
      { total: 3, unsuccessful: 3, manualCheckOffered: true },
    ]);
    // The document must have been inspected, and a reason given.
    expect(
      (await refused('encounter.manualCheck', { applicantId: 'A1', documentInspected: false, reason: 'x' }))
        .code,
    ).toBe('INVALID_REQUEST');
    expect(
      (await refused('encounter.manualCheck', { applicantId: 'A1', documentInspected: true, reason: '   ' }))
        .code,
    ).toBe('INVALID_REQUEST');
    expect(
      (await refused('encounter.manualCheck', { applicantId: 'A9', documentInspected: true, reason: 'seen' }))
        .code,
    ).toBe('NOT_FOUND');
    const reason = 'Passport photo and person match; booking selfie is several years old.';
    const check = await ok<{ id: number; attempts: number; unsuccessful: number; officer: string }>(
      'encounter.manualCheck',
      { applicantId: 'A1', documentInspected: true, reason: `  ${reason}  ` },
    );
    expect(check).toMatchObject({ officer: 'ofc.lee', reason, attempts: 3, unsuccessful: 3 });
    expect(
      app.db
        .prepare('SELECT document_inspected, reason, attempts FROM manual_checks WHERE id = ?')
        .get(check.id),
    ).toEqual({ document_inspected: 1, reason, attempts: 3 });
    expect(audited('identity.manual_check').at(0)).toMatchObject({
      actor: 'ofc.lee',
      subject: 'applicant:A1',
      details: { manualCheckId: check.id, documentInspected: true, reason, attempts: 3, unsuccessful: 3 },
    });
    expect(await ok('encounter.identity', { applicantId: 'A1' })).toMatchObject({
      attempts: { total: 3, unsuccessful: 3, manualCheckOffered: true },
      manualCheck: { id: check.id, reason },
    });

    // Someone else's manual check is not this applicant's.
    expect(await complete('A2', { manualCheckId: check.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    // Referred with the reason; the decision names the check, and so does its upload.
    const referred = await complete('A1', {
      disposition: 'referred_secondary',
      manualCheckId: check.id,
      note: 'Face did not match three times; refer.',
    });
    expect(referred).toMatchObject({ ok: true, value: { disposition: 'referred_secondary' } });
    expect(app.db.prepare("SELECT manual_check_id FROM encounters WHERE applicant_id = 'A1'").get()).toEqual({
      manual_check_id: check.id,
    });
    const upload = JSON.parse(outboxPayload('A1')!) as { verification: Record<string, unknown> };
    expect(upload.verification).toEqual({
      manualCheck: { documentInspected: true, reason, attempts: 3, unsuccessful: 3, at: expect.any(String) },
    });
    // A manual check alone also lets the officer complete the case as processed.
    expect((await complete('A1', { manualCheckId: check.id })).ok).toBe(true);
  }, 180_000);
});

describe('blind-first mode', () => {
  it("stores the officer's judgement beside the score and shows the score only after it", async () => {
    expect((await route('settings.update', { blindFirst: true }, 'a')).ok).toBe(true);
    try {
      const v = await verify('A2', photo('s3f0_light.jpg'));
      // Nothing that hints at the result before the judgement.
      expect(v).toMatchObject({ blind: true, judgement: null, band: null, score: null, explanation: [] });
      const row = app.db
        .prepare('SELECT band, score, blind, judgement FROM verifications WHERE id = ?')
        .get(v.verificationId) as { band: string; score: number; blind: number; judgement: null };
      expect(row).toMatchObject({ band: 'MATCH', blind: 1, judgement: null });
      expect(row.score).toBeGreaterThan(0);
      // Not a face result until judged.
      expect(await complete('A2', { verificationId: v.verificationId })).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', message: PROCESSED_NEEDS_CHECK },
      });
      expect(await ok('encounter.identity', { applicantId: 'A2' })).toMatchObject({ faceResult: null });
      // Only the officer who captured may judge it.
      expect(
        (await refused('face.judge', { verificationId: v.verificationId, judgement: 'same' }, 'k')).code,
      ).toBe('NOT_FOUND');

      const judged = await ok<Verify>('face.judge', {
        verificationId: v.verificationId,
        judgement: 'unsure',
      });
      expect(judged).toMatchObject({ blind: true, judgement: 'unsure', band: 'MATCH', score: row.score });
      expect(judged.explanation.join(' ')).toContain('MATCH threshold');
      expect(
        app.db
          .prepare('SELECT judgement, judged_at IS NOT NULL AS at FROM verifications WHERE id = ?')
          .get(v.verificationId),
      ).toEqual({ judgement: 'unsure', at: 1 });
      expect(audited('face.judge').at(0)).toMatchObject({
        actor: 'ofc.lee',
        details: { verificationId: v.verificationId, judgement: 'unsure', band: 'MATCH', score: row.score },
      });
      expect(
        (await refused('face.judge', { verificationId: v.verificationId, judgement: 'same' })).code,
      ).toBe('CONFLICT');
      const done = await complete('A2', { verificationId: v.verificationId });
      expect(done.ok).toBe(true);
      const upload = JSON.parse(outboxPayload('A2')!) as { verification: Record<string, unknown> };
      expect(upload.verification).toMatchObject({ band: 'MATCH', blind: true, judgement: 'unsure' });

      // A comparison with no score has nothing to withhold.
      const none = await verify('A3', Buffer.from('still not a picture'));
      expect(none).toMatchObject({ blind: false, band: null });
      expect(
        (await refused('face.judge', { verificationId: none.verificationId, judgement: 'same' })).code,
      ).toBe('CONFLICT');
    } finally {
      await route('settings.update', { blindFirst: false }, 'a');
    }
    // Off again: scores show at once.
    const after = await verify('A3', photo('s4f0_light.jpg'));
    expect(after).toMatchObject({ blind: false, judgement: null });
    expect(after.band).not.toBeNull();
    expect(after.score).not.toBeNull();
  }, 180_000);
});
