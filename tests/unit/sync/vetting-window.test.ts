// Runs in: tests (Node, real SQLite file, real HTTP on 127.0.0.1). The vetting window in a running
// console: the SYS console, configured for a reference feed of all eight ports over 40 days with
// the cross-port patterns planted (a home at ELP 10 days ago, NOG 3 days ago and SYS today; a
// phone at CXL and SYS; a passport at BRO tomorrow under a lookout-listed name), started with the
// default window and nothing run by hand: it fills the window and shows each pattern on today's
// SYS applicants with the other ports' evidence. Then: a steady cycle costs one conditional
// request per port-day, an amendment arrives as a delta, a failing port-day backs off alone, and
// port-days leaving the window are purged without a trace. Every wait is on an observed state.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AppContext } from '../../../main/app-context';
import { startBackground, type Background } from '../../../main/background';
import { demoSigningKey } from '../../../main/feed/demo-key';
import { dayKey } from '../../../main/feed/publish';
import type { Batch, ManifestHeader } from '../../../main/feed/schema';
import { generateSigningKey, openEnvelope, signEnvelope } from '../../../main/feed/signing';
import type { GeneratedFeed } from '../../../main/feed/generator/index';
import { createRouter, type Router } from '../../../main/ipc/router';
import { OnlineFeedSource } from '../../../main/sync/online-source';
import { shiftDate } from '../../../main/sync/vetting-window';
import { WindowSync } from '../../../main/sync/window-sync';
import type { ApplicantView } from '../../../ipc/channels/applicant';
import type { QueueView } from '../../../ipc/channels/queue';
import { plainDatabaseBytes } from '../../helpers/db-bytes';
import { KEYS } from '../../helpers/feed';
import { signInUsers } from '../../helpers/sessions';
import {
  OWN,
  applicantsOf,
  configuredConsole,
  windowDates,
  windowFeed,
  windowServer,
  type WindowServer,
} from '../../helpers/window-feed';

/** A cap against a hang, not a speed target: the fill is a few hundred small port-days. */
const FILL_MS = 240_000;
const { today } = windowDates();

let feed: GeneratedFeed;
let ws: WindowServer;
let app: AppContext;
let bg: Background;
let route: Router;

const window = () => app.sync!.window!;
const ok = <T>(r: Awaited<ReturnType<Router>>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
};
const pattern = (id: string) => feed.groundTruth.patterns.find((p) => p.id === id)!;
const ownToday = (id: string) => id.startsWith(`${OWN}-${today.replace(/-/g, '')}-`);
const count = (sql: string, ...params: unknown[]) => (app.db.prepare(sql).get(...params) as { n: number }).n;

beforeAll(async () => {
  feed = await windowFeed();
  ws = await windowServer(feed);
  app = configuredConsole(ws.server.url);
  route = createRouter(app);
  await signInUsers(route, [
    { username: 'ofc', displayName: 'Officer', role: 'officer', connection: 'o' },
    { username: 'sup', displayName: 'Supervisor', role: 'supervisor', connection: 's' },
  ]);
  // As the app starts it: the background with nothing but config.json.
  bg = startBackground(app);
  await vi.waitFor(
    () => {
      const st = window().status();
      expect(st.current).toBe(st.portDays);
      expect(window().busy).toBe(false);
    },
    { timeout: FILL_MS, interval: 100 },
  );
}, FILL_MS + 60_000);

afterAll(async () => {
  await bg?.stop();
  await ws?.server.close();
  await app?.close();
});

