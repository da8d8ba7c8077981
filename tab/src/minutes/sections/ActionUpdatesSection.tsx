import { Badge, Field, Textarea } from '@fluentui/react-components';
import type { ActionUpdate, PlanAction } from '@contracts/minutes.contract';
import { formatDateIn, formatInstantIn } from '../../common/format';
import { slot, withParts } from '../minutes-language';
import type { SectionEditorProps } from './section-props';
import { useSectionStyles } from './sections.styles';
import { isolatedUserText } from '../../common/display-text';

const STATE_COLOURS = { 'not-started': 'informative', 'in-progress': 'brand', 'at-risk': 'warning', blocked: 'danger', done: 'success', dropped: 'subtle' } as const;

/** Each action of the plan with its owner's latest check-in, and the progress noted in the meeting. */
export function ActionUpdatesSection(props: SectionEditorProps<'actionUpdates'> & { actions: readonly PlanAction[]; memberName: (id: string) => string }) {
  const styles = useSectionStyles();
  const { t, language } = props;
  if (props.actions.length === 0) return <p className={styles.plain}>{t('minutesSections.actionUpdates.none')}</p>;

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
        const checkIn = action.lastCheckIn;
        return (
          <li key={action.id}>
            <div className={styles.item} role="group" aria-labelledby={titleId}>
              <div className={styles.itemHeader}>
                <h3 id={titleId} className={styles.subheading}>
                  {isolatedUserText(action.what)}
                </h3>
                <Badge appearance="tint" color={STATE_COLOURS[action.state] ?? 'informative'}>
                  {t(`minutesLabels.actionState.${action.state}`, { defaultValue: action.state })}
                </Badge>
              </div>
              <p className={styles.meta}>{t('minutesSections.actionUpdates.owner', { owner: props.memberName(action.ownerMemberId), agency: isolatedUserText(action.agency), date: formatDateIn(language, action.due) })}</p>
              <p className={styles.plain}>
                {checkIn
                  ? withParts(
                      checkIn.note
                        ? t('minutesSections.actionUpdates.checkInNote', { at: formatInstantIn(language, checkIn.recordedAt), status: slot('status'), note: isolatedUserText(checkIn.note) })
                        : t('minutesSections.actionUpdates.checkIn', { at: formatInstantIn(language, checkIn.recordedAt), status: slot('status') }),
                      { status: <strong>{t(`minutesLabels.checkIn.${checkIn.status}`, { defaultValue: checkIn.status })}</strong> },
                    )
                  : t('minutesSections.actionUpdates.noCheckIn')}
              </p>
              <Field label={t('minutesSections.actionUpdates.progress')}>
                <Textarea value={update} readOnly={props.readOnly} resize="vertical" maxLength={4000} onChange={(_event, data) => change(action, data.value)} />
              </Field>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
