// Runs in: main process and CLI. Per-port sync outcome, for the status area.
import type { SyncStatusView } from '../../ipc/channels/sync';
import type { Db } from '../db/database';

export type SyncStateName = SyncStatusView['state'];

export interface SyncStateRow {
  port: string;
  state: SyncStateName;
  last_attempt_at: string | null;
  last_success_at: string | null;
  last_error: string | null;
  consecutive_failures: number;
}

export class SyncStateRepository {
  constructor(private readonly db: Db) {}

  get(port: string): SyncStateRow | undefined {
    return this.db.prepare<[string], SyncStateRow>('SELECT * FROM sync_state WHERE port = ?').get(port);
  }

  private upsert(port: string, patch: Partial<SyncStateRow>): void {
    const cur = this.get(port) ?? {
      port,
      state: 'never' as const,
      last_attempt_at: null,
      last_success_at: null,
      last_error: null,
      consecutive_failures: 0,
    };
    const next = { ...cur, ...patch };
    this.db
      .prepare(
        `INSERT INTO sync_state (port, state, last_attempt_at, last_success_at, last_error, consecutive_failures)
         VALUES (@port, @state, @last_attempt_at, @last_success_at, @last_error, @consecutive_failures)
         ON CONFLICT(port) DO UPDATE SET state = excluded.state, last_attempt_at = excluded.last_attempt_at,
           last_success_at = excluded.last_success_at, last_error = excluded.last_error,
           consecutive_failures = excluded.consecutive_failures`,
      )
      .run(next);
  }

  started(port: string): void {
    this.upsert(port, { state: 'syncing', last_attempt_at: new Date().toISOString() });
  }

  succeeded(port: string): void {
    this.upsert(port, {
      state: 'idle',
      last_success_at: new Date().toISOString(),
      last_error: null,
      consecutive_failures: 0,
    });
  }

  failed(port: string, state: 'offline' | 'error', message: string): void {
    const cur = this.get(port);
    this.upsert(port, {
      state,
      last_error: message,
      consecutive_failures: (cur?.consecutive_failures ?? 0) + 1,
    });
  }
}
