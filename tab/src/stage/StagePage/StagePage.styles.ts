import { makeStyles, tokens } from '@fluentui/react-components';
import { PAGE_STYLES } from '../../common/panel.styles';

/** The shared screen: the page's layout, in type large enough to read across a room. */
export const useStagePageStyles = makeStyles({
  ...PAGE_STYLES,
  root: { ...PAGE_STYLES.root, maxWidth: '80rem', fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500 },
  title: { ...PAGE_STYLES.title, fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700 },
  outcome: { margin: '0', fontSize: tokens.fontSizeBase600, lineHeight: tokens.lineHeightBase600, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  meta: { ...PAGE_STYLES.meta, fontSize: tokens.fontSizeBase400 },
});
