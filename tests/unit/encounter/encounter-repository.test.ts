// Runs in: vitest (Node, real SQLite file). An applicant's decisions come back with their upload
// state in one query (a join on the outbox, not a query per decision), and encounter.list and
// encounter.complete show it through the router.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppContext } from '../../../main/app-context';
import {
  EncounterRepository,
  toEncounterView,
  type EncounterRow,
} from '../../../main/encounter/encounter-repository';
import { createRouter } from '../../../main/ipc/router';
import { Outbox } from '../../../main/sync/outbox';
import { applicant } from '../../helpers/memory-feed';
import { testApp } from '../../helpers/app';
import { signInUsers } from '../../helpers/sessions';
import { seedPortDay } from '../../helpers/port-day';

let app: AppContext | undefined;
afterEach(() => app?.close());

const DAY = '2026-11-22';

const seed = (a: AppContext) =>
  seedPortDay(
    a.db,
    'SYS',
    DAY,
    [0, 1].map((i) => applicant(i, { photo: null })),
  );

const row = (clientId: string, applicantId: string, completedAt: string, supersedes: string | null = null) =>
  ({
    client_id: clientId,
    applicant_id: applicantId,
    appointment_id: `AP${applicantId.slice(1)}`,
    officer: 'ofc.lee',
    booth: 'Booth 1',
    arrived_at: completedAt,
    completed_at: completedAt,
    disposition: 'processed',
    note: '',
    verification_id: null,
    flags_acknowledged: '[]',
    supersedes,
  }) satisfies EncounterRow;

describe('encounter repository', () => {
  it("returns an applicant's encounters in completion order with their upload state, in one query", async () => {
    app = testApp();
    seed(app);
    const repo = new EncounterRepository(app.db);
    const outbox = new Outbox(app.db);
    // E1 acknowledged by the server, E2 waiting, E3 without an outbox row; E9 is someone else's.
    repo.insert(row('E2', 'A0', '2026-11-22T15:20:00Z', 'E1'));
    repo.insert(row('E1', 'A0', '2026-11-22T15:10:00Z'));
    repo.insert(row('E3', 'A0', '2026-11-22T15:30:00Z'));
    repo.insert(row('E9', 'A1', '2026-11-22T15:15:00Z'));
    for (const id of ['E1', 'E2', 'E9'])
      outbox.enqueue('encounter', id === 'E9' ? 'A1' : 'A0', { note: '' }, id);
    await outbox.flush(async (payloads) =>
      payloads
        .map((p) => (p as { clientId: string }).clientId)
        .filter((id) => id === 'E1')
        .map((clientId) => ({ clientId, receivedAt: '2026-11-22T15:11:00Z', duplicate: false })),
    );

    const prepare = vi.spyOn(app.db, 'prepare');
    const rows = repo.forApplicant('A0');
    expect(prepare).toHaveBeenCalledTimes(1);
    prepare.mockRestore();

    expect(rows.map((r) => [r.client_id, r.acked_at !== null])).toEqual([
      ['E1', true],
      ['E2', false],
      ['E3', false],
    ]);
    const view = { disposition: 'processed', officer: 'ofc.lee', note: '' };
    expect(rows.map(toEncounterView)).toEqual([
      { ...view, clientId: 'E1', completedAt: '2026-11-22T15:10:00Z', supersedes: null, uploaded: true },
      { ...view, clientId: 'E2', completedAt: '2026-11-22T15:20:00Z', supersedes: 'E1', uploaded: false },
      { ...view, clientId: 'E3', completedAt: '2026-11-22T15:30:00Z', supersedes: null, uploaded: false },
    ]);
    expect(repo.get('E1')).toMatchObject({ client_id: 'E1', acked_at: expect.any(String) });
    expect(repo.get('nope')).toBeUndefined();
    expect(repo.applicantOf('E9')).toBe('A1');
    expect(repo.applicantOf('nope')).toBeUndefined();
    expect(repo.forApplicant('A9')).toEqual([]);
  });

  it('encounter.complete and encounter.list show the decision waiting for upload, then uploaded', async () => {
    app = testApp();
    seed(app);
    const route = createRouter(app);
    await signInUsers(route, [{ username: 'ofc.lee', displayName: 'Lee', role: 'officer', connection: 'o' }]);

    const done = await route(
      'encounter.complete',
      { applicantId: 'A0', disposition: 'processed', arrivedAt: '2026-11-22T15:00:00Z' },
      'o',
    );
    expect(done).toMatchObject({
      ok: true,
      value: { disposition: 'processed', officer: 'ofc.lee', note: '', uploaded: false },
    });
    const clientId = (done as { ok: true; value: { clientId: string } }).value.clientId;
    expect(await route('encounter.list', { applicantId: 'A0' }, 'o')).toEqual({
      ok: true,
      value: [expect.objectContaining({ clientId, uploaded: false })],
    });

    await new Outbox(app.db).flush(async (payloads) =>
      payloads.map((p) => ({
        clientId: (p as { clientId: string }).clientId,
        receivedAt: '2026-11-22T15:06:00Z',
        duplicate: false,
      })),
    );
    expect(await route('encounter.list', { applicantId: 'A0' }, 'o')).toEqual({
      ok: true,
      value: [expect.objectContaining({ clientId, uploaded: true })],
    });
    expect(await route('encounter.list', { applicantId: 'A1' }, 'o')).toEqual({ ok: true, value: [] });
  });
});
