import { tokens } from '@fluentui/react-components';

/** A bordered panel of a page, and its heading: the dashboard's and the plan's look alike. */
export const PANEL_STYLES = {
  panel: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    minWidth: '0',
  },
  heading: {
    margin: '0',
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
} as const;

/** A page of the tab that reads one case's record (the plan, the reports for a review): its frame, headings, text and lists. */
export const PAGE_STYLES = {
  root: {
    width: '100%',
    maxWidth: '60rem',
    margin: '0 auto',
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalXXXL}`,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalL,
  },
  centred: { display: 'flex', justifyContent: 'center', padding: tokens.spacingVerticalXXL },
  title: { margin: '0', fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  subtitle: { margin: '0', color: tokens.colorNeutralForeground2 },
  ...PANEL_STYLES,
  subheading: { margin: '0', fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  text: { margin: '0', overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' },
  meta: { margin: '0', color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  list: { listStyleType: 'none', margin: '0', padding: '0', display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  item: { borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalS, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  buttons: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
} as const;
