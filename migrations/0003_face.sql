-- 0003: face templates of submitted photos (per model version), and every verification attempt.

CREATE TABLE face_templates (
  photo_sha256    TEXT NOT NULL,
  model_version   TEXT NOT NULL,
  embedding       BLOB,            -- 512 float32, little-endian; NULL when the photo is unusable
  quality_ok      INTEGER NOT NULL,
  quality_reasons TEXT NOT NULL,   -- JSON [{code, message}]
  liveness        REAL,
  liveness_suspect INTEGER NOT NULL DEFAULT 0,
  unusable_reason TEXT,
  computed_at     TEXT NOT NULL,
  PRIMARY KEY (photo_sha256, model_version)
) STRICT;

CREATE TABLE verifications (
  id              INTEGER PRIMARY KEY,
  applicant_id    TEXT NOT NULL,
  officer         TEXT NOT NULL,
  at              TEXT NOT NULL,
  capture_sha256  TEXT NOT NULL,
  band            TEXT,
  score           REAL,
  match_threshold REAL NOT NULL,
  inconclusive_threshold REAL NOT NULL,
  liveness        REAL,
  quality_reasons TEXT NOT NULL,
  model_version   TEXT NOT NULL,
  total_ms        REAL NOT NULL
) STRICT;
CREATE INDEX verifications_applicant ON verifications (applicant_id, at);
