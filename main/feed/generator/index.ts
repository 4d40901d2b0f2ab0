// Runs in: the synthetic data generator (CLI `arrivals feed generate`, tests, the demo feed).
// Realistic synthetic manifests for the eight southwest-border ports, with known fraud-like
// patterns planted on purpose and written to a ground truth, so the flags engine's recall and
// precision can be measured. Deterministic for a given seed.
import type { FeedRecord, LookoutList } from '../schema';
import { portByCode } from '../../domain/ports';
import { Rng } from './random';
import {
  LANGUAGES,
  NATIONALITIES,
  makeName,
  pickCulture,
  transliterationVariant,
  type Culture,
  type PersonName,
} from './names';
import { homeKey, randomHome, typeAddress, type Home } from './addresses';
import {
  deviceId,
  makeEmail,
  normalisedPhone,
  randomForeignPhone,
  randomUsPhone,
  typeEmail,
  typePhone,
  type Phone,
} from './contacts';
import { demoFaces, photosFromDir, selfieFromDemoFace, type PhotoBlob } from './photos';
import { plantLookout } from './plant';

type ApplicantRecord = Extract<FeedRecord, { type: 'applicant' }>;

export interface GeneratorOptions {
  ports: string[];
  dates: string[];
  /** Applicants per port per day (default 1,500). */
  perPortPerDay?: number;
  seed?: number;
  /** Give demo photos to a few applicants (default true). */
  photos?: boolean;
  /** A folder of the user's own consented photos, one person per file. */
  photosDir?: string;
  /** Benchmarks only: every applicant gets a photo from a small reused pool. */
  reusePhotos?: boolean;
  /** Plant the known patterns (default true). */
  plant?: boolean;
  /** Cancellations, reschedules and corrections as later batches (default true). */
  amendments?: boolean;
  /** Also plant the cross-port patterns a vetting window exists for (see planCrossPort). */
  crossPort?: CrossPortPlan;
}

/**
 * Where the cross-port patterns go, around the day a console of `port` (default SYS) runs on:
 * one single-family home given by unrelated households at ELP 10 days before, at NOG 3 days
 * before and at `port` that day; one phone given at CXL 5 days before and at `port`; one
 * passport given at BRO the next day under a name on the lookout list and at `port` under
 * another. No port-day alone holds enough of any of them to be flagged.
 */
export interface CrossPortPlan {
  today: string;
  port?: string;
}

export type PatternKind =
  | 'shared_address'
  | 'shared_phone'
  | 'shared_email'
  | 'shared_device'
  | 'face_duplicate'
  | 'identity_duplicate'
  | 'document_duplicate'
  | 'lookout_match';

export interface PlantedPattern {
  id: string;
  kind: PatternKind;
  applicantIds: string[];
  /** The shared thing, canonical (home key, E.164, mailbox, device id, document, lookout entry id). */
  key: string;
  note: string;
}

export interface Decoy {
  id: string;
  kind: 'address_units' | 'address_street' | 'lookout_near_miss';
  applicantIds: string[];
  key: string;
  note: string;
}

export interface GroundTruth {
  seed: number;
  ports: string[];
  dates: string[];
  applicants: number;
  /** Everyone else has photo: null ("no demo photo"): the pool holds ~20 real faces. */
  applicantsWithPhoto: number;
  patterns: PlantedPattern[];
  decoys: Decoy[];
  /** Who got which face: source is a demo face id ("s1f0", "s1f0~1" = second augmentation), a user file, or "reused:…" (benchmarks). */
  photos: Array<{ applicantId: string; sha256: string; source: string }>;
}

export interface PortDay {
  port: string;
  serviceDate: string;
  /** The day's manifest as first published. */
  records: FeedRecord[];
  /** Later changes to it, published as further batches. */
  amendments: FeedRecord[];
}

export interface GeneratedFeed {
  days: PortDay[];
  blobs: Map<string, Buffer>;
  lookout: LookoutList;
  groundTruth: GroundTruth;
}

