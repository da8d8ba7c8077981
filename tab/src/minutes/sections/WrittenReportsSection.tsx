import { Field, Textarea } from '@fluentui/react-components';
import type { Member } from '@contracts/minutes.contract';
import { ItemList } from './ItemList';
import { MemberSelect } from './MemberSelect';
import type { SectionEditorProps } from './section-props';
import { useSectionStyles } from './sections.styles';

/** Written reports from members who could not come (seed 000): whose, and its gist. Professional-only: never in the family version. */
export function WrittenReportsSection(props: SectionEditorProps<'writtenReports'> & { members: readonly Member[] }) {
  const styles = useSectionStyles();
  const { t } = props;
  return (
    <>
      <p className={styles.plain}>{t('minutesSections.writtenReports.professionalOnly')}</p>
      <ItemList
        items={props.value}
        readOnly={props.readOnly}
        heading={(number) => t('minutesSections.writtenReports.item', { number })}
        removeLabel={(number) => t('minutesSections.writtenReports.remove', { number })}
        idPrefix="written-report"
        empty={t('minutesSections.writtenReports.none')}
        addLabel={t('minutesSections.writtenReports.add')}
        blank={() => ({ memberId: '', summary: '' })}
        onChange={props.onChange}
        render={(report, _index, set, firstField) => (
          <>
            <Field label={t('minutesSections.writtenReports.from')} required={!props.readOnly}>
              <MemberSelect selectRef={firstField} value={report.memberId} members={props.members} placeholder={t('minutesSections.writtenReports.choose')} formerMember={t('minutes.formerMember')} disabled={props.readOnly} onChange={(memberId) => set({ memberId })} />
            </Field>
            <Field label={t('minutesSections.writtenReports.says')}>
              <Textarea value={report.summary} readOnly={props.readOnly} resize="vertical" maxLength={4000} onChange={(_event, data) => set({ summary: data.value })} />
            </Field>
          </>
        )}
      />
    </>
  );
}
