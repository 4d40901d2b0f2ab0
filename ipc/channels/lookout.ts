// Runs in: main (validation), preload (channel names), renderer (types only).
// The lookout list: what is in force and where it came from; an admin's import of a CSV or a
// signed JSON file (sent as its text: the renderer never names a path), previewed first.
import { z } from 'zod';
import { channel, Empty } from '../channel';

export const LookoutSource = z.enum(['feed', 'csv', 'signed-json']);

export const LookoutStatusView = z.object({
  /** 0: no list yet. */
  version: z.number().int(),
  entries: z.number().int(),
  source: LookoutSource.nullable(),
  /** The key that signed it (feed, signed JSON); null for a CSV file. */
  keyId: z.string().nullable(),
  fileName: z.string().nullable(),
  importedBy: z.string().nullable(),
  appliedAt: z.string().nullable(),
  /** Open LOOKOUT_MATCH flags: applicants in all, and per entry (most first). */
  matches: z.object({
    applicants: z.number().int(),
    byEntry: z.array(z.object({ entryId: z.string(), applicants: z.number().int() })),
  }),
});
export type LookoutStatusView = z.infer<typeof LookoutStatusView>;

export const LookoutEntryView = z.object({
  entryId: z.string(),
  givenNames: z.string(),
  familyNames: z.string(),
  aliases: z.array(z.string()),
  dob: z.string().nullable(),
  dobYear: z.number().int().nullable(),
  reasonCode: z.string(),
});
export type LookoutEntryView = z.infer<typeof LookoutEntryView>;

export const LookoutProblem = z.object({
  /** The file's line (CSV) or the entry's position (JSON); null for the file as a whole. */
  line: z.number().int().nullable(),
  entryId: z.string().nullable(),
  message: z.string(),
});
export type LookoutProblem = z.infer<typeof LookoutProblem>;

export const LookoutPreviewView = z.object({
  format: z.enum(['csv', 'signed-json']),
  fileName: z.string(),
  /** Entries read from the file. */
  entries: z.number().int(),
  /** The first problems (at most 200) and how many there are in all. */
  problems: z.array(LookoutProblem),
  problemsTotal: z.number().int(),
  /** The first entries, as they would be applied. */
  sample: z.array(LookoutEntryView),
  /** The version the list would have once applied. */
  version: z.number().int(),
  keyId: z.string().nullable(),
  canApply: z.boolean(),
});
export type LookoutPreviewView = z.infer<typeof LookoutPreviewView>;

/** A picked or dropped file, as text. */
const LookoutFile = z
  .object({
    fileName: z.string().trim().min(1).max(255),
    content: z.string().max(8_000_000, 'at most 8 MB'),
  })
  .strict();

export const lookoutChannels = {
  'lookout.status': channel(
    ['admin'],
    'The lookout list in force: version, source, entries and the matches it raises',
    Empty,
    LookoutStatusView,
  ),
  'lookout.preview': channel(
    ['admin'],
    'Check a lookout list file row by row without applying anything',
    LookoutFile,
    LookoutPreviewView,
  ),
  'lookout.import': channel(
    ['admin'],
    'Apply a lookout list file (all rows or none) and run the lookout matching again',
    LookoutFile,
    LookoutStatusView,
  ),
} as const;
