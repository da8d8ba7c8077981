import { Field, Input, Radio, RadioGroup, Textarea } from '@fluentui/react-components';
import type { ChildSeen, YesNoUnknown } from '@contracts/minutes.contract';
import { isCivilDate } from '../../common/format';
import type { MinutesLanguage } from '../minutes-language';
import { UkDateInput } from '../../common/UkDateInput';
import { YES_NO_UNKNOWN } from '../../api/api.constants';
import type { SectionEditorProps } from './section-props';
import { useSectionStyles } from './sections.styles';

function YesNo(props: Pick<MinutesLanguage, 't'> & { label: string; value: YesNoUnknown; readOnly: boolean; onChange: (value: YesNoUnknown) => void }) {
  return (
    <Field label={props.label}>
      <RadioGroup layout="horizontal" value={props.value} disabled={props.readOnly} onChange={(_event, data) => props.onChange(data.value as YesNoUnknown)}>
        {YES_NO_UNKNOWN.map((answer) => (
          <Radio key={answer} value={answer} label={props.t(`minutesLabels.yesNo.${answer}`)} />
        ))}
      </RadioGroup>
    </Field>
  );
}

/** Whether the child was seen since the last meeting, and seen alone, when and by whom. Professional-only: never in the family version. */
export function ChildSeenSection(props: SectionEditorProps<'childSeen'>) {
  const styles = useSectionStyles();
  const { t } = props;
  const set = (update: Partial<ChildSeen>) => props.onChange({ ...props.value, ...update });
  const date = props.value.lastSeenOn ?? '';
  const invalid = date !== '' && !isCivilDate(date);
  return (
    <div className={styles.fieldset}>
      <p className={styles.plain}>{t('minutesSections.childSeen.professionalOnly')}</p>
      <YesNo t={t} label={t('minutesSections.childSeen.seen')} value={props.value.seen} readOnly={props.readOnly} onChange={(seen) => set({ seen })} />
      <YesNo t={t} label={t('minutesSections.childSeen.seenAlone')} value={props.value.seenAlone} readOnly={props.readOnly} onChange={(seenAlone) => set({ seenAlone })} />
      <div className={styles.row}>
        <Field className={styles.grow} label={t('minutesSections.childSeen.lastSeenOn')} validationState={invalid ? 'error' : 'none'} validationMessage={invalid ? t('minutes.dateHint') : undefined}>
          <UkDateInput value={date} readOnly={props.readOnly} onChange={(value) => set({ lastSeenOn: value === '' ? null : value })} />
        </Field>
        <Field className={styles.grow} label={t('minutesSections.childSeen.seenBy')}>
          <Input value={props.value.seenBy} readOnly={props.readOnly} maxLength={200} onChange={(_event, data) => set({ seenBy: data.value })} />
        </Field>
      </div>
      <Field label={t('minutesSections.childSeen.note')}>
        <Textarea value={props.value.note} readOnly={props.readOnly} resize="vertical" maxLength={4000} onChange={(_event, data) => set({ note: data.value })} />
      </Field>
    </div>
  );
}
