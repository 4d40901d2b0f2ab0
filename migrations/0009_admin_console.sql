-- 0009: what the admin console needs. A password an admin sets is one-time: the user must choose
-- their own at the next sign-in. The lookout list in force records where it came from (the feed,
-- or a file an admin imported, by whom), so the admin page can say so.
ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1));

ALTER TABLE lookout_meta ADD COLUMN source TEXT NOT NULL DEFAULT 'feed' CHECK (source IN ('feed', 'csv', 'signed-json'));
ALTER TABLE lookout_meta ADD COLUMN file_name TEXT;
ALTER TABLE lookout_meta ADD COLUMN imported_by TEXT;
