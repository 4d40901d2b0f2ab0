-- 0012: the audit chain becomes keyed (HMAC-SHA-256 under a key derived from the data key; see
-- main/audit/audit-log.ts). A chain written before is marked 'sha256': the app verifies it and
-- re-keys it once, in one transaction, the first time it writes or verifies the log.
ALTER TABLE audit_head ADD COLUMN chain TEXT NOT NULL DEFAULT 'sha256' CHECK (chain IN ('sha256', 'hmac-sha256'));
