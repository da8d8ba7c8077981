import { Field, Input, Select, Textarea } from '@fluentui/react-components';
import type { Member, NewAction } from '@contracts/minutes.contract';
import { isCivilDate } from '../../common/format';
import { UkDateInput } from '../../common/UkDateInput';
import { ItemList } from './ItemList';
import { MemberSelect } from './MemberSelect';
import type { SectionEditorProps } from './section-props';
import { useSectionStyles } from './sections.styles';
import { isolatedUserText } from '../../common/display-text';

/**
 * Actions agreed in the meeting: what, who owns it (their agency follows), by when, how the group
 * will know it is done, and the plan outcome it serves. They join the plan, under that outcome,
 * when the chair signs.
 */
export function NewActionsSection(props: SectionEditorProps<'newActions'> & { members: readonly Member[]; outcomes: readonly { id: string; text: string }[] }) {
  const styles = useSectionStyles();
  const { t } = props;
  const ownerUpdate = (ownerMemberId: string): Partial<NewAction> => ({ ownerMemberId, agency: props.members.find((member) => member.id === ownerMemberId)?.agency ?? '' });

  return (
    <ItemList<NewAction>
      items={props.value}
      readOnly={props.readOnly}
      heading={(number) => t('minutesSections.newActions.item', { number })}
      removeLabel={(number) => t('minutesSections.newActions.remove', { number })}
      idPrefix="new-action"
      empty={t('minutesSections.newActions.none')}
      addLabel={t('minutesSections.newActions.add')}
      blank={() => ({ what: '', ownerMemberId: '', agency: '', due: '', progressMeasure: '' })}
      onChange={props.onChange}
      render={(action, _index, set, firstField) => (
          <>
            <Field label={t('minutesSections.newActions.what')} required={!props.readOnly}>
              <Input ref={firstField} value={action.what} readOnly={props.readOnly} maxLength={2000} onChange={(_event, data) => set({ what: data.value })} />
            </Field>
            <div className={styles.row}>
              <Field className={styles.grow} label={t('minutesSections.newActions.owner')} required={!props.readOnly}>
                <MemberSelect value={action.ownerMemberId} members={props.members} placeholder={t('minutesSections.newActions.chooseOwner')} formerMember={t('minutes.formerMember')} disabled={props.readOnly} onChange={(ownerMemberId) => set(ownerUpdate(ownerMemberId))} />
              </Field>
              <Field className={styles.grow} label={t('minutesSections.newActions.due')} required={!props.readOnly} validationState={action.due !== '' && !isCivilDate(action.due) ? 'error' : 'none'} validationMessage={action.due !== '' && !isCivilDate(action.due) ? t('minutes.dateHint') : undefined}>
                <UkDateInput value={action.due} readOnly={props.readOnly} onChange={(due) => set({ due })} />
              </Field>
            </div>
            {props.outcomes.length > 0 && (
              <Field label={t('minutesSections.newActions.outcome')} required={!props.readOnly}>
                <Select className={styles.select} value={action.outcomeId ?? ''} disabled={props.readOnly} onChange={(_event, data) => set({ outcomeId: data.value === '' ? undefined : data.value })}>
                  <option value="">{t('minutesSections.newActions.chooseOutcome')}</option>
                  {props.outcomes.map((outcome) => (
                    <option key={outcome.id} value={outcome.id}>
                      {isolatedUserText(outcome.text)}
                    </option>
                  ))}
                </Select>
              </Field>
            )}
            <Field label={t('minutesSections.newActions.measure')}>
              <Textarea value={action.progressMeasure} readOnly={props.readOnly} resize="vertical" maxLength={1000} onChange={(_event, data) => set({ progressMeasure: data.value })} />
            </Field>
          </>
      )}
    />
  );
}
