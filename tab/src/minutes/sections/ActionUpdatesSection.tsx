import { Badge, Field, Textarea } from '@fluentui/react-components';
import type { ActionUpdate, PlanAction } from '@contracts/minutes.contract';
import { formatDate, formatInstant } from '../../common/format';
import { ACTION_STATE_LABELS, CHECK_IN_LABELS } from '../../common/labels';
import type { SectionEditorProps } from './section-props';
import { useSectionStyles } from './sections.styles';
import { isolatedUserText } from '../../common/display-text';

const STATE_COLOURS = { 'not-started': 'informative', 'in-progress': 'brand', 'at-risk': 'warning', blocked: 'danger', done: 'success', dropped: 'subtle' } as const;

/** Each action of the plan with its owner's latest check-in, and the progress noted in the meeting. */
export function ActionUpdatesSection(props: SectionEditorProps<'actionUpdates'> & { actions: readonly PlanAction[]; memberName: (id: string) => string }) {
  const styles = useSectionStyles();
  if (props.actions.length === 0) return <p className={styles.plain}>The plan has no actions yet.</p>;

  const change = (action: PlanAction, text: string) => {
    const updated: ActionUpdate = { actionId: action.id, agency: action.agency, update: text };
    const exists = props.value.some((entry) => entry.actionId === action.id);
    const next = exists ? props.value.map((entry) => (entry.actionId === action.id ? updated : entry)) : [...props.value, updated];
    props.onChange(next.filter((entry) => entry.update !== '' || entry.actionId !== action.id));
  };

  return (
    <ul className={styles.list}>
      {props.actions.map((action) => {
        const titleId = `action-${action.id}`;
        const update = props.value.find((entry) => entry.actionId === action.id)?.update ?? '';
        return (
          <li key={action.id}>
            <div className={styles.item} role="group" aria-labelledby={titleId}>
              <div className={styles.itemHeader}>
                <h3 id={titleId} className={styles.subheading}>
                  {isolatedUserText(action.what)}
                </h3>
                <Badge appearance="tint" color={STATE_COLOURS[action.state] ?? 'informative'}>
                  {ACTION_STATE_LABELS[action.state] ?? action.state}
                </Badge>
              </div>
              <p className={styles.meta}>
                {props.memberName(action.ownerMemberId)} ({isolatedUserText(action.agency)}) · due {formatDate(action.due)}
              </p>
              <p className={styles.plain}>
                {action.lastCheckIn ? (
                  <>
                    Latest check-in, {formatInstant(action.lastCheckIn.recordedAt)}: <strong>{CHECK_IN_LABELS[action.lastCheckIn.status] ?? action.lastCheckIn.status}</strong>
                    {action.lastCheckIn.note ? ` — ${isolatedUserText(action.lastCheckIn.note)}` : ''}
                  </>
                ) : (
                  'No check-in yet.'
                )}
              </p>
              <Field label="Progress noted in the meeting">
                <Textarea value={update} readOnly={props.readOnly} resize="vertical" maxLength={4000} onChange={(_event, data) => change(action, data.value)} />
              </Field>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
