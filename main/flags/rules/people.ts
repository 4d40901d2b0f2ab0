// Runs in: main process and CLI. Reading applicants for rules: only the fields rules may use.
// Nationality, country of birth, sex and language are deliberately not selected here, so no
// rule can read them (tests/unit/flags/fairness.test.ts checks this file and the rules).
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import type { Db } from '../../db/database';
import type { ApplicantRow } from '../../applicant/applicant-repository';
import type { ApplicantKeys } from '../keys';
import { bothTiers } from '../key-tiers';
import type { RuleContext } from './rule';

/** The only applicant fields a rule can see: the columns selected below, nothing else. */
const PERSON_FIELDS = [
  'applicant_id',
  'group_id',
  'port',
  'service_date',
  'given_names',
  'family_names',
  'dob',
  'addr_line1',
  'addr_line2',
  'addr_city',
  'addr_state',
  'addr_zip',
  'phone',
  'email',
  'device_id',
  'doc_number',
  'doc_issuer',
  'photo_sha256',
  'addr_key',
  'phone_key',
  'email_key',
  'device_key',
  'doc_key',
  'name_tokens',
  'surname_tokens',
] as const;

export type Person = Pick<
  ApplicantRow & { [K in keyof ApplicantKeys]: ApplicantKeys[K] | null },
  (typeof PERSON_FIELDS)[number]
>;

export const PERSON_COLUMNS = PERSON_FIELDS.join(', ');

type Statement = BetterSqlite3.Statement<unknown[]>;
const statements = new WeakMap<Db, Map<string, Statement>>();

/** Prepared once per database and SQL text: an incremental run issues the same few queries thousands of times. */
export function statement(db: Db, sql: string): Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let st = cache.get(sql);
  if (!st) cache.set(sql, (st = db.prepare<unknown[]>(sql)));
  return st;
}

export function peopleWhere(db: Db, where: string, ...params: unknown[]): Person[] {
  return statement(db, `SELECT ${PERSON_COLUMNS} FROM applicants WHERE ${where}`).all(...params) as Person[];
}

/**
 * People found through a matching-key index, both tiers (see key-tiers.ts): `where` uses
 * named parameters (@key) and must imply the indexed column is not null.
 */
export function peopleInTiers(db: Db, where: string, params: Record<string, string | number>): Person[] {
  return statement(db, bothTiers(`SELECT ${PERSON_COLUMNS} FROM applicants`, where)).all(params) as Person[];
}

/** What rules read of the applicants a run touched: their matching keys and name block. */
export type TouchedRow = Pick<
  Person,
  | 'applicant_id'
  | 'dob'
  | 'name_tokens'
  | 'surname_tokens'
  | 'addr_key'
  | 'phone_key'
  | 'email_key'
  | 'device_key'
  | 'doc_key'
>;

/** The touched applicants, read at most once per run however many rules ask (see FlagEngine.updateFor). */
export interface Touched {
  ids: string[];
  rows(): TouchedRow[];
}

const TOUCHED_SQL =
  'SELECT applicant_id, dob, name_tokens, surname_tokens, addr_key, phone_key, email_key, device_key, doc_key FROM applicants WHERE applicant_id IN (SELECT value FROM json_each(?))';

/** Read on first use, then kept for the run: the rows in applicant id order (the IN list's). */
export function touchedOnce(db: Db, ids: string[]): Touched {
  let rows: TouchedRow[] | null = null;
  return { ids, rows: () => (rows ??= statement(db, TOUCHED_SQL).all(JSON.stringify(ids)) as TouchedRow[]) };
}

/** The given applicants' rows: the run's shared read when it is for these ids, else a read of their own. */
export function touchedRows(ctx: RuleContext, ids: string[]): TouchedRow[] {
  return (ctx.touched?.ids === ids ? ctx.touched : touchedOnce(ctx.db, ids)).rows();
}

