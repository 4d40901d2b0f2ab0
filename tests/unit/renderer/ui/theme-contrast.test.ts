// Runs in: tests (jsdom). Badges and coloured text read at WCAG AA (4.5:1) in every theme colour
// the screens use: filled (white or ink on the colour), light (the colour's dark text on its pale
// tint over white), and `c="<colour>"` text on white.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_THEME,
  defaultVariantColorsResolver,
  mergeMantineTheme,
  type MantineTheme,
} from '@mantine/core';
import {
  contrast,
  cssVariablesResolver,
  filledPair,
  theme,
  MIN_CONTRAST,
} from '../../../../renderer/src/ui/theme';
import { SEVERITY_COLOR } from '../../../../renderer/src/ui/SeverityBadge';
import { STATUS_COLOR } from '../../../../renderer/src/ui/StatusBadge';

const full = mergeMantineTheme(DEFAULT_THEME, theme) as MantineTheme;
const USED = [
  ...new Set([
    ...Object.values(SEVERITY_COLOR),
    ...Object.values(STATUS_COLOR),
    'indigo',
    'green',
    'red',
    'orange',
    'gray',
    'blue',
    'teal',
    'cyan',
    'yellow',
  ]),
];

/** An opaque colour for `rgba(hex, a)` over white. */
function over(hex: string, alpha: number): string {
  const n = parseInt(hex.slice(1), 16);
  const mix = (c: number) => Math.round(c * alpha + 255 * (1 - alpha));
  return `#${[(n >> 16) & 255, (n >> 8) & 255, n & 255].map((c) => mix(c).toString(16).padStart(2, '0')).join('')}`;
}

describe('theme contrast', () => {
  it.each(USED)('filled %s reads at 4.5:1', (color) => {
    const v = full.variantColorResolver({ color, theme: full, variant: 'filled' });
    expect(contrast(v.background, v.color)).toBeGreaterThanOrEqual(MIN_CONTRAST);
  });

  it.each(USED)('light %s reads at 4.5:1 on its tint', (color) => {
    const v = full.variantColorResolver({ color, theme: full, variant: 'light' });
    // Mantine's light background: the colour at the primary shade (8 here), 10 % over white.
    const bg = over(full.colors[color]![8]!, 0.1);
    expect(contrast(v.color, bg)).toBeGreaterThanOrEqual(MIN_CONTRAST);
    expect(defaultVariantColorsResolver({ color, theme: full, variant: 'light' }).color).not.toBe(v.color);
  });

  it.each(USED)('c="%s" text reads at 4.5:1 on white', (color) => {
    const vars = cssVariablesResolver(full).light as Record<string, string>;
    expect(contrast(vars[`--mantine-color-${color}-text`]!, '#ffffff')).toBeGreaterThanOrEqual(MIN_CONTRAST);
  });

  it('darkens a mid-tone background that neither white nor ink reads on (teal, cyan)', () => {
    for (const c of ['teal', 'cyan']) {
      const pair = filledPair(full.colors[c]![8]!);
      expect(pair.background).not.toBe(full.colors[c]![8]);
      expect(contrast(pair.background, pair.color)).toBeGreaterThanOrEqual(MIN_CONTRAST);
    }
  });
});
