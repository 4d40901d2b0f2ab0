// Runs in: main process and CLI. A refused request, said so that a person can fix it: which field,
// what it must be. Never a channel name, a schema path or zod's own wording.
import type { z } from 'zod';

/** Field names as the screens label them; anything else is its name split into words. */
const LABELS: Record<string, string> = {
  username: 'Username',
  displayName: 'Full name',
  password: 'Password',
  newPassword: 'New password',
  userId: 'Account',
  role: 'Role',
  feedUrl: 'Feed URL',
  updateFeedUrl: 'Update server URL',
  updateChannel: 'Update channel',
  updateQuietHour: 'Quiet hour for updates',
  idleLockMinutes: 'Idle lock (minutes)',
  retentionDays: 'Retention (days)',
  boothName: 'Booth name',
  port: 'Port',
  publisherKeys: 'Publisher keys',
  keyId: 'Key name',
  pem: 'Public key (PEM)',
  match: 'MATCH threshold',
  inconclusive: 'INCONCLUSIVE threshold',
  content: 'File',
  fileName: 'File name',
  entryId: 'Entry ID',
  givenNames: 'Given names',
  familyNames: 'Family names',
  aliases: 'Aliases',
  dob: 'Date of birth',
  dobYear: 'Year of birth',
  reasonCode: 'Reason code',
};

function label(path: readonly PropertyKey[], labels: Record<string, string>): string {
  const names = path.filter((p): p is string => typeof p === 'string');
  const last = names.at(-1);
  if (!last) return 'The request';
  const base =
    labels[last] ??
    LABELS[last] ??
    last.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase());
  const index = path.find((p): p is number => typeof p === 'number');
  return index === undefined ? base : `${base} (no. ${index + 1})`;
}

function what(issue: z.core.$ZodIssue, input: unknown): string {
  const units = (origin: string, n: number | bigint) =>
    origin === 'string'
      ? ` ${n} character${n === 1 ? '' : 's'}`
      : origin === 'array'
        ? ` ${n} item${n === 1 ? '' : 's'}`
        : ` ${n}`;
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return 'must not be empty';
      return `must be ${issue.inclusive === false ? 'more than' : 'at least'}${units(issue.origin, issue.minimum)}`;
    case 'too_big':
      return `must be ${issue.inclusive === false ? 'less than' : 'at most'}${units(issue.origin, issue.maximum)}`;
    case 'invalid_type':
      if (valueAt(input, issue.path) === undefined) return 'is missing';
      if (issue.expected === 'int') return 'must be a whole number';
      if (issue.expected === 'number') return 'must be a number';
      return 'has the wrong kind of value';
    case 'invalid_value':
      return `must be one of: ${issue.values.map(String).join(', ')}`;
    case 'invalid_format':
      if (issue.format === 'url') return 'must be a web address such as https://feed.example.gov/';
      return issue.message.startsWith('Invalid') ? 'is not in the expected form' : custom(issue.message);
    case 'unrecognized_keys':
      return 'has fields this console does not know; update or restart the app';
    default:
      return issue.message.startsWith('Invalid') ? 'is not valid' : custom(issue.message);
  }
}

/** A schema's own message: "a date as YYYY-MM-DD" reads after "must be"; others after a colon. */
const custom = (message: string) => (/^(a|an|at) /.test(message) ? `must be ${message}` : `: ${message}`);

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

/** One issue as a sentence: "Password must be at least 10 characters." */
export function describeIssue(
  issue: z.core.$ZodIssue,
  input: unknown,
  labels: Record<string, string> = {},
): string {
  const w = what(issue, input);
  return `${label(issue.path, labels)}${w.startsWith(':') ? w : ` ${w}`}.`.replace(/\.\.$/, '.');
}

/** The first problem of a refused request, as the user sees it. */
export function describeRequestError(error: z.ZodError, input: unknown): string {
  const first = error.issues[0];
  return first ? describeIssue(first, input) : 'The request was not valid.';
}
