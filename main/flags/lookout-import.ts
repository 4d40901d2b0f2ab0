// Runs in: main process and CLI. An admin's lookout-list import: a CSV file (unsigned; the admin
// who imports it is recorded) or a signed JSON list as the feed serves it (checked against the
// pinned publisher keys). Every row is checked and each problem named by its line; nothing is
// applied while any remains. Applying replaces the list whole with a new version and runs
// LOOKOUT_MATCH again, in one transaction: the list and its flags change together or not at all.
import { createHash } from 'node:crypto';
import type {
  LookoutEntryView,
  LookoutPreviewView,
  LookoutProblem,
  LookoutStatusView,
} from '../../ipc/channels/lookout';
import type { AppContext } from '../app-context';
import { FeedError } from '../feed/feed-error';
import { LookoutEntry, LookoutList } from '../feed/schema';
import { verifyEnvelope } from '../feed/signing';
import { describeIssue } from '../ipc/request-errors';
import { AppError } from '../platform/app-error';
import { LookoutRepository } from '../sync/lookout-repository';
import { FlagRepository } from './flag-repository';
import { parseCsv } from './lookout-csv';

export interface LookoutFile {
  fileName: string;
  content: string;
}

/** The CSV columns, as the header names them (case, spaces, dashes and underscores ignored). */
const COLUMNS = {
  entryid: 'entry_id',
  givennames: 'given_names',
  familynames: 'family_names',
  aliases: 'aliases',
  dob: 'dob',
  dobyear: 'dob_year',
  reasoncode: 'reason_code',
} as const;
type Column = keyof typeof COLUMNS;
const REQUIRED: Column[] = ['entryid', 'givennames', 'familynames', 'reasoncode'];
const HEADER_HELP =
  'The first line must name the columns entry_id, given_names, family_names, reason_code, and optionally aliases (separated by ;), dob (YYYY-MM-DD, or a year YYYY) and dob_year.';

const MAX_PROBLEMS = 200;
const SAMPLE = 20;

interface Read {
  format: 'csv' | 'signed-json';
  /** Rows (CSV) or entries (JSON) in the file, good or not. */
  rows: number;
  entries: Entry[];
  problems: LookoutProblem[];
  version: number;
  keyId: string | null;
}
type Entry = LookoutList['entries'][number];

const fileProblem = (message: string): LookoutProblem => ({ line: null, entryId: null, message });

function realDate(iso: string): boolean {
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
}

/** What the schema cannot say: a real date, not in the future, and something to match on. */
function entryProblems(e: Entry, today: string): string[] {
  const out: string[] = [];
  if (e.dob !== null && (!realDate(e.dob) || e.dob > today))
    out.push(`Date of birth "${e.dob}" is not a real past date; write it as YYYY-MM-DD, e.g. 1985-04-12.`);
  if (e.dob === null && e.dobYear === null)
    out.push(
      'Give a date of birth (YYYY-MM-DD) or a year of birth (YYYY): an entry without one matches nobody.',
    );
  if (e.dobYear !== null && e.dob !== null && Number(e.dob.slice(0, 4)) !== e.dobYear)
    out.push(`The year of birth ${e.dobYear} does not agree with the date of birth ${e.dob}.`);
  return out;
}

/** Checks entries already shaped as the feed's; `where(i)` names entry i for its problems. */
function checkEntries(
  raw: unknown[],
  where: (i: number) => number,
  today: string,
): { entries: Entry[]; problems: LookoutProblem[] } {
  const entries: Entry[] = [];
  const problems: LookoutProblem[] = [];
  const seen = new Map<string, number>();
  raw.forEach((candidate, i) => {
    const line = where(i);
    const id = (candidate as { entryId?: unknown }).entryId;
    const entryId = typeof id === 'string' && id ? id.slice(0, 64) : null;
    const add = (message: string) => problems.push({ line, entryId, message });
    const parsed = LookoutEntry.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) add(describeIssue(issue, candidate));
      return;
    }
    const e = parsed.data;
    entryProblems(e, today).forEach(add);
    const first = seen.get(e.entryId);
    if (first !== undefined)
      add(`Entry ID ${e.entryId} is used twice (also on ${first}); give each entry its own.`);
    else seen.set(e.entryId, line);
    entries.push(e);
  });
  return { entries, problems };
}

