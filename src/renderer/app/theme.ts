/**
 * The shop-floor theme: light, high contrast, large type and large touch targets (operators wear
 * gloves and read the screen from a step away). Buttons and inputs default to the big sizes.
 */
import { createTheme } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: 8,
  autoContrast: true,
  fontFamily: 'system-ui, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif',
  fontSizes: { xs: '1rem', sm: '1.125rem', md: '1.25rem', lg: '1.5rem', xl: '1.875rem' },
  lineHeights: { md: '1.45' },
  headings: {
    fontWeight: '800',
    sizes: {
      h1: { fontSize: '2.25rem', lineHeight: '1.2' },
      h2: { fontSize: '1.75rem', lineHeight: '1.25' },
      h3: { fontSize: '1.5rem', lineHeight: '1.3' },
      h4: { fontSize: '1.25rem', lineHeight: '1.35' },
    },
  },
  defaultRadius: 'md',
  focusRing: 'always',
  cursorType: 'pointer',
  components: {
    Button: { defaultProps: { size: 'xl' }, styles: { root: { minHeight: 56 } } },
    ActionIcon: { defaultProps: { size: 56 } },
    TextInput: { defaultProps: { size: 'xl' } },
    PasswordInput: { defaultProps: { size: 'xl' } },
    NumberInput: { defaultProps: { size: 'xl' } },
    NativeSelect: { defaultProps: { size: 'xl' } },
    Badge: {
      defaultProps: { size: 'xl', radius: 'sm' },
      styles: { root: { flexShrink: 0, maxWidth: 'none' }, label: { textTransform: 'none', overflow: 'visible' } },
    },
    Alert: { defaultProps: { variant: 'light' }, styles: { message: { fontSize: 'var(--mantine-font-size-md)' } } },
  },
});
