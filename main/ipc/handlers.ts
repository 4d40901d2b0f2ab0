// Runs in: main process.
// One handler per contract channel. Handlers trust their input (the router validated it)
// and their caller's role (the router checked it); they enforce business rules only.
import type { SessionView } from '../../ipc/channels/auth';
import { AppError } from '../platform/app-error';
import { toView } from '../auth/user-repository';
import type { CallContext, Handlers } from './router';
import { activePortCode, syncStatus } from '../sync/status';
import { ApplicantRepository } from '../applicant/applicant-repository';
import { portByCode, serviceDateAt } from '../domain/ports';
import { importBundle } from '../sync/bundle-import';
import { EncounterService, type EncounterRow } from '../encounter/encounter-service';
import { toFlagView } from '../flags/flag-service';
import type { FlagRow } from '../flags/flag-repository';
import { RULES } from '../flags/rules/index';
import { Outbox } from '../sync/outbox';
import { trends } from '../flags/trends';
import { faceAccuracyReport } from '../face/accuracy-report';
import { loadManifest } from '../face/model-manifest';
import { KEYS_VERSION } from '../flags/keys';

function sessionView(ctx: CallContext): SessionView {
  const s = ctx.app.sessions.get(ctx.connectionId);
  const idleLockMinutes = ctx.app.settings.get().idleLockMinutes;
  if (!s) return { user: null, locked: false, idleLockMinutes };
  const u = ctx.app.accounts.users.byId(s.userId);
  return { user: u ? toView(u) : null, locked: s.locked, idleLockMinutes };
}

function encounterView(ctx: CallContext, e: EncounterRow) {
  const ob = ctx.app.db.prepare('SELECT acked_at FROM outbox WHERE client_id = ?').get(e.client_id) as { acked_at: string | null } | undefined;
  return { clientId: e.client_id, disposition: e.disposition, officer: e.officer, completedAt: e.completed_at, note: e.note, supersedes: e.supersedes, uploaded: Boolean(ob?.acked_at) };
}

function actor(ctx: CallContext): string {
  if (!ctx.session) throw new AppError('NOT_SIGNED_IN', 'Please sign in.');
  return ctx.session.username;
}

