import { makeStyles } from '@fluentui/react-components';
import { PAGE_STYLES } from '../../common/panel.styles';

export const usePlanPageStyles = makeStyles(PAGE_STYLES);
