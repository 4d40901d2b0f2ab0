-- 0008: how the officer confirmed identity at the booth. A verification made in blind-first mode
-- keeps the officer's own judgement beside the score (recorded before the score was shown); a
-- manual identity check (the travel document inspected, the officer's reason) is recorded as
-- such; an encounter names the manual check it relied on.
ALTER TABLE verifications ADD COLUMN blind INTEGER NOT NULL DEFAULT 0 CHECK (blind IN (0, 1));
ALTER TABLE verifications ADD COLUMN judgement TEXT CHECK (judgement IN ('same', 'different', 'unsure'));
ALTER TABLE verifications ADD COLUMN judged_at TEXT;

CREATE TABLE manual_checks (
  id                 INTEGER PRIMARY KEY,
  applicant_id       TEXT NOT NULL,
  officer            TEXT NOT NULL,
  at                 TEXT NOT NULL,
  document_inspected INTEGER NOT NULL CHECK (document_inspected = 1),
  reason             TEXT NOT NULL CHECK (length(trim(reason)) > 0),
  -- face comparisons of this applicant before the check, and how many gave no match or no result
  attempts           INTEGER NOT NULL,
  unsuccessful       INTEGER NOT NULL
) STRICT;
CREATE INDEX manual_checks_applicant ON manual_checks (applicant_id, at);

ALTER TABLE encounters ADD COLUMN manual_check_id INTEGER REFERENCES manual_checks (id);
