import { Button, Checkbox, Field, Textarea } from '@fluentui/react-components';
import type { Disagreement } from '@contracts/minutes.contract';
import type { SectionEditorProps } from './section-props';
import { useSectionStyles } from './sections.styles';
import { useFocusNew } from './use-focus-new';

/**
 * Disagreements, each marked significant when it must go to the team manager and conference chair
 * (seed 002). Once the minutes are signed, each significant one says who it went to as a concern —
 * and, when nobody in the group is the conference chair, that the chair was not told.
 */
export function DisagreementsSection(props: SectionEditorProps<'disagreements'> & { signed: boolean; hasConferenceChair: boolean }) {
  const styles = useSectionStyles();
  const escalated = props.hasConferenceChair
    ? 'Escalated: a concern went to the team manager and the conference chair when these minutes were signed.'
    : 'Escalated: a concern went to the team manager when these minutes were signed. Nobody in this core group is the conference chair, so tell the chair directly.';
  const focus = useFocusNew();
  const set = (index: number, update: Partial<Disagreement>) => props.onChange(props.value.map((item, at) => (at === index ? { ...item, ...update } : item)));

  return (
    <>
      {props.value.length === 0 && <p className={styles.plain}>No disagreements recorded.</p>}
      <ol className={styles.list}>
        {props.value.map((item, index) => {
          const legendId = `disagreement-${index}`;
          return (
            <li key={index}>
              <div className={styles.item} role="group" aria-labelledby={legendId}>
                <h3 id={legendId} className={styles.subheading}>
                  Disagreement {index + 1}
                </h3>
                <Field label="What the disagreement is about" required={!props.readOnly}>
                  <Textarea ref={focus.rowRef(index)} value={item.text} readOnly={props.readOnly} resize="vertical" maxLength={4000} onChange={(_event, data) => set(index, { text: data.value })} />
                </Field>
                <Checkbox
                  checked={item.significant}
                  disabled={props.readOnly}
                  label="Significant — escalate to the team manager and the conference chair"
                  onChange={(_event, data) => set(index, { significant: data.checked === true })}
                />
                {props.signed && item.significant && <p className={styles.plain}>{escalated}</p>}
                {!props.readOnly && (
                  <div className={styles.actions}>
                    <Button
                      onClick={() => {
                        props.onChange(props.value.filter((_item, at) => at !== index));
                        focus.focusAddButton();
                      }}
                    >
                      Remove disagreement {index + 1}
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
              props.onChange([...props.value, { text: '', significant: false }]);
            }}
          >
            Add a disagreement
          </Button>
        </div>
      )}
    </>
  );
}
