-- 0011: the supervisor's sign-off of a referral to secondary inspection (main/reporting/
-- referral-repository.ts), one per referral decision, never edited: a correction of the case is a
-- new decision, which needs its own sign-off. A sign-off goes with its decision when retention
-- purges that (the trigger), so no purge has to know about it. And two indexes for the day's
-- figures (main/reporting/reporting-repository.ts): a case's latest decision from its appointment,
-- and a port-day's appointments by status and slot, and to their decisions, without reading the rows.
CREATE TABLE referral_signoffs (
  id           INTEGER PRIMARY KEY,
  -- the referral decision signed off (an encounter with disposition 'referred_secondary')
  encounter_id TEXT NOT NULL UNIQUE,
  outcome      TEXT NOT NULL CHECK (outcome IN ('admitted', 'not_admitted', 'further_action')),
  note         TEXT NOT NULL CHECK (length(trim(note)) > 0),
  supervisor   TEXT NOT NULL,
  at           TEXT NOT NULL
) STRICT;
CREATE TRIGGER referral_signoffs_no_update BEFORE UPDATE ON referral_signoffs
BEGIN SELECT RAISE(ABORT, 'a sign-off is never edited'); END;
CREATE TRIGGER encounters_purge_signoff AFTER DELETE ON encounters
BEGIN DELETE FROM referral_signoffs WHERE encounter_id = old.client_id; END;

CREATE INDEX encounters_appointment ON encounters (appointment_id, completed_at);
CREATE INDEX appointments_day_status ON appointments (port, service_date, status, slot, appointment_id);
