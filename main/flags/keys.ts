// Runs in: main process and CLI. The normalised matching keys stored with each applicant (by the
// flags step right after a batch commits), so flags are found with indexed lookups instead of
// rescanning everyone.
import { normaliseAddress, ADDRESS_NORMALISER_VERSION } from './normalize/address';
import { normaliseDevice, normaliseDocument, normaliseEmail, normalisePhone } from './normalize/contact';
import { NAME_NORMALISER_VERSION, nameTokens } from './normalize/name';
import type { ApplicantRow } from '../applicant/applicant-repository';

/**
 * Bump when any normaliser changes: keys of another version are stale, so the start-up catch-up
 * (FlagService.catchUp) and `arrivals flags recompute` rebuild them. 101 → 201: invisible
 * characters, look-alike letters and ASCII spellings in names and addresses (normalize/text.ts).
 */
export const KEYS_VERSION = NAME_NORMALISER_VERSION * 100 + ADDRESS_NORMALISER_VERSION;

export type KeySource = Pick<
  ApplicantRow,
  | 'given_names'
  | 'family_names'
  | 'addr_line1'
  | 'addr_line2'
  | 'addr_zip'
  | 'phone'
  | 'email'
  | 'device_id'
  | 'doc_number'
  | 'doc_issuer'
>;

export interface ApplicantKeys {
  addr_key: string;
  phone_key: string;
  email_key: string;
  device_key: string;
  doc_key: string | null;
  name_tokens: string;
  surname_tokens: string;
}

/**
 * A pure normaliser's results kept by input, up to a bound (then forgotten at once): names and
 * phone numbers repeat across applicants (families, common names), and folding or parsing them
 * again is most of a batch's key time.
 */
function remembered<T>(fn: (s: string) => T, max = 50_000): (s: string) => T {
  const seen = new Map<string, T>();
  return (s) => {
    let v = seen.get(s);
    if (v === undefined) {
      if (seen.size >= max) seen.clear();
      seen.set(s, (v = fn(s)));
    }
    return v;
  };
}

const tokensOf = remembered((name: string): readonly string[] => nameTokens(name));
const phoneKey = remembered(normalisePhone);

export function computeKeys(a: KeySource): ApplicantKeys {
  // Folding is per character, so the full name's tokens are the given names' then the family
  // names' (one pass over each instead of folding the family names twice).
  const surname = tokensOf(a.family_names);
  return {
    addr_key: normaliseAddress({ line1: a.addr_line1, line2: a.addr_line2, zip: a.addr_zip }).key,
    phone_key: phoneKey(a.phone),
    email_key: normaliseEmail(a.email),
    device_key: normaliseDevice(a.device_id),
    doc_key: a.doc_number ? normaliseDocument({ number: a.doc_number, issuer: a.doc_issuer ?? '' }) : null,
    name_tokens: [...tokensOf(a.given_names), ...surname].join(' '),
    surname_tokens: surname.join(' '),
  };
}
