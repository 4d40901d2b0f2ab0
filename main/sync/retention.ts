// Runs in: main process and CLI.
// Personal data is kept for a limited time: applicants (names, dates of birth, documents,
// addresses, contacts), their groups, amendment bodies and photos from service days older than
// the retention period are deleted once none of their encounters is still waiting for the
// server. Appointment ids, slots and statuses stay for throughput statistics; the audit log
// stays whole. Every purge is itself audited.
import type { Db } from '../db/database';
import type { AuditLog } from '../audit/audit-log';
import type { PhotoStore } from './photo-store';

export interface PurgeReport {
  cutoffDate: string;
  applicants: number;
  groups: number;
  amendments: number;
  photos: number;
  heldBack: number;
}

export function purgeExpired(
  db: Db,
  photos: PhotoStore,
  audit: AuditLog,
  retentionDays: number,
  actor: string,
  now = new Date(),
): PurgeReport {
  const cutoff = new Date(now.getTime() - retentionDays * 86_400_000).toISOString().slice(0, 10);
  const report = db.transaction((): PurgeReport & { shas: string[] } => {
    // Applicants with an encounter not yet acknowledged are held back: losing the case before
    // the server has it would lose the decision's context.
    const heldBack = (
      db
        .prepare(
          `SELECT COUNT(DISTINCT a.applicant_id) AS n FROM applicants a JOIN outbox o ON o.applicant_id = a.applicant_id
                WHERE a.service_date < ? AND o.acked_at IS NULL`,
        )
        .get(cutoff) as { n: number }
    ).n;
    db.exec('CREATE TEMP TABLE IF NOT EXISTS purge_ids (applicant_id TEXT PRIMARY KEY)');
    db.exec('DELETE FROM purge_ids');
    db.prepare(
      `INSERT INTO purge_ids SELECT applicant_id FROM applicants a WHERE service_date < ?
       AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.applicant_id = a.applicant_id AND o.acked_at IS NULL)`,
    ).run(cutoff);
    const shas = (
      db
        .prepare(
          'SELECT DISTINCT photo_sha256 AS s FROM applicants WHERE applicant_id IN (SELECT applicant_id FROM purge_ids) AND photo_sha256 IS NOT NULL',
        )
        .all() as { s: string }[]
    ).map((r) => r.s);
    const applicants = db
      .prepare('DELETE FROM applicants WHERE applicant_id IN (SELECT applicant_id FROM purge_ids)')
      .run().changes;
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
    // A photo still referenced by a newer applicant (same selfie re-submitted) stays.
    const stillUsed = new Set(
      (
        db
          .prepare(
            `SELECT photo_sha256 AS s FROM applicants WHERE photo_sha256 IN (${shas.map(() => '?').join(',') || "''"})`,
          )
          .all(...shas) as { s: string }[]
      ).map((r) => r.s),
    );
    const doomed = shas.filter((s) => !stillUsed.has(s));
    // Face templates are biometric data derived from the photos: they go with them.
    const delTemplate = db.prepare('DELETE FROM face_templates WHERE photo_sha256 = ?');
    for (const s of doomed) delTemplate.run(s);
    return {
      cutoffDate: cutoff,
      applicants,
      groups,
      amendments,
      photos: doomed.length,
      heldBack,
      shas: doomed,
    };
  })();
  // Files go after the rows are gone: a crash here leaves orphan encrypted files, never rows
  // pointing at missing files; the next purge removes the orphans' rows' files again.
  for (const sha of report.shas) photos.delete(sha);
  const { shas: _shas, ...summary } = report;
  if (summary.applicants + summary.photos + summary.groups + summary.amendments === 0) return summary;
  audit.append({
    actor,
    action: 'retention.purge',
    subject: `before:${cutoff}`,
    details: { retentionDays, ...summary },
  });
  return summary;
}
