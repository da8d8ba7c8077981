import { Field, Select, Textarea } from '@fluentui/react-components';
import type { AttendanceEntry, ScalingScore, SignsOfSafety } from '@contracts/minutes.contract';
import type { TabTranslate } from '../../i18n/i18n';
import type { SectionEditorProps } from './section-props';
import { useSectionStyles } from './sections.styles';

const SCORES = Array.from({ length: 11 }, (_unused, score) => score);
/** Who gives a scaling score: the people in the room, a representative included. */
const IN_THE_ROOM = new Set(['present', 'representative-sent']);

/**
 * A member's scaling over time as text: "Trend: 4 → 5 → 6" (earlier meetings oldest first, then
 * today's), "Earlier: 4 → 5" before today's is given, "First scaling" when there is no history.
 */
export function scalingTrend(options: { memberId: string; history: readonly { scores: readonly ScalingScore[] }[]; current: number | undefined }, t: TabTranslate): string | undefined {
  const earlier = options.history.flatMap((meeting) => meeting.scores.filter((score) => score.memberId === options.memberId).map((score) => score.score));
  if (earlier.length === 0) return options.current === undefined ? undefined : t('minutesSections.signsOfSafety.firstScaling');
  if (options.current === undefined) return t('minutesSections.signsOfSafety.earlier', { scores: earlier.join(' → ') });
  return t('minutesSections.signsOfSafety.trend', { scores: [...earlier, options.current].join(' → ') });
}

/**
 * Signs of Safety: worries, what's working well, what needs to happen, and a 0–10 scaling from
 * each person present, with their trend since earlier meetings.
 */
export function SignsOfSafetySection(
  props: SectionEditorProps<'signsOfSafety'> & { attendance: readonly AttendanceEntry[]; history: readonly { date: string; scores: readonly ScalingScore[] }[]; memberName: (id: string) => string },
) {
  const styles = useSectionStyles();
  const { t } = props;
  const set = (update: Partial<SignsOfSafety>) => props.onChange({ ...props.value, ...update });
  const scores = new Map(props.value.scaling.map((entry) => [entry.memberId, entry.score]));
  const scorers = [...new Set([...props.attendance.filter((entry) => IN_THE_ROOM.has(entry.attendance)).map((entry) => entry.memberId), ...scores.keys()])];

  const setScore = (memberId: string, text: string) => {
    const others = props.value.scaling.filter((entry) => entry.memberId !== memberId);
    const next = text === '' ? others : scores.has(memberId) ? props.value.scaling.map((entry) => (entry.memberId === memberId ? { memberId, score: Number(text) } : entry)) : [...others, { memberId, score: Number(text) }];
    set({ scaling: next });
  };

  return (
    <div className={styles.fieldset}>
      <Field label={t('minutesSections.signsOfSafety.worries')}>
        <Textarea value={props.value.worries} readOnly={props.readOnly} resize="vertical" rows={3} maxLength={10_000} onChange={(_event, data) => set({ worries: data.value })} />
      </Field>
      <Field label={t('minutesSections.signsOfSafety.workingWell')}>
        <Textarea value={props.value.workingWell} readOnly={props.readOnly} resize="vertical" rows={3} maxLength={10_000} onChange={(_event, data) => set({ workingWell: data.value })} />
      </Field>
      <Field label={t('minutesSections.signsOfSafety.needsToHappen')}>
        <Textarea value={props.value.needsToHappen} readOnly={props.readOnly} resize="vertical" rows={3} maxLength={10_000} onChange={(_event, data) => set({ needsToHappen: data.value })} />
      </Field>
      <h3 className={styles.subheading} id="scaling-heading">
        {t('minutesSections.signsOfSafety.scaling')}
      </h3>
      <p className={styles.meta} id="scaling-explained">
        {t('minutesSections.signsOfSafety.scalingExplained')}
      </p>
      {scorers.length === 0 ? (
        <p className={styles.plain}>{t('minutesSections.signsOfSafety.noScorers')}</p>
      ) : (
        <ul className={styles.list} aria-labelledby="scaling-heading" aria-describedby="scaling-explained">
          {scorers.map((memberId) => {
            const current = scores.get(memberId);
            const trend = scalingTrend({ memberId, history: props.history, current }, t);
            return (
              <li key={memberId} className={styles.row}>
                <Field className={styles.grow} label={t('minutesSections.signsOfSafety.scalingFrom', { name: props.memberName(memberId) })} hint={trend}>
                  <Select className={styles.select} value={current === undefined ? '' : String(current)} disabled={props.readOnly} onChange={(_event, data) => setScore(memberId, data.value)}>
                    <option value="">{t('minutesSections.signsOfSafety.notGiven')}</option>
                    {SCORES.map((score) => (
                      <option key={score} value={String(score)}>
                        {score}
                      </option>
                    ))}
                  </Select>
                </Field>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
