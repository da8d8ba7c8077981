import { Field, Input, Select, Textarea } from '@fluentui/react-components';
import type { Member, NewAction } from '@contracts/minutes.contract';
import { UK_DATE_HINT, isCivilDate } from '../../common/format';
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
  const ownerUpdate = (ownerMemberId: string): Partial<NewAction> => ({ ownerMemberId, agency: props.members.find((member) => member.id === ownerMemberId)?.agency ?? '' });

  return (
    <ItemList<NewAction>
      items={props.value}
      readOnly={props.readOnly}
      noun="New action"
      idPrefix="new-action"
      empty="No new actions yet."
      addLabel="Add a new action"
      blank={() => ({ what: '', ownerMemberId: '', agency: '', due: '', progressMeasure: '' })}
      onChange={props.onChange}
      render={(action, _index, set, firstField) => (
          <>
            <Field label="What will be done" required={!props.readOnly}>
              <Input ref={firstField} value={action.what} readOnly={props.readOnly} maxLength={2000} onChange={(_event, data) => set({ what: data.value })} />
            </Field>
            <div className={styles.row}>
              <Field className={styles.grow} label="Owner" required={!props.readOnly}>
                <MemberSelect value={action.ownerMemberId} members={props.members} placeholder="Choose who owns it" disabled={props.readOnly} onChange={(ownerMemberId) => set(ownerUpdate(ownerMemberId))} />
              </Field>
              <Field className={styles.grow} label="Due" required={!props.readOnly} validationState={action.due !== '' && !isCivilDate(action.due) ? 'error' : 'none'} validationMessage={action.due !== '' && !isCivilDate(action.due) ? UK_DATE_HINT : undefined}>
                <UkDateInput value={action.due} readOnly={props.readOnly} onChange={(due) => set({ due })} />
              </Field>
            </div>
            {props.outcomes.length > 0 && (
              <Field label="The outcome for the child it serves" required={!props.readOnly}>
                <Select className={styles.select} value={action.outcomeId ?? ''} disabled={props.readOnly} onChange={(_event, data) => set({ outcomeId: data.value === '' ? undefined : data.value })}>
                  <option value="">Choose the outcome</option>
                  {props.outcomes.map((outcome) => (
                    <option key={outcome.id} value={outcome.id}>
                      {isolatedUserText(outcome.text)}
                    </option>
                  ))}
                </Select>
              </Field>
            )}
            <Field label="How we will know it is done (progress measure)">
              <Textarea value={action.progressMeasure} readOnly={props.readOnly} resize="vertical" maxLength={1000} onChange={(_event, data) => set({ progressMeasure: data.value })} />
            </Field>
          </>
      )}
    />
  );
}
