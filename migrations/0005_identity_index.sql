-- 0005: covering index for the identity-duplicate rule's birth-date blocks.
CREATE INDEX applicants_dob_names ON applicants (dob, name_tokens, surname_tokens, applicant_id);
