-- 0004: normalised matching keys on applicants, vetting flags with acknowledgement and
-- feedback, and completed encounters (append-only; a correction is a new row).

ALTER TABLE applicants ADD COLUMN addr_key TEXT;
ALTER TABLE applicants ADD COLUMN phone_key TEXT;
ALTER TABLE applicants ADD COLUMN email_key TEXT;
ALTER TABLE applicants ADD COLUMN device_key TEXT;
ALTER TABLE applicants ADD COLUMN doc_key TEXT;
-- Space-separated spelling skeletons of the names, for identity and lookout matching.
ALTER TABLE applicants ADD COLUMN name_tokens TEXT;
ALTER TABLE applicants ADD COLUMN surname_tokens TEXT;
ALTER TABLE applicants ADD COLUMN keys_version INTEGER NOT NULL DEFAULT 0;
CREATE INDEX applicants_addr_key ON applicants (addr_key);
CREATE INDEX applicants_phone_key ON applicants (phone_key);
CREATE INDEX applicants_email_key ON applicants (email_key);
CREATE INDEX applicants_device_key ON applicants (device_key);
CREATE INDEX applicants_doc_key ON applicants (doc_key);
CREATE INDEX applicants_dob ON applicants (dob);

CREATE TABLE flags (
  id            INTEGER PRIMARY KEY,
  applicant_id  TEXT NOT NULL,
  rule_id       TEXT NOT NULL,
  rule_version  INTEGER NOT NULL,
  match_key     TEXT NOT NULL,
  severity      TEXT NOT NULL CHECK (severity IN ('low', 'medium', 'high')),
  evidence      TEXT NOT NULL,
  explanation   TEXT NOT NULL,
  status        TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'cleared')),
  computed_at   TEXT NOT NULL,
  acknowledged_by TEXT,
  acknowledged_at TEXT,
  ack_note      TEXT,
  feedback      TEXT CHECK (feedback IN ('false_positive', 'confirmed')),
  feedback_by   TEXT,
  feedback_at   TEXT,
  feedback_note TEXT,
  UNIQUE (applicant_id, rule_id, match_key)
) STRICT;
CREATE INDEX flags_applicant ON flags (applicant_id, status);
CREATE INDEX flags_rule ON flags (rule_id, status);

CREATE TABLE encounters (
  client_id       TEXT PRIMARY KEY,
  applicant_id    TEXT NOT NULL,
  appointment_id  TEXT NOT NULL,
  officer         TEXT NOT NULL,
  booth           TEXT NOT NULL,
  arrived_at      TEXT NOT NULL,
  completed_at    TEXT NOT NULL,
  disposition     TEXT NOT NULL CHECK (disposition IN ('processed', 'referred_secondary', 'no_show', 'identity_not_confirmed')),
  note            TEXT NOT NULL,
  verification_id INTEGER,
  flags_acknowledged TEXT NOT NULL,
  supersedes      TEXT
) STRICT;
CREATE INDEX encounters_applicant ON encounters (applicant_id, completed_at);
CREATE TRIGGER encounters_no_update BEFORE UPDATE ON encounters
BEGIN SELECT RAISE(ABORT, 'encounters are never edited in place; record a correction'); END;
