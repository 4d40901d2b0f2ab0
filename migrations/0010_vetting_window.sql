-- 0010: the vetting window (main/sync/window-sync.ts). Every port-day the console keeps synced
-- beyond its own port's today, with what the feed last said about it: its header's ETag (a
-- complete day then costs one conditional request per cycle), when the feed last confirmed it,
-- and the day's own back-off after errors. Manifests, batches and records stay where they are
-- (0002); this is only the scheduling state, purged with the port-day when it leaves the window.
CREATE TABLE port_days (
  port            TEXT NOT NULL,
  service_date    TEXT NOT NULL,
  -- pending: not complete yet; current: complete as of checked_at; absent: the feed has no
  -- manifest for it (404); failing: the last attempt failed, retried after next_attempt_at.
  state           TEXT NOT NULL CHECK (state IN ('pending', 'current', 'absent', 'failing')),
  etag            TEXT,
  checked_at      TEXT,
  failures        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT,
  last_error      TEXT,
  PRIMARY KEY (port, service_date)
) STRICT;
