// Runs in: tests (jsdom project; reads the sources through Vite's import.meta.glob). Every key the renderer's
// code names (t('…'), t("…"), i18nKey="…", labelKey: '…') exists in the English catalogue,
// plural keys as their _one/_other forms; a dynamic key (t(`common.rules.${id}`)) is checked
// for every value it can take, so each one must be registered below with where its values come
// from. Typed keys catch most of this at compile time; this catches what a cast or a template
// lets through. Also: the six applicant catalogues carry the same keys, all translated.
import { describe, expect, it } from 'vitest';
import { ROLES } from '../../../ipc/channel';
import { DISPOSITIONS } from '../../../ipc/channels/encounter';
import { FaceBand, GuideHint, Judgement } from '../../../ipc/channels/face';
import { FLAG_THRESHOLD_KEYS, FlagVerdict, Severity } from '../../../ipc/channels/flags';
import { GROUP_DIMENSIONS } from '../../../ipc/channels/reporting';
import { SyncStatusView } from '../../../ipc/channels/sync';
import { UPDATE_CHANNELS } from '../../../ipc/channels/settings';
import { UPDATE_PHASES } from '../../../ipc/channels/update';
import { applicant, APPLICANT_LANGUAGES, ui } from '../../../renderer/src/i18n/resources';

