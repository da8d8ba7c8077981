import { Field } from '@fluentui/react-components';
import { formatDateIn, isCivilDate } from '../../common/format';
import { UkDateInput } from '../../common/UkDateInput';
import type { SectionEditorProps } from './section-props';

/** The next core group meeting, pre-filled with the policy deadline (`nextMeetingDue`). */
export function NextMeetingSection(props: SectionEditorProps<'nextMeetingDate'> & { due: string }) {
  const { t, language } = props;
  const valid = props.value !== null && isCivilDate(props.value);
  const late = valid && props.value !== null && props.value > props.due;
  const invalid = props.value !== null && !valid;
  return (
    <Field
      label={t('minutesSections.nextMeetingDate.label')}
      hint={t('minutesSections.nextMeetingDate.deadline', { date: formatDateIn(language, props.due) })}
      validationState={invalid ? 'error' : late ? 'warning' : 'none'}
      validationMessage={invalid ? t('minutes.dateHint') : late ? t('minutesSections.nextMeetingDate.late', { date: formatDateIn(language, props.due) }) : undefined}
    >
      <UkDateInput value={props.value ?? ''} readOnly={props.readOnly} onChange={(value) => props.onChange(value === '' ? null : value)} />
    </Field>
  );
}
