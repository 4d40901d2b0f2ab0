// Runs in: main process. Blind-first comparisons of one port-day (verifications made with the
// score withheld, migration's `blind` and `judgement` columns): counts by judgement and band, per
// officer, and the disagreements with whom each was about.
import type { FaceBand, Judgement } from '../../ipc/channels/face';
import type { Db } from '../db/database';
import type { PortDay } from './reporting-repository';

/** The day's blind comparisons: its applicants' verifications made in blind-first mode. */
const BLIND = `FROM verifications v JOIN applicants a ON a.applicant_id = v.applicant_id
  WHERE a.port = @port AND a.service_date = @date AND v.blind = 1`;
const AGREED = `((v.judgement = 'same' AND v.band = 'MATCH') OR (v.judgement = 'different' AND v.band = 'NO_MATCH'))`;
const DISAGREED = `((v.judgement = 'same' AND v.band = 'NO_MATCH') OR (v.judgement = 'different' AND v.band = 'MATCH'))`;

export interface BlindCellRow {
  judgement: Judgement;
  band: FaceBand | null;
  count: number;
}

export interface BlindOfficerRow {
  officer: string;
  judged: number;
  agreed: number;
  disagreed: number;
  unsure: number;
}

export interface BlindDisagreementRow {
  id: number;
  applicant_id: string;
  given_names: string;
  family_names: string;
  officer: string;
  at: string;
  judgement: Judgement;
  band: FaceBand;
  score: number | null;
}

/** Disagreements listed at most: a day's worth for review, not an export. */
export const DISAGREEMENTS_LIMIT = 200;

export class BlindFirstRepository {
  constructor(private readonly db: Db) {}

  cells(day: PortDay): BlindCellRow[] {
    return this.db
      .prepare<PortDay, BlindCellRow>(
        `SELECT v.judgement, v.band, COUNT(*) AS count ${BLIND} AND v.judgement IS NOT NULL
         GROUP BY v.judgement, v.band ORDER BY v.judgement, v.band`,
      )
      .all(day);
  }

  pending(day: PortDay): number {
    return this.db
      .prepare<PortDay, { n: number }>(`SELECT COUNT(*) AS n ${BLIND} AND v.judgement IS NULL`)
      .get(day)!.n;
  }

  officers(day: PortDay): BlindOfficerRow[] {
    return this.db
      .prepare<PortDay, BlindOfficerRow>(
        `SELECT v.officer, COUNT(*) AS judged, SUM(${AGREED}) AS agreed, SUM(${DISAGREED}) AS disagreed,
           SUM(v.judgement = 'unsure') AS unsure
         ${BLIND} AND v.judgement IS NOT NULL GROUP BY v.officer ORDER BY v.officer`,
      )
      .all(day);
  }

  disagreements(day: PortDay, limit = DISAGREEMENTS_LIMIT): BlindDisagreementRow[] {
    return this.db
      .prepare<PortDay & { limit: number }, BlindDisagreementRow>(
        `SELECT v.id, v.applicant_id, a.given_names, a.family_names, v.officer, coalesce(v.judged_at, v.at) AS at,
           v.judgement, v.band, v.score
         ${BLIND} AND ${DISAGREED} ORDER BY at DESC, v.id DESC LIMIT @limit`,
      )
      .all({ ...day, limit });
  }
}
