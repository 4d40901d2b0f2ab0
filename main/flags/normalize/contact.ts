// Runs in: main process and CLI. Phones to E.164, mailboxes to one canonical form. Each is read
// as cleanText reads names (invisible characters dropped, NFKC), so a zero-width space inside a
// mailbox or device id does not make it another one.
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { cleanText } from './text';

/** E.164 (+16195550123). Numbers without a country code are read as US numbers. */
export function normalisePhone(typed: string): string {
  const raw = cleanText(typed);
  // Fast path for the common North American forms; everything else goes to libphonenumber.
  const compact = raw.replace(/[\s().-]/g, '');
  if (/^\+1[2-9]\d{9}$/.test(compact)) return compact;
  if (/^1?[2-9]\d{9}$/.test(compact)) return `+1${compact.slice(-10)}`;
  const p = parsePhoneNumberFromString(raw.trim(), 'US');
  if (p?.isPossible()) return p.number;
  return `+${raw.replace(/\D/g, '')}`;
}

// Providers that ignore "+tag" in the local part, and Gmail which also ignores dots.
const PLUS_PROVIDERS = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'icloud.com',
  'me.com',
  'protonmail.com',
  'proton.me',
  'fastmail.com',
]);

export function normaliseEmail(raw: string): string {
  const e = cleanText(raw).trim().toLowerCase();
  const at = e.lastIndexOf('@');
  if (at < 1) return e;
  let local = e.slice(0, at);
  let domain = e.slice(at + 1);
  if (domain === 'googlemail.com') domain = 'gmail.com';
  if (PLUS_PROVIDERS.has(domain)) local = local.split('+')[0]!;
  if (domain === 'gmail.com') local = local.replace(/\./g, '');
  return `${local}@${domain}`;
}

export function normaliseDevice(raw: string): string {
  return cleanText(raw).trim().toLowerCase();
}

export function normaliseDocument(doc: { number: string; issuer: string } | null): string | null {
  if (!doc) return null;
  const n = cleanText(doc.number)
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
  return n ? `${cleanText(doc.issuer).toUpperCase()}:${n}` : null;
}
