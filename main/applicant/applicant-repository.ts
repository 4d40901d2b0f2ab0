// Runs in: main process and CLI. Reads applicants, their groups and appointments.
import type { ApplicantView } from '../../ipc/channels/applicant';
import type { Severity } from '../../ipc/channels/flags';
import type { QueueItemView } from '../../ipc/channels/queue';
import type { Db } from '../db/database';
import { tally } from '../db/tally';
import type { MatchKind } from './search';

/** More than any port's day (a few hundred to 1,500 arrivals), so no real queue is cut short. */
export const QUEUE_LIMIT = 20_000;

/** A queue row: the appointment, who it is for, and their open flags. */
const QUEUE_SELECT = `SELECT ap.appointment_id, ap.applicant_id, ap.group_id, ap.slot, ap.status, ap.port, ap.service_date,
       a.given_names, a.family_names, a.name_as_written, a.dob, a.photo_sha256, a.doc_number,
       (SELECT COUNT(*) FROM applicants g WHERE g.group_id = a.group_id) AS group_size,
       (SELECT COUNT(*) FROM flags f WHERE f.applicant_id = a.applicant_id AND f.status = 'open') AS open_flags,
       (SELECT CASE MIN(CASE severity WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END) WHEN 0 THEN 'high' WHEN 1 THEN 'medium' WHEN 2 THEN 'low' END
          FROM flags f WHERE f.applicant_id = a.applicant_id AND f.status = 'open') AS top_severity
  FROM appointments ap JOIN applicants a ON a.applicant_id = ap.applicant_id`;

/** Who an applicant is, as the queue and the case both read it (doc_number: found by the search). */
interface PersonColumns {
  applicant_id: string;
  group_id: string;
  port: string;
  service_date: string;
  given_names: string;
  family_names: string;
  name_as_written: string;
  dob: string;
  doc_number: string | null;
  photo_sha256: string | null;
}

/**
 * A queue row: the appointment (its own applicant, group, port and day), who it is for, and their
 * open flags. The queue view does not show doc_number.
 */
export interface QueueRow extends PersonColumns {
  appointment_id: string;
  slot: string;
  status: string;
  group_size: number;
  open_flags: number;
  top_severity: Severity | null;
}

export interface ApplicantRow extends PersonColumns {
  sex: string;
  nationality: string;
  country_of_birth: string;
  doc_type: string | null;
  doc_issuer: string | null;
  addr_line1: string;
  addr_line2: string | null;
  addr_city: string;
  addr_state: string;
  addr_zip: string;
  phone: string;
  email: string;
  language: string;
  device_id: string;
  photo_captured_at: string | null;
}

/** A member of the group, with where their case stands (their latest appointment's status, open flags). */
export type GroupMemberRow = Pick<ApplicantRow, 'applicant_id' | 'given_names' | 'family_names' | 'dob'> & {
  status: string | null;
  open_flags: number;
};

export interface AppointmentRow {
  appointment_id: string;
  slot: string;
  status: string;
  cancel_reason: string | null;
  port: string;
  service_date: string;
}

export function toQueueItemView(r: QueueRow, match?: MatchKind): QueueItemView {
  return {
    appointmentId: r.appointment_id,
    applicantId: r.applicant_id,
    groupId: r.group_id,
    groupSize: r.group_size,
    slot: r.slot,
    status: r.status,
    givenNames: r.given_names,
    familyNames: r.family_names,
    nameAsWritten: r.name_as_written,
    dob: r.dob,
    hasPhoto: r.photo_sha256 !== null,
    openFlags: r.open_flags,
    topSeverity: r.top_severity,
    ...(match ? { match } : {}),
  };
}

/** What an applicant's case shows besides the record itself, gathered by the caller. */
export type CaseParts = Pick<ApplicantView, 'timeZone' | 'photo' | 'photoMissingReason'> & {
  flags: ApplicantView['flags'];
  encounters: ApplicantView['encounters'];
  group: GroupMemberRow[];
  appointments: AppointmentRow[];
};

