import { Field, Input } from '@fluentui/react-components';
import { formatDate, isCivilDate } from '../../common/format';
import type { SectionEditorProps } from './section-props';

/** The next core group meeting, pre-filled with the policy deadline (`nextMeetingDue`). */
export function NextMeetingSection(props: SectionEditorProps<'nextMeetingDate'> & { due: string }) {
  const valid = props.value !== null && isCivilDate(props.value);
  const late = valid && props.value !== null && props.value > props.due;
  return (
    <Field
      label="Date of the next core group meeting"
      hint={`The policy deadline is ${formatDate(props.due)}.`}
      validationState={late ? 'warning' : 'none'}
      validationMessage={late ? `This is after the deadline of ${formatDate(props.due)}: say why in the decisions.` : undefined}
    >
      <Input type="date" value={props.value ?? ''} readOnly={props.readOnly} onChange={(_event, data) => props.onChange(data.value === '' ? null : data.value)} />
    </Field>
  );
}
