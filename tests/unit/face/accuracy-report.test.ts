// Runs in: vitest (Node, real SQLite file). Face-match accuracy per model version: bands and the
// officers' decisions per model, broken down by sex and age band, small groups left unrated; the
// same report from `arrivals face report --json`.
import { Command } from 'commander';
import { describe, expect, it, vi } from 'vitest';
import { ageBand, faceAccuracyReport, MIN_GROUP_SIZE } from '../../../main/face/accuracy-report';
import { registerFaceCommands } from '../../../main/face/cli';
import { loadManifest } from '../../../main/face/model-manifest';
import { createAppContext, type AppContext } from '../../../main/app-context';
import { ManifestRepository } from '../../../main/sync/manifest-repository';
import { applicant } from '../../helpers/memory-feed';
import { tempDir } from '../../helpers/temp-dir';

const CURRENT = loadManifest().modelVersion;

/** 30 women born 1990, 10 men born 1950; verifications under two model versions; some decided. */
function seed(app: AppContext): void {
  const repo = new ManifestRepository(app.db);
  const records = Array.from({ length: 40 }, (_, i) =>
    applicant(i, { sex: i < 30 ? 'F' : 'M', dob: i < 30 ? '1990-05-01' : '1950-05-01', photo: null }),
  );
  repo.recordHeader(
    {
      port: 'SYS',
      serviceDate: '2026-11-22',
      version: 1,
      generatedAt: '2026-11-22T05:00:00Z',
      lastSeq: 1,
      recordCount: records.length,
    },
    'test',
  );
  repo.applyBatch({ port: 'SYS', serviceDate: '2026-11-22', seq: 1, prevSeq: 0, records }, 'feed');
  const verify = app.db.prepare(
    `INSERT INTO verifications (applicant_id, officer, at, capture_sha256, band, score, match_threshold, inconclusive_threshold, liveness, quality_reasons, model_version, total_ms)
     VALUES (?, 'officer', '2026-11-22T15:00:00Z', 'c', ?, 0.5, 0.47, 0.37, 0.9, '[]', ?, 20)`,
  );
  const encounter = app.db.prepare(
    `INSERT INTO encounters (client_id, applicant_id, appointment_id, officer, booth, arrived_at, completed_at, disposition, note, verification_id, flags_acknowledged, supersedes)
     VALUES (?, ?, 'AP', 'officer', 'B1', '2026-11-22T15:00:00Z', '2026-11-22T15:05:00Z', ?, '', ?, '[]', NULL)`,
  );
  for (let i = 0; i < 40; i++) {
    // Women: 27 MATCH, 2 NO_MATCH (one then processed by the officer), 1 without a result.
    const band = i < 27 ? 'MATCH' : i < 29 ? 'NO_MATCH' : i < 30 ? null : i < 38 ? 'MATCH' : 'INCONCLUSIVE';
    const id = Number(verify.run(`A${i}`, band, CURRENT).lastInsertRowid);
    if (i === 27) encounter.run(`E${i}`, `A${i}`, 'processed', id);
    if (i === 0) encounter.run(`E${i}`, `A${i}`, 'identity_not_confirmed', id);
  }
  verify.run('A1', 'MATCH', 'older-model-1');
}

describe('face accuracy report', () => {
  it('counts bands and officer decisions per model version, by sex and age band, rating only groups large enough', async () => {
    const app = createAppContext({ dataDir: tempDir(), shell: 'cli' });
    try {
      seed(app);
      const [current, older] = faceAccuracyReport(app.db, CURRENT);
      expect(current!.modelVersion).toBe(CURRENT);
      expect(current!.current).toBe(true);
      expect(current!.calibration).toMatchObject({
        calibrated: true,
        match: 0.4696,
        inconclusive: 0.3696,
        pairs: 1386,
      });
      expect(current!.field).toEqual({
        verifications: 40,
        match: 35,
        inconclusive: 2,
        noMatch: 2,
        noResult: 1,
        confirmedAfterNonMatch: 1,
        notConfirmedAfterMatch: 1,
      });
      const group = (d: string, g: string) => current!.groups.find((x) => x.dimension === d && x.group === g);
      expect(group('sex', 'female')).toMatchObject({
        verifications: 30,
        match: 27,
        noMatch: 2,
        noResult: 1,
        confirmedAfterNonMatch: 1,
        enough: true,
      });
      expect(group('sex', 'male')).toMatchObject({
        verifications: 10,
        match: 8,
        inconclusive: 2,
        enough: false,
      });
      expect(group('age', '30–44')).toMatchObject({ verifications: 30, enough: true });
      expect(group('age', '60 and over')).toMatchObject({ verifications: 10, enough: false });
      expect(MIN_GROUP_SIZE).toBe(20);
      // An older model's verifications are reported under it, with its own (missing) calibration.
      expect(older).toMatchObject({
        modelVersion: 'older-model-1',
        current: false,
        field: { verifications: 1, match: 1 },
        calibration: { calibrated: false },
      });
    } finally {
      await app.close();
    }
  });

  it('age bands follow the date of the verification', () => {
    expect(ageBand('2008-11-23', '2026-11-22T12:00:00Z')).toBe('under 18');
    expect(ageBand('2008-11-21', '2026-11-22T12:00:00Z')).toBe('18–29');
    expect(ageBand('1966-01-01', '2026-11-22T12:00:00Z')).toBe('60 and over');
    expect(ageBand('not a date', '2026-11-22T12:00:00Z')).toBe('unknown');
  });

  it('arrivals face report --json prints the same report', async () => {
    const dir = tempDir();
    const setup = createAppContext({ dataDir: dir, shell: 'cli' });
    seed(setup);
    await setup.close();
    const lines: string[] = [];
    const spy = vi
      .spyOn(console, 'log')
      .mockImplementation((...a: unknown[]) => void lines.push(a.join(' ')));
    try {
      const program = new Command().exitOverride();
      registerFaceCommands(program, (fn) => {
        const app = createAppContext({ dataDir: dir, shell: 'cli' });
        return Promise.resolve(fn(app)).finally(() => app.close());
      });
      await program.parseAsync(['node', 'arrivals', 'face', 'report', '--json']);
    } finally {
      spy.mockRestore();
    }
    const report = JSON.parse(lines.join('\n')) as ReturnType<typeof faceAccuracyReport>;
    expect(report.map((m) => m.modelVersion)).toEqual([CURRENT, 'older-model-1']);
    expect(report[0]!.field.verifications).toBe(40);
  });
});
