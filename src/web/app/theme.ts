import { createTheme, type MantineColorsTuple } from '@mantine/core';

/** System fonts only (the CSP allows no font hosts); Japanese faces for every desktop OS. */
export const fontFamily = [
  '"Hiragino Sans"',
  '"Hiragino Kaku Gothic ProN"',
  '"Noto Sans JP"',
  '"Noto Sans CJK JP"',
  '"Yu Gothic UI"',
  'Meiryo',
  'system-ui',
  'sans-serif',
].join(', ');

const brand: MantineColorsTuple = [
  '#e9f1fb',
  '#d3e2f5',
  '#a6c3ea',
  '#76a2de',
  '#4f86d4',
  '#3773cc',
  '#2a68c6',
  '#1e57ae',
  '#164c9c',
  '#053f88',
];

export const theme = createTheme({
  primaryColor: 'brand',
  primaryShade: 7,
  colors: { brand },
  fontFamily,
  headings: { fontFamily, fontWeight: '700' },
  fontSizes: { xs: '12px', sm: '14px', md: '15px', lg: '17px', xl: '20px' },
  defaultRadius: 'sm',
  cursorType: 'pointer',
  components: {
    Button: { defaultProps: { size: 'sm' } },
    TextInput: { defaultProps: { size: 'sm' } },
    PasswordInput: { defaultProps: { size: 'sm' } },
    Textarea: { defaultProps: { size: 'sm' } },
    NativeSelect: { defaultProps: { size: 'sm' } },
  },
});
