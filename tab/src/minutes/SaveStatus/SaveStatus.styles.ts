import { makeStyles, tokens } from '@fluentui/react-components';

export const useSaveStatusStyles = makeStyles({
  root: {
    display: 'flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    minHeight: '24px',
    fontSize: tokens.fontSizeBase200,
  },
  saved: { color: tokens.colorNeutralForeground3 },
  busy: { color: tokens.colorNeutralForeground2 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
  error: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});
