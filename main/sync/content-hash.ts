// Runs in: main process, CLI and tests.
// A digest of the synced content (not of when or how it arrived), so that an interrupted
// sync, an uninterrupted one and a bundle import can be compared for equality.
import { createHash } from 'node:crypto';
import type { Db } from '../db/database';

const TABLES: Array<{ name: string; sql: string }> = [
  {
    name: 'manifests',
    sql: 'SELECT port, service_date, version, last_seq, record_count, applied_seq FROM manifests ORDER BY port, service_date',
  },
  {
    name: 'applied_batches',
    sql: 'SELECT port, service_date, seq, batch_sha256, record_count FROM applied_batches ORDER BY port, service_date, seq',
  },
  { name: 'travel_groups', sql: 'SELECT * FROM travel_groups ORDER BY group_id' },
  // Synced fields only: matching keys and flags are derived, and recomputed after a crash.
  {
    name: 'applicants',
    sql: `SELECT applicant_id, group_id, port, service_date, given_names, family_names, name_as_written, dob, sex, nationality, country_of_birth,
          doc_type, doc_number, doc_issuer, addr_line1, addr_line2, addr_city, addr_state, addr_zip, phone, email, language, device_id,
          photo_sha256, photo_captured_at, updated_seq, purged_at FROM applicants ORDER BY applicant_id`,
  },
  { name: 'appointments', sql: 'SELECT * FROM appointments ORDER BY appointment_id' },
  { name: 'amendments', sql: 'SELECT * FROM amendments ORDER BY port, service_date, seq, idx' },
  { name: 'photo_blobs', sql: 'SELECT sha256, size FROM photo_blobs ORDER BY sha256' },
  { name: 'lookout_entries', sql: 'SELECT * FROM lookout_entries ORDER BY entry_id' },
];

export interface ContentSummary {
  hash: string;
  counts: Record<string, number>;
}

export function contentSummary(db: Db): ContentSummary {
  const h = createHash('sha256');
  const counts: Record<string, number> = {};
  for (const t of TABLES) {
    h.update(`#${t.name}\n`);
    let n = 0;
    for (const row of db.prepare(t.sql).raw().iterate()) {
      h.update(JSON.stringify(row));
      h.update('\n');
      n++;
    }
    counts[t.name] = n;
  }
  return { hash: h.digest('hex'), counts };
}
