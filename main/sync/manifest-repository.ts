// Runs in: main process and CLI (and the sync worker).
// Writes verified feed batches into SQLite. One batch = one transaction, together with its
// applied_batches row and the manifest's applied_seq: after a crash a batch is either wholly
// applied or not at all, and a batch already applied is refused, never applied twice.
import { createHash } from 'node:crypto';
import { canonicalJson } from '../feed/signing';
import { verifiedDigest } from '../feed/client';
import type { Db } from '../db/database';
import type { Batch, FeedRecord, ManifestHeader } from '../feed/schema';

export interface ApplyResult {
  seq: number;
  records: number;
  applicantIds: string[];
}

type Applicant = Extract<FeedRecord, { type: 'applicant' }>;
type Correction = Extract<FeedRecord, { type: 'correction' }>;

type Editable = Required<Correction['fields']>;

/** Each editable applicant field and the columns it is stored in (a correction of it rewrites them all). */
const COLUMNS_OF: { [K in keyof Editable]: (v: Editable[K]) => Record<string, unknown> } = {
  givenNames: (v) => ({ given_names: v }),
  familyNames: (v) => ({ family_names: v }),
  nameAsWritten: (v) => ({ name_as_written: v }),
  dob: (v) => ({ dob: v }),
  sex: (v) => ({ sex: v }),
  nationality: (v) => ({ nationality: v }),
  countryOfBirth: (v) => ({ country_of_birth: v }),
  document: (d) => ({
    doc_type: d?.type ?? null,
    doc_number: d?.number ?? null,
    doc_issuer: d?.issuer ?? null,
  }),
  address: (a) => ({
    addr_line1: a.line1,
    addr_line2: a.line2 ?? null,
    addr_city: a.city,
    addr_state: a.state,
    addr_zip: a.zip,
  }),
  phone: (v) => ({ phone: v }),
  email: (v) => ({ email: v }),
  language: (v) => ({ language: v }),
  deviceId: (v) => ({ device_id: v }),
  photo: (p) => ({ photo_sha256: p?.sha256 ?? null, photo_captured_at: p?.capturedAt ?? null }),
};

/** The columns of the fields `f` gives (all of them for a whole applicant record). */
function columnsOf(f: Correction['fields']): Record<string, unknown> {
  const cols: Record<string, unknown> = {};
  for (const k of Object.keys(COLUMNS_OF) as Array<keyof Editable>) {
    const toColumns = COLUMNS_OF[k] as (v: unknown) => Record<string, unknown>;
    if (f[k] !== undefined) Object.assign(cols, toColumns(f[k]));
  }
  return cols;
}

/** A new applicant row; `applicantRow` gives its named values (also the raw-insert baseline of the sync bench). */
export const APPLICANT_INSERT = `INSERT INTO applicants (applicant_id, group_id, port, service_date, given_names, family_names,
    name_as_written, dob, sex, nationality, country_of_birth, doc_type, doc_number, doc_issuer, addr_line1, addr_line2,
    addr_city, addr_state, addr_zip, phone, email, language, device_id, photo_sha256, photo_captured_at, updated_seq)
  VALUES (@applicant_id, @group_id, @port, @service_date, @given_names, @family_names, @name_as_written, @dob, @sex,
    @nationality, @country_of_birth, @doc_type, @doc_number, @doc_issuer, @addr_line1, @addr_line2, @addr_city,
    @addr_state, @addr_zip, @phone, @email, @language, @device_id, @photo_sha256, @photo_captured_at, @updated_seq)`;

export function applicantRow(r: Applicant, port: string, serviceDate: string, seq: number) {
  return {
    applicant_id: r.applicantId,
    group_id: r.groupId,
    port,
    service_date: serviceDate,
    ...columnsOf(r),
    updated_seq: seq,
  };
}

export function batchSha256(batch: Batch): string {
  return verifiedDigest(batch) ?? createHash('sha256').update(canonicalJson(batch)).digest('hex');
}

export class ManifestRepository {
  private readonly s;

