import { Checkbox, Field, Textarea } from '@fluentui/react-components';
import type { SectionEditorProps } from './section-props';
import { useSectionStyles } from './sections.styles';

/**
 * Seeds 002/004: the family and the child (where age-appropriate) receive the family version of
 * the minutes — shared unless the chair withholds it, and withholding needs a reason, kept with
 * the minutes.
 */
export function SharingSection(props: SectionEditorProps<'sharing'>) {
  const styles = useSectionStyles();
  const { value, t } = props;
  const withheld = !value.withFamily || !value.withChild;
  return (
    <div className={styles.fieldset}>
      <Checkbox checked={value.withFamily} disabled={props.readOnly} label={t('minutesSections.sharing.withFamily')} onChange={(_event, data) => props.onChange({ ...value, withFamily: data.checked === true })} />
      <Checkbox checked={value.withChild} disabled={props.readOnly} label={t('minutesSections.sharing.withChild')} onChange={(_event, data) => props.onChange({ ...value, withChild: data.checked === true })} />
      {withheld && (
        <Field label={t('minutesSections.sharing.why')} required hint={t('minutesSections.sharing.whyHint')}>
          <Textarea value={value.withheldReason ?? ''} readOnly={props.readOnly} resize="vertical" maxLength={2000} onChange={(_event, data) => props.onChange({ ...value, withheldReason: data.value })} />
        </Field>
      )}
    </div>
  );
}
