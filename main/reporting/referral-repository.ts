// Runs in: main process and CLI. Referrals to secondary inspection and the supervisor's sign-off
// of each: the port-day's cases whose latest decision is a referral, with the officer's note and
// any sign-off; a sign-off is inserted once and never edited (migration 0011).
import type { SignOffOutcome } from '../../ipc/channels/reporting';
import type { Db } from '../db/database';
import { DECIDED, type PortDay } from './reporting-repository';

export interface ReferralRow {
  encounter_id: string;
  applicant_id: string;
  /** Null once the applicant was purged under the retention rule. */
  given_names: string | null;
  family_names: string | null;
  slot: string;
  officer: string;
  booth: string;
  referred_at: string;
  note: string;
  flags_acknowledged: string;
  outcome: SignOffOutcome | null;
  signoff_note: string | null;
  supervisor: string | null;
  signed_at: string | null;
}

const REFERRALS = `${DECIDED}
  SELECT c.client_id AS encounter_id, c.applicant_id, a.given_names, a.family_names, c.slot, c.officer,
    c.booth, c.completed_at AS referred_at, c.note, c.flags_acknowledged, s.outcome,
    s.note AS signoff_note, s.supervisor, s.at AS signed_at
  FROM decided c
  LEFT JOIN applicants a ON a.applicant_id = c.applicant_id
  LEFT JOIN referral_signoffs s ON s.encounter_id = c.client_id
  WHERE c.disposition = 'referred_secondary'
  ORDER BY c.completed_at, c.client_id`;

/** A decision, its port-day, and whether a later decision on the same case replaced it. */
export interface DecisionState {
  disposition: string;
  port: string;
  date: string;
  superseded: number;
  signed: number;
}

export class ReferralRepository {
  constructor(private readonly db: Db) {}

  forDay(day: PortDay): ReferralRow[] {
    return this.db.prepare<PortDay, ReferralRow>(REFERRALS).all(day);
  }

  decision(encounterId: string): DecisionState | undefined {
    return this.db
      .prepare<[string], DecisionState>(
        `SELECT e.disposition, ap.port, ap.service_date AS date,
           EXISTS (SELECT 1 FROM encounters l WHERE l.appointment_id = e.appointment_id
                   AND (l.completed_at > e.completed_at OR (l.completed_at = e.completed_at AND l.rowid > e.rowid))) AS superseded,
           EXISTS (SELECT 1 FROM referral_signoffs s WHERE s.encounter_id = e.client_id) AS signed
         FROM encounters e JOIN appointments ap ON ap.appointment_id = e.appointment_id
         WHERE e.client_id = ?`,
      )
      .get(encounterId);
  }

  insertSignOff(row: {
    encounterId: string;
    outcome: SignOffOutcome;
    note: string;
    supervisor: string;
    at: string;
  }): void {
    this.db
      .prepare(
        `INSERT INTO referral_signoffs (encounter_id, outcome, note, supervisor, at)
         VALUES (@encounterId, @outcome, @note, @supervisor, @at)`,
      )
      .run(row);
  }
}
