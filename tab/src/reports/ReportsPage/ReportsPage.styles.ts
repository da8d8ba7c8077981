import { makeStyles, tokens } from '@fluentui/react-components';
import { PANEL_STYLES } from '../../common/panel.styles';

export const useReportsPageStyles = makeStyles({
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
  item: { borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalS, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  buttons: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
});
