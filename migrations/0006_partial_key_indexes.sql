-- 0006: matching-key indexes only over rows that have keys. Keys are written by the flags step
-- after ingest, so a batch being applied no longer scatters writes over these indexes (and the
-- birth-date index duplicated the covering one).
DROP INDEX applicants_dob;
DROP INDEX applicants_dob_names;
DROP INDEX applicants_addr_key;
DROP INDEX applicants_phone_key;
DROP INDEX applicants_email_key;
DROP INDEX applicants_device_key;
DROP INDEX applicants_doc_key;
CREATE INDEX applicants_addr_key ON applicants (addr_key) WHERE addr_key IS NOT NULL;
CREATE INDEX applicants_phone_key ON applicants (phone_key) WHERE phone_key IS NOT NULL;
CREATE INDEX applicants_email_key ON applicants (email_key) WHERE email_key IS NOT NULL;
CREATE INDEX applicants_device_key ON applicants (device_key) WHERE device_key IS NOT NULL;
CREATE INDEX applicants_doc_key ON applicants (doc_key) WHERE doc_key IS NOT NULL;
CREATE INDEX applicants_dob_names ON applicants (dob, name_tokens, surname_tokens, applicant_id) WHERE name_tokens IS NOT NULL;