describe('the vetting window of a SYS console started with defaults', () => {
  it('holds every port-day of the default window (8 ports × 37 days) and nothing outside it', () => {
    const st = window().status();
    expect(st).toMatchObject({
      portDays: 296,
      current: 296,
      behind: 0,
      stale: 0,
      notPublished: 0,
      from: shiftDate(today, -29),
      to: shiftDate(today, 7),
      offline: false,
    });
    expect(st.perPort).toHaveLength(8);
    for (const p of st.perPort) expect(p).toMatchObject({ current: 37, total: 37 });
    // Every record of every port-day in the window, as published.
    for (const d of feed.days) {
      const inside = d.serviceDate >= st.from && d.serviceDate <= st.to;
      const held = count(
        'SELECT COUNT(*) AS n FROM applicants WHERE port = ? AND service_date = ?',
        d.port,
        d.serviceDate,
      );
      expect(held, `${d.port} ${d.serviceDate}`).toBe(
        inside ? applicantsOf(feed, d.port, d.serviceDate).length : 0,
      );
    }
    // The days before the window were never asked for.
    const before = shiftDate(today, -30);
    const asked = ws.log.map((l) => /\/v1\/ports\/[A-Z]{3}\/manifests\/(\d{4}-\d{2}-\d{2})/.exec(l)?.[1]);
    expect(asked.filter((d) => d !== undefined && d <= before)).toEqual([]);
    // Other ports' photos stay at the feed by default.
    expect(
      count(
        `SELECT COUNT(*) AS n FROM photo_blobs b JOIN applicants a ON a.photo_sha256 = b.sha256 WHERE a.port != ?`,
        OWN,
      ),
    ).toBe(0);
  });

  it("shows each cross-port pattern on today's SYS applicants with the other ports' evidence, audited", async () => {
    const flagsOf = async (id: string) =>
      ok<ApplicantView>(await route('applicant.get', { applicantId: id }, 'o')).flags;
    type Evidence = {
      others: Array<{ port: string; serviceDate: string; lookout?: string }>;
      span: { ports: string[]; from: string; to: string };
    };
    const cases: Array<[string, string, string[], string]> = [
      ['xport-home', 'SHARED_ADDRESS', ['ELP', 'NOG', 'SYS'], shiftDate(today, -10)],
      ['xport-phone', 'SHARED_PHONE', ['CXL', 'SYS'], shiftDate(today, -5)],
      ['xport-document', 'DOCUMENT_DUPLICATE', ['BRO', 'SYS'], today],
    ];
    for (const [id, rule, ports, from] of cases) {
      const here = pattern(id).applicantIds.filter(ownToday);
      expect(here.length, id).toBeGreaterThan(0);
      for (const applicantId of here) {
        const flag = (await flagsOf(applicantId)).find((f) => f.ruleId === rule);
        expect(flag, `${id} ${applicantId}`).toBeDefined();
        const e = flag!.evidence as Evidence;
        // Port and date on every line of the evidence, and the span in the explanation.
        expect([...new Set(e.others.map((o) => o.port))].sort()).toEqual(
          ports.filter((p) => p !== OWN || e.others.some((o) => o.port === OWN)),
        );
        expect(e.span).toMatchObject({ ports, from });
        expect(flag!.explanation).toContain(
          `across ${ports.length} ports (${ports.join(', ')}) from ${from}`,
        );
      }
    }
    // The passport's other holder is booked at BRO tomorrow and is on the lookout list: said on the line.
    const [docHere] = pattern('xport-document').applicantIds.filter(ownToday);
    const doc = (await flagsOf(docHere!)).find((f) => f.ruleId === 'DOCUMENT_DUPLICATE')!;
    expect((doc.evidence as Evidence).others).toEqual([
      expect.objectContaining({ port: 'BRO', serviceDate: shiftDate(today, 1), lookout: 'LO-X001' }),
    ]);
    // The lookout hit itself is flagged at BRO, from the same signed list today's sync brought.
    const [listed] = pattern('xport-lookout').applicantIds;
    expect(app.flags.forApplicant(listed!).map((f) => f.ruleId)).toContain('LOOKOUT_MATCH');
    // Every case opened above was audited as a view, as any of today's are.
    const views = app.audit.recent(50).filter((a) => a.action === 'applicant.view' && a.actor === 'ofc');
    expect(views.length).toBeGreaterThanOrEqual(cases.length);
  });

  it("queues only the own port's today; other ports' applicants open only as evidence", async () => {
    const q = ok<QueueView>(await route('queue.today', {}, 'o'));
    expect(q.port).toBe(OWN);
    expect(q.serviceDate).toBe(today);
    expect(q.items.length).toBe(applicantsOf(feed, OWN, today).length);
    expect(q.items.every((i) => ownToday(i.applicantId))).toBe(true);
    // An exact id of another port's applicant is not found unless the officer asks for other ports.
    const [elp] = pattern('xport-home').applicantIds.filter((i) => i.startsWith('ELP-'));
    expect(ok<QueueView>(await route('queue.today', { search: elp }, 'o')).items).toEqual([]);
    const wide = ok<QueueView>(await route('queue.today', { search: elp, otherPorts: true }, 'o'));
    expect(wide.items.map((i) => i.applicantId)).toEqual([elp]);
    expect(app.audit.recent(5).find((a) => a.action === 'queue.view')?.details).toMatchObject({
      otherPorts: 'yes',
    });
  });

  it('steady state: a cycle with nothing new costs one conditional header request per port-day', async () => {
    const mark = ws.log.length;
    const r = await window().kick();
    expect(r).toMatchObject({
      portDays: 295,
      checked: 295,
      unchanged: 295,
      updated: 0,
      batches: 0,
      failed: 0,
    });
    expect(r.requests).toBe(295);
    const sent = ws.log.slice(mark).filter((l) => l.includes('/v1/ports/'));
    expect(sent).toHaveLength(295);
    expect(sent.every((l) => /^GET \/v1\/ports\/[A-Z]{3}\/manifests\/\d{4}-\d{2}-\d{2}$/.test(l))).toBe(true);
    expect(window().status().lastCycle).toMatchObject({
      requests: 295,
      checked: 295,
      updated: 0,
      complete: true,
    });
  });

  it("a day's amendment arrives as a delta: its header and one page of new batches", async () => {
    const port = 'ELP';
    const date = shiftDate(today, -10);
    const day = ws.published.days.get(dayKey(port, date))!;
    const header = openEnvelope<ManifestHeader>(day.header);
    const appointment = day.batches
      .flatMap((b) => openEnvelope<Batch>(b).records)
      .find((r) => r.type === 'appointment')!;
    const seq = header.lastSeq + 1;
    const cancel = {
      type: 'cancel' as const,
      appointmentId: (appointment as { appointmentId: string }).appointmentId,
      reason: 'applicant cancelled',
    };
    day.batches.push(
      signEnvelope<Batch>(
        { port, serviceDate: date, seq, prevSeq: seq - 1, records: [cancel] },
        demoSigningKey(),
      ),
    );
    day.header = signEnvelope(
      { ...header, version: header.version + 1, lastSeq: seq, recordCount: header.recordCount + 1 },
      demoSigningKey(),
    );
    const before = count(
      'SELECT COUNT(*) AS n FROM applied_batches WHERE port = ? AND service_date = ?',
      port,
      date,
    );
    const mark = ws.log.length;
    const r = await window().kick();
    expect(r).toMatchObject({ updated: 1, unchanged: 294, batches: 1, records: 1 });
    expect(r.requests).toBe(296);
    expect(ws.log.slice(mark).filter((l) => l.includes('/batches'))).toEqual([
      `GET /v1/ports/${port}/manifests/${date}/batches?since=${seq - 1}&limit=20`,
    ]);
    expect(
      count('SELECT COUNT(*) AS n FROM applied_batches WHERE port = ? AND service_date = ?', port, date),
    ).toBe(before + 1);
    const st = app.db
      .prepare('SELECT status FROM appointments WHERE appointment_id = ?')
      .get(cancel.appointmentId);
    expect(st).toEqual({ status: 'cancelled' });
  });

  it('a failing port-day backs off on its own, keeps what it holds, and comes back', async () => {
    const port = 'NOG';
    const date = shiftDate(today, -3);
    const day = ws.published.days.get(dayKey(port, date))!;
    const good = day.header;
    const held = count(
      'SELECT COUNT(*) AS n FROM applicants WHERE port = ? AND service_date = ?',
      port,
      date,
    );
    // A new header signed by a key this console does not pin: refused, every time it is served.
    const rogue = generateSigningKey('rogue-2026');
    const changed = { ...openEnvelope<ManifestHeader>(good), version: 9 };
    day.header = signEnvelope(changed, rogue.signing);
    let clock = Date.now();
    const sync = new WindowSync(app, {
      ownPort: OWN,
      source: new OnlineFeedSource(ws.server.url, KEYS, 20, { shareVerifier: true }),
      now: () => new Date(clock),
      baseBackoffMs: 60_000,
      maxBackoffMs: 120_000,
    });
    try {
      const first = await sync.kick();
      expect(first).toMatchObject({ failed: 1, unchanged: 294, waiting: 0 });
      const row = sync.repo.get({ port, serviceDate: date })!;
      expect(row).toMatchObject({ state: 'failing', failures: 1 });
      expect(row.last_error).toMatch(/not pinned|unknown|UNKNOWN/i);
      // Within its back-off the day is not asked again: one request fewer, the rest as usual.
      const second = await sync.kick();
      expect(second).toMatchObject({ failed: 0, waiting: 1, unchanged: 294, requests: 294 });
      expect(sync.status(new Date(clock)).lagging).toEqual([
        expect.objectContaining({ port, serviceDate: date, state: 'failing' }),
      ]);
      expect(
        count('SELECT COUNT(*) AS n FROM applicants WHERE port = ? AND service_date = ?', port, date),
      ).toBe(held);
      // After its back-off, and with the publisher's header back, it is current again.
      day.header = good;
      clock += 130_000;
      const third = await sync.kick();
      expect(third).toMatchObject({ failed: 0, waiting: 0 });
      expect(sync.repo.get({ port, serviceDate: date })).toMatchObject({ state: 'current', failures: 0 });
    } finally {
      day.header = good;
      await sync.stop();
    }
  });

  it('purges the port-days that leave the window, leaving nothing of them behind', async () => {
    // A shorter window: 8 days back, so ELP 10 days ago (and older) leaves it.
    const admin = await route(
      'settings.update',
      { vettingWindow: { ...app.settings.get().vettingWindow, daysBack: 8 } },
      'a',
    );
    expect(admin.ok).toBe(true);
    const from = shiftDate(today, -7);
    const leaving = feed.days.filter(
      (d) => d.port !== OWN && d.serviceDate < from && d.serviceDate >= shiftDate(today, -29),
    );
    const gone = leaving.flatMap((d) => applicantsOf(feed, d.port, d.serviceDate));
    const r = await window().kick();
    expect(r.purgedPortDays).toBe(leaving.length);
    // The officer's last case is still open: the file is rebuilt (seconds at full scale) once it is not.
    expect(app.cases.idle).toBe(false);
    expect(r.rebuildMs).toBeNull();
    app.cases.connectionEnded('o');
    expect((await window().kick()).rebuildMs).toEqual(expect.any(Number));
    for (const t of [
      'applicants',
      'appointments',
      'travel_groups',
      'manifests',
      'applied_batches',
      'amendments',
      'port_days',
    ])
      expect(count(`SELECT COUNT(*) AS n FROM ${t} WHERE port != ? AND service_date < ?`, OWN, from), t).toBe(
        0,
      );
    const ids = JSON.stringify(gone.map((a) => a.applicantId));
    expect(
      count('SELECT COUNT(*) AS n FROM flags WHERE applicant_id IN (SELECT value FROM json_each(?))', ids),
    ).toBe(0);
    // No remaining flag's evidence names anyone purged.
    const named = gone.filter(
      (a) => count('SELECT COUNT(*) AS n FROM flags WHERE instr(evidence, ?) > 0', a.applicantId) > 0,
    );
    expect(named).toEqual([]);
    // The own port's older days are the retention rule's, not the window's: still here.
    expect(
      count('SELECT COUNT(*) AS n FROM applicants WHERE port = ? AND service_date < ?', OWN, from),
    ).toBeGreaterThan(0);
    // Today's SYS applicants at the home still share it with NOG's households, no longer ELP's.
    const [home] = pattern('xport-home').applicantIds.filter(ownToday);
    const shared = app.flags.forApplicant(home!).find((f) => f.ruleId === 'SHARED_ADDRESS')!;
    expect((shared.evidence as { span: { ports: string[] } }).span.ports).toEqual(['NOG', 'SYS']);
    // Not in the file's free pages nor in the WAL (their pages decrypted first: the file is
    // encrypted): their e-mail addresses and document numbers are unique to them (ordinary data
    // never repeats them).
    const bytes = plainDatabaseBytes(app.dataDir);
    const traces = gone
      .flatMap((a) => [a.email, a.document?.number].filter((s): s is string => !!s))
      .filter(
        (s) => count('SELECT COUNT(*) AS n FROM applicants WHERE email = ? OR doc_number = ?', s, s) === 0,
      )
      .filter((s) => bytes.includes(Buffer.from(s)));
    expect(traces).toEqual([]);
    expect(app.audit.recent(20).find((a) => a.action === 'window.purge')?.details).toMatchObject({
      portDays: leaving.length,
      applicants: gone.length,
    });
    expect(window().status()).toMatchObject({ portDays: 8 * 15, current: 8 * 15 });
  });
});
