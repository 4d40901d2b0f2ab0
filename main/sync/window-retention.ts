// Runs in: main process and CLI. Port-days that leave the vetting window (older than its first
// day, or of a port no longer in it) are purged at once: nobody decides about another port's
// applicants here, so nothing waits for the outbox. Nothing of them is left behind: records,
// batches, manifest, flags about them, templates and photos go, flags of others that named them
// are recomputed or rewritten, and their bytes do not linger (purge.ts: secure_delete, then the
// file rebuilt when no case is open). That happens when port-days leave, about once a day. The
// console's own port is left to the retention rule (retention.ts), which waits for its decisions
// to reach the server.
// Each purge is audited.
import type { AppContext } from '../app-context';
import { PortDayRepository } from './port-day-repository';
import { forgetInBackups, forgetInFlags, withSecureDelete } from './purge';
import { inWindow, type VettingWindow } from './vetting-window';

export interface WindowPurgeReport {
  portDays: number;
  applicants: number;
  flags: number;
  templates: number;
  photos: number;
  heldBack: number;
  /** Flags of remaining applicants rewritten because they named someone purged. */
  rewritten: number;
  /** Backups of the database removed because they still held the purged (db/backups.ts). */
  backupsRemoved: number;
}

const PURGED_EVIDENCE =
  'The other applicants this flag named were purged with their port-days when they left the vetting window.';

export function purgeOutsideWindow(
  app: AppContext,
  window: VettingWindow,
  ownPort: string,
  today: string,
  actor = 'sync',
): WindowPurgeReport {
  const repo = new PortDayRepository(app.db);
  const leaving = repo
    .held()
    .filter((d) => d.port !== ownPort && !inWindow(window, today, d))
    .sort((a, b) => a.serviceDate.localeCompare(b.serviceDate) || a.port.localeCompare(b.port));
  const report: WindowPurgeReport = {
    portDays: 0,
    applicants: 0,
    flags: 0,
    templates: 0,
    photos: 0,
    heldBack: 0,
    rewritten: 0,
    backupsRemoved: 0,
  };
  if (!leaving.length) return report;
  const gone = { purged: [] as string[], affected: [] as string[], affectedFlags: [] as number[] };
  const names: string[] = [];
  withSecureDelete(app.db, () => {
    for (const d of leaving) {
      const r = repo.purge(d);
      gone.purged.push(...r.purged);
      gone.affected.push(...r.affected);
      gone.affectedFlags.push(...r.affectedFlags);
      for (const sha of r.photos) app.photos.delete(sha);
      report.portDays++;
      report.applicants += r.applicants;
      report.flags += r.flags;
      report.templates += r.templates;
      report.photos += r.photos.length;
      report.heldBack += r.heldBack;
      names.push(`${d.port} ${d.serviceDate}`);
    }
    report.rewritten = forgetInFlags(app, gone, PURGED_EVIDENCE);
  });
  report.backupsRemoved = forgetInBackups(app.db);
  app.audit.append({
    actor,
    action: 'window.purge',
    subject: 'vetting-window',
    details: { ...report, days: names.slice(0, 100) },
  });
  return report;
}
