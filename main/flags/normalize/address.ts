// Runs in: main process and CLI.
// One key per home, however it was typed: case, punctuation, street-suffix and unit-designator
// abbreviations, the unit on line 1 or line 2, ZIP or ZIP+4. The unit stays part of the key:
// two flats in one building are two homes.
import { fold } from './text';

export const ADDRESS_NORMALISER_VERSION = 1;

/** Each canonical form and its spellings (space-separated) as a lookup from any of them, itself included. */
function byAlias(spellings: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(spellings).flatMap(([canon, other]) =>
      [canon, ...other.split(' ').filter(Boolean)].map((s) => [s, canon]),
    ),
  );
}

// Street suffixes by their USPS abbreviation, with the other ways people type them.
const SUFFIX = byAlias({
  ST: 'STREET STR',
  AVE: 'AVENUE AV AVN',
  BLVD: 'BOULEVARD BOUL',
  DR: 'DRIVE DRV',
  RD: 'ROAD',
  LN: 'LANE',
  CT: 'COURT',
  PL: 'PLACE',
  CIR: 'CIRCLE',
  PKWY: 'PARKWAY',
  HWY: 'HIGHWAY',
  TER: 'TERRACE',
  TRL: 'TRAIL',
  WAY: '',
});
const DIRECTION: Record<string, string> = {
  NORTH: 'N',
  SOUTH: 'S',
  EAST: 'E',
  WEST: 'W',
  NORTHEAST: 'NE',
  NORTHWEST: 'NW',
  SOUTHEAST: 'SE',
  SOUTHWEST: 'SW',
};
const UNIT = new Set(
  'APT APARTMENT UNIT # NO NUM STE SUITE RM ROOM FL FLOOR DEPT DEPTO BLDG LOT SPC SPACE TRLR'.split(' '),
);

export interface NormalAddress {
  street: string;
  unit: string | null;
  zip5: string;
  key: string;
}

export function normaliseAddress(a: { line1: string; line2: string | null; zip: string }): NormalAddress {
  // "#4" glued to a word, and "APT4", become separate tokens.
  const raw = `${a.line1} ${a.line2 ?? ''}`.replace(/#/g, ' # ');
  const tokens = fold(raw).split(' ').filter(Boolean);
  const street: string[] = [];
  let unit: string | null = null;
  for (let i = 0; i < tokens.length; i++) {
    let t = tokens[i]!;
    const glued = /^(APT|UNIT|STE)(\d+[A-Z]?)$/.exec(t);
    if (glued) {
      unit = glued[2]!;
      continue;
    }
    if (UNIT.has(t)) {
      const next = tokens[i + 1];
      // "NO" is only a designator before a number ("No. 4"), never a street word.
      if (next && /^\d|^[A-Z]$/.test(next)) {
        unit = next;
        i++;
        continue;
      }
      if (t === '#') continue;
    }
    // A bare trailing number after the suffix is a unit too ("123 MAIN ST 4").
    if (street.length >= 3 && /^\d+[A-Z]?$/.test(t) && SUFFIX[street[street.length - 1]!] !== undefined) {
      unit = t;
      continue;
    }
    t = SUFFIX[t] && street.length >= 2 ? SUFFIX[t]! : (DIRECTION[t] ?? t);
    street.push(t);
  }
  const zip5 = (a.zip.match(/\d{5}/)?.[0] ?? fold(a.zip)).slice(0, 5);
  const u = unit ? unit.replace(/^0+(?=\d)/, '') : null;
  return { street: street.join(' '), unit: u, zip5, key: `${street.join(' ')}|${u ?? ''}|${zip5}` };
}
