-- 0002: synced port data (manifests, groups, applicants, appointments, amendments, photos,
-- lookout list), sync progress, and the encounter outbox.

CREATE TABLE manifests (
  port          TEXT NOT NULL,
  service_date  TEXT NOT NULL,
  version       INTEGER NOT NULL,
  generated_at  TEXT NOT NULL,
  key_id        TEXT NOT NULL,
  last_seq      INTEGER NOT NULL,
  record_count  INTEGER NOT NULL,
  applied_seq   INTEGER NOT NULL DEFAULT 0,
  first_synced_at TEXT NOT NULL,
  completed_at  TEXT,
  PRIMARY KEY (port, service_date)
) STRICT;

-- One row per applied batch: the resume point, and proof nothing is applied twice.
CREATE TABLE applied_batches (
  port          TEXT NOT NULL,
  service_date  TEXT NOT NULL,
  seq           INTEGER NOT NULL,
  batch_sha256  TEXT NOT NULL,
  record_count  INTEGER NOT NULL,
  source        TEXT NOT NULL CHECK (source IN ('feed', 'bundle')),
  applied_at    TEXT NOT NULL,
  PRIMARY KEY (port, service_date, seq)
) STRICT;

CREATE TABLE travel_groups (
  group_id      TEXT PRIMARY KEY,
  kind          TEXT NOT NULL,
  primary_applicant_id TEXT NOT NULL,
  port          TEXT NOT NULL,
  service_date  TEXT NOT NULL
) STRICT;

CREATE TABLE applicants (
  applicant_id    TEXT PRIMARY KEY,
  group_id        TEXT NOT NULL,
  port            TEXT NOT NULL,
  service_date    TEXT NOT NULL,
  given_names     TEXT NOT NULL,
  family_names    TEXT NOT NULL,
  name_as_written TEXT NOT NULL,
  dob             TEXT NOT NULL,
  sex             TEXT NOT NULL,
  nationality     TEXT NOT NULL,
  country_of_birth TEXT NOT NULL,
  doc_type        TEXT,
  doc_number      TEXT,
  doc_issuer      TEXT,
  addr_line1      TEXT NOT NULL,
  addr_line2      TEXT,
  addr_city       TEXT NOT NULL,
  addr_state      TEXT NOT NULL,
  addr_zip        TEXT NOT NULL,
  phone           TEXT NOT NULL,
  email           TEXT NOT NULL,
  language        TEXT NOT NULL,
  device_id       TEXT NOT NULL,
  photo_sha256    TEXT,
  photo_captured_at TEXT,
  updated_seq     INTEGER NOT NULL,
  purged_at       TEXT
) STRICT;
CREATE INDEX applicants_port_date ON applicants (port, service_date);
CREATE INDEX applicants_group ON applicants (group_id);
CREATE INDEX applicants_photo ON applicants (photo_sha256);

CREATE TABLE appointments (
  appointment_id TEXT PRIMARY KEY,
  applicant_id   TEXT NOT NULL,
  group_id       TEXT NOT NULL,
  port           TEXT NOT NULL,
  service_date   TEXT NOT NULL,
  slot           TEXT NOT NULL,
  status         TEXT NOT NULL CHECK (status IN ('scheduled', 'cancelled', 'rescheduled', 'arrived', 'completed', 'no_show')),
  cancel_reason  TEXT,
  updated_seq    INTEGER NOT NULL
) STRICT;
CREATE INDEX appointments_port_date_slot ON appointments (port, service_date, slot);
CREATE INDEX appointments_applicant ON appointments (applicant_id);

-- Amendments as received (cancel, reschedule, correction), for the record and for review.
CREATE TABLE amendments (
  port          TEXT NOT NULL,
  service_date  TEXT NOT NULL,
  seq           INTEGER NOT NULL,
  idx           INTEGER NOT NULL,
  type          TEXT NOT NULL,
  target_id     TEXT NOT NULL,
  body          TEXT NOT NULL,
  PRIMARY KEY (port, service_date, seq, idx)
) STRICT;

-- Photo blobs are files under <dataDir>/photos/, named by sha256; a row means the file is
-- complete and verified.
CREATE TABLE photo_blobs (
  sha256     TEXT PRIMARY KEY,
  size       INTEGER NOT NULL,
  stored_at  TEXT NOT NULL
) STRICT;

CREATE TABLE lookout_entries (
  entry_id     TEXT PRIMARY KEY,
  given_names  TEXT NOT NULL,
  family_names TEXT NOT NULL,
  aliases      TEXT NOT NULL,
  dob          TEXT,
  dob_year     INTEGER,
  reason_code  TEXT NOT NULL,
  list_version INTEGER NOT NULL
) STRICT;

CREATE TABLE lookout_meta (
  id           INTEGER PRIMARY KEY CHECK (id = 1),
  version      INTEGER NOT NULL,
  key_id       TEXT NOT NULL,
  fetched_at   TEXT NOT NULL
) STRICT;

CREATE TABLE sync_state (
  port            TEXT PRIMARY KEY,
  state           TEXT NOT NULL,
  last_attempt_at TEXT,
  last_success_at TEXT,
  last_error      TEXT,
  consecutive_failures INTEGER NOT NULL DEFAULT 0
) STRICT;

-- Encounters waiting for the server. Rows are never deleted before the server acknowledges.
CREATE TABLE outbox (
  client_id       TEXT PRIMARY KEY,
  kind            TEXT NOT NULL,
  applicant_id    TEXT NOT NULL,
  payload         TEXT NOT NULL,
  created_at      TEXT NOT NULL,
  attempts        INTEGER NOT NULL DEFAULT 0,
  last_attempt_at TEXT,
  last_error      TEXT,
  acked_at        TEXT,
  server_received_at TEXT
) STRICT;
CREATE INDEX outbox_pending ON outbox (acked_at, created_at);
CREATE INDEX outbox_applicant ON outbox (applicant_id);
