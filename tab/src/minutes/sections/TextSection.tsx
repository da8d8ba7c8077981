import { Field, Textarea } from '@fluentui/react-components';
import type { SectionEditorProps } from './section-props';

/** A free-text section: the child's voice, the contingency plan review. */
export function TextSection(props: SectionEditorProps<'childsVoice' | 'contingencyReview'> & { label: string; hint?: string }) {
  return (
    <Field label={props.label} hint={props.hint}>
      <Textarea value={props.value} readOnly={props.readOnly} resize="vertical" rows={4} maxLength={10_000} onChange={(_event, data) => props.onChange(data.value)} />
    </Field>
  );
}
