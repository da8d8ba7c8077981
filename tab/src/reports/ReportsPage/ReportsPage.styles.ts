import { makeStyles, tokens } from '@fluentui/react-components';
import { PAGE_STYLES } from '../../common/panel.styles';

export const useReportsPageStyles = makeStyles({
  ...PAGE_STYLES,
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
});
