import { Badge } from '@fluentui/react-components';
import type { DeadlineStatus } from '@contracts/wire-values.contract';
import { formatDateIn } from '../common/format';
import { DEADLINE_COLOURS } from '../common/labels';
import type { MinutesLanguage } from './minutes-language';

/** A deadline as the minutes tab shows it, in the page's language: the date, then where it stands in words on a coloured badge (never colour alone). */
export function MinutesDueDate(props: MinutesLanguage & { due: string; status: DeadlineStatus }) {
  return (
    <>
      {formatDateIn(props.language, props.due)}{' '}
      <Badge appearance="tint" color={DEADLINE_COLOURS[props.status]}>
        {props.t(`minutesLabels.deadline.${props.status}`)}
      </Badge>
    </>
  );
}
