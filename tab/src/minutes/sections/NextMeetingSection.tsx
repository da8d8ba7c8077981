import { Field } from '@fluentui/react-components';
import { UK_DATE_HINT, formatDate, isCivilDate } from '../../common/format';
import { UkDateInput } from '../../common/UkDateInput';
import type { SectionEditorProps } from './section-props';

/** The next core group meeting, pre-filled with the policy deadline (`nextMeetingDue`). */
export function NextMeetingSection(props: SectionEditorProps<'nextMeetingDate'> & { due: string }) {
  const valid = props.value !== null && isCivilDate(props.value);
  const late = valid && props.value !== null && props.value > props.due;
  const invalid = props.value !== null && !valid;
  return (
    <Field
      label="Date of the next core group meeting"
      hint={`The policy deadline is ${formatDate(props.due)}.`}
      validationState={invalid ? 'error' : late ? 'warning' : 'none'}
      validationMessage={invalid ? UK_DATE_HINT : late ? `This is after the deadline of ${formatDate(props.due)}: say why in the decisions.` : undefined}
    >
      <UkDateInput value={props.value ?? ''} readOnly={props.readOnly} onChange={(value) => props.onChange(value === '' ? null : value)} />
    </Field>
  );
}
