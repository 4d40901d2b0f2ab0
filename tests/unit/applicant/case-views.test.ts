// Runs in: vitest (Node, real SQLite file). The booth's and the supervisor's reads through the
// router: today's queue at the console's port, one applicant's case, the flag review. Each shows
// names, so each is audited once per request.
import { afterEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../main/app-context';
import { portByCode, serviceDateAt } from '../../../main/domain/ports';
import { createRouter, type Router } from '../../../main/ipc/router';
import { applicant } from '../../helpers/memory-feed';
import { testApp } from '../../helpers/app';
import { signInUsers } from '../../helpers/sessions';
import { seedPortDay } from '../../helpers/port-day';

let app: AppContext | undefined;
afterEach(() => app?.close());

const TODAY = serviceDateAt(portByCode('SYS')!);
const SHARED = { line1: '1 Shared Way', line2: null, city: 'San Diego', state: 'CA', zip: '92101' };
// Names and birth dates far apart, so no other rule (duplicate identity) fires.
const PEOPLE = [
  { givenNames: 'Maria', familyNames: 'Lopez', dob: '1961-02-03' },
  { givenNames: 'Tomas', familyNames: 'Okafor', dob: '1975-06-07' },
  { givenNames: 'Aiyana', familyNames: 'Brandt', dob: '1988-10-11' },
  { givenNames: 'Kenji', familyNames: 'Varga', dob: '2001-12-13' },
];

/** A0..A3 at SYS today, each its own household; A0..A2 give the same address (one SHARED_ADDRESS flag each). */
async function boothConsole(): Promise<Router> {
  app = testApp();
  app.demo = { port: 'SYS', feedUrl: '', publisherKeys: {} };
  const people = PEOPLE.map((p, i) =>
    applicant(i, {
      groupId: `G${i}`,
      photo: null,
      ...p,
      nameAsWritten: `${p.givenNames} ${p.familyNames}`,
      ...(i < 3 ? { address: SHARED } : {}),
    }),
  );
  seedPortDay(app.db, 'SYS', TODAY, people);
  app.flags.engine.recomputeAll();
  const route = createRouter(app);
  const roles = ['officer', 'supervisor'] as const;
  await signInUsers(
    route,
    roles.map((role) => ({ username: `u.${role}`, displayName: role, role, connection: role })),
  );
  return route;
}

const audited = (action: string) => app!.audit.recent(20).filter((e) => e.action === action);

describe('case views', () => {
  it("queue.today lists today's appointments at this port with their flags, audited once", async () => {
    const route = await boothConsole();
    const r = await route('queue.today', {}, 'officer');
    expect(r).toMatchObject({
      ok: true,
      value: { port: 'SYS', timeZone: 'America/Los_Angeles', serviceDate: TODAY, counts: { scheduled: 4 } },
    });
    const items = (r as { ok: true; value: { items: Array<Record<string, unknown>> } }).value.items;
    expect(items.map((i) => [i.applicantId, i.openFlags, i.topSeverity, i.hasPhoto, i.groupSize])).toEqual([
      ['A0', 1, expect.any(String), false, 1],
      ['A1', 1, expect.any(String), false, 1],
      ['A2', 1, expect.any(String), false, 1],
      ['A3', 0, null, false, 1],
    ]);
    expect(await route('queue.today', { search: 'Varga' }, 'officer')).toMatchObject({
      ok: true,
      value: { items: [{ applicantId: 'A3', givenNames: 'Kenji' }] },
    });
    expect(audited('queue.view').map((e) => e.details)).toEqual([
      { search: 'yes', rows: 1 },
      { search: 'no', rows: 4 },
    ]);
  });

  it("applicant.get shows one applicant's case: record, group, appointments, flags, no photo and why", async () => {
    const route = await boothConsole();
    const r = await route('applicant.get', { applicantId: 'A0' }, 'officer');
    expect(r).toMatchObject({
      ok: true,
      value: {
        applicantId: 'A0',
        port: 'SYS',
        timeZone: 'America/Los_Angeles',
        serviceDate: TODAY,
        document: { type: 'passport', number: 'P0', issuer: 'VEN' },
        address: SHARED,
        photo: null,
        photoMissingReason: expect.stringMatching(/No photo was submitted/),
        group: [{ applicantId: 'A0', givenNames: 'Maria', familyNames: 'Lopez', dob: '1961-02-03' }],
        appointments: [
          { appointmentId: 'AP0', status: 'scheduled', cancelReason: null, port: 'SYS', serviceDate: TODAY },
        ],
        flags: [{ ruleId: 'SHARED_ADDRESS', status: 'open', acknowledgedBy: null }],
        encounters: [],
      },
    });
    expect(await route('applicant.get', { applicantId: 'A9' }, 'officer')).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(audited('applicant.view')).toMatchObject([{ actor: 'u.officer', subject: 'applicant:A0' }]);
  });

  it('flags.overview: every rule with its counts, the open flags with whom they are about, audited', async () => {
    const route = await boothConsole();
    const r = await route('flags.overview', {}, 'supervisor');
    expect(r.ok).toBe(true);
    const v = (
      r as {
        ok: true;
        value: { rules: Array<{ ruleId: string; open: number }>; recent: Array<Record<string, unknown>> };
      }
    ).value;
    expect(v.rules.find((x) => x.ruleId === 'SHARED_ADDRESS')).toMatchObject({ open: 3, precision: null });
    expect(
      v.recent.map((f) => [f.ruleId, f.applicantId, f.applicantName, f.port, f.serviceDate]).sort(),
    ).toEqual([
      ['SHARED_ADDRESS', 'A0', 'Maria Lopez', 'SYS', TODAY],
      ['SHARED_ADDRESS', 'A1', 'Tomas Okafor', 'SYS', TODAY],
      ['SHARED_ADDRESS', 'A2', 'Aiyana Brandt', 'SYS', TODAY],
    ]);
    expect(await route('flags.overview', { rule: 'LOOKOUT_MATCH' }, 'supervisor')).toMatchObject({
      ok: true,
      value: { recent: [] },
    });
    expect(audited('flags.view').map((e) => e.details)).toEqual([
      { rule: 'LOOKOUT_MATCH', rows: 0 },
      { rule: 'all', rows: 3 },
    ]);
  });
});
