import { Checkbox, Field, Textarea } from '@fluentui/react-components';
import { formatInstant } from '../../common/format';
import { ItemList } from './ItemList';
import type { SectionEditorProps } from './section-props';
import { useSectionStyles } from './sections.styles';

/** What became of a significant disagreement once the minutes are signed, as the server recorded it. */
export function escalationText(concern: { raisedAt: string } | null | undefined, conferenceChairReachable: boolean): string {
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
  return (
    <ItemList
      items={props.value}
      readOnly={props.readOnly}
      noun="Disagreement"
      idPrefix="disagreement"
      empty="No disagreements recorded."
      addLabel="Add a disagreement"
      blank={() => ({ text: '', significant: false })}
      onChange={props.onChange}
      render={(item, index, set, firstField) => (
        <>
          <Field label="What the disagreement is about" required={!props.readOnly}>
            <Textarea ref={firstField} value={item.text} readOnly={props.readOnly} resize="vertical" maxLength={4000} onChange={(_event, data) => set({ text: data.value })} />
          </Field>
          <Checkbox checked={item.significant} disabled={props.readOnly} label="Significant — escalate to the team manager and the conference chair" onChange={(_event, data) => set({ significant: data.checked === true })} />
          {props.signed && item.significant && <p className={styles.plain}>{escalationText(props.concerns[index], props.conferenceChairReachable)}</p>}
        </>
      )}
    />
  );
}
