// Runs in: renderer. The dashboard's counts come keyed by whatever main stored (outcomes,
// verification bands, trend kinds, group values as plain strings): these guards let t() take a dynamic key only
// over the names the catalogue knows; anything else shows as sent. Rule ids, severities and
// statuses go through the shared i18n/labels.ts.
import common from '../../i18n/en/common.json';
import dashboard from '../../i18n/en/dashboard.json';

const has = <T extends object>(o: T, k: string): k is Extract<keyof T, string> => Object.hasOwn(o, k);

export type Disposition = keyof typeof common.disposition;
export const isDisposition = (k: string): k is Disposition => has(common.disposition, k);

export type DashboardBand = keyof typeof dashboard.bands;
export const isDashboardBand = (k: string): k is DashboardBand => has(dashboard.bands, k);

export type TrendKind = keyof typeof dashboard.trends.kinds;
export const isTrendKind = (k: string): k is TrendKind => has(dashboard.trends.kinds, k);

export type AgeBand = keyof typeof dashboard.verification.age;
export const isAgeBand = (k: string): k is AgeBand => has(dashboard.verification.age, k);

export type SexCode = keyof typeof dashboard.verification.sex;
export const isSexCode = (k: string): k is SexCode => has(dashboard.verification.sex, k);

/** A key main sent that the catalogue does not name yet: readable rather than SHOUTED_SNAKE. */
export const rawLabel = (key: string) => key.replace(/_/g, ' ');
