// Runs in: the synthetic data generator.
// The signed lookout list, planted against the generated applicants: entries that must match a
// (non-planted) applicant despite the usual variations, near misses that must not, and filler
// entries that match nobody. Each match and near miss goes into the ground truth.
import type { FeedRecord, LookoutList } from '../schema';
import type { Decoy, PlantedPattern } from './index';
import { makeName, pickCulture, transliterationVariant } from './names';
import type { Rng } from './random';

type ApplicantRecord = Extract<FeedRecord, { type: 'applicant' }>;
type Entry = LookoutList['entries'][number];
type EntryNames = Omit<Entry, 'entryId' | 'reasonCode'>;

const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
const nameKey = (given: string, family: string) =>
  `${fold(given).toLowerCase()}|${fold(family).toLowerCase()}`;

export function plantLookout(
  lr: Rng,
  applicants: ApplicantRecord[],
  plantedIds: Set<string>,
  patterns: PlantedPattern[],
  decoys: Decoy[],
): Entry[] {
  // Targets are ordinary applicants, picked by a fixed rule so the choice is deterministic.
  const candidates = applicants.filter(
    (a) => !plantedIds.has(a.applicantId) && a.groupId.endsWith('1') && a.applicantId.endsWith('1'),
  );
  const entries: Entry[] = [];
  const hows: Array<[string, (a: ApplicantRecord) => EntryNames]> = [
    [
      'exact name and date of birth',
      (a) => ({
        givenNames: a.givenNames,
        familyNames: a.familyNames,
        aliases: [],
        dob: a.dob,
        dobYear: null,
      }),
    ],
    [
      'accents dropped, upper case',
      (a) => ({
        givenNames: fold(a.givenNames).toUpperCase(),
        familyNames: fold(a.familyNames).toUpperCase(),
        aliases: [],
        dob: a.dob,
        dobYear: null,
      }),
    ],
    [
      'family and given names swapped, year of birth only',
      (a) => ({
        givenNames: a.familyNames,
        familyNames: a.givenNames,
        aliases: [],
        dob: null,
        dobYear: Number(a.dob.slice(0, 4)),
      }),
    ],
    [
      'first family name only, birth year off by one',
      (a) => ({
        givenNames: a.givenNames,
        familyNames: a.familyNames.split(' ')[0]!,
        aliases: [],
        dob: null,
        dobYear: Number(a.dob.slice(0, 4)) + 1,
      }),
    ],
    [
      'listed under an alias',
      (a) => ({
        givenNames: 'Unknown',
        familyNames: 'Alias',
        aliases: [`${a.givenNames} ${a.familyNames}`],
        dob: a.dob,
        dobYear: null,
      }),
    ],
  ];
  // A Russian applicant listed under another transliteration of the same Cyrillic name.
  const asName = (a: ApplicantRecord) => ({
    givenNames: a.givenNames,
    familyNames: a.familyNames,
    nameAsWritten: a.nameAsWritten,
    familyRoot: '',
  });
  const ru = candidates.find((a) => a.nationality === 'RUS' && transliterationVariant(asName(a), lr));
  if (ru) {
    hows.push([
      'another transliteration of the Cyrillic name',
      (a) => {
        const v = transliterationVariant(asName(a), lr)!;
        return {
          givenNames: v.givenNames,
          familyNames: v.familyNames,
          aliases: [],
          dob: a.dob,
          dobYear: null,
        };
      },
    ]);
  }
  const used = new Set<string>();
  hows.forEach(([how, make], i) => {
    const a =
      ru && i === hows.length - 1
        ? ru
        : candidates[Math.floor(((i + 1) * candidates.length) / (hows.length + 2))];
    if (!a || used.has(a.applicantId)) return;
    used.add(a.applicantId);
    const entryId = `LO-${String(i + 1).padStart(4, '0')}`;
    entries.push({
      entryId,
      reasonCode: lr.pick(['WARRANT', 'PRIOR_REMOVAL', 'FRAUD_REFERRAL']),
      ...make(a),
    });
    patterns.push({
      id: `lookout-${i}`,
      kind: 'lookout_match',
      applicantIds: [a.applicantId],
      key: entryId,
      note: `lookout entry matches: ${how}`,
    });
  });
  // Near misses: the same name with a birth year nine years apart.
  [0, 1, 2].forEach((i) => {
    const a = candidates[candidates.length - 1 - i * 7];
    if (!a || used.has(a.applicantId)) return;
    used.add(a.applicantId);
    const entryId = `LO-${String(90 + i).padStart(4, '0')}`;
    entries.push({
      entryId,
      reasonCode: 'PRIOR_REMOVAL',
      givenNames: a.givenNames,
      familyNames: a.familyNames,
      aliases: [],
      dob: null,
      dobYear: Number(a.dob.slice(0, 4)) - 9,
    });
    decoys.push({
      id: `lookout-decoy-${i}`,
      kind: 'lookout_near_miss',
      applicantIds: [a.applicantId],
      key: entryId,
      note: 'same name, born nine years apart: not a match',
    });
  });
  // Filler: people on the list who never booked. A filler whose name an applicant happens to
  // carry is skipped, so the only matches in the data are the planted ones.
  const taken = new Set(applicants.map((a) => nameKey(a.givenNames, a.familyNames)));
  for (let i = 0, made = 0; made < 40 && i < 400; i++) {
    const nm = makeName(lr, pickCulture(lr), lr.chance(0.5));
    const dob = `19${lr.int(50, 99)}-0${lr.int(1, 9)}-1${lr.int(0, 9)}`;
    if (taken.has(nameKey(nm.givenNames, nm.familyNames))) continue;
    taken.add(nameKey(nm.givenNames, nm.familyNames));
    entries.push({
      entryId: `LO-${String(200 + made).padStart(4, '0')}`,
      reasonCode: 'WATCH',
      givenNames: nm.givenNames,
      familyNames: nm.familyNames,
      aliases: [],
      dob,
      dobYear: null,
    });
    made++;
  }
  return entries;
}
