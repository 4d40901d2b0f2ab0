// Runs in: main process and CLI.
// Personal data is kept for a limited time: applicants from service days older than the
// retention period (names, dates of birth, documents, addresses, contacts), their groups,
// amendment bodies and photos, and everything derived from them (flags about them, face
// templates, verifications, manual checks, decisions and their acknowledged uploads) are deleted
// once none of their decisions is still waiting for the server. Flags of others that named them
// are recomputed without them or rewritten, and the file is rebuilt so their bytes do not linger
// (purge.ts), and the database's backups, taken before and still holding them, are removed
// (db/backups.ts). Appointment ids, slots and statuses stay for throughput statistics; the audit log
// stays whole. Every purge is itself audited.
import type { AppContext } from '../app-context';
import { PurgeRepository } from './purge-repository';
import { forgetInBackups, forgetInFlags, rebuildIfDue, withSecureDelete } from './purge';

export interface PurgeReport {
  cutoffDate: string;
  applicants: number;
  groups: number;
  amendments: number;
  photos: number;
  heldBack: number;
  flags: number;
  verifications: number;
  encounters: number;
  templates: number;
  /** Flags of remaining applicants rewritten because they named someone purged. */
  rewritten: number;
  /** Backups of the database removed because they still held the purged (db/backups.ts). */
  backupsRemoved: number;
  /** The file rebuilt afterwards (ms); null when nothing was purged, or a case is open (done later). */
  rebuildMs: number | null;
}

type RetentionApp = Pick<AppContext, 'db' | 'photos' | 'audit' | 'flags' | 'settings' | 'cases'>;

const PURGED_EVIDENCE =
  'The other applicants this flag named were purged under the retention rule; nothing of them is kept.';

export function purgeExpired(
  app: RetentionApp,
  retentionDays: number,
  actor: string,
  now = new Date(),
): PurgeReport {
  const cutoff = new Date(now.getTime() - retentionDays * 86_400_000).toISOString().slice(0, 10);
  const { db } = app;
  const report = withSecureDelete(db, () => {
    const r = db.transaction(() => {
      const repo = new PurgeRepository(db);
      // Applicants with a decision not yet acknowledged are held back: losing the case before
      // the server has it would lose the decision's context.
      const { heldBack } = repo.mark('a.service_date < @cutoff', { cutoff });
      const gone = repo.purgeMarked();
      const groups = db
        .prepare(
          'DELETE FROM travel_groups WHERE service_date < ? AND group_id NOT IN (SELECT group_id FROM applicants)',
        )
        .run(cutoff).changes;
      const amendments = db
        .prepare(
          'DELETE FROM amendments WHERE service_date < ? AND target_id NOT IN (SELECT applicant_id FROM applicants) AND target_id NOT IN (SELECT appointment_id FROM appointments WHERE applicant_id IN (SELECT applicant_id FROM applicants))',
        )
        .run(cutoff).changes;
      return { ...gone, heldBack, groups, amendments };
    })();
    // Files go after the rows are gone: a crash here leaves orphan encrypted files, never rows
    // pointing at missing files.
    for (const sha of r.photos) app.photos.delete(sha);
    return { ...r, rewritten: forgetInFlags(app, r, PURGED_EVIDENCE) };
  });
  const summary: Omit<PurgeReport, 'rebuildMs'> = {
    cutoffDate: cutoff,
    applicants: report.applicants,
    groups: report.groups,
    amendments: report.amendments,
    photos: report.photos.length,
    heldBack: report.heldBack,
    flags: report.flags,
    verifications: report.verifications,
    encounters: report.encounters,
    templates: report.templates,
    rewritten: report.rewritten,
    backupsRemoved: 0,
  };
  const purged = summary.applicants + summary.photos + summary.groups + summary.amendments > 0;
  if (purged) summary.backupsRemoved = forgetInBackups(db);
  if (purged)
    app.audit.append({
      actor,
      action: 'retention.purge',
      subject: `before:${cutoff}`,
      details: { retentionDays, ...summary },
    });
  return { ...summary, rebuildMs: rebuildIfDue(app, purged) };
}