function readCsv(content: string, current: number, today: string): Read {
  const base: Read = { format: 'csv', rows: 0, entries: [], problems: [], version: current + 1, keyId: null };
  const { records, error } = parseCsv(content);
  if (error) return { ...base, problems: [fileProblem(error)] };
  const [header, ...rows] = records;
  if (!header) return { ...base, problems: [fileProblem(`The file is empty. ${HEADER_HELP}`)] };
  const names = header.cells.map((c) =>
    c
      .trim()
      .toLowerCase()
      .replace(/[\s_-]/g, ''),
  );
  const unknown = header.cells.filter((_, i) => !(names[i]! in COLUMNS));
  if (unknown.length)
    return {
      ...base,
      problems: [
        fileProblem(
          `Column${unknown.length > 1 ? 's' : ''} "${unknown.join('", "')}" ${unknown.length > 1 ? 'are' : 'is'} not part of a lookout list; remove ${unknown.length > 1 ? 'them' : 'it'}. ${HEADER_HELP}`,
        ),
      ],
    };
  const missing = REQUIRED.filter((c) => !names.includes(c));
  if (missing.length)
    return {
      ...base,
      problems: [
        fileProblem(`The "${missing.map((c) => COLUMNS[c]).join('", "')}" column is missing. ${HEADER_HELP}`),
      ],
    };
  if (!rows.length) return { ...base, problems: [fileProblem('The file has a header but no entries.')] };
  const col = (cells: string[], c: Column) => {
    const i = names.indexOf(c);
    return i < 0 ? '' : (cells[i] ?? '').trim();
  };
  const shaped: unknown[] = [];
  const wrongWidth: LookoutProblem[] = [];
  for (const r of rows) {
    if (r.cells.length !== names.length) {
      wrongWidth.push({
        line: r.line,
        entryId: col(r.cells, 'entryid') || null,
        message: `This line has ${r.cells.length} fields; the header has ${names.length}. Check for a missing comma, or a comma in a name that is not inside quotes.`,
      });
      continue;
    }
    const dobCell = col(r.cells, 'dob');
    const yearCell = col(r.cells, 'dobyear');
    const yearOnly = /^\d{4}$/.test(dobCell);
    const year = yearCell || (yearOnly ? dobCell : '');
    shaped.push({
      entryId: col(r.cells, 'entryid'),
      givenNames: col(r.cells, 'givennames'),
      familyNames: col(r.cells, 'familynames'),
      aliases: col(r.cells, 'aliases')
        .split(/[;|]/)
        .map((a) => a.trim())
        .filter(Boolean),
      dob: dobCell && !yearOnly ? dobCell : null,
      // A year that is not a number is kept as text, so the check names it.
      dobYear: year ? (/^\d+$/.test(year) ? Number(year) : year) : null,
      reasonCode: col(r.cells, 'reasoncode'),
    });
  }
  const lines = rows.filter((r) => r.cells.length === names.length).map((r) => r.line);
  const checked = checkEntries(shaped, (i) => lines[i]!, today);
  const problems = [...wrongWidth, ...checked.problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { ...base, rows: rows.length, entries: checked.entries, problems };
}

function readSignedJson(app: AppContext, content: string, current: number, today: string): Read {
  const base: Read = { format: 'signed-json', rows: 0, entries: [], problems: [], version: 0, keyId: null };
  const fail = (message: string) => ({ ...base, problems: [fileProblem(message)] });
  let envelope: unknown;
  try {
    envelope = JSON.parse(content);
  } catch {
    return fail(
      'The file is not valid JSON. A signed lookout list is the JSON document the feed serves ({"keyId", "sig", "payload"}); a plain list must be a CSV file.',
    );
  }
  const keys = app.config?.publisherKeys ?? app.demo?.publisherKeys;
  if (!keys)
    return fail(
      "No publisher keys are pinned, so no signed list can be trusted. Add the publisher's key in Site settings.",
    );
  let verified;
  try {
    verified = verifyEnvelope(envelope, keys, 'lookout list');
  } catch (e) {
    if (e instanceof FeedError) return fail(e.message);
    throw e;
  }
  const payload = verified.payload as { version?: unknown; entries?: unknown };
  const version = typeof payload?.version === 'number' ? payload.version : 0;
  const read = { ...base, keyId: verified.keyId, version };
  if (!Array.isArray(payload?.entries))
    return { ...read, problems: [fileProblem('The signed list has no entries.')] };
  const top = LookoutList.omit({ entries: true }).safeParse({ version: payload.version });
  const problems = top.success
    ? []
    : top.error.issues.map((i) =>
        fileProblem(`List ${describeIssue(i, payload).replace(/^./, (c) => c.toLowerCase())}`),
      );
  if (top.success && version <= current)
    problems.push(
      fileProblem(
        `This list is version ${version}; the console already holds version ${current}. Import a newer list.`,
      ),
    );
  const checked = checkEntries(payload.entries, (i) => i + 1, today);
  return {
    ...read,
    rows: payload.entries.length,
    entries: checked.entries,
    problems: [...problems, ...checked.problems],
  };
}

function read(app: AppContext, file: LookoutFile): Read {
  const current = new LookoutRepository(app.db).version();
  const today = new Date().toISOString().slice(0, 10);
  const json = /\.json$/i.test(file.fileName) || file.content.trimStart().startsWith('{');
  return json ? readSignedJson(app, file.content, current, today) : readCsv(file.content, current, today);
}

const view = (e: Entry): LookoutEntryView => ({ ...e });

/** Every row checked; nothing written. */
export function previewLookout(app: AppContext, file: LookoutFile): LookoutPreviewView {
  const r = read(app, file);
  return {
    format: r.format,
    fileName: file.fileName,
    entries: r.rows,
    problems: r.problems.slice(0, MAX_PROBLEMS),
    problemsTotal: r.problems.length,
    sample: r.entries.slice(0, SAMPLE).map(view),
    version: r.version,
    keyId: r.keyId,
    canApply: r.problems.length === 0 && r.entries.length > 0,
  };
}

/** Applies the whole file or nothing: checked again here, never trusting an earlier preview. */
export function importLookout(app: AppContext, actor: string, file: LookoutFile): LookoutStatusView {
  const r = read(app, file);
  if (r.problems.length || !r.entries.length) {
    const first = r.problems[0];
    throw new AppError(
      'INVALID_REQUEST',
      `Nothing was applied: the file has ${r.problems.length || 'no'} problem${r.problems.length === 1 ? '' : 's'}` +
        (first ? ` (first: ${first.line !== null ? `line ${first.line}: ` : ''}${first.message})` : '') +
        '. Fix the file and import it again.',
    );
  }
  const repo = new LookoutRepository(app.db);
  const sha256 = createHash('sha256').update(file.content).digest('hex');
  app.db
    .transaction(() => {
      // Read again inside the write: another import (or a sync) may have moved the version on.
      const current = repo.version();
      const version = r.format === 'csv' ? current + 1 : r.version;
      const origin = { source: r.format, fileName: file.fileName, importedBy: actor };
      if (!repo.replace({ version, entries: r.entries }, r.keyId ?? '', origin))
        throw new AppError(
          'CONFLICT',
          `The console now holds lookout list version ${current}, newer than this file's ${version}. Nothing was applied.`,
        );
      app.audit.append({
        actor,
        action: 'lookout.import',
        subject: `lookout:v${version}`,
        details: {
          source: r.format,
          fileName: file.fileName,
          version,
          entries: r.entries.length,
          keyId: r.keyId,
          sha256,
        },
      });
      app.flags.engine.recomputeAll(['LOOKOUT_MATCH']);
    })
    .immediate();
  return lookoutStatus(app);
}

export function lookoutStatus(app: AppContext): LookoutStatusView {
  const repo = new LookoutRepository(app.db);
  const meta = repo.meta();
  const flags = new FlagRepository(app.db);
  const byEntry = flags.openByKey('LOOKOUT_MATCH').map((m) => ({ entryId: m.key, applicants: m.applicants }));
  return {
    version: meta?.version ?? 0,
    entries: repo.count(),
    source: meta?.source ?? null,
    keyId: meta?.keyId || null,
    fileName: meta?.fileName ?? null,
    importedBy: meta?.importedBy ?? null,
    appliedAt: meta?.fetchedAt ?? null,
    matches: { applicants: flags.openApplicants('LOOKOUT_MATCH'), byEntry },
  };
}
