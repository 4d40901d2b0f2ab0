// Runs in: main process and CLI. Site settings an admin can change at run time: the only place
// that reads or writes the settings table. Values are stored as JSON text; a value that does not
// read as its setting's type (a hand edit, an older version) falls back to the default.
import { SettingsView } from '../../ipc/channels/settings';
import type { Db } from '../db/database';
import { PORTS } from '../domain/ports';

export type Settings = SettingsView;

export const DEFAULT_SETTINGS: Settings = {
  idleLockMinutes: 10,
  retentionDays: 30,
  boothName: null,
  faceBands: null,
  updateChannel: 'stable',
  updateQuietHour: null,
  updateFeedUrl: null,
  blindFirst: false,
  // Every port, 30 service days back (today included) and 7 ahead: 8 × 37 port-days.
  vettingWindow: { ports: PORTS.map((p) => p.code), daysBack: 30, daysAhead: 7, faceTemplates: false },
};

type Key = keyof Settings;
const isKey = (k: string): k is Key => Object.prototype.hasOwnProperty.call(DEFAULT_SETTINGS, k);

function stored(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export class SettingsRepository {
  constructor(private readonly db: Db) {}

  get(): Settings {
    const rows = this.db.prepare<[], { key: string; value: string }>('SELECT key, value FROM settings').all();
    const s: Record<string, unknown> = { ...DEFAULT_SETTINGS };
    for (const r of rows) {
      if (!isKey(r.key)) continue;
      const field = SettingsView.shape[r.key].safeParse(stored(r.value));
      if (field.success) s[r.key] = field.data;
    }
    return s as Settings;
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
    for (const [k, v] of Object.entries(patch)) if (v !== undefined && isKey(k)) this.setJson(k, v);
    return this.get();
  }
}
