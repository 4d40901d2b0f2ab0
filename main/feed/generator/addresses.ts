// Runs in: the synthetic data generator.
// US addresses, and the many ways people type the same one: case, abbreviations, punctuation,
// unit designators, the unit on line 1 or line 2, ZIP or ZIP+4.
import type { Rng } from './random';

export interface Home {
  number: number;
  street: string;
  suffix: keyof typeof SUFFIXES;
  unit: string | null;
  city: string;
  state: string;
  zip5: string;
  zip4: string;
}

export const SUFFIXES = {
  Street: ['St', 'St.', 'Street', 'STREET', 'Str'],
  Avenue: ['Ave', 'Ave.', 'Avenue', 'Av'],
  Boulevard: ['Blvd', 'Blvd.', 'Boulevard'],
  Drive: ['Dr', 'Dr.', 'Drive'],
  Road: ['Rd', 'Rd.', 'Road'],
  Lane: ['Ln', 'Lane'],
  Court: ['Ct', 'Court'],
  Place: ['Pl', 'Place'],
} as const;

const STREETS = [
  'Main',
  'Oak',
  'Maple',
  'Cedar',
  'Elm',
  'Pine',
  'Washington',
  'Lincoln',
  'Park',
  'Lake',
  'Hill',
  'Sunset',
  'Jefferson',
  'Madison',
  'Franklin',
  'Walnut',
  'Willow',
  'Highland',
  'Church',
  'Jackson',
  'Magnolia',
  'Pecan',
  'Bayou',
  'Palm',
  'Mesquite',
  'Cypress',
  'Riverside',
  'Meadow',
  'Spring',
  'Forest',
];

const CITIES: ReadonlyArray<[string, string, string]> = [
  ['Houston', 'TX', '770'],
  ['Dallas', 'TX', '752'],
  ['San Antonio', 'TX', '782'],
  ['Los Angeles', 'CA', '900'],
  ['San Diego', 'CA', '921'],
  ['Phoenix', 'AZ', '850'],
  ['Denver', 'CO', '802'],
  ['Chicago', 'IL', '606'],
  ['Miami', 'FL', '331'],
  ['Orlando', 'FL', '328'],
  ['Atlanta', 'GA', '303'],
  ['Charlotte', 'NC', '282'],
  ['New York', 'NY', '100'],
  ['Newark', 'NJ', '071'],
];

export function randomHome(rng: Rng): Home {
  const [city, state, zip3] = rng.pick(CITIES);
  const suffix = rng.pick(Object.keys(SUFFIXES) as Array<keyof typeof SUFFIXES>);
  return {
    number: rng.int(100, 19999),
    street: rng.pick(STREETS),
    suffix,
    unit: rng.chance(0.35)
      ? String(rng.int(1, 40)) + (rng.chance(0.2) ? rng.pick(['A', 'B', 'C']) : '')
      : null,
    city,
    state,
    zip5: `${zip3}${String(rng.int(1, 99)).padStart(2, '0')}`,
    zip4: String(rng.int(1000, 9999)),
  };
}

/** One identity of a home, independent of how it is typed (for ground truth and uniqueness). */
export function homeKey(h: Home): string {
  return `${h.number} ${h.street.toUpperCase()} ${h.suffix.toUpperCase()}${h.unit ? ` #${h.unit.toUpperCase()}` : ''} ${h.zip5}`;
}

export interface TypedAddress {
  line1: string;
  line2: string | null;
  city: string;
  state: string;
  zip: string;
}

/** How one person types the home: `variant` 0 is the tidy form, others vary. */
export function typeAddress(h: Home, rng: Rng, variant = rng.int(0, 5)): TypedAddress {
  if (variant === 0) {
    return {
      line1: `${h.number} ${h.street} ${SUFFIXES[h.suffix][0]}`,
      line2: h.unit ? `Apt ${h.unit}` : null,
      city: h.city,
      state: h.state,
      zip: h.zip5,
    };
  }
  const suffix = rng.pick(SUFFIXES[h.suffix]);
  const designator = rng.pick(['Apt', 'Apt.', '#', 'Unit', 'Apartment', 'APT', 'apt', 'No.']);
  const unitText = h.unit ? (designator === '#' ? `#${h.unit}` : `${designator} ${h.unit}`) : null;
  let line1 = `${h.number} ${h.street} ${suffix}`;
  let line2: string | null = null;
  if (unitText) {
    if (rng.chance(0.5)) line1 = `${line1}${rng.chance(0.5) ? ',' : ''} ${unitText}`;
    else line2 = unitText;
  }
  let city = h.city;
  const casing = rng.int(0, 2);
  if (casing === 1) {
    line1 = line1.toUpperCase();
    line2 = line2?.toUpperCase() ?? null;
    city = city.toUpperCase();
  } else if (casing === 2) {
    line1 = line1.toLowerCase();
    line2 = line2?.toLowerCase() ?? null;
    city = city.toLowerCase();
  }
  if (rng.chance(0.2)) line1 = `${line1}  `;
  return {
    line1,
    line2,
    city,
    state: rng.chance(0.85) ? h.state : h.state.toLowerCase(),
    zip: rng.chance(0.3) ? `${h.zip5}-${h.zip4}` : h.zip5,
  };
}
