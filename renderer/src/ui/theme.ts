// Runs in: renderer. The theme every screen inherits. Contrast is fixed here, once, so later
// screens meet WCAG 2.1 AA without thinking about it: filled colours take whichever of white or
// near-black reads better on them (and are darkened when neither reaches 4.5:1, e.g. teal,
// cyan); light, outline and subtle variants get text dark enough for their pale backgrounds;
// `c="orange"`-style text is darkened the same way; dimmed text is darker than Mantine's
// default (#868e96 is 3.3:1).
import {
  DEFAULT_THEME,
  createTheme,
  darken,
  defaultVariantColorsResolver,
  luminance,
  parseThemeColor,
  type CSSVariablesResolver,
  type VariantColorsResolver,
} from '@mantine/core';

export const INK = '#1a1b1e';
/** What every text/background pair must reach (WCAG 2.1 AA, normal-size text). */
export const MIN_CONTRAST = 4.5;

export function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

/**
 * The colour darkened until it reads at 5.2:1 on white: the margin keeps it above 4.5:1 on the
 * pale 10 % tints of light badges and alerts too (teal.9 is 5.0 on white, 4.4 on its tint).
 */
export function readableOnLight(hex: string): string {
  let c = hex;
  for (let i = 0; i < 10 && contrast(c, '#ffffff') < 5.2; i++) c = darken(c, 0.12);
  return c;
}

/** A filled background and the text for it: white or ink, darkening the background if neither reads. */
export function filledPair(bg: string): { background: string; color: string } {
  if (contrast(bg, '#ffffff') >= MIN_CONTRAST) return { background: bg, color: '#ffffff' };
  if (contrast(bg, INK) >= MIN_CONTRAST) return { background: bg, color: INK };
  let b = bg;
  for (let i = 0; i < 10 && contrast(b, '#ffffff') < MIN_CONTRAST; i++) b = darken(b, 0.08);
  return { background: b, color: '#ffffff' };
}

const variantColorResolver: VariantColorsResolver = (input) => {
  const base = defaultVariantColorsResolver(input);
  const parsed = parseThemeColor({ color: input.color ?? input.theme.primaryColor, theme: input.theme });
  if (!parsed.isThemeColor || !parsed.color) return base;
  const shades = input.theme.colors[parsed.color]!;
  if (input.variant === 'filled') {
    const pair = filledPair(parsed.shade === undefined ? shades[8]! : parsed.value);
    return { ...base, background: pair.background, hover: darken(pair.background, 0.1), color: pair.color };
  }
  if (
    input.variant === 'light' ||
    input.variant === 'outline' ||
    input.variant === 'subtle' ||
    input.variant === 'default'
  ) {
    const text = readableOnLight(shades[9]!);
    return {
      ...base,
      color: input.variant === 'default' ? base.color : text,
      border: input.variant === 'outline' ? `1px solid ${text}` : base.border,
    };
  }
  return base;
};

export const theme = createTheme({
  primaryColor: 'indigo',
  // White on indigo.8 is 5.7:1 (indigo.6, Mantine's default, is 4.3:1).
  primaryShade: { light: 8, dark: 6 },
  defaultRadius: 'md',
  // Readable at arm's length across a booth counter: a larger base size than the default.
  fontSizes: { md: '1.05rem' },
  variantColorResolver,
});

// `c="red"` resolves to --mantine-color-red-text: make each of those readable on white too.
const readableTextVariables = Object.fromEntries(
  Object.entries(DEFAULT_THEME.colors).map(([name, shades]) => [
    `--mantine-color-${name}-text`,
    readableOnLight(shades[9]),
  ]),
);

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': '#5c636a', ...readableTextVariables },
  dark: {},
});