  constructor(private readonly db: Db) {
    this.s = {
      manifest: db.prepare<
        [string, string],
        { applied_seq: number; last_seq: number; version: number; completed_at: string | null }
      >(
        'SELECT applied_seq, last_seq, version, completed_at FROM manifests WHERE port = ? AND service_date = ?',
      ),
      upsertManifest: db.prepare(
        `INSERT INTO manifests (port, service_date, version, generated_at, key_id, last_seq, record_count, first_synced_at)
         VALUES (@port, @serviceDate, @version, @generatedAt, @keyId, @lastSeq, @recordCount, @now)
         ON CONFLICT(port, service_date) DO UPDATE SET version = excluded.version, generated_at = excluded.generated_at,
           key_id = excluded.key_id, last_seq = excluded.last_seq, record_count = excluded.record_count,
           completed_at = CASE WHEN excluded.last_seq > manifests.applied_seq THEN NULL ELSE manifests.completed_at END`,
      ),
      advance: db.prepare(
        `UPDATE manifests SET applied_seq = @seq,
           completed_at = CASE WHEN @seq >= last_seq THEN @now ELSE NULL END
         WHERE port = @port AND service_date = @serviceDate AND applied_seq = @seq - 1`,
      ),
      applied: db.prepare(
        'INSERT INTO applied_batches (port, service_date, seq, batch_sha256, record_count, source, applied_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      group: db.prepare(
        `INSERT INTO travel_groups (group_id, kind, primary_applicant_id, port, service_date) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(group_id) DO UPDATE SET kind = excluded.kind, primary_applicant_id = excluded.primary_applicant_id`,
      ),
      applicant: db.prepare(
        `${APPLICANT_INSERT}
         ON CONFLICT(applicant_id) DO UPDATE SET group_id = excluded.group_id, given_names = excluded.given_names,
           family_names = excluded.family_names, name_as_written = excluded.name_as_written, dob = excluded.dob, sex = excluded.sex,
           nationality = excluded.nationality, country_of_birth = excluded.country_of_birth, doc_type = excluded.doc_type,
           doc_number = excluded.doc_number, doc_issuer = excluded.doc_issuer, addr_line1 = excluded.addr_line1,
           addr_line2 = excluded.addr_line2, addr_city = excluded.addr_city, addr_state = excluded.addr_state,
           addr_zip = excluded.addr_zip, phone = excluded.phone, email = excluded.email, language = excluded.language,
           device_id = excluded.device_id, photo_sha256 = excluded.photo_sha256, photo_captured_at = excluded.photo_captured_at,
           updated_seq = excluded.updated_seq, keys_version = 0`,
      ),
      appointment: db.prepare(
        `INSERT INTO appointments (appointment_id, applicant_id, group_id, port, service_date, slot, status, updated_seq)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(appointment_id) DO UPDATE SET slot = excluded.slot, status = excluded.status, updated_seq = excluded.updated_seq`,
      ),
      cancel: db.prepare(
        "UPDATE appointments SET status = 'cancelled', cancel_reason = ?, updated_seq = ? WHERE appointment_id = ? AND status IN ('scheduled', 'rescheduled')",
      ),
      reschedule: db.prepare(
        "UPDATE appointments SET status = 'rescheduled', slot = ?, updated_seq = ? WHERE appointment_id = ? AND status IN ('scheduled', 'rescheduled')",
      ),
      appointmentApplicant: db.prepare<[string], { applicant_id: string }>(
        'SELECT applicant_id FROM appointments WHERE appointment_id = ?',
      ),
      amendment: db.prepare(
        'INSERT OR REPLACE INTO amendments (port, service_date, seq, idx, type, target_id, body) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
    };
  }

  appliedSeq(port: string, serviceDate: string): number {
    return this.s.manifest.get(port, serviceDate)?.applied_seq ?? 0;
  }

  manifest(port: string, serviceDate: string) {
    return this.s.manifest.get(port, serviceDate);
  }

  recordHeader(h: ManifestHeader, keyId: string): void {
    this.s.upsertManifest.run({ ...h, keyId, now: new Date().toISOString() });
  }

  /**
   * Applies one verified batch atomically. Refuses (throws, changes nothing) a batch for
   * another port/day or one whose seq is not exactly the next.
   */
  applyBatch(batch: Batch, source: 'feed' | 'bundle'): ApplyResult {
    const run = this.db.transaction((): ApplyResult => {
      const now = new Date().toISOString();
      const { port, serviceDate, seq } = batch;
      const applied = this.appliedSeq(port, serviceDate);
      if (!this.s.manifest.get(port, serviceDate))
        throw new Error(`No manifest header recorded for ${port} ${serviceDate}.`);
      if (seq !== applied + 1) {
        throw new Error(
          seq <= applied
            ? `Batch ${seq} for ${port} ${serviceDate} was already applied.`
            : `Batch ${seq} arrived before batch ${applied + 1}.`,
        );
      }
      const touched = new Set<string>();
      batch.records.forEach((r, idx) => this.applyRecord(r, port, serviceDate, seq, idx, touched));
      this.s.applied.run(port, serviceDate, seq, batchSha256(batch), batch.records.length, source, now);
      const adv = this.s.advance.run({ seq, now, port, serviceDate });
      if (adv.changes !== 1)
        throw new Error(`Batch ${seq} for ${port} ${serviceDate} could not advance the manifest.`);
      return { seq, records: batch.records.length, applicantIds: [...touched] };
    });
    return run.immediate();
  }

  private applyRecord(
    r: FeedRecord,
    port: string,
    serviceDate: string,
    seq: number,
    idx: number,
    touched: Set<string>,
  ): void {
    switch (r.type) {
      case 'group':
        this.s.group.run(r.groupId, r.kind, r.primaryApplicantId, port, serviceDate);
        return;
      case 'applicant':
        this.s.applicant.run(applicantRow(r, port, serviceDate, seq));
        touched.add(r.applicantId);
        return;
      case 'appointment':
        this.s.appointment.run(
          r.appointmentId,
          r.applicantId,
          r.groupId,
          port,
          serviceDate,
          r.slot,
          r.status,
          seq,
        );
        return;
      case 'cancel':
      case 'reschedule': {
        if (r.type === 'cancel') this.s.cancel.run(r.reason, seq, r.appointmentId);
        else this.s.reschedule.run(r.slot, seq, r.appointmentId);
        this.s.amendment.run(port, serviceDate, seq, idx, r.type, r.appointmentId, JSON.stringify(r));
        const a = this.s.appointmentApplicant.get(r.appointmentId);
        if (a) touched.add(a.applicant_id);
        return;
      }
      case 'correction': {
        const cols = columnsOf(r.fields);
        const names = Object.keys(cols);
        if (names.length) {
          // Column names come from the fixed whitelist above, never from the feed.
          // keys_version = 0: the flags step recomputes this applicant's matching keys.
          const sql = `UPDATE applicants SET ${names.map((n) => `${n} = @${n}`).join(', ')}, updated_seq = @seq, keys_version = 0 WHERE applicant_id = @id`;
          this.db.prepare(sql).run({ ...cols, seq, id: r.applicantId });
        }
        this.s.amendment.run(port, serviceDate, seq, idx, r.type, r.applicantId, JSON.stringify(r));
        touched.add(r.applicantId);
        return;
      }
    }
  }
}
