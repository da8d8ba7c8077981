import { Checkbox } from '@fluentui/react-components';
import type { SectionEditorProps } from './section-props';
import { useSectionStyles } from './sections.styles';

/** Seed 002: minutes go to parents and the child where age-appropriate, as the group decides. */
export function SharingSection(props: SectionEditorProps<'sharing'>) {
  const styles = useSectionStyles();
  return (
    <div className={styles.fieldset}>
      <Checkbox checked={props.value.withFamily} disabled={props.readOnly} label="Share these minutes with the family" onChange={(_event, data) => props.onChange({ ...props.value, withFamily: data.checked === true })} />
      <Checkbox checked={props.value.withChild} disabled={props.readOnly} label="Share these minutes with the child (where age-appropriate)" onChange={(_event, data) => props.onChange({ ...props.value, withChild: data.checked === true })} />
    </div>
  );
}
