// Runs in: main process and CLI.
// The audit chain witnessed outside the file: each encounter upload carries the chain head, the
// feed keeps every head it was sent (per booth), and `arrivals audit verify --witness URL`
// checks the log against them. A rewrite by someone holding the key, or a truncation with
// audit_head rewound, verifies locally but no longer holds a head the witness recorded.
import type { AppContext } from '../app-context';
import { fetchWitnessedHeads, postEncounters } from '../feed/client';
import { FeedError } from '../feed/feed-error';
import type { WitnessedHead } from '../feed/schema';
import { AppError } from '../platform/app-error';
import type { AuditLog, AuditVerification } from './audit-log';

/** Uploads outbox payloads with this console's audit head (the outbox's post). */
export function postWitnessed(app: AppContext, feedUrl: string, payloads: unknown[]) {
  return postEncounters(feedUrl, payloads, {}, { boothId: app.updates.boothId, ...app.audit.head() });
}

/**
 * The local verification, then each witnessed head (oldest first) against the log: the first
 * one the log no longer holds names where the history changed.
 */
export function checkAgainstWitness(
  audit: AuditLog,
  local: AuditVerification,
  heads: WitnessedHead[],
): AuditVerification {
  if (!local.ok) return local;
  let confirmed = 0;
  for (const h of heads) {
    if (h.seq === 0) continue;
    const broken = (firstBrokenSeq: number, problem: string): AuditVerification => ({
      ok: false,
      entries: local.entries,
      firstBrokenSeq,
      problem: `${problem} (the witness recorded entry ${h.seq} at ${h.receivedAt})`,
    });
    if (h.seq > local.entries)
      return broken(
        local.entries + 1,
        `the log ends at entry ${local.entries} but the witness saw entry ${h.seq}: entries were removed and the head rewound`,
      );
    if (audit.hashAt(h.seq) !== h.hash)
      return broken(
        h.seq,
        `entry ${h.seq} does not match the head the witness recorded: the log was rewritten at or before entry ${h.seq}${confirmed ? ` (after entry ${confirmed}, which the witness confirms)` : ''}`,
      );
    confirmed = h.seq;
  }
  return local;
}

export interface WitnessedVerification {
  verification: AuditVerification;
  /** The newest head the witness holds for this booth; null when it holds none. */
  latest: WitnessedHead | null;
  boothId: string;
}

/** `audit verify --witness URL`: the local check, then the feed's record of this booth's heads. */
export async function verifyWithWitness(app: AppContext, witnessUrl: string): Promise<WitnessedVerification> {
  const local = app.audit.verify();
  const boothId = app.updates.boothId;
  let heads: WitnessedHead[];
  try {
    heads = await fetchWitnessedHeads(witnessUrl, boothId);
  } catch (e) {
    if (e instanceof FeedError)
      throw new AppError('INTERNAL', `The witness at ${witnessUrl} could not be asked: ${e.message}`);
    throw e;
  }
  return {
    verification: checkAgainstWitness(app.audit, local, heads),
    latest: heads[heads.length - 1] ?? null,
    boothId,
  };
}
