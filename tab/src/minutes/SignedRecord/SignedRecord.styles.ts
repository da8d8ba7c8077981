import { makeStyles, tokens } from '@fluentui/react-components';

export const useSignedRecordStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
  },
  buttons: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
  },
  heading: {
    margin: '0',
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  paragraph: { margin: '0' },
  recipients: {
    borderCollapse: 'collapse',
    textAlign: 'start',
    '& th, & td': { paddingBlock: tokens.spacingVerticalXXS, paddingInlineEnd: tokens.spacingHorizontalM, textAlign: 'start' },
  },
  deliveries: {
    margin: '0',
    paddingInlineStart: tokens.spacingHorizontalL,
  },
  failed: {
    color: tokens.colorPaletteRedForeground1,
    fontWeight: tokens.fontWeightSemibold,
  },
});
