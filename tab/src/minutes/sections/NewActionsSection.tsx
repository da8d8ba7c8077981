import { Button, Field, Input, Select, Textarea } from '@fluentui/react-components';
import type { Member, NewAction } from '@contracts/minutes.contract';
import { UK_DATE_HINT, isCivilDate } from '../../common/format';
import { UkDateInput } from '../../common/UkDateInput';
import type { SectionEditorProps } from './section-props';
import { useSectionStyles } from './sections.styles';
import { useFocusNew } from './use-focus-new';
import { isolatedUserText } from '../../common/display-text';

/**
 * Actions agreed in the meeting: what, who owns it (their agency follows), by when, how the group
 * will know it is done, and the plan outcome it serves. They join the plan, under that outcome,
 * when the chair signs.
 */
export function NewActionsSection(props: SectionEditorProps<'newActions'> & { members: readonly Member[]; outcomes: readonly { id: string; text: string }[] }) {
  const styles = useSectionStyles();
  const focus = useFocusNew();
  const set = (index: number, update: Partial<NewAction>) => props.onChange(props.value.map((action, at) => (at === index ? { ...action, ...update } : action)));
  const setOwner = (index: number, ownerMemberId: string) => set(index, { ownerMemberId, agency: props.members.find((member) => member.id === ownerMemberId)?.agency ?? '' });

  return (
    <>
      {props.value.length === 0 && <p className={styles.plain}>No new actions yet.</p>}
      <ol className={styles.list}>
        {props.value.map((action, index) => {
          const legendId = `new-action-${index}`;
          const ownerKnown = action.ownerMemberId === '' || props.members.some((member) => member.id === action.ownerMemberId);
          return (
            <li key={index}>
              <div className={styles.item} role="group" aria-labelledby={legendId}>
                <h3 id={legendId} className={styles.subheading}>
                  New action {index + 1}
                </h3>
                <Field label="What will be done" required={!props.readOnly}>
                  <Input ref={focus.rowRef(index)} value={action.what} readOnly={props.readOnly} maxLength={2000} onChange={(_event, data) => set(index, { what: data.value })} />
                </Field>
                <div className={styles.row}>
                  <Field className={styles.grow} label="Owner" required={!props.readOnly}>
                    <Select className={styles.select} value={action.ownerMemberId} disabled={props.readOnly} onChange={(_event, data) => setOwner(index, data.value)}>
                      <option value="">Choose who owns it</option>
                      {!ownerKnown && <option value={action.ownerMemberId}>A former member</option>}
                      {props.members.map((member) => (
                        <option key={member.id} value={member.id}>
                          {isolatedUserText(member.name)} ({isolatedUserText(member.agency)})
                        </option>
                      ))}
                    </Select>
                  </Field>
                  <Field className={styles.grow} label="Due" required={!props.readOnly} validationState={action.due !== '' && !isCivilDate(action.due) ? 'error' : 'none'} validationMessage={action.due !== '' && !isCivilDate(action.due) ? UK_DATE_HINT : undefined}>
                    <UkDateInput value={action.due} readOnly={props.readOnly} onChange={(due) => set(index, { due })} />
                  </Field>
                </div>
                {props.outcomes.length > 0 && (
                  <Field label="The outcome for the child it serves" required={!props.readOnly}>
                    <Select className={styles.select} value={action.outcomeId ?? ''} disabled={props.readOnly} onChange={(_event, data) => set(index, { outcomeId: data.value === '' ? undefined : data.value })}>
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
                  <Textarea value={action.progressMeasure} readOnly={props.readOnly} resize="vertical" maxLength={1000} onChange={(_event, data) => set(index, { progressMeasure: data.value })} />
                </Field>
                {!props.readOnly && (
                  <div className={styles.actions}>
                    <Button
                      onClick={() => {
                        props.onChange(props.value.filter((_action, at) => at !== index));
                        focus.focusAddButton();
                      }}
                    >
                      Remove new action {index + 1}
                    </Button>
                  </div>
                )}
              </div>
            </li>
          );
        })}
      </ol>
      {!props.readOnly && (
        <div className={styles.actions}>
          <Button
            ref={focus.addButton}
            onClick={() => {
              focus.focusRow(props.value.length);
              props.onChange([...props.value, { what: '', ownerMemberId: '', agency: '', due: '', progressMeasure: '' }]);
            }}
          >
            Add a new action
          </Button>
        </div>
      )}
    </>
  );
}
