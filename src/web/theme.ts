import { type CSSVariablesResolver, createTheme, type MantineColorsTuple } from '@mantine/core';

/**
 * Socle's own theme (the State design system, DSFR, is reserved to the
 * State). Sober slate blue; every text colour is checked for ≥ 4.5:1
 * contrast on its background, and keyboard focus gets a thick, offset ring.
 */

// Shade 7 (#1d4a87) carries white text at 8.9:1; shade 6 on white is 6.9:1.
const socle: MantineColorsTuple = [
  '#edf3fb',
  '#d6e4f5',
  '#aac6ea',
  '#7ca6dd',
  '#568bd1',
  '#3b76c4',
  '#2a62ae',
  '#1d4a87',
  '#173c6e',
  '#102b50',
];

export const theme = createTheme({
  primaryColor: 'socle',
  primaryShade: 7,
  colors: { socle },
  autoContrast: true,
  focusRing: 'auto',
  respectReducedMotion: true,
  defaultRadius: 'sm',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", sans-serif',
  headings: {
    fontWeight: '700',
    sizes: {
      h1: { fontSize: '1.75rem', lineHeight: '1.25' },
      h2: { fontSize: '1.35rem', lineHeight: '1.3' },
      h3: { fontSize: '1.1rem', lineHeight: '1.35' },
    },
  },
  components: {
    Anchor: { defaultProps: { underline: 'always' } },
    Modal: { defaultProps: { centered: true, size: 'lg' } },
  },
});

/**
 * Mantine's defaults that fail WCAG contrast on white: error red (#fa5252,
 * 3.3:1), dimmed and placeholder greys (3.3:1 and 2.2:1), and input borders
 * (#ced4da, 1.5:1, under the 3:1 of non-text contrast).
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-error': '#c92a2a',
    '--mantine-color-dimmed': '#495057',
    '--mantine-color-placeholder': '#5c636a',
    '--mantine-color-default-border': '#7a828a',
    '--mantine-color-anchor': '#1d4a87',
  },
  dark: {},
});
