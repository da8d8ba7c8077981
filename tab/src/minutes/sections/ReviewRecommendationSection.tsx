import { Field, Radio, RadioGroup, Textarea } from '@fluentui/react-components';
import type { RecommendationOutcome } from '@contracts/minutes.contract';
import { RECOMMENDATION_OUTCOMES } from '../../api/api.constants';
import type { SectionEditorProps } from './section-props';
import { useSectionStyles } from './sections.styles';

const NONE = 'none';

/**
 * What the core group recommends to the review conference (seeds 000, 002, 004), agreed at the
 * core group before it: the plan continues, continues with changes, or ends, and why. The
 * conference pack prints the latest signed one.
 */
export function ReviewRecommendationSection(props: SectionEditorProps<'reviewRecommendation'>) {
  const styles = useSectionStyles();
  const { t } = props;
  const missingReasons = props.value.outcome !== null && props.value.reasons.trim() === '';
  return (
    <div className={styles.fieldset}>
      <Field label={t('minutesSections.reviewRecommendation.recommends')}>
        <RadioGroup
          value={props.value.outcome ?? NONE}
          disabled={props.readOnly}
          onChange={(_event, data) => props.onChange({ ...props.value, outcome: data.value === NONE ? null : (data.value as RecommendationOutcome) })}
        >
          <Radio value={NONE} label={t('minutesSections.reviewRecommendation.notAgreed')} />
          {RECOMMENDATION_OUTCOMES.map((outcome) => (
            <Radio key={outcome} value={outcome} label={t(`minutesLabels.recommendation.${outcome}`)} />
          ))}
        </RadioGroup>
      </Field>
      <Field
        label={t('minutesSections.reviewRecommendation.reasons')}
        required={props.value.outcome !== null && !props.readOnly}
        validationState={missingReasons ? 'warning' : 'none'}
        validationMessage={missingReasons ? t('minutesSections.reviewRecommendation.needReasons') : undefined}
      >
        <Textarea value={props.value.reasons} readOnly={props.readOnly} resize="vertical" maxLength={10000} onChange={(_event, data) => props.onChange({ ...props.value, reasons: data.value })} />
      </Field>
    </div>
  );
}
