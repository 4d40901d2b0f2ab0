// Runs in: the synthetic data generator.
// Phones typed in several formats that are one E.164 number, emails with provider variants
// (Gmail ignores dots and +tags; case never matters), booking device ids.
import type { Rng } from './random';

export interface Phone {
  e164: string;
}

export function randomUsPhone(rng: Rng): Phone {
  const area = rng.pick([
    '210',
    '213',
    '305',
    '312',
    '346',
    '404',
    '480',
    '602',
    '619',
    '646',
    '713',
    '720',
    '786',
    '832',
    '915',
    '956',
  ]);
  return { e164: `+1${area}${rng.int(200, 989)}${String(rng.int(0, 9999)).padStart(4, '0')}` };
}

export function randomForeignPhone(rng: Rng, nationality: string): Phone {
  const cc: Record<string, string> = {
    VEN: '58',
    MEX: '52',
    HND: '504',
    CUB: '53',
    COL: '57',
    GTM: '502',
    HTI: '509',
    BRA: '55',
    RUS: '7',
    ECU: '593',
    SLV: '503',
    NIC: '505',
    PER: '51',
    CHN: '86',
    IND: '91',
  };
  const code = cc[nationality] ?? '52';
  return { e164: `+${code}${rng.int(300, 999)}${String(rng.int(0, 9999999)).padStart(7, '0')}` };
}

/** The E.164 form of a number as typed (the inverse of typePhone, for this generator's formats). */
export function normalisedPhone(typed: string): string {
  const d = typed.replace(/\D/g, '').replace(/^00/, '');
  if (typed.trim().startsWith('+') || typed.trim().startsWith('00')) return `+${d}`;
  if (d.length === 10) return `+1${d}`;
  if (d.length === 11 && d.startsWith('1')) return `+${d}`;
  return `+${d}`;
}

/** How a person types the number: all of these normalise to the same E.164. */
export function typePhone(p: Phone, rng: Rng, variant = rng.int(0, 7)): string {
  const n = p.e164;
  if (!n.startsWith('+1')) {
    if (variant % 3 === 0) return n;
    if (variant % 3 === 1) return `${n.slice(0, 4)} ${n.slice(4, 7)} ${n.slice(7)}`;
    return `00${n.slice(1)}`;
  }
  const d = n.slice(2);
  const [a, b, c] = [d.slice(0, 3), d.slice(3, 6), d.slice(6)];
  switch (variant) {
    case 0:
      return n;
    case 1:
      return `(${a}) ${b}-${c}`;
    case 2:
      return `${a}-${b}-${c}`;
    case 3:
      return `+1 ${a} ${b} ${c}`;
    case 4:
      return d;
    case 5:
      return `1-${a}-${b}-${c}`;
    case 6:
      return `${a}.${b}.${c}`;
    default:
      return `+1 (${a}) ${b}-${c}`;
  }
}

const PROVIDERS = ['gmail.com', 'hotmail.com', 'yahoo.com', 'outlook.com', 'icloud.com'];

function ascii(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();
}

export function makeEmail(rng: Rng, given: string, family: string, n: number): string {
  const g = ascii(given.split(/[\s-]/)[0] ?? 'x') || 'user';
  const f = ascii(family.split(/[\s-]/)[0] ?? 'x') || 'mail';
  return `${g}${rng.pick(['.', '', '_'])}${f}${n}@${rng.pick(PROVIDERS)}`;
}

/** Same mailbox, typed differently (Gmail: dots and +tags ignored; case ignored everywhere). */
export function typeEmail(email: string, rng: Rng, variant = rng.int(0, 3)): string {
  const [local = '', domain = ''] = email.split('@');
  if (variant === 0) return email;
  if (variant === 1) return email.toUpperCase();
  if (domain === 'gmail.com') {
    if (variant === 2) return `${local.replace(/\./g, '')}+cita@${domain}`;
    const bare = local.replace(/\./g, '');
    return `${bare.slice(0, 3)}.${bare.slice(3)}@${domain}`;
  }
  return `${local[0]?.toUpperCase() ?? ''}${local.slice(1)}@${domain.toUpperCase()}`;
}

export function deviceId(rng: Rng): string {
  return `${rng.pick(['ios', 'and'])}-${rng.hex(8)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(12)}`;
}
