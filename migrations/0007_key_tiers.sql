-- 0007: matching keys in two tiers, like a small log-structured merge tree. Registering a new
-- applicant under six random keys in indexes of a million entries dirties about six random
-- pages each (~11,000 pages for a 2,000-applicant batch): that, not the rules, was most of the
-- flags step. Fresh keys (keys_fresh = 1) go into small indexes that stay hot; an idle-time
-- merge (FlagService.maintain) moves them into the main ones in bulk, where many inserts share
-- a page. Lookups read both tiers (main/flags/key-tiers.ts); a row is in exactly one.
ALTER TABLE applicants ADD COLUMN keys_fresh INTEGER NOT NULL DEFAULT 0;

DROP INDEX applicants_addr_key;
DROP INDEX applicants_phone_key;
DROP INDEX applicants_email_key;
DROP INDEX applicants_device_key;
DROP INDEX applicants_doc_key;
DROP INDEX applicants_dob_names;

CREATE INDEX applicants_addr_key ON applicants (addr_key) WHERE keys_fresh = 0 AND addr_key IS NOT NULL;
CREATE INDEX applicants_phone_key ON applicants (phone_key) WHERE keys_fresh = 0 AND phone_key IS NOT NULL;
CREATE INDEX applicants_email_key ON applicants (email_key) WHERE keys_fresh = 0 AND email_key IS NOT NULL;
CREATE INDEX applicants_device_key ON applicants (device_key) WHERE keys_fresh = 0 AND device_key IS NOT NULL;
CREATE INDEX applicants_doc_key ON applicants (doc_key) WHERE keys_fresh = 0 AND doc_key IS NOT NULL;
CREATE INDEX applicants_dob_names ON applicants (dob, name_tokens, surname_tokens, applicant_id) WHERE keys_fresh = 0 AND name_tokens IS NOT NULL;

CREATE INDEX applicants_addr_key_fresh ON applicants (addr_key) WHERE keys_fresh = 1 AND addr_key IS NOT NULL;
CREATE INDEX applicants_phone_key_fresh ON applicants (phone_key) WHERE keys_fresh = 1 AND phone_key IS NOT NULL;
CREATE INDEX applicants_email_key_fresh ON applicants (email_key) WHERE keys_fresh = 1 AND email_key IS NOT NULL;
CREATE INDEX applicants_device_key_fresh ON applicants (device_key) WHERE keys_fresh = 1 AND device_key IS NOT NULL;
CREATE INDEX applicants_doc_key_fresh ON applicants (doc_key) WHERE keys_fresh = 1 AND doc_key IS NOT NULL;
CREATE INDEX applicants_dob_names_fresh ON applicants (dob, name_tokens, surname_tokens, applicant_id) WHERE keys_fresh = 1 AND name_tokens IS NOT NULL;
