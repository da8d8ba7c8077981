import { Field, Textarea } from '@fluentui/react-components';
import type { Member } from '@contracts/minutes.contract';
import { ItemList } from './ItemList';
import { MemberSelect } from './MemberSelect';
import type { SectionEditorProps } from './section-props';
import { useSectionStyles } from './sections.styles';

/** Written reports from members who could not come (seed 000): whose, and its gist. Professional-only: never in the family version. */
export function WrittenReportsSection(props: SectionEditorProps<'writtenReports'> & { members: readonly Member[] }) {
  const styles = useSectionStyles();
  return (
    <>
      <p className={styles.plain}>For professionals only: the family version leaves written reports out.</p>
      <ItemList
        items={props.value}
        readOnly={props.readOnly}
        noun="Written report"
        idPrefix="written-report"
        empty="No written reports received."
        addLabel="Add a written report"
        blank={() => ({ memberId: '', summary: '' })}
        onChange={props.onChange}
        render={(report, _index, set, firstField) => (
          <>
            <Field label="From" required={!props.readOnly}>
              <MemberSelect selectRef={firstField} value={report.memberId} members={props.members} placeholder="Choose who sent it" disabled={props.readOnly} onChange={(memberId) => set({ memberId })} />
            </Field>
            <Field label="What the report says">
              <Textarea value={report.summary} readOnly={props.readOnly} resize="vertical" maxLength={4000} onChange={(_event, data) => set({ summary: data.value })} />
            </Field>
          </>
        )}
      />
    </>
  );
}
