-- 0013: a per-account epoch, bumped by the database itself whenever the role, the disabled flag
-- or the password changes, from whichever process (the app, the CLI, a SQLite shell). A session
-- remembers the epoch it was opened at and ends on its next call once they differ
-- (main/auth/session-store.ts), so `arrivals user disable NAME` ends a live session in the app.
ALTER TABLE users ADD COLUMN epoch INTEGER NOT NULL DEFAULT 0;
CREATE TRIGGER users_epoch AFTER UPDATE OF role, disabled, password_hash ON users
WHEN OLD.role IS NOT NEW.role OR OLD.disabled IS NOT NEW.disabled OR OLD.password_hash IS NOT NEW.password_hash
BEGIN UPDATE users SET epoch = epoch + 1 WHERE id = NEW.id; END;
