// Runs in: main process and CLI.
// SHARED_ADDRESS, SHARED_PHONE, SHARED_EMAIL, SHARED_DEVICE: one home, number, mailbox or
// booking device given by at least K unrelated households, across every synced port and day.
// Families and travel groups share these legitimately; only unrelated households count.
import type { Severity } from '../../../ipc/channels/flags';
import type { FlagCandidate, FlagConfig, Rule, RuleContext } from './rule';
import {
  displayName,
  evidenceOf,
  flaggedKeys,
  households,
  keysOf,
  peopleInTiers,
  sharedKeys,
  spanOf,
  spanText,
  type Person,
} from './people';

interface Spec {
  id: string;
  version: number;
  column: 'addr_key' | 'phone_key' | 'email_key' | 'device_key';
  thing: string;
  description: string;
  min: (c: FlagConfig) => number;
  typed: (p: Person) => string;
  shown: (key: string, sample: Person) => string;
}

function severityFor(count: number, min: number): Severity {
  return count >= Math.max(10, min * 3) ? 'high' : count >= Math.max(5, min + 2) ? 'medium' : 'low';
}

export function sharedAttributeRule(spec: Spec): Rule {
  const clusterFlags = (ctx: RuleContext, key: string): FlagCandidate[] => {
    const people = peopleInTiers(ctx.db, `${spec.column} = @key`, { key });
    const min = spec.min(ctx.config);
    const homes = households(people);
    if (homes.length < min) return [];
    const severity = severityFor(homes.length, min);
    const span = spanOf(people);
    const shown = spec.shown(key, people[0]!);
    return people.map((p) => {
      const others = people.filter((o) => o.applicant_id !== p.applicant_id);
      const unrelated = homes.filter((h) => !h.some((o) => o.applicant_id === p.applicant_id)).length;
      return {
        applicantId: p.applicant_id,
        ruleId: spec.id,
        ruleVersion: spec.version,
        key,
        severity,
        evidence: {
          summary: `${people.length} applicants in ${homes.length} unrelated households ${spanText(span)} gave ${spec.thing} ${shown}`,
          value: shown,
          households: homes.length,
          applicants: people.length,
          ports: span.ports,
          span,
          others: others.slice(0, ctx.config.evidenceLimit).map((o) => evidenceOf(o, spec.typed(o))),
          othersTotal: others.length,
        },
        explanation:
          `${displayName(p)} gave ${spec.thing} ${shown}, which ${unrelated} other unrelated household${unrelated === 1 ? '' : 's'} ` +
          `(${others.length} other applicant${others.length === 1 ? '' : 's'}) also gave: ${people.length} applicants ${spanText(span)}. ` +
          `Unrelated means a different travel group and a different family name. Ask about it; it is not a finding of fraud.`,
      };
    });
  };

  return {
    id: spec.id,
    version: spec.version,
    description: spec.description,
    all(ctx) {
      const min = spec.min(ctx.config);
      const keys = ctx.db
        // The main tier only: the engine merges every fresh key before a full run.
        .prepare<[number], { k: string }>(
          `SELECT ${spec.column} AS k FROM applicants WHERE ${spec.column} IS NOT NULL AND keys_fresh = 0 GROUP BY ${spec.column} HAVING COUNT(DISTINCT group_id) >= ?`,
        )
        .all(min)
        .map((r) => r.k);
      return keys.flatMap((k) => clusterFlags(ctx, k));
    },
    affected(ctx, applicantIds) {
      // Their keys now, and the keys they were flagged under before (a corrected address
      // may leave a cluster that no longer qualifies).
      const keys = [
        ...new Set([
          ...keysOf(ctx, spec.column, applicantIds),
          ...flaggedKeys(ctx.db, spec.id, applicantIds),
        ]),
      ];
      // Only keys shared by enough travel groups can flag anyone; the rest only clear.
      const live = sharedKeys(ctx.db, spec.column, keys, spec.min(ctx.config));
      return { scope: { keys }, candidates: live.flatMap((k) => clusterFlags(ctx, k)) };
    },
  };
}

const oneLine = (p: Person) =>
  [p.addr_line1, p.addr_line2].filter(Boolean).join(', ') + `, ${p.addr_city} ${p.addr_state} ${p.addr_zip}`;

export const SHARED_ADDRESS = sharedAttributeRule({
  id: 'SHARED_ADDRESS',
  version: 1,
  column: 'addr_key',
  thing: 'the US address',
  description:
    'Flags applicants whose intended US address (normalised: case, punctuation, street-suffix and unit abbreviations, unit number, ZIP5) is also given by at least K unrelated households (default 3), across every synced port and day. Severity grows with the count.',
  min: (c) => c.sharedAddressMinHouseholds,
  typed: oneLine,
  shown: (_k, p) => oneLine(p),
});

export const SHARED_PHONE = sharedAttributeRule({
  id: 'SHARED_PHONE',
  version: 1,
  column: 'phone_key',
  thing: 'the phone number',
  description:
    'Flags applicants whose phone number (as E.164) is also given by at least K unrelated households (default 3).',
  min: (c) => c.sharedPhoneMinHouseholds,
  typed: (p) => p.phone,
  shown: (k) => k,
});

export const SHARED_EMAIL = sharedAttributeRule({
  id: 'SHARED_EMAIL',
  version: 1,
  column: 'email_key',
  thing: 'the email mailbox',
  description:
    'Flags applicants whose mailbox (case-insensitive; Gmail dots and +tags ignored) is also given by at least K unrelated households (default 3).',
  min: (c) => c.sharedEmailMinHouseholds,
  typed: (p) => p.email,
  shown: (k) => k,
});

export const SHARED_DEVICE = sharedAttributeRule({
  id: 'SHARED_DEVICE',
  version: 1,
  column: 'device_key',
  thing: 'the booking device',
  description:
    'Flags applicants whose appointment was booked from a device that at least K unrelated households (default 3) also booked from.',
  min: (c) => c.sharedDeviceMinHouseholds,
  typed: (p) => p.device_id,
  shown: (k) => k,
});
