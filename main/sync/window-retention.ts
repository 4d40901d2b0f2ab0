// Runs in: main process and CLI. Port-days that leave the vetting window (older than its first
// day, or of a port no longer in it) are purged at once: nobody decides about another port's
// applicants here, so nothing waits for the outbox. Nothing of them is left behind: records,
// batches, manifest, flags about them, templates and photos go, flags of others that named them
// are recomputed or rewritten, and their bytes do not linger: secure_delete zeroes what is
// deleted, but a b-tree keeps stale copies of cells it moved while rebalancing (in the unused
// middle of live pages), so the file is then rebuilt (rebuildFile: VACUUM, and the WAL
// truncated; measured in `npm run bench`, seconds at full scale, so the window runs it when no
// case is open). That happens when port-days leave, about once a day. The console's own port is
// left to the retention rule (retention.ts), which waits for its decisions to reach the server.
// Each purge is audited.
import type { AppContext } from '../app-context';
import { PortDayRepository } from './port-day-repository';
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
}

/**
 * Rebuilds the database file so nothing deleted survives in it (VACUUM writes every live page
 * anew, through the WAL, which is then folded in and emptied). Blocks for its duration: returns
 * how long it took, in ms.
 */
export function rebuildFile(app: AppContext): number {
  const t0 = performance.now();
  app.db.exec('VACUUM');
  app.db.pragma('wal_checkpoint(TRUNCATE)');
  return Math.round(performance.now() - t0);
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
  };
  if (!leaving.length) return report;
  const secure = ['OFF', 'ON', 'FAST'][app.db.pragma('secure_delete', { simple: true }) as number] ?? 'OFF';
  app.db.pragma('secure_delete = ON');
  const purged = new Set<string>();
  const affected = new Set<string>();
  const names: string[] = [];
  try {
    for (const d of leaving) {
      const ids = repo.applicantIds(d);
      const r = repo.purge(d);
      for (const id of ids) purged.add(id);
      for (const id of r.affected) affected.add(id);
      for (const sha of r.photos) app.photos.delete(sha);
      report.portDays++;
      report.applicants += r.applicants;
      report.flags += r.flags;
      report.templates += r.templates;
      report.photos += r.photos.length;
      report.heldBack += r.heldBack;
      names.push(`${d.port} ${d.serviceDate}`);
    }
    const remaining = [...affected].filter((id) => !purged.has(id));
    // Open flags are found again without the purged (or cleared when too few remain); a flag
    // that stays cleared keeps its old evidence, so it is rewritten without them.
    if (remaining.length) app.flags.engine.updateFor(remaining);
    for (const f of repo.flagsNaming(remaining, purged)) {
      repo.scrub(
        f.id,
        { summary: PURGED_EVIDENCE, others: [], othersTotal: 0, purged: true },
        PURGED_EVIDENCE,
      );
      report.rewritten++;
    }
  } finally {
    app.db.pragma(`secure_delete = ${secure}`);
  }
  app.audit.append({
    actor,
    action: 'window.purge',
    subject: 'vetting-window',
    details: { ...report, days: names.slice(0, 100) },
  });
  return report;
}
