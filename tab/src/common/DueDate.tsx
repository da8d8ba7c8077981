import { Badge } from '@fluentui/react-components';
import type { DeadlineStatus } from '@contracts/wire-values.contract';
import type { TabLanguage, TabTranslate } from '../i18n/i18n';
import { formatDateIn } from './format';
import { DEADLINE_COLOURS } from './labels';

/** A deadline as the tab shows it, in the page's language: the date, then where it stands in words on a coloured badge (never colour alone). */
export function DueDate(props: { language: TabLanguage; t: TabTranslate; due: string; status: DeadlineStatus }) {
  return (
    <>
      {formatDateIn(props.language, props.due)}{' '}
      <Badge appearance="tint" color={DEADLINE_COLOURS[props.status]}>
        {props.t(`dashLabels.deadline.${props.status}`)}
      </Badge>
    </>
  );
}
