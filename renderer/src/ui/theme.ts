// Runs in: renderer. The theme every screen inherits. Contrast is fixed here, once, so later
// screens meet WCAG 2.1 AA without thinking about it: filled colours take whichever of white or
// near-black reads better on them; light, outline and subtle variants get text dark enough for
// their pale backgrounds; dimmed text is darker than Mantine's default (#868e96 is 3.3:1).
import {
  createTheme,
  darken,
  defaultVariantColorsResolver,
  luminance,
  parseThemeColor,
  type CSSVariablesResolver,
  type VariantColorsResolver,
} from '@mantine/core';

const INK = '#1a1b1e';

function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

/** The colour's darkest shade, darkened further until it reads at 4.5:1 on white. */
function readableOnLight(hex: string): string {
  let c = hex;
  for (let i = 0; i < 10 && contrast(c, '#ffffff') < 4.8; i++) c = darken(c, 0.12);
  return c;
}

const variantColorResolver: VariantColorsResolver = (input) => {
  const base = defaultVariantColorsResolver(input);
  const parsed = parseThemeColor({ color: input.color ?? input.theme.primaryColor, theme: input.theme });
  if (!parsed.isThemeColor || !parsed.color) return base;
  const shades = input.theme.colors[parsed.color]!;
  if (input.variant === 'filled') {
    const bg = parsed.shade === undefined ? shades[8]! : parsed.value;
    return { ...base, background: bg, hover: darken(bg, 0.1), color: contrast(bg, '#ffffff') >= 4.5 ? '#ffffff' : INK };
  }
  if (input.variant === 'light' || input.variant === 'outline' || input.variant === 'subtle' || input.variant === 'default') {
    const text = readableOnLight(shades[9]!);
    return { ...base, color: input.variant === 'default' ? base.color : text, border: input.variant === 'outline' ? `1px solid ${text}` : base.border };
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

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': '#5c636a' },
  dark: {},
});
