import { Checkbox, Field, Textarea } from '@fluentui/react-components';
import type { SectionEditorProps } from './section-props';
import { useSectionStyles } from './sections.styles';

/** Seed 004: the chair asks at every meeting whether every agency that should be here is here. */
export function AllAgenciesSection(props: SectionEditorProps<'allAgenciesPresent'>) {
  const styles = useSectionStyles();
  const { t } = props;
  return (
    <div className={styles.fieldset}>
      <Checkbox
        checked={props.value.discussed}
        disabled={props.readOnly}
        label={t('minutesSections.allAgenciesPresent.discussed')}
        onChange={(_event, data) => props.onChange({ ...props.value, discussed: data.checked === true })}
      />
      <Field label={t('minutesSections.allAgenciesPresent.note')}>
        <Textarea value={props.value.note} readOnly={props.readOnly} resize="vertical" maxLength={2000} onChange={(_event, data) => props.onChange({ ...props.value, note: data.value })} />
      </Field>
    </div>
  );
}
