import { makeStyles, tokens } from '@fluentui/react-components';
import { PAGE_STYLES } from '../../common/panel.styles';

export const useReportsPageStyles = makeStyles({
  ...PAGE_STYLES,
  filedEmail: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, paddingTop: tokens.spacingVerticalS },
  emailBody: { margin: '0', overflowWrap: 'anywhere', whiteSpace: 'pre-wrap', maxHeight: '24rem', overflowY: 'auto', padding: tokens.spacingHorizontalS, backgroundColor: tokens.colorNeutralBackground2, borderRadius: tokens.borderRadiusMedium },
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
});
