import { Field, Input, Textarea } from '@fluentui/react-components';
import { ItemList } from './ItemList';
import type { SectionEditorProps } from './section-props';

const AGENCIES_LIST = 'agency-update-agencies';

/** Each agency's update at the meeting, beyond its plan actions. The agencies of the members are offered as suggestions. */
export function AgencyUpdatesSection(props: SectionEditorProps<'agencyUpdates'> & { agencies: readonly string[] }) {
  const { t } = props;
  return (
    <>
      <datalist id={AGENCIES_LIST}>
        {props.agencies.map((agency) => (
          <option key={agency} value={agency} />
        ))}
      </datalist>
      <ItemList
        items={props.value}
        readOnly={props.readOnly}
        heading={(number) => t('minutesSections.agencyUpdates.item', { number })}
        removeLabel={(number) => t('minutesSections.agencyUpdates.remove', { number })}
        idPrefix="agency-update"
        empty={t('minutesSections.agencyUpdates.none')}
        addLabel={t('minutesSections.agencyUpdates.add')}
        blank={() => ({ agency: '', update: '' })}
        onChange={props.onChange}
        render={(item, _index, set, firstField) => (
          <>
            <Field label={t('minutesSections.agencyUpdates.agency')} required={!props.readOnly}>
              <Input ref={firstField} value={item.agency} readOnly={props.readOnly} maxLength={200} list={AGENCIES_LIST} onChange={(_event, data) => set({ agency: data.value })} />
            </Field>
            <Field label={t('minutesSections.agencyUpdates.update')}>
              <Textarea value={item.update} readOnly={props.readOnly} resize="vertical" maxLength={4000} onChange={(_event, data) => set({ update: data.value })} />
            </Field>
          </>
        )}
      />
    </>
  );
}
