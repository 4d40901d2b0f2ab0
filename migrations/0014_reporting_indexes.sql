-- 0014: covering indexes for the supervisor's day figures (main/reporting/reporting-repository.ts).
-- The figures reach an applicant by id from each face comparison, check and decision, and read only
-- the day and the group fields; the wide applicant row itself is never read. Likewise the day's
-- photos are read from the day alone.
CREATE INDEX applicants_report ON applicants (applicant_id, port, service_date, sex, dob, nationality, language);
CREATE INDEX applicants_day_photo ON applicants (port, service_date, photo_sha256);
