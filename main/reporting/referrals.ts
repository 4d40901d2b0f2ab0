// Runs in: main process. The supervisor's referral list (personal data: each read is audited) and
// sign-off of a referral: the outcome of secondary inspection and a note, once per referral
// decision, audited in the same transaction. The officer's decision itself is never changed.
import type { PortDayRequest, ReferralView, SignOffOutcome } from '../../ipc/channels/reporting';
import type { AppContext } from '../app-context';
import { AppError } from '../platform/app-error';
import { daySubject, resolvePortDay } from './dashboard';
import { ReferralRepository, type ReferralRow } from './referral-repository';

/** The rule ids of the acknowledged flags ("SHARED_PHONE:12" → "SHARED_PHONE"), each once. */
function ruleIds(flagsAcknowledged: string): string[] {
  const list = JSON.parse(flagsAcknowledged) as unknown;
  if (!Array.isArray(list)) return [];
  return [...new Set(list.map((f) => String(f).split(':')[0]!))];
}

export function toReferralView(r: ReferralRow): ReferralView {
  return {
    encounterId: r.encounter_id,
    applicantId: r.applicant_id,
    name: r.given_names === null ? '' : `${r.given_names} ${r.family_names}`,
    slot: r.slot,
    officer: r.officer,
    booth: r.booth,
    referredAt: r.referred_at,
    note: r.note,
    flags: ruleIds(r.flags_acknowledged),
    signOff:
      r.outcome === null
        ? null
        : { outcome: r.outcome, note: r.signoff_note!, supervisor: r.supervisor!, at: r.signed_at! },
  };
}

/** A port-day's referrals (none without a port), the read audited with whose cases were shown. */
export function referralList(app: AppContext, viewer: string, req: PortDayRequest): ReferralView[] {
  const day = resolvePortDay(app, req);
  if (!day) return [];
  const rows = new ReferralRepository(app.db).forDay(day).map(toReferralView);
  app.audit.append({
    actor: viewer,
    action: 'referral.list',
    subject: daySubject(day),
    details: { rows: rows.length, applicants: rows.map((r) => r.applicantId) },
  });
  return rows;
}

export function signOffReferral(
  app: AppContext,
  supervisor: string,
  input: { encounterId: string; outcome: SignOffOutcome; note: string },
): ReferralView {
  const repo = new ReferralRepository(app.db);
  return app.db.transaction(() => {
    const d = repo.decision(input.encounterId);
    if (!d)
      throw new AppError('NOT_FOUND', 'No such decision (it may have been purged under the retention rule).');
    if (d.disposition !== 'referred_secondary')
      throw new AppError('CONFLICT', 'This decision is not a referral to secondary inspection.');
    if (d.superseded)
      throw new AppError(
        'CONFLICT',
        'This referral was corrected by a later decision: sign off the latest one.',
      );
    if (d.signed) throw new AppError('CONFLICT', 'This referral is already signed off.');
    const note = input.note.trim();
    repo.insertSignOff({ ...input, note, supervisor, at: new Date().toISOString() });
    const day = { port: d.port, date: d.date };
    const view = repo
      .forDay(day)
      .map(toReferralView)
      .find((r) => r.encounterId === input.encounterId)!;
    app.audit.append({
      actor: supervisor,
      action: 'referral.sign_off',
      subject: `applicant:${view.applicantId}`,
      details: {
        encounterId: input.encounterId,
        outcome: input.outcome,
        note,
        port: d.port,
        serviceDate: d.date,
      },
    });
    return view;
  })();
}
