import { createTheme, rem, type ButtonProps, type CSSVariablesResolver } from '@mantine/core';

/** Field errors and the error summary: 6.8:1 on white, 6:1 on a red tint. */
export const ERROR_COLOR = '#b21f1f';

/** Smallest touch target (UX.md: 44 px). */
export const TOUCH_TARGET = rem(44);

/**
 * Latin first, then the script fonts of the UI languages (fetched only while their language is
 * active, see i18n/index.ts; a family whose CSS is not loaded is skipped).
 */
const FONT_STACK =
  "'Noto Sans', 'Noto Sans Thai', 'Noto Sans Khmer', 'Noto Sans Myanmar', 'Noto Sans Bengali', " +
  "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";

/**
 * One calm accent (indigo; shade 7 on white is 5:1) and touch-sized controls: every button, input
 * and navigation link is at least 44 px high.
 *
 * Component overrides are plain objects, not `Component.extend(...)`: `extend` would import each
 * component into the first bundle even when only a lazily loaded page uses it.
 */
export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: 7,
  fontFamily: FONT_STACK,
  headings: {
    fontFamily: FONT_STACK,
    fontWeight: '700',
    sizes: {
      // Fluid, so a long name in the page title does not fill a phone screen.
      h1: { fontSize: 'clamp(1.625rem, 1.2rem + 2vw, 2.125rem)', lineHeight: '1.3' },
    },
  },
  defaultRadius: 'sm',
  focusRing: 'auto',
  respectReducedMotion: true,
  cursorType: 'pointer',
  components: {
    Button: {
      vars: (_theme: unknown, props: ButtonProps) => ({
        root: String(props.size ?? '').startsWith('compact')
          ? {}
          : { '--button-height': TOUCH_TARGET },
      }),
    },
    Input: { vars: () => ({ wrapper: { '--input-height': TOUCH_TARGET } }) },
    // Optional fields say "(optional)" instead of required ones carrying an asterisk (GOV.UK).
    TextInput: { defaultProps: { withAsterisk: false } },
    // The show/hide button is reachable with Tab (Mantine takes it out of the tab order).
    PasswordInput: { defaultProps: { withAsterisk: false, visibilityToggleFocusable: true } },
    // 24 px boxes; the whole row (box and label) is a 44 px target (styles.css).
    Checkbox: { defaultProps: { size: 'md' } },
    Radio: { defaultProps: { size: 'md' } },
    Switch: { defaultProps: { size: 'md' } },
    NativeSelect: { defaultProps: { withAsterisk: false } },
    // Status text is never upper-cased (names and Thai have no case) and never cut off. Dark text
    // on the tinted background keeps 4.5:1; the tint and the icon are extra cues.
    Badge: {
      defaultProps: { size: 'md' },
      vars: () => ({ root: { '--badge-color': 'var(--mantine-color-black)' } }),
      styles: {
        root: { textTransform: 'none', height: 'auto', minHeight: 'var(--badge-height)' },
        label: { whiteSpace: 'normal', overflow: 'visible', paddingBlock: 2 },
      },
    },
    // The dialog's <header> is not a second page banner for screen readers.
    Modal: { defaultProps: { attributes: { header: { role: 'none' } } } },
    ActionIcon: { defaultProps: { size: TOUCH_TARGET } },
    CloseButton: { defaultProps: { size: TOUCH_TARGET } },
    Burger: { styles: { root: { width: TOUCH_TARGET, height: TOUCH_TARGET, padding: rem(10) } } },
    NavLink: { styles: { root: { minHeight: TOUCH_TARGET } } },
  },
});

/**
 * Secondary text, field errors and the hovered current navigation link must still reach 4.5:1
 * (Mantine's default `dimmed`, red 6 errors and indigo 2 hover do not). The same values are set
 * in styles.css with a stronger selector, because Mantine's stylesheet, loaded after this
 * resolver's style element, would otherwise win; keep the two in step.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
    '--mantine-color-anchor': 'var(--mantine-color-indigo-8)',
    '--mantine-color-error': ERROR_COLOR,
    '--mantine-primary-color-light-hover': 'var(--mantine-color-indigo-1)',
  },
  dark: {},
});
