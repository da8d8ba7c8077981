import { makeStyles, tokens } from '@fluentui/react-components';
import { PAGE_STYLES } from '../../common/panel.styles';

export const useOutlookPageStyles = makeStyles({
  ...PAGE_STYLES,
  root: { ...PAGE_STYLES.root, maxWidth: '40rem', padding: tokens.spacingHorizontalM },
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  attachment: { display: 'flex', flexDirection: 'column' },
  why: { margin: `0 0 0 ${tokens.spacingHorizontalXXL}`, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});