interface GroupSpec {
  kind?: 'family' | 'travel' | 'individual';
  size?: number;
  culture?: Culture;
  familyRoot?: string;
  home?: Home;
  phone?: Phone;
  email?: string;
  device?: string;
  /** Type the shared values with variety (planted clusters). */
  vary?: boolean;
  onCreate?: (applicants: ApplicantRecord[]) => void;
  /** Override the primary applicant's fields. */
  primary?: Partial<ApplicantRecord> & { name?: PersonName };
  photo?: PhotoBlob;
  /** Family-name words already used in this planted cluster: members must be unrelated. */
  avoid?: Set<string>;
}

const familyWords = (n: PersonName) =>
  n.familyNames
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[\s-]+/)
    .map((w) => w.replace(/a$/, ''));

function utcOffset(timeZone: string, date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  const part =
    new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
      .formatToParts(d)
      .find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-]\d{2}):?(\d{2})?/.exec(part);
  return m ? `${m[1]}:${m[2] ?? '00'}` : 'Z';
}

function shiftDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export async function generateFeed(opts: GeneratorOptions): Promise<GeneratedFeed> {
  const seed = opts.seed ?? 20261122;
  const per = opts.perPortPerDay ?? 1500;
  const root = new Rng(seed);
  const rng = root.fork('base');
  const plantRng = root.fork('plant');
  const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  const days: PortDay[] = [];
  const blobs = new Map<string, Buffer>();
  const patterns: PlantedPattern[] = [];
  const decoys: Decoy[] = [];
  const usedHomes = new Set<string>();
  const usedPhones = new Set<string>();
  const usedDevices = new Set<string>();
  const usedDocs = new Set<string>();
  let emailCounter = 1;
  let photoCount = 0;
  const photoTruth: GroundTruth['photos'] = [];
  // Name + date of birth already given out: ordinary applicants never collide by chance, so
  // every duplicate identity in the data is a planted one (the ground truth stays exact).
  const usedIdentities = new Set<string>();
  const identityKey = (nameAsWritten: string, dob: string) => `${fold(nameAsWritten).toLowerCase()}|${dob}`;

  const uniqueHome = (r: Rng): Home => {
    for (;;) {
      const h = randomHome(r);
      // Unique by street too (any unit), so random data never collides with planted buildings.
      const k = `${h.number} ${h.street} ${h.suffix} ${h.zip5}`;
      if (!usedHomes.has(k)) {
        usedHomes.add(k);
        return h;
      }
    }
  };
  const uniquePhone = (r: Rng, nationality: string): Phone => {
    for (;;) {
      const p = r.chance(0.7) ? randomUsPhone(r) : randomForeignPhone(r, nationality);
      if (!usedPhones.has(p.e164)) {
        usedPhones.add(p.e164);
        return p;
      }
    }
  };
  const uniqueDevice = (r: Rng): string => {
    for (;;) {
      const d = deviceId(r);
      if (!usedDevices.has(d)) {
        usedDevices.add(d);
        return d;
      }
    }
  };
  const uniqueDoc = (r: Rng, issuer: string): string => {
    for (;;) {
      const n = `${String.fromCharCode(65 + r.int(0, 25))}${r.int(10_000_000, 99_999_999)}`;
      if (!usedDocs.has(`${issuer}:${n}`)) {
        usedDocs.add(`${issuer}:${n}`);
        return n;
      }
    }
  };

  // Photos: the demo pool (one face per identity), the user's folder, or a reused bench pool.
  const faces = opts.photos === false ? [] : demoFaces();
  const dupFace = faces.length > 1 ? faces[faces.length - 1]! : undefined;
  const facePool = dupFace ? faces.slice(0, -1) : faces;
  const userPhotos = opts.photosDir ? await photosFromDir(opts.photosDir) : [];
  const benchPool: PhotoBlob[] = [];
  if (opts.reusePhotos)
    for (const f of faces.slice(0, 8)) benchPool.push(await selfieFromDemoFace(f, rng.fork(f.id), 0));
  const nextPhotos: PhotoBlob[] = [...userPhotos];
  for (const f of facePool) nextPhotos.push(await selfieFromDemoFace(f, rng.fork(f.id), 0));
  nextPhotos.reverse();

  // One "slot" list per port-day; planted groups are spread round-robin over the port-days.
  const portDays = opts.ports.flatMap((port) => opts.dates.map((serviceDate) => ({ port, serviceDate })));
  const plantedByDay: GroupSpec[][] = portDays.map(() => []);
  let rr = 0;
  const plantGroup = (spec: GroupSpec) => {
    if (spec.primary?.name && spec.primary.dob)
      usedIdentities.add(identityKey(spec.primary.name.nameAsWritten, spec.primary.dob));
    plantedByDay[rr % portDays.length]!.push(spec);
    rr++;
  };

  if (opts.plant !== false) planPatterns();
  // Its own random stream: the other patterns and the ordinary data stay as they were.
  let crossPortListed: ApplicantRecord | undefined;
  if (opts.plant !== false && opts.crossPort) planCrossPort(opts.crossPort, root.fork('cross-port'));

  /** A planted group on one given port-day (the round-robin spreads the others). */
  function plantAt(port: string, serviceDate: string, spec: GroupSpec) {
    const i = portDays.findIndex((d) => d.port === port && d.serviceDate === serviceDate);
    if (i < 0)
      throw new Error(
        `The cross-port patterns need ${port} on ${serviceDate}: include that port and date in the feed.`,
      );
    plantedByDay[i]!.push(spec);
  }

  function planCrossPort(plan: CrossPortPlan, xr: Rng) {
    const here = plan.port ?? 'SYS';
    const at = (days: number) => shiftDate(plan.today, days);
    const single = (culture: Culture, root: string, extra: GroupSpec): GroupSpec => ({
      kind: 'individual',
      size: 1,
      culture,
      familyRoot: root,
      ...extra,
    });
    /**
     * Unrelated one-person households that all give the same home or phone: `count` of them on
     * each port-day (days from today), each in the pattern's truth.
     */
    const households = (
      shared: Pick<GroupSpec, 'home' | 'phone'>,
      pattern: { applicantIds: string[] },
      days: Array<[port: string, fromToday: number, count: number]>,
    ) => {
      const places = days.flatMap(([port, d, count]) =>
        Array.from({ length: count }, () => [port, at(d)] as const),
      );
      const avoid = new Set<string>();
      distinctRoots(places.length, undefined, xr).forEach(({ culture, root }, i) =>
        plantAt(
          ...places[i]!,
          single(culture, root, { ...shared, vary: true, avoid, onCreate: everyone(pattern) }),
        ),
      );
    };
    // One home: 3 households at ELP 10 days ago, 3 at NOG 3 days ago, 2 here today.
    const home = uniqueHome(xr);
    home.unit = null;
    const homeP = truth(
      patterns,
      'xport-home',
      'shared_address',
      homeKey(home),
      `8 unrelated households give one single-family home: 3 at ELP on ${at(-10)}, 3 at NOG on ${at(-3)}, 2 at ${here} on ${at(0)}`,
    );
    households({ home }, homeP, [
      ['ELP', -10, 3],
      ['NOG', -3, 3],
      [here, 0, 2],
    ]);
    // One phone: 2 households at CXL 5 days ago, 1 here today.
    const phone = randomUsPhone(xr);
    usedPhones.add(phone.e164);
    const phoneP = truth(
      patterns,
      'xport-phone',
      'shared_phone',
      phone.e164,
      `3 unrelated households give one phone: 2 at CXL on ${at(-5)}, 1 at ${here} on ${at(0)}`,
    );
    households({ phone }, phoneP, [
      ['CXL', -5, 2],
      [here, 0, 1],
    ]);
    // One passport: at BRO tomorrow under a name on the lookout list, here today under another.
    const issuer = 'MEX';
    const number = uniqueDoc(xr, issuer);
    const docP = truth(
      patterns,
      'xport-document',
      'document_duplicate',
      `${issuer}:${number}`,
      `one passport under two names: at BRO on ${at(1)} (on the lookout list) and at ${here} on ${at(0)}`,
    );
    const [listed, other] = distinctRoots(2, 'es', xr);
    const document = { type: 'passport' as const, number, issuer };
    plantAt(
      'BRO',
      at(1),
      single(listed!.culture, listed!.root, {
        primary: { document, nationality: issuer },
        onCreate: (as) => {
          crossPortListed = as[0];
          primaryOnly(docP)(as);
        },
      }),
    );
    plantAt(
      here,
      at(0),
      single(other!.culture, other!.root, {
        primary: { document, nationality: issuer },
        onCreate: primaryOnly(docP),
      }),
    );
  }

  function distinctRoots(
    n: number,
    culture?: Culture,
    r: Rng = plantRng,
  ): Array<{ culture: Culture; root: string }> {
    const seen = new Set<string>();
    const out: Array<{ culture: Culture; root: string }> = [];
    while (out.length < n) {
      const c = culture ?? pickCulture(r);
      const root = makeName(r, c, false).familyRoot;
      if (seen.has(root)) continue;
      seen.add(root);
      out.push({ culture: c, root });
    }
    return out;
  }

  // A ground-truth entry (planted pattern or decoy) and the onCreate hooks that fill in its applicants.
  function truth<K extends string>(
    list: Array<{ id: string; kind: K; applicantIds: string[]; key: string; note: string }>,
    id: string,
    kind: K,
    key: string,
    note: string,
  ) {
    const t = { id, kind, applicantIds: [] as string[], key, note };
    list.push(t);
    return t;
  }
  function everyone(t: { applicantIds: string[] }) {
    return (as: ApplicantRecord[]) => t.applicantIds.push(...as.map((a) => a.applicantId));
  }
  function primaryOnly(t: { applicantIds: string[] }) {
    return (as: ApplicantRecord[]) => t.applicantIds.push(as[0]!.applicantId);
  }

  // n unrelated single applicants, each with spec(i) (the shared value) typed with variety.
  function unrelated(n: number, onCreate: GroupSpec['onCreate'], spec: (i: number) => GroupSpec) {
    distinctRoots(n).forEach(({ culture, root }, i) =>
      plantGroup({
        kind: 'individual',
        size: 1,
        culture,
        familyRoot: root,
        vary: true,
        ...spec(i),
        onCreate,
      }),
    );
  }

  /** n unrelated groups that all give the value in `spec`; the note says what they share. */
  function cluster(kind: PatternKind, id: string, key: string, n: number, what: string, spec: GroupSpec) {
    const avoid = new Set<string>();
    const onCreate = everyone(truth(patterns, id, kind, key, `${n} unrelated groups ${what}`));
    unrelated(n, onCreate, () => ({ avoid, ...spec }));
  }

  // Four unrelated groups at homes that look alike but are not one address (home(i) gives each).
  function decoy(kind: Decoy['kind'], id: string, key: string, note: string, home: (i: number) => Home) {
    unrelated(4, everyone(truth(decoys, id, kind, key, note)), (i) => ({ home: home(i) }));
  }

  // One person in two appointments, under each of `names` (the same spelling, or a variant).
  function sameIdentity(
    id: string,
    key: string,
    note: string,
    culture: Culture,
    dob: string,
    names: PersonName[],
  ) {
    const onCreate = primaryOnly(truth(patterns, id, 'identity_duplicate', key, note));
    for (const name of names)
      plantGroup({ kind: 'individual', size: 1, culture, primary: { name, dob }, onCreate });
  }

  function planPatterns() {
    // One home, many unrelated applicants, across every port and day (the OIG finding).
    const big = uniqueHome(plantRng);
    big.unit = null;
    // At least 36 groups (45 applicants: every fourth group is a couple), more on bigger runs.
    const bigN = Math.max(36, Math.min(60, Math.round(portDays.length * per * 0.004)));
    const bigP = truth(
      patterns,
      'addr-big',
      'shared_address',
      homeKey(big),
      `${bigN} unrelated groups give one single-family home, typed many ways, across every port and day`,
    );
    const bigAvoid = new Set<string>();
    distinctRoots(Math.min(bigN, 60)).forEach(({ culture, root }, i) => {
      plantGroup({
        kind: i % 4 === 0 ? 'family' : 'individual',
        size: i % 4 === 0 ? 2 : 1,
        culture,
        familyRoot: root,
        home: big,
        vary: true,
        avoid: bigAvoid,
        onCreate: everyone(bigP),
      });
    });
    for (let c = 0; c < 3; c++) {
      const home = uniqueHome(plantRng);
      cluster('shared_address', `addr-small-${c}`, homeKey(home), 3 + c, 'at one address', { home });
    }
    // Decoys: one building with a different family in each unit; one street with neighbours.
    const building = uniqueHome(plantRng);
    decoy(
      'address_units',
      'decoy-units',
      `${building.number} ${building.street} ${building.suffix}`,
      'four groups in four different apartments of one building: not a shared address',
      (i) => ({ ...building, unit: String(i + 1) }),
    );
    const street = uniqueHome(plantRng);
    decoy(
      'address_street',
      'decoy-street',
      `${street.street} ${street.suffix} ${street.zip5}`,
      'four groups at four different house numbers on one street: not a shared address',
      (i) => ({ ...street, unit: null, number: street.number + 2 * (i + 1) }),
    );
    for (let c = 0; c < 2; c++) {
      const phone = randomUsPhone(plantRng);
      usedPhones.add(phone.e164);
      const what = 'give one phone number, typed differently';
      cluster('shared_phone', `phone-${c}`, phone.e164, 4, what, { phone });
    }
    for (let c = 0; c < 2; c++) {
      const email = `tramites.rapidos${c + 1}@gmail.com`;
      const mailbox = email.replace(/\./g, '').replace('@gmailcom', '@gmail.com');
      const what = 'give one mailbox (case, dots, +tags differ)';
      cluster('shared_email', `email-${c}`, mailbox, 3, what, { email });
    }
    for (let c = 0; c < 2; c++) {
      const device = uniqueDevice(plantRng);
      cluster('shared_device', `device-${c}`, device, 5, 'booked from one device', { device });
    }
    if (dupFace) {
      const onCreate = primaryOnly(
        truth(patterns, 'face-dup', 'face_duplicate', dupFace.id, 'one face submitted under two identities'),
      );
      distinctRoots(2).forEach(({ culture, root }, i) =>
        plantGroup({
          kind: 'individual',
          size: 1,
          culture,
          familyRoot: root,
          photo: { sha256: `pending:${i}`, bytes: Buffer.alloc(0), width: 0, height: 0, source: dupFace.id },
          onCreate,
        }),
      );
    }
    // The same person in two appointments: same spelling, and a transliteration variant.
    {
      const name = makeName(plantRng, 'es', true);
      const dob = '1988-03-14';
      const key = `${name.givenNames} ${name.familyNames} ${dob}`;
      sameIdentity('ident-same', key, 'same name and date of birth in two appointments', 'es', dob, [
        name,
        name,
      ]);
    }
    {
      // Accents dropped and upper-cased, the way a document reader or a hurried typist gives it.
      let name = makeName(plantRng, 'es', true);
      while (!/[\u00c0-\u017f]/.test(name.nameAsWritten)) name = makeName(plantRng, 'es', true);
      const plain: PersonName = {
        ...name,
        givenNames: fold(name.givenNames).toUpperCase(),
        familyNames: fold(name.familyNames).toUpperCase(),
        nameAsWritten: fold(name.nameAsWritten).toUpperCase(),
      };
      const dob = '1993-07-21';
      const note = `one person as "${name.nameAsWritten}" and "${plain.nameAsWritten}"`;
      sameIdentity('ident-accents', `${plain.nameAsWritten} ${dob}`, note, 'es', dob, [name, plain]);
    }
    {
      const name = makeName(plantRng, 'ru', false);
      const variant = transliterationVariant(name, plantRng) ?? name;
      const dob = '1979-11-02';
      const note = `one person as "${name.givenNames} ${name.familyNames}" and "${variant.givenNames} ${variant.familyNames}"`;
      sameIdentity('ident-translit', `${name.nameAsWritten} ${dob}`, note, 'ru', dob, [name, variant]);
    }
    for (let c = 0; c < 2; c++) {
      const issuer = c === 0 ? 'VEN' : 'HTI';
      const number = uniqueDoc(plantRng, issuer);
      const onCreate = primaryOnly(
        truth(
          patterns,
          `doc-${c}`,
          'document_duplicate',
          `${issuer}:${number}`,
          'one passport number under two different names',
        ),
      );
      distinctRoots(2, c === 0 ? 'es' : 'ht').forEach(({ culture, root }) =>
        plantGroup({
          kind: 'individual',
          size: 1,
          culture,
          familyRoot: root,
          primary: { document: { type: 'passport', number, issuer }, nationality: issuer },
          onCreate,
        }),
      );
    }
  }

  // Lookout entries are made after the applicants exist (they point at planted people).
  const allApplicants: ApplicantRecord[] = [];

  let dayIndex = 0;
  for (const { port, serviceDate } of portDays) {
    const p = portByCode(port);
    if (!p) throw new Error(`Unknown port ${port}`);
    const offset = utcOffset(p.timeZone, serviceDate);
    const records: FeedRecord[] = [];
    const dayApplicants: ApplicantRecord[] = [];
    const appointments: Array<Extract<FeedRecord, { type: 'appointment' }>> = [];
    const compact = serviceDate.replace(/-/g, '');
    let n = 0;
    let g = 0;
    const slotFor = (i: number): string => {
      // 07:00–16:45 local in 15-minute slots, spread evenly over the day's volume; planted groups
      // beyond it follow, never past 23:45 (a small day with many planted groups).
      const minutes = Math.min(23 * 60 + 45, 7 * 60 + 15 * Math.floor((i / Math.max(1, per)) * 40));
      const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
      const mm = String(minutes % 60).padStart(2, '0');
      return `${serviceDate}T${hh}:${mm}:00${offset}`;
    };

    const makeGroup = async (spec: GroupSpec, r: Rng) => {
      const culture = spec.culture ?? pickCulture(r);
      const kind = spec.kind ?? (r.chance(0.35) ? 'individual' : r.chance(0.75) ? 'family' : 'travel');
      const size = spec.size ?? (kind === 'individual' ? 1 : kind === 'family' ? r.int(2, 5) : r.int(2, 4));
      const groupId = `G-${port}-${compact}-${String(++g).padStart(5, '0')}`;
      const home = spec.home ?? uniqueHome(r);
      const nationality = spec.primary?.nationality ?? r.pick(NATIONALITIES[culture]);
      const phone = spec.phone ?? uniquePhone(r, nationality);
      const device = spec.device ?? uniqueDevice(r);
      const language = r.pick(LANGUAGES[culture]);
      const slot = slotFor(n);
      const members: ApplicantRecord[] = [];
      let familyRoot = spec.familyRoot;
      let groupEmail: string | undefined;
      for (let m = 0; m < size; m++) {
        const female = r.chance(0.5);
        let name =
          m === 0 && spec.primary?.name
            ? spec.primary.name
            : makeName(r, culture, female, kind === 'family' ? familyRoot : m === 0 ? familyRoot : undefined);
        // Planted clusters must be unrelated households: no family-name word in common.
        // Every member is checked (a spouse's or child's second family name too); relatives keep
        // the household's root, a primary may take another root if its own is taken.
        for (
          let tries = 0;
          spec.avoid &&
          !(m === 0 && spec.primary?.name) &&
          tries < 200 &&
          familyWords(name).some((w) => spec.avoid!.has(w));
          tries++
        ) {
          name = makeName(
            r,
            culture,
            female,
            (m > 0 && kind === 'family') || tries < 20 ? familyRoot : undefined,
          );
        }
        if (m === 0) familyRoot = name.familyRoot; // relatives follow the primary's (possibly re-drawn) root
        const isChild = kind === 'family' && m >= 2;
        const year = isChild ? r.int(2009, 2024) : r.int(1958, 2006);
        const planted = m === 0 && spec.primary?.dob !== undefined;
        let dob = planted
          ? spec.primary!.dob!
          : `${year}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
        while (!planted && usedIdentities.has(identityKey(name.nameAsWritten, dob)))
          dob = `${year}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
        usedIdentities.add(identityKey(name.nameAsWritten, dob));
        const issuer = nationality;
        // Most carry a passport; some a national id card or another paper; some nothing yet.
        const docDraw = r.next();
        const docType =
          docDraw < 0.78
            ? ('passport' as const)
            : docDraw < 0.88
              ? ('national_id' as const)
              : docDraw < 0.92
                ? ('other' as const)
                : null;
        const doc =
          m === 0 && spec.primary?.document !== undefined
            ? spec.primary.document
            : docType
              ? { type: docType, number: uniqueDoc(r, issuer), issuer }
              : null;
        // Children of migrant families are often born on the way (Haitian families in Chile or
        // Brazil, Venezuelan ones in Colombia or Peru): nationality and birth country differ.
        const bornAway = isChild && (nationality === 'HTI' || nationality === 'VEN') && r.chance(0.4);
        const countryOfBirth = bornAway
          ? r.pick(nationality === 'HTI' ? ['CHL', 'BRA'] : ['COL', 'PER'])
          : nationality;
        const email = spec.email
          ? spec.vary
            ? typeEmail(spec.email, r)
            : spec.email
          : (groupEmail ??= makeEmail(r, name.givenNames, name.familyNames, emailCounter++));
        const applicantId = `${port}-${compact}-${String(++n).padStart(5, '0')}`;
        const a: ApplicantRecord = {
          type: 'applicant',
          applicantId,
          groupId,
          givenNames: name.givenNames,
          familyNames: name.familyNames,
          nameAsWritten: name.nameAsWritten,
          dob,
          sex: female ? 'F' : 'M',
          nationality,
          countryOfBirth,
          document: doc,
          address: typeAddress(home, r, spec.vary ? undefined : 0),
          phone: typePhone(phone, r, spec.vary ? undefined : r.int(0, 4)),
          email,
          language,
          deviceId: device,
          photo: null,
        };
        if (m === 0 && spec.primary) {
          const { name: _n, ...rest } = spec.primary;
          Object.assign(a, rest);
        }
        // Photos: planted duplicate face, else the pool (one face per identity), else none.
        let photo: PhotoBlob | undefined;
        if (m === 0 && spec.photo?.sha256.startsWith('pending:') && dupFace) {
          photo = await selfieFromDemoFace(
            dupFace,
            r.fork(`dup${spec.photo.sha256}`),
            spec.photo.sha256 === 'pending:0' ? 0 : 1,
          );
        } else if (opts.reusePhotos && benchPool.length) {
          photo = benchPool[n % benchPool.length];
        } else if (
          m === 0 &&
          !spec.home &&
          !spec.phone &&
          !spec.email &&
          !spec.device &&
          nextPhotos.length &&
          (dayIndex === 0 || userPhotos.length)
        ) {
          photo = nextPhotos.pop();
        }
        if (photo) {
          blobs.set(photo.sha256, photo.bytes);
          a.photo = {
            sha256: photo.sha256,
            capturedAt: `${shiftDate(serviceDate, -r.int(2, 20))}T${String(r.int(10, 23))}:${String(r.int(10, 59))}:00Z`,
            width: photo.width,
            height: photo.height,
          };
          photoCount++;
          photoTruth.push({
            applicantId,
            sha256: photo.sha256,
            source: opts.reusePhotos && benchPool.includes(photo) ? `reused:${photo.source}` : photo.source,
          });
        }
        members.push(a);
        appointments.push({
          type: 'appointment',
          appointmentId: `AP-${applicantId}`,
          applicantId,
          groupId,
          slot,
          status: 'scheduled',
        });
      }
      if (spec.avoid)
        for (const a of members)
          for (const w of familyWords({ familyNames: a.familyNames } as PersonName)) spec.avoid.add(w);
      records.push({ type: 'group', groupId, kind, primaryApplicantId: members[0]!.applicantId });
      records.push(...members);
      dayApplicants.push(...members);
      spec.onCreate?.(members);
    };

    // Interleave planted groups among ordinary ones so they are not all at 07:00.
    const planted = plantedByDay[dayIndex]!;
    const stride = Math.max(1, Math.floor(per / Math.max(1, planted.length + 1) / 2.2));
    let pi = 0;
    const dayRng = rng.fork(`${port}${serviceDate}`);
    let groupsMade = 0;
    while (n < per || pi < planted.length) {
      if (pi < planted.length && (groupsMade % stride === stride - 1 || n >= per))
        await makeGroup(planted[pi++]!, dayRng);
      else await makeGroup({}, dayRng);
      groupsMade++;
    }
    records.push(...appointments);
    allApplicants.push(...dayApplicants);

    // Amendments: some cancellations, reschedules and corrections of ordinary applicants.
    const amendments: FeedRecord[] = [];
    if (opts.amendments !== false) {
      const planted = new Set(
        patterns.flatMap((x) => x.applicantIds).concat(decoys.flatMap((x) => x.applicantIds)),
      );
      const ar = rng.fork(`amend${port}${serviceDate}`);
      const byId = new Map(dayApplicants.map((a) => [a.applicantId, a]));
      const cancel = (ap: (typeof appointments)[number]) =>
        amendments.push({
          type: 'cancel',
          appointmentId: ap.appointmentId,
          reason: ar.pick(['applicant cancelled', 'duplicate booking', 'travel plans changed']),
        });
      const reschedule = (ap: (typeof appointments)[number]) =>
        amendments.push({
          type: 'reschedule',
          appointmentId: ap.appointmentId,
          slot: slotFor(ar.int(0, per - 1)),
        });
      const correct = (ap: (typeof appointments)[number]) => {
        const a = byId.get(ap.applicantId)!;
        // Corrections that keep the person's identity and contacts what they were (a new
        // number of their own, the language they prefer, the same number typed tidily), so
        // amendments never create or hide a planted pattern.
        const y = ar.int(0, 2);
        const fields =
          y === 0
            ? { phone: typePhone(uniquePhone(ar, a.nationality), ar, 0) }
            : y === 1
              ? { language: a.language === 'en' ? 'es' : 'en' }
              : { phone: typePhone({ e164: normalisedPhone(a.phone) }, ar, 0), email: a.email.toLowerCase() };
        amendments.push({ type: 'correction', applicantId: ap.applicantId, fields });
      };
      const ordinary = appointments.filter((ap) => !planted.has(ap.applicantId));
      for (const ap of ordinary) {
        const x = ar.next();
        if (x < 0.02) cancel(ap);
        else if (x < 0.03) reschedule(ap);
        else if (x < 0.035) correct(ap);
      }
      // Small days still carry one of each kind, so every code path of a consumer is exercised.
      const have = new Set(amendments.map((x) => x.type));
      if (ordinary.length >= 3) {
        if (!have.has('cancel')) cancel(ordinary[0]!);
        if (!have.has('reschedule')) reschedule(ordinary[1]!);
        if (!have.has('correction')) correct(ordinary[2]!);
      }
    }
    days.push({ port, serviceDate, records, amendments });
    dayIndex++;
  }

  // Lookout list: entries that should match planted applicants (with the usual variations),
  // and near misses that should not (plant.ts).
  const plantedIds = new Set(
    patterns.flatMap((x) => x.applicantIds).concat(decoys.flatMap((d) => d.applicantIds)),
  );
  const entries =
    opts.plant === false
      ? []
      : plantLookout(root.fork('lookout'), allApplicants, plantedIds, patterns, decoys);
  if (crossPortListed) {
    const a = crossPortListed as ApplicantRecord;
    entries.push({
      entryId: 'LO-X001',
      reasonCode: 'WARRANT',
      givenNames: a.givenNames,
      familyNames: a.familyNames,
      aliases: [],
      dob: a.dob,
      dobYear: null,
    });
    patterns.push({
      id: 'xport-lookout',
      kind: 'lookout_match',
      applicantIds: [a.applicantId],
      key: 'LO-X001',
      note: `the lookout entry matches the applicant booked at BRO on ${shiftDate(opts.crossPort!.today, 1)}`,
    });
  }

  return {
    days,
    blobs,
    lookout: { version: 1, entries },
    groundTruth: {
      seed,
      ports: opts.ports,
      dates: opts.dates,
      applicants: allApplicants.length,
      applicantsWithPhoto: photoCount,
      photos: photoTruth,
      patterns,
      decoys,
    },
  };
}
