// Runs in: main process and CLI. Face-match accuracy per model version, for supervisors: what
// the calibration measured on labelled pairs (per group where the pair set has groups), and what
// the booths saw since: each band's share, and how often the officer's decision went the other
// way (identity confirmed after a non-match; identity not confirmed after a match). Broken down by
// sex and age band where a group has enough verifications to say anything. This is monitoring of
// the matcher, not of people: nothing here feeds a flag or a decision.
import type { FaceBand, FieldCounts, ModelAccuracyView } from '../../ipc/channels/face';
import type { Db } from '../db/database';
import { calibrationFile, loadCalibration } from './calibration';
import fs from 'node:fs';

/** Below this many verifications a group's rates are not shown: too few to say anything. */
export const MIN_GROUP_SIZE = 20;

export type { FieldCounts };
export type GroupCounts = ModelAccuracyView['groups'][number];
export type ModelAccuracy = ModelAccuracyView;

interface Row {
  model: string;
  band: FaceBand | null;
  disposition: string | null;
  sex: string | null;
  dob: string | null;
  at: string;
}

const empty = (): FieldCounts => ({
  verifications: 0,
  match: 0,
  inconclusive: 0,
  noMatch: 0,
  noResult: 0,
  confirmedAfterNonMatch: 0,
  notConfirmedAfterMatch: 0,
});

function count(c: FieldCounts, r: Row): void {
  c.verifications++;
  if (r.band === 'MATCH') c.match++;
  else if (r.band === 'INCONCLUSIVE') c.inconclusive++;
  else if (r.band === 'NO_MATCH') c.noMatch++;
  else c.noResult++;
  if ((r.band === 'INCONCLUSIVE' || r.band === 'NO_MATCH') && r.disposition === 'processed')
    c.confirmedAfterNonMatch++;
  if (r.band === 'MATCH' && r.disposition === 'identity_not_confirmed') c.notConfirmedAfterMatch++;
}

/** Age at the verification, in the bands face-recognition evaluations usually report. */
export function ageBand(dob: string, at: string): string {
  const age = Math.floor((Date.parse(at) - Date.parse(`${dob}T00:00:00Z`)) / (365.2425 * 86_400_000));
  if (!Number.isFinite(age) || age < 0) return 'unknown';
  if (age < 18) return 'under 18';
  if (age < 30) return '18–29';
  if (age < 45) return '30–44';
  if (age < 60) return '45–59';
  return '60 and over';
}

const SEX_LABEL: Record<string, string> = { F: 'female', M: 'male', X: 'unspecified' };

export function faceAccuracyReport(db: Db, currentModel: string): ModelAccuracy[] {
  // The encounter a verification led to (the latest record of it, corrections included), and
  // the applicant's sex and birth date while they are still held (retention may have purged them).
  const rows = db
    .prepare<[], Row>(
      `SELECT v.model_version AS model, v.band, a.sex, a.dob, v.at,
              (SELECT e.disposition FROM encounters e WHERE e.verification_id = v.id ORDER BY e.completed_at DESC LIMIT 1) AS disposition
         FROM verifications v LEFT JOIN applicants a ON a.applicant_id = v.applicant_id`,
    )
    .all();
  const models = new Set([currentModel, ...rows.map((r) => r.model)]);
  return [...models]
    .sort((a, b) => (a === currentModel ? -1 : b === currentModel ? 1 : a.localeCompare(b)))
    .map((model) => {
      const field = empty();
      const groups = new Map<string, GroupCounts>();
      const inGroup = (dimension: 'sex' | 'age', group: string, r: Row) => {
        const key = `${dimension}:${group}`;
        let g = groups.get(key);
        if (!g) groups.set(key, (g = { dimension, group, enough: false, ...empty() }));
        count(g, r);
      };
      for (const r of rows) {
        if (r.model !== model) continue;
        count(field, r);
        if (r.sex) inGroup('sex', SEX_LABEL[r.sex] ?? r.sex, r);
        if (r.dob) inGroup('age', ageBand(r.dob, r.at), r);
      }
      for (const g of groups.values()) g.enough = g.verifications >= MIN_GROUP_SIZE;
      const cal = loadCalibration(model);
      const ev = (cal.evaluation ?? {}) as {
        pairs?: number;
        auc?: number;
        eer?: number;
        fnmrAtFmr01?: number | null;
        perGroup?: ModelAccuracy['calibration']['perGroup'];
      };
      return {
        modelVersion: model,
        current: model === currentModel,
        calibration: {
          calibrated: fs.existsSync(calibrationFile(model)),
          match: cal.match,
          inconclusive: cal.inconclusive,
          source: cal.source,
          computedAt: cal.computedAt,
          pairs: ev.pairs ?? null,
          auc: ev.auc ?? null,
          eer: ev.eer ?? null,
          fnmrAtFmr01: ev.fnmrAtFmr01 ?? null,
          perGroup: ev.perGroup ?? [],
        },
        field,
        groups: [...groups.values()].sort(
          (a, b) => a.dimension.localeCompare(b.dimension) || a.group.localeCompare(b.group),
        ),
      };
    });
}
