// Runs in: main process and CLI. Cross-port trends: the addresses, phones, mailboxes and booking
// devices shared by the most applicants across every synced port and day (what the auditors asked for).
import type { Db } from '../db/database';
import { households, peopleInTiers } from './rules/people';
import { mergeFresh } from './key-tiers';

export interface TrendRow {
  kind: 'address' | 'phone' | 'email' | 'device';
  key: string;
  example: string;
  applicants: number;
  households: number;
  ports: string[];
  /** Applicants per port, most first: where the vetting window saw it. */
  perPort: Array<{ port: string; applicants: number }>;
  days: number;
  firstDate: string;
  lastDate: string;
}

const KINDS = [
  {
    kind: 'address',
    column: 'addr_key',
    example:
      "addr_line1 || coalesce(', ' || addr_line2, '') || ', ' || addr_city || ' ' || addr_state || ' ' || addr_zip",
  },
  { kind: 'phone', column: 'phone_key', example: 'phone_key' },
  { kind: 'email', column: 'email_key', example: 'email_key' },
  { kind: 'device', column: 'device_key', example: 'device_key' },
] as const;

export function trends(db: Db, limit = 10): TrendRow[] {
  // Whole-table groupings read the main key tier (ordered by key); fresh keys join it first.
  mergeFresh(db);
  const out: TrendRow[] = [];
  for (const k of KINDS) {
    const rows = db
      .prepare<
        [number],
        {
          key: string;
          example: string;
          applicants: number;
          groups: number;
          ports: string;
          days: number;
          first: string;
          last: string;
        }
      >(
        `SELECT ${k.column} AS key, MIN(${k.example}) AS example, COUNT(*) AS applicants, COUNT(DISTINCT group_id) AS groups,
                group_concat(DISTINCT port) AS ports, COUNT(DISTINCT service_date) AS days, MIN(service_date) AS first, MAX(service_date) AS last
         FROM applicants WHERE ${k.column} IS NOT NULL AND keys_fresh = 0 GROUP BY ${k.column} HAVING COUNT(DISTINCT group_id) > 1
         ORDER BY groups DESC, applicants DESC LIMIT ?`,
      )
      .all(limit);
    const byPort = db.prepare<[string], { port: string; applicants: number }>(
      `SELECT port, COUNT(*) AS applicants FROM applicants WHERE ${k.column} = ? AND keys_fresh = 0
       GROUP BY port ORDER BY applicants DESC, port`,
    );
    for (const r of rows) {
      out.push({
        kind: k.kind,
        key: r.key,
        example: r.example,
        applicants: r.applicants,
        households: households(peopleInTiers(db, `${k.column} = @key`, { key: r.key })).length,
        ports: r.ports.split(',').sort(),
        perPort: byPort.all(r.key),
        days: r.days,
        firstDate: r.first,
        lastDate: r.last,
      });
    }
  }
  return out;
}
