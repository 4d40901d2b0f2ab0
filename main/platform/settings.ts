// Runs in: main process and CLI. Site settings an admin can change at run time.
import type { SettingsView } from '../../ipc/channels/settings';
import type { Db } from '../db/database';

export type Settings = SettingsView;

export const DEFAULT_SETTINGS: Settings = { idleLockMinutes: 10, retentionDays: 30 };

export class SettingsRepository {
  constructor(private readonly db: Db) {}

  get(): Settings {
    const rows = this.db.prepare<[], { key: string; value: string }>('SELECT key, value FROM settings').all();
    const s: Settings = { ...DEFAULT_SETTINGS };
    for (const r of rows) {
      if (r.key in s) (s as unknown as Record<string, number>)[r.key] = Number(r.value);
    }
    return s;
  }

  /** A JSON-valued setting (e.g. flag thresholds); null when never set. */
  getJson<T>(key: string): T | null {
    const r = this.db
      .prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?')
      .get(key);
    return r ? (JSON.parse(r.value) as T) : null;
  }

  setJson(key: string, value: unknown): void {
    this.db
      .prepare(
        'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
      )
      .run(key, JSON.stringify(value));
  }

  update(patch: Partial<Settings>): Settings {
    const put = this.db.prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    );
    for (const [k, v] of Object.entries(patch)) if (v !== undefined) put.run(k, String(v));
    return this.get();
  }
}