export function toApplicantView(a: ApplicantRow, parts: CaseParts): ApplicantView {
  return {
    applicantId: a.applicant_id,
    groupId: a.group_id,
    port: a.port,
    timeZone: parts.timeZone,
    serviceDate: a.service_date,
    givenNames: a.given_names,
    familyNames: a.family_names,
    nameAsWritten: a.name_as_written,
    dob: a.dob,
    sex: a.sex,
    nationality: a.nationality,
    countryOfBirth: a.country_of_birth,
    document: a.doc_number
      ? { type: a.doc_type ?? 'other', number: a.doc_number, issuer: a.doc_issuer ?? '' }
      : null,
    address: {
      line1: a.addr_line1,
      line2: a.addr_line2,
      city: a.addr_city,
      state: a.addr_state,
      zip: a.addr_zip,
    },
    phone: a.phone,
    email: a.email,
    language: a.language,
    deviceId: a.device_id,
    photo: parts.photo,
    photoMissingReason: parts.photoMissingReason,
    photoCapturedAt: a.photo_captured_at,
    group: parts.group.map((m) => ({
      applicantId: m.applicant_id,
      givenNames: m.given_names,
      familyNames: m.family_names,
      dob: m.dob,
      status: m.status,
      openFlags: m.open_flags,
    })),
    appointments: parts.appointments.map((x) => ({
      appointmentId: x.appointment_id,
      slot: x.slot,
      status: x.status,
      cancelReason: x.cancel_reason,
      port: x.port,
      serviceDate: x.service_date,
    })),
    flags: parts.flags,
    encounters: parts.encounters,
  };
}

export class ApplicantRepository {
  constructor(private readonly db: Db) {}

  /**
   * The day's appointments in slot order, with what the search reads (main/applicant/search.ts
   * ranks them: folding names is not something SQL's LIKE can do).
   */
  queue(port: string, serviceDate: string, limit = QUEUE_LIMIT): QueueRow[] {
    return this.db
      .prepare<[string, string, number], QueueRow>(
        `${QUEUE_SELECT} WHERE ap.port = ? AND ap.service_date = ? ORDER BY ap.slot, ap.group_id, a.applicant_id LIMIT ?`,
      )
      .all(port, serviceDate, limit);
  }

  /** Appointments by their exact registration or appointment id, on any day (a scanned code). */
  byExactId(ids: string[]): QueueRow[] {
    return this.db
      .prepare<{ ids: string }, QueueRow>(
        `${QUEUE_SELECT} WHERE ap.appointment_id IN (SELECT value FROM json_each(@ids)) OR ap.applicant_id IN (SELECT value FROM json_each(@ids)) ORDER BY ap.slot LIMIT 20`,
      )
      .all({ ids: JSON.stringify(ids) });
  }

  get(applicantId: string): ApplicantRow | undefined {
    return this.db
      .prepare<[string], ApplicantRow>('SELECT * FROM applicants WHERE applicant_id = ?')
      .get(applicantId);
  }

  groupMembers(groupId: string): GroupMemberRow[] {
    return this.db
      .prepare<[string], GroupMemberRow>(
        `SELECT a.applicant_id, a.given_names, a.family_names, a.dob,
                (SELECT ap.status FROM appointments ap WHERE ap.applicant_id = a.applicant_id
                  ORDER BY CASE ap.status WHEN 'cancelled' THEN 1 ELSE 0 END, ap.slot DESC LIMIT 1) AS status,
                (SELECT COUNT(*) FROM flags f WHERE f.applicant_id = a.applicant_id AND f.status = 'open') AS open_flags
         FROM applicants a WHERE a.group_id = ? ORDER BY a.applicant_id`,
      )
      .all(groupId);
  }

  appointments(applicantId: string): AppointmentRow[] {
    return this.db
      .prepare<[string], AppointmentRow>(
        'SELECT appointment_id, slot, status, cancel_reason, port, service_date FROM appointments WHERE applicant_id = ? ORDER BY slot',
      )
      .all(applicantId);
  }

  countsByStatus(port: string, serviceDate: string): Record<string, number> {
    return tally(
      this.db,
      'SELECT status AS key, COUNT(*) AS n FROM appointments WHERE port = ? AND service_date = ? GROUP BY status',
      port,
      serviceDate,
    );
  }
}
