import { Button, Checkbox, Field, Textarea } from '@fluentui/react-components';
import type { Disagreement } from '@contracts/minutes.contract';
import { formatInstant } from '../../common/format';
import type { SectionEditorProps } from './section-props';
import { useSectionStyles } from './sections.styles';
import { useFocusNew } from './use-focus-new';

/** What became of a significant disagreement once the minutes are signed, as the server recorded it. */
function escalationText(concern: { raisedAt: string } | null | undefined, conferenceChairReachable: boolean): string {
  if (!concern) return 'No concern was raised in the app for this disagreement (these minutes were signed before it raised them): tell the team manager and the conference chair directly.';
  const on = formatInstant(concern.raisedAt);
  return conferenceChairReachable
    ? `Escalated: a concern was raised to the team manager and the conference chair on ${on}, when these minutes were signed.`
    : `Escalated: a concern was raised to the team manager on ${on}, when these minutes were signed. Nobody is the conference chair for this group, in it or for the area, so tell the chair directly.`;
}

/**
 * Disagreements, each marked significant when it must go to the team manager and conference chair
 * (seed 002). Once the minutes are signed, each significant one says what the server recorded: the
 * concern raised and when (and when nobody is the conference chair, that the chair was not told),
 * or that none was raised.
 */
export function DisagreementsSection(props: SectionEditorProps<'disagreements'> & { signed: boolean; concerns: readonly ({ raisedAt: string } | null)[]; conferenceChairReachable: boolean }) {
  const styles = useSectionStyles();
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
                {props.signed && item.significant && <p className={styles.plain}>{escalationText(props.concerns[index], props.conferenceChairReachable)}</p>}
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