/** The renderer's sources as text, by path (relative to this file). */
const SOURCES = import.meta.glob<string>(['../../../renderer/src/**/*.{ts,tsx}', '!**/*.d.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
});
const RULE_SOURCES = import.meta.glob<string>('../../../main/flags/rules/*.ts', {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** The rule ids main can raise, read from the rules themselves (main is not importable here). */
function ruleIdsFromMain(): string[] {
  const ids = Object.values(RULE_SOURCES).flatMap((text) =>
    [...text.matchAll(/^\s*id: '([A-Z_]+)',/gm)].map((m) => m[1]!),
  );
  expect(ids.length).toBeGreaterThan(5); // the pattern still finds them
  return ids;
}

/** Appointment statuses main stores: the feed's, a sync's cancel/reschedule, an encounter's outcome. */
const APPOINTMENT_STATUSES = ['scheduled', 'rescheduled', 'cancelled', 'arrived', 'completed', 'no_show'];

/** Guarded in code by the catalogue itself (isX(k) ? t(`…${k}`) : k): any key it has is fine. */
const GUARDED = 'guarded by the catalogue';

/** Every dynamic key pattern in use ('*' is the interpolated part) and the values it takes. */
const DYNAMIC: Record<string, string[] | typeof GUARDED> = {
  'common.rules.*': ruleIdsFromMain(),
  'common.severity.*': [...Severity.options],
  'common.status.*': APPOINTMENT_STATUSES,
  'common.disposition.*': [...DISPOSITIONS],
  'common.band.*': [...FaceBand.options],
  'common.roles.*': [...ROLES],
  'shell.status.states.*': [...SyncStatusView.shape.state.options],
  'shell.status.manifest.*': [...SyncStatusView.shape.todaysManifest.options],
  'admin.thresholds.labels.*': [...FLAG_THRESHOLD_KEYS],
  'admin.updates.channel.*': [...UPDATE_CHANNELS],
  'admin.updates.phase.*': [...UPDATE_PHASES],
  'dashboard.review.verdict.*': [...FlagVerdict.options],
  'booth.verify.hints.*': [...GuideHint.options],
  'booth.verify.blind.*': [...Judgement.options],
  'booth.tabs.scroll.*': ['flags', 'details', 'group'],
  'dashboard.trends.kinds.*': GUARDED,
  'dashboard.bands.*': GUARDED,
  'dashboard.verification.dimensions.*': [...GROUP_DIMENSIONS],
  'dashboard.verification.sex.*': GUARDED,
  'dashboard.verification.age.*': GUARDED,
};

type Tree = { [k: string]: string | Tree };
const catalogue = ui as unknown as Tree;

function lookup(tree: Tree, key: string): string | Tree | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return node;
}

/** A key resolves to a string itself or through its plural forms. */
function exists(tree: Tree, key: string): boolean {
  if (typeof lookup(tree, key) === 'string') return true;
  return ['_one', '_other'].every((s) => typeof lookup(tree, `${key}${s}`) === 'string');
}

interface Use {
  key: string;
  file: string;
  dynamic: boolean;
}

const LITERAL = [
  /\bt\(\s*'([^'\n]+)'/g,
  /\bt\(\s*"([^"\n]+)"/g,
  /\bt\(\s*`([^`$\n]+)`/g,
  /i18nKey=["']([^"'\n]+)["']/g,
  /i18nKey=\{\s*['"]([^'"\n]+)['"]\s*\}/g,
  /\blabelKey:\s*'([^'\n]+)'/g,
];
const TEMPLATE = /\bt\(\s*`([^`\n]*\$\{[^`\n]*)`/g;

function uses(): Use[] {
  return Object.entries(SOURCES).flatMap(([file, text]) => {
    const rel = file.replace(/^(\.\.\/)+/, '');
    const found: Use[] = [];
    for (const re of LITERAL)
      for (const m of text.matchAll(re)) found.push({ key: m[1]!, file: rel, dynamic: false });
    for (const m of text.matchAll(TEMPLATE)) {
      found.push({ key: m[1]!.replace(/\$\{[^}]*\}/g, '*'), file: rel, dynamic: true });
    }
    return found;
  });
}

const applicantEn = applicant.en as unknown as Tree;

function resolves(key: string): boolean {
  const [ns, k] = key.includes(':') ? key.split(':', 2) : ['ui', key];
  return ns === 'applicant' ? exists(applicantEn, k!) : ns === 'ui' && exists(catalogue, k!);
}

describe('i18n keys', () => {
  const all = uses();

  it('finds the keys the code uses', () => {
    expect(Object.keys(SOURCES).length).toBeGreaterThan(40);
    expect(all.length).toBeGreaterThan(100);
    expect(all.some((u) => u.key === 'booth.queue.title')).toBe(true);
  });

  it('every literal key exists in the English catalogue', () => {
    const missing = all.filter((u) => !u.dynamic && !resolves(u.key)).map((u) => `${u.file}: ${u.key}`);
    expect(missing, `keys missing from renderer/src/i18n/en/*.json:\n${missing.join('\n')}`).toEqual([]);
  });

  it('every dynamic key is registered, and exists for each value it can take', () => {
    const problems: string[] = [];
    for (const u of all.filter((x) => x.dynamic)) {
      const values = DYNAMIC[u.key];
      if (!values) {
        problems.push(
          `${u.file}: t(\`${u.key.replace('*', '${…}')}\`) is not registered in DYNAMIC (add its values)`,
        );
        continue;
      }
      const [prefix, suffix] = u.key.split('*') as [string, string];
      if (values === GUARDED) {
        if (typeof lookup(catalogue, prefix.replace(/\.$/, '')) !== 'object')
          problems.push(`${u.file}: no ${prefix}`);
        continue;
      }
      for (const v of values)
        if (!exists(catalogue, `${prefix}${v}${suffix}`)) problems.push(`${u.file}: ${prefix}${v}${suffix}`);
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('every string of the session, shell and booth catalogues is used', () => {
    const used = new Set(all.filter((u) => !u.dynamic).map((u) => u.key));
    const patterns = all
      .filter((u) => u.dynamic)
      .map((u) => new RegExp(`^${u.key.split('*').map(escape).join('[^.]+')}$`));
    const leaves = (tree: Tree, prefix: string): string[] =>
      Object.entries(tree).flatMap(([k, v]) =>
        typeof v === 'string' ? [`${prefix}${k}`] : leaves(v, `${prefix}${k}.`),
      );
    const unused = ['session', 'shell', 'booth']
      .flatMap((ns) => leaves(catalogue[ns] as Tree, `${ns}.`))
      .map((k) => k.replace(/_(one|other)$/, ''))
      .filter((k) => !used.has(k) && !patterns.some((p) => p.test(k)));
    expect([...new Set(unused)], 'strings no code uses: remove them or use them').toEqual([]);
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('applicant catalogues', () => {
  const en = applicant.en as Record<string, string>;
  const keys = Object.keys(en).sort();

  it('have a real set of phrases in English', () => {
    expect(keys).toEqual(expect.arrayContaining(['lookAtCamera', 'pleaseWait', 'thankYou']));
    expect(en.lookAtCamera).toBe('Please look at the camera');
  });

  it.each(APPLICANT_LANGUAGES.filter((l) => l !== 'en'))('%s has every key, each translated', (lng) => {
    const cat = applicant[lng] as Record<string, string>;
    expect(Object.keys(cat).sort()).toEqual(keys);
    for (const k of keys) {
      expect(cat[k], `${lng}.${k}`).toMatch(/\S/);
      expect(cat[k], `${lng}.${k} is still English`).not.toBe(en[k]);
    }
  });
});
