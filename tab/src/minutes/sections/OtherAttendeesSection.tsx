import { Field, Input } from '@fluentui/react-components';
import { ItemList } from './ItemList';
import type { SectionEditorProps } from './section-props';
import { useSectionStyles } from './sections.styles';

/** People at the meeting who are not members (an interpreter, a grandparent): named in the minutes, never given access. */
export function OtherAttendeesSection(props: SectionEditorProps<'otherAttendees'>) {
  const styles = useSectionStyles();
  const { t } = props;
  return (
    <ItemList
      items={props.value}
      readOnly={props.readOnly}
      heading={(number) => t('minutesSections.otherAttendees.item', { number })}
      removeLabel={(number) => t('minutesSections.otherAttendees.remove', { number })}
      idPrefix="other-attendee"
      empty={t('minutesSections.otherAttendees.none')}
      addLabel={t('minutesSections.otherAttendees.add')}
      blank={() => ({ name: '', relationship: '', organisation: '' })}
      onChange={props.onChange}
      render={(attendee, _index, set, firstField) => (
        <>
          <div className={styles.row}>
            <Field className={styles.grow} label={t('minutesSections.otherAttendees.name')} required={!props.readOnly}>
              <Input ref={firstField} value={attendee.name} readOnly={props.readOnly} maxLength={200} onChange={(_event, data) => set({ name: data.value })} />
            </Field>
            <Field className={styles.grow} label={t('minutesSections.otherAttendees.relationship')} required={!props.readOnly}>
              <Input value={attendee.relationship} readOnly={props.readOnly} maxLength={200} onChange={(_event, data) => set({ relationship: data.value })} />
            </Field>
          </div>
          <Field label={t('minutesSections.otherAttendees.organisation')}>
            <Input value={attendee.organisation} readOnly={props.readOnly} maxLength={200} onChange={(_event, data) => set({ organisation: data.value })} />
          </Field>
        </>
      )}
    />
  );
}