/** Distinct values of a key column among the given applicants, in the order their rows are read. */
export function keysOf(
  ctx: RuleContext,
  column: 'addr_key' | 'phone_key' | 'email_key' | 'device_key' | 'doc_key',
  ids: string[],
): string[] {
  const keys = new Set<string>();
  for (const r of touchedRows(ctx, ids)) if (r[column] !== null) keys.add(r[column]);
  return [...keys];
}

/** Keys of this rule's open flags on the given applicants: what a correction may have left behind. */
export function flaggedKeys(db: Db, ruleId: string, ids: string[]): string[] {
  return (
    statement(
      db,
      "SELECT DISTINCT match_key AS k FROM flags WHERE rule_id = ? AND status = 'open' AND applicant_id IN (SELECT value FROM json_each(?))",
    ).all(ruleId, JSON.stringify(ids)) as Array<{ k: string }>
  ).map((r) => r.k);
}

/** Of the given key values, those shared by at least `min` distinct travel groups. */
export function sharedKeys(db: Db, column: string, keys: string[], min: number): string[] {
  if (!keys.length) return [];
  const sql = `SELECT k FROM (${bothTiers(`SELECT ${column} AS k, group_id FROM applicants`, `${column} IN (SELECT value FROM json_each(@keys)) AND ${column} IS NOT NULL`)}) GROUP BY k HAVING COUNT(DISTINCT group_id) >= @min`;
  return (statement(db, sql).all({ keys: JSON.stringify(keys), min }) as Array<{ k: string }>).map(
    (r) => r.k,
  );
}

export function peopleByIds(db: Db, ids: string[]): Person[] {
  const out: Person[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    out.push(...peopleWhere(db, `applicant_id IN (${chunk.map(() => '?').join(',')})`, ...chunk));
  }
  return out;
}

/** Which ports and service days a pattern spans: the flagged applicant and everyone it names. */
export interface Span {
  ports: string[];
  from: string;
  to: string;
  days: number;
}

export function spanOf(people: Array<Pick<Person, 'port' | 'service_date'>>): Span {
  const dates = [...new Set(people.map((p) => p.service_date))].sort();
  return {
    ports: [...new Set(people.map((p) => p.port))].sort(),
    from: dates[0] ?? '',
    to: dates.at(-1) ?? '',
    days: dates.length,
  };
}

/** "across 3 ports (ELP, NOG, SYS) from 2026-11-21 to 2026-12-01", or "at SYS on 2026-12-01". */
export function spanText(s: Span): string {
  const where =
    s.ports.length === 1 ? `at ${s.ports[0]}` : `across ${s.ports.length} ports (${s.ports.join(', ')})`;
  return s.from === s.to ? `${where} on ${s.from}` : `${where} from ${s.from} to ${s.to}`;
}

export function displayName(p: Person): string {
  return `${p.given_names} ${p.family_names}`;
}

export function evidenceOf(p: Person, matched: string) {
  return {
    applicantId: p.applicant_id,
    name: displayName(p),
    port: p.port,
    serviceDate: p.service_date,
    groupId: p.group_id,
    matched,
  };
}

/**
 * Households among the people sharing something: people in one travel group, or with the same
 * family name (compared after accents, spelling and transliteration are folded, so Ivanova and
 * Ivanov are one family), are one household; everyone else is unrelated. Only an identical family
 * name links two groups: sharing one common surname word (two unrelated Garcías) does not.
 */
export function households(people: Person[]): Person[][] {
  const parent = people.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const union = (a: number, b: number) => {
    parent[find(a)] = find(b);
  };
  const byGroup = new Map<string, number>();
  const byFamily = new Map<string, number>();
  people.forEach((p, i) => {
    const g = byGroup.get(p.group_id);
    if (g === undefined) byGroup.set(p.group_id, i);
    else union(i, g);
    const family = p.surname_tokens ?? '';
    if (!family) return;
    const f = byFamily.get(family);
    if (f === undefined) byFamily.set(family, i);
    else union(i, f);
  });
  const out = new Map<number, Person[]>();
  people.forEach((p, i) => {
    const r = find(i);
    out.set(r, [...(out.get(r) ?? []), p]);
  });
  return [...out.values()];
}
