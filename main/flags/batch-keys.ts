// Runs in: the feed's verify worker (computes) and main process / CLI (reads). The matching keys of
// a batch's applicants, worked out on the worker thread that verifies the batch: folding names and
// addresses and parsing phones is about half of a 2,000-applicant batch's key step (~45 ms here),
// and there it overlaps the main thread's work instead of adding to it. The flags step still
// writes them (engine.ts refreshKeys), so a stale key remains the mark of an applicant whose flags
// are not yet made (the start-up catch-up); anything without worker keys gets them made there.
import type { Batch } from '../feed/schema';
import { applicantRow } from '../sync/manifest-repository';
import { computeKeys, KEYS_VERSION, type ApplicantKeys, type KeySource } from './keys';

/** Keys by applicant id, for the applicants whose row the batch leaves as their record gave it. */
export interface BatchKeys {
  /** The normalisers' version they were made with: any other is ignored (a stale worker bundle). */
  version: number;
  keys: Map<string, ApplicantKeys>;
}

export function batchKeys(batch: Batch): BatchKeys {
  const keys = new Map<string, ApplicantKeys>();
  for (const r of batch.records) {
    // The row as main stores it (a whole applicant record sets every column), so the keys are the
    // ones the flags step would make from it; a later record for the same applicant replaces them,
    // and a correction in the same batch leaves that applicant to the flags step.
    if (r.type === 'applicant')
      keys.set(
        r.applicantId,
        computeKeys(applicantRow(r, batch.port, batch.serviceDate, batch.seq) as unknown as KeySource),
      );
    else if (r.type === 'correction') keys.delete(r.applicantId);
  }
  return { version: KEYS_VERSION, keys };
}

// Kept beside the batch object itself, as its verified digest is (feed/client.ts): a batch that
// did not come from the worker simply has none.
const kept = new WeakMap<Batch, ReadonlyMap<string, ApplicantKeys>>();

export function rememberBatchKeys(batch: Batch, keys: BatchKeys): void {
  if (keys.version === KEYS_VERSION) kept.set(batch, keys.keys);
}

/** The keys the worker made for this batch's applicants (none for a batch verified elsewhere). */
export function workerKeys(batch: Batch): ReadonlyMap<string, ApplicantKeys> | undefined {
  return kept.get(batch);
}