export const handlers: Handlers = {
  'app.info': (_req, { app }) => ({
    name: 'Arrivals Console',
    version: app.version,
    shell: app.shell === 'electron' ? 'electron' : 'browser',
    mode: app.mode,
    needsSetup: app.accounts.needsSetup(),
    port: syncStatus(app).port,
  }),

  'auth.setup': async (req, { app }) => app.accounts.setup(req, app.mode === 'demo'),

  'auth.signIn': async (req, ctx) => {
    const u = await ctx.app.accounts.authenticate(req.username, req.password);
    ctx.app.sessions.start(ctx.connectionId, { userId: u.id, username: u.username, role: u.role });
    return sessionView(ctx);
  },

  'auth.unlock': async (req, ctx) => {
    const s = ctx.app.sessions.get(ctx.connectionId);
    if (!s) throw new AppError('NOT_SIGNED_IN', 'Please sign in.');
    try {
      await ctx.app.accounts.authenticate(s.username, req.password);
    } catch (e) {
      // Lockout after repeated failures signs the session out entirely.
      if (e instanceof AppError && e.code === 'ACCOUNT_LOCKED') ctx.app.sessions.end(ctx.connectionId);
      throw e;
    }
    ctx.app.sessions.unlock(ctx.connectionId);
    return sessionView(ctx);
  },

  'auth.session': (_req, ctx) => sessionView(ctx),

  'auth.signOut': (_req, ctx) => {
    const s = ctx.app.sessions.end(ctx.connectionId);
    if (s) ctx.app.audit.append({ actor: s.username, action: 'auth.sign_out', subject: `user:${s.username}`, details: {} });
    return { signedOut: Boolean(s) };
  },

  'users.list': (_req, { app }) => app.accounts.users.list().map(toView),

  'users.create': (req, ctx) => ctx.app.accounts.createUser(actor(ctx), req),

  'users.setRole': (req, ctx) => {
    const v = ctx.app.accounts.setRole(actor(ctx), req.userId, req.role);
    ctx.app.sessions.endAllFor(req.userId);
    return v;
  },

  'users.setDisabled': (req, ctx) => {
    const v = ctx.app.accounts.setDisabled(actor(ctx), req.userId, req.disabled);
    if (req.disabled) ctx.app.sessions.endAllFor(req.userId);
    return v;
  },

  'audit.recent': (req, { app }) => app.audit.recent(req.limit),

  'audit.verify': (_req, ctx) => {
    const result = ctx.app.audit.verify();
    ctx.app.audit.append({ actor: actor(ctx), action: 'audit.verify', subject: 'audit_log', details: { ok: result.ok, entries: result.entries } });
    return result;
  },

  'settings.get': (_req, { app }) => app.settings.get(),

  'settings.update': (req, ctx) => {
    const before = ctx.app.settings.get();
    const after = ctx.app.db.transaction(() => {
      const s = ctx.app.settings.update(req);
      ctx.app.audit.append({ actor: actor(ctx), action: 'settings.update', subject: 'settings', details: { before, after: s } });
      return s;
    })();
    return after;
  },

  'sync.status': (_req, { app }) => syncStatus(app),

  'face.verify': async (req, ctx) => {
    const bytes = Buffer.from(req.imageBase64, 'base64');
    if (!bytes.length) throw new AppError('INVALID_REQUEST', 'The picture is empty.');
    const r = await ctx.app.face.verifyApplicant(req.applicantId, bytes, actor(ctx));
    return { ...r, timings: { totalMs: r.timings.totalMs, capture: r.timings.capture, captureModels: r.timings.captureModels } };
  },

  'flags.acknowledge': (req, ctx) => ctx.app.flags.acknowledge(req.flagId, actor(ctx), req.note?.trim() || null),

  'flags.feedback': (req, ctx) => ctx.app.flags.feedback(req.flagId, actor(ctx), req.verdict, req.note?.trim() || null),

  'flags.config': (req, ctx) => (Object.keys(req).length ? ctx.app.flags.updateConfig(actor(ctx), req) : ctx.app.flags.config()),

  'flags.overview': (req, ctx) => {
    const precision = new Map(ctx.app.flags.engine.repo.precision().map((p) => [p.ruleId, p]));
    const recent = ctx.app.db
      .prepare<[string | null, string | null], FlagRow & { given_names: string; family_names: string; port: string; service_date: string }>(
        `SELECT f.*, a.given_names, a.family_names, a.port, a.service_date FROM flags f JOIN applicants a ON a.applicant_id = f.applicant_id
         WHERE f.status = 'open' AND (? IS NULL OR f.rule_id = ?)
         ORDER BY CASE f.severity WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END, f.computed_at DESC LIMIT 200`,
      )
      .all(req.rule ?? null, req.rule ?? null);
    ctx.app.audit.append({ actor: actor(ctx), action: 'flags.view', subject: 'flags', details: { rule: req.rule ?? 'all', rows: recent.length } });
    return {
      rules: RULES.map((r) => {
        const p = precision.get(r.id);
        return { ruleId: r.id, description: r.description, version: r.version, open: p?.open ?? 0, acknowledged: p?.acknowledged ?? 0, confirmed: p?.confirmed ?? 0, falsePositive: p?.falsePositive ?? 0, precision: p?.precision ?? null };
      }),
      trends: trends(ctx.app.db, 5).map(({ key: _k, ...t }) => t),
      recent: recent.map((f) => ({ ...toFlagView(f), applicantId: f.applicant_id, applicantName: `${f.given_names} ${f.family_names}`, port: f.port, serviceDate: f.service_date })),
    };
  },

  // Aggregates only: no one's personal data leaves in this answer.
  'face.accuracy': (_req, { app }) => faceAccuracyReport(app.db, loadManifest().modelVersion),
  'engine.status': async (_req, { app }) => {
    let face = null;
    let faceError = null;
    try {
      face = await app.face.engineInfo();
    } catch (e) {
      faceError = (e as Error).message;
    }
    return { face, faceError, enrolment: { ...app.face.enrolment }, flags: { ...app.flags.tierStatus(), keysVersion: KEYS_VERSION } };
  },
  'arrivals.dashboard': (_req, { app }) => {
    const code = activePortCode(app);
    const port = code ? portByCode(code) : undefined;
    const enrolment = { running: app.face.enrolment.running, done: app.face.enrolment.done, total: app.face.enrolment.total, unusable: app.face.enrolment.unusable };
    const pendingUploads = new Outbox(app.db).status().pending;
    if (!port) return { port: null, serviceDate: null, appointments: {}, dispositions: {}, verificationBands: {}, perHour: [], pendingUploads, enrolment };
    const date = serviceDateAt(port);
    const group = (sql: string) => Object.fromEntries((app.db.prepare(sql).all(port.code, date) as { k: string | null; n: number }[]).map((r) => [r.k ?? 'none', r.n]));
    const hourFmt = new Intl.DateTimeFormat('en-GB', { timeZone: port.timeZone, hour: '2-digit', hour12: false });
    const perHourMap = new Map<string, number>();
    for (const e of app.db.prepare(`SELECT e.completed_at AS t FROM encounters e JOIN appointments ap ON ap.appointment_id = e.appointment_id WHERE ap.port = ? AND ap.service_date = ?`).all(port.code, date) as { t: string }[]) {
      const h = `${hourFmt.format(new Date(e.t))}:00`;
      perHourMap.set(h, (perHourMap.get(h) ?? 0) + 1);
    }
    return {
      port: port.code,
      serviceDate: date,
      appointments: group('SELECT status AS k, COUNT(*) AS n FROM appointments WHERE port = ? AND service_date = ? GROUP BY status'),
      dispositions: group('SELECT e.disposition AS k, COUNT(*) AS n FROM encounters e JOIN appointments ap ON ap.appointment_id = e.appointment_id WHERE ap.port = ? AND ap.service_date = ? GROUP BY e.disposition'),
      verificationBands: group('SELECT v.band AS k, COUNT(*) AS n FROM verifications v JOIN applicants a ON a.applicant_id = v.applicant_id WHERE a.port = ? AND a.service_date = ? GROUP BY v.band'),
      perHour: [...perHourMap].sort().map(([hour, completed]) => ({ hour, completed })),
      pendingUploads,
      enrolment,
    };
  },

  'encounter.list': (req, ctx) => new EncounterService(ctx.app).forApplicant(req.applicantId).map((e) => encounterView(ctx, e)),

  'encounter.complete': (req, ctx) => {
    const row = new EncounterService(ctx.app).complete(actor(ctx), {
      applicantId: req.applicantId,
      disposition: req.disposition,
      note: req.note,
      arrivedAt: req.arrivedAt,
      verificationId: req.verificationId,
      supersedes: req.supersedes,
    });
    return encounterView(ctx, row);
  },

  'sync.now': async (_req, { app }) => {
    if (!app.sync) throw new AppError('NOT_FOUND', 'No feed is configured for this console; import a bundle instead.');
    await app.sync.syncNow();
    return syncStatus(app);
  },

  'bundle.import': async (req, ctx) => {
    const r = await importBundle(ctx.app, req.path, actor(ctx));
    return { port: r.port, serviceDate: r.serviceDate, batchesApplied: r.batchesApplied, recordsApplied: r.recordsApplied, photosStored: r.photosStored, lookoutVersion: r.lookoutVersion };
  },

  'queue.today': (req, ctx) => {
    const code = activePortCode(ctx.app);
    const port = code ? portByCode(code) : undefined;
    if (!port) return { port: null, timeZone: null, serviceDate: null, items: [], counts: {} };
    const date = serviceDateAt(port);
    const repo = new ApplicantRepository(ctx.app.db);
    const rows = repo.queue(port.code, date, req.search);
    // Names on a queue are personal data: the view is audited (once per request, not per row).
    ctx.app.audit.append({ actor: actor(ctx), action: 'queue.view', subject: `manifest:${port.code}:${date}`, details: { search: req.search ? 'yes' : 'no', rows: rows.length } });
    return {
      port: port.code,
      timeZone: port.timeZone,
      serviceDate: date,
      counts: repo.countsByStatus(port.code, date),
      items: rows.map((r) => ({
        appointmentId: r.appointment_id,
        applicantId: r.applicant_id,
        groupId: r.group_id,
        groupSize: r.group_size,
        slot: r.slot,
        status: r.status,
        givenNames: r.given_names,
        familyNames: r.family_names,
        nameAsWritten: r.name_as_written,
        dob: r.dob,
        hasPhoto: r.photo_sha256 !== null,
        openFlags: r.open_flags,
        topSeverity: r.top_severity,
      })),
    };
  },

  'applicant.get': (req, ctx) => {
    const repo = new ApplicantRepository(ctx.app.db);
    const a = repo.get(req.applicantId);
    if (!a) throw new AppError('NOT_FOUND', 'No such applicant (it may have been purged under the retention rule).');
    ctx.app.audit.append({ actor: actor(ctx), action: 'applicant.view', subject: `applicant:${a.applicant_id}`, details: { port: a.port, serviceDate: a.service_date } });
    let photo: string | null = null;
    let photoMissingReason: string | null = null;
    if (!a.photo_sha256) photoMissingReason = 'No photo was submitted with this booking (demo data has photos for only a few applicants).';
    else {
      const bytes = ctx.app.photos.get(a.photo_sha256);
      if (bytes) photo = `data:image/jpeg;base64,${bytes.toString('base64')}`;
      else photoMissingReason = 'The submitted photo has not been downloaded yet; it will arrive with the next sync.';
    }
    return {
      applicantId: a.applicant_id,
      groupId: a.group_id,
      port: a.port,
      timeZone: portByCode(a.port)?.timeZone ?? 'UTC',
      serviceDate: a.service_date,
      givenNames: a.given_names,
      familyNames: a.family_names,
      nameAsWritten: a.name_as_written,
      dob: a.dob,
      sex: a.sex,
      nationality: a.nationality,
      countryOfBirth: a.country_of_birth,
      document: a.doc_number ? { type: a.doc_type ?? 'other', number: a.doc_number, issuer: a.doc_issuer ?? '' } : null,
      address: { line1: a.addr_line1, line2: a.addr_line2, city: a.addr_city, state: a.addr_state, zip: a.addr_zip },
      phone: a.phone,
      email: a.email,
      language: a.language,
      deviceId: a.device_id,
      photo,
      photoMissingReason,
      photoCapturedAt: a.photo_captured_at,
      group: repo.groupMembers(a.group_id).map((m) => ({ applicantId: m.applicant_id, givenNames: m.given_names, familyNames: m.family_names, dob: m.dob })),
      appointments: repo.appointments(a.applicant_id).map((x) => ({ appointmentId: x.appointment_id, slot: x.slot, status: x.status, cancelReason: x.cancel_reason, port: x.port, serviceDate: x.service_date })),
      flags: ctx.app.flags.forApplicant(a.applicant_id),
      encounters: new EncounterService(ctx.app).forApplicant(a.applicant_id).map((e) => encounterView(ctx, e)),
    };
  },
};
