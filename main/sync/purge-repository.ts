// Runs in: main process and CLI. Deleting applicants and everything derived from them, for both
// purges (retention.ts: the own port's old days; window-retention.ts: port-days leaving the
// vetting window): flags about them, verifications, manual checks, decisions (their sign-offs go
// by trigger, migration 0011), acknowledged uploads, and face templates of photos no one else
// submitted; and the flags of others whose evidence named them, found before and rewritten after.
import type { Db } from '../db/database';

/** What deleting the marked applicants removed (counts), and who is left to look at. */
export interface ApplicantPurge {
  /** The applicant ids deleted. */
  purged: string[];
  applicants: number;
  flags: number;
  verifications: number;
  encounters: number;
  templates: number;
  /** Photos only the purged submitted: the caller deletes the files once the rows are gone. */
  photos: string[];
  /** Remaining applicants with a flag that named someone purged: their flags are recomputed. */
  affected: string[];
  /** Those flags: after recomputing, any that still tells of the purged is rewritten (scrub). */
  affectedFlags: number[];
}

const MARKED = 'IN (SELECT applicant_id FROM purge_set)';

export class PurgeRepository {
  constructor(private readonly db: Db) {}

  /**
   * Marks the applicants `where` selects (over `applicants a`) for deletion, except those with a
   * decision still waiting for the server. Returns how many were marked and how many held back.
   */
  mark(where: string, params: Record<string, string>): { marked: number; heldBack: number } {
    this.db.exec('CREATE TEMP TABLE IF NOT EXISTS purge_set (applicant_id TEXT PRIMARY KEY)');
    this.db.exec('DELETE FROM purge_set');
    const marked = this.db
      .prepare(
        `INSERT INTO purge_set SELECT applicant_id FROM applicants a WHERE (${where})
         AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.applicant_id = a.applicant_id AND o.acked_at IS NULL)`,
      )
      .run(params).changes;
    const all = (
      this.db.prepare(`SELECT COUNT(*) AS n FROM applicants a WHERE (${where})`).get(params) as { n: number }
    ).n;
    return { marked, heldBack: all - marked };
  }

  /** Deletes the marked applicants and what derives from them (inside the caller's transaction). */
  purgeMarked(): ApplicantPurge {
    // Who else a purged person's flags concern, found while both are still here: the same rule
    // and key (a shared address, a document), named in a purged person's evidence (face matches
    // key on each one's own photo), or naming one in theirs (evidence lists are capped, and a
    // cleared flag keeps the evidence it had when it cleared).
    const related = this.db
      .prepare(
        `SELECT o.id, o.applicant_id AS a FROM flags f JOIN flags o ON o.rule_id = f.rule_id AND o.match_key = f.match_key
         WHERE f.applicant_id ${MARKED} AND o.applicant_id NOT ${MARKED}
         UNION SELECT o.id, o.applicant_id FROM flags f, json_each(f.evidence, '$.others') e
           JOIN flags o ON o.rule_id = f.rule_id AND o.applicant_id = json_extract(e.value, '$.applicantId')
         WHERE f.applicant_id ${MARKED} AND o.applicant_id NOT ${MARKED}
         UNION SELECT f.id, f.applicant_id FROM flags f, json_each(f.evidence, '$.others') e
         WHERE f.applicant_id NOT ${MARKED} AND json_extract(e.value, '$.applicantId') ${MARKED}`,
      )
      .all() as { id: number; a: string }[];
    const shas = (
      this.db
        .prepare(
          `SELECT DISTINCT photo_sha256 AS s FROM applicants WHERE applicant_id ${MARKED} AND photo_sha256 IS NOT NULL`,
        )
        .all() as { s: string }[]
    ).map((r) => r.s);
    const purged = (this.db.prepare('SELECT applicant_id AS a FROM purge_set').all() as { a: string }[]).map(
      (r) => r.a,
    );
    const del = (table: string) =>
      this.db.prepare(`DELETE FROM ${table} WHERE applicant_id ${MARKED}`).run().changes;
    const flags = del('flags');
    const verifications = del('verifications');
    // Decisions before the manual checks they cite; only acknowledged uploads are left (mark()).
    const encounters = del('encounters');
    del('outbox');
    del('manual_checks');
    const applicants = del('applicants');
    // Photos still submitted by a remaining applicant (the same selfie twice) stay, with their templates.
    const used = new Set(
      (
        this.db
          .prepare(
            'SELECT DISTINCT photo_sha256 AS s FROM applicants WHERE photo_sha256 IN (SELECT value FROM json_each(?))',
          )
          .all(JSON.stringify(shas)) as { s: string }[]
      ).map((r) => r.s),
    );
    const photos = shas.filter((s) => !used.has(s));
    // Face templates are biometric data derived from the photos: they go with them.
    const templates = this.db
      .prepare('DELETE FROM face_templates WHERE photo_sha256 IN (SELECT value FROM json_each(?))')
      .run(JSON.stringify(photos)).changes;
    return {
      purged,
      applicants,
      flags,
      verifications,
      encounters,
      templates,
      photos,
      affected: [...new Set(related.map((r) => r.a))],
      affectedFlags: related.map((r) => r.id),
    };
  }

  /**
   * Of these flags, those still telling something of the purged after recomputing: cleared ones
   * (a cleared flag keeps the evidence it had, which named them) and any whose evidence still
   * names one of them (recomputing leaves none; this is the check).
   */
  flagsNaming(flagIds: number[], purged: Set<string>): number[] {
    const rows = this.db
      .prepare<[string], { id: number; status: string; evidence: string }>(
        'SELECT id, status, evidence FROM flags WHERE id IN (SELECT value FROM json_each(?))',
      )
      .all(JSON.stringify(flagIds));
    return rows
      .filter((r) => {
        if (r.status === 'cleared') return true;
        const e = JSON.parse(r.evidence) as { others?: Array<{ applicantId?: string }> };
        return (e.others ?? []).some((o) => o.applicantId !== undefined && purged.has(o.applicantId));
      })
      .map((r) => r.id);
  }

  /** Rewrites a flag whose evidence named purged applicants: nothing of them is left in it. */
  scrub(flagId: number, evidence: unknown, explanation: string): void {
    this.db
      .prepare('UPDATE flags SET evidence = ?, explanation = ? WHERE id = ?')
      .run(JSON.stringify(evidence), explanation, flagId);
  }
}
