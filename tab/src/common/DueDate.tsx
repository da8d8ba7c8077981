import { Badge } from '@fluentui/react-components';
import type { DeadlineStatus } from '@contracts/wire-values.contract';
import { formatDate } from './format';
import { DEADLINE_COLOURS, DEADLINE_LABELS } from './labels';

/** A deadline as the tab shows it: the date, then where it stands in words on a coloured badge (never colour alone). */
export function DueDate(props: { due: string; status: DeadlineStatus }) {
  return (
    <>
      {formatDate(props.due)}{' '}
      <Badge appearance="tint" color={DEADLINE_COLOURS[props.status]}>
        {DEADLINE_LABELS[props.status]}
      </Badge>
    </>
  );
}
