import { Button, Field, Input, MessageBar, MessageBarBody, Radio, RadioGroup, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { BookReviewRequest, HeldReviewRequest, ReviewConferencesResponse, TransferOutRequest, TransferOutResponse } from '@contracts/review-conferences.contract';
import { isolatedUserText } from '../../common/display-text';
import { formatDateIn, isCivilDate } from '../../common/format';
import type { TabLanguage, TabTranslate } from '../../i18n/i18n';
import { useShell } from '../../shell/shell.context';
import { UkDateInput } from '../../common/UkDateInput';
import { useFormSubmit } from '../../common/use-form-submit';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, paddingTop: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
});

type Form = 'book' | 'held' | 'transfer';
type Outcome = HeldReviewRequest['outcome'];

/** What a review conference may decide, in the order offered (their words: `dashReviews.outcome`). */
const OUTCOMES: readonly Outcome[] = ['continue', 'category-changed', 'end'];

/**
 * Booking a case's review conference and recording one that took place, from the dashboard (the
 * lead social worker, the team manager or the conference chair): the day, what it decided, who
 * chaired and the next review date it set. A conference that ends the plan ends its deadlines.
 */
export function ReviewConferences(props: { t: TabTranslate; language: TabLanguage; coreGroupId: string; caseReference: string; canRecordReview: boolean; canTransfer: boolean; onChanged: (note: string) => void }) {
  const styles = useStyles();
  const { api } = useShell();
  const formId = useId();
  const [open, setOpen] = useState<Form | undefined>(undefined);
  const [date, setDate] = useState('');
  const [outcome, setOutcome] = useState<Outcome>('continue');
  const [chairName, setChairName] = useState('');
  const [nextReviewOn, setNextReviewOn] = useState('');
  const [area, setArea] = useState('');
  const { t, language, caseReference } = props;
  const { busy, problem, setProblem, send } = useFormSubmit(t);
  const path = `/api/core-groups/${encodeURIComponent(props.coreGroupId)}/review-conferences`;
  const day = (text: string) => formatDateIn(language, text);

  const submit = async () => {
    if (!isCivilDate(date)) return setProblem(t('dashReviews.needDate'));
    if (open === 'held' && chairName.trim() === '') return setProblem(t('dashReviews.needChair'));
    if (open === 'transfer' && area.trim() === '') return setProblem(t('dashReviews.needArea'));
    if (open === 'held' && nextReviewOn !== '' && !isCivilDate(nextReviewOn)) return setProblem(t('dashReviews.needNextReview'));
    await send(async () => {
      if (open === 'transfer') {
        const body: TransferOutRequest = { on: date, to: area.trim() };
        const done = await api.send<TransferOutResponse>('POST', `/api/core-groups/${encodeURIComponent(props.coreGroupId)}/transfer-out`, body);
        setOpen(undefined);
        props.onChanged(done.outcome === 'unchanged' ? t('dashForms.unchanged') : t('dashReviews.transferred', { area: isolatedUserText(done.transferredTo), date: day(done.planEndedOn) }));
        return;
      }
      const body: BookReviewRequest | HeldReviewRequest =
        open === 'book' ? { date } : { heldOn: date, outcome, chairName: chairName.trim(), ...(outcome !== 'end' && nextReviewOn !== '' ? { nextReviewOn } : {}) };
      const answer = await api.send<ReviewConferencesResponse>('POST', open === 'book' ? path : `${path}/held`, body);
      setOpen(undefined);
      if (answer.outcome === 'unchanged') return props.onChanged(t('dashForms.unchanged'));
      const next = answer.nextDue && !answer.planEndedOn ? day(answer.nextDue.due) : undefined;
      if (open === 'book') return props.onChanged(next ? t('dashReviews.bookedNext', { date: day(date), next }) : t('dashReviews.booked', { date: day(date) }));
      if (answer.planEndedOn) return props.onChanged(t('dashReviews.recordedEnded', { date: day(answer.planEndedOn) }));
      props.onChanged(next ? t('dashReviews.recordedNext', { next }) : t('dashReviews.recorded'));
    });
  };

  if (!open) {
    return (
      <div className={styles.row}>
        {props.canRecordReview && (
          <>
            <Button size="small" onClick={() => setOpen('book')} aria-label={t('dashReviews.bookFor', { caseReference })}>
              {t('dashReviews.book')}
            </Button>
            <Button size="small" onClick={() => setOpen('held')} aria-label={t('dashReviews.recordHeldFor', { caseReference })}>
              {t('dashReviews.recordHeld')}
            </Button>
          </>
        )}
        {props.canTransfer && (
          <Button size="small" onClick={() => setOpen('transfer')} aria-label={t('dashReviews.transferFor', { caseReference })}>
            {t('dashReviews.transfer')}
          </Button>
        )}
      </div>
    );
  }
  return (
    <form
      className={styles.form}
      aria-labelledby={`${formId}-title`}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <p id={`${formId}-title`}>{t(`dashReviews.title.${open}`, { caseReference })}</p>
      <Field label={t(`dashReviews.date.${open}`)} required>
        <UkDateInput value={date} onChange={setDate} />
      </Field>
      {open === 'transfer' && (
        <Field label={t('dashReviews.area')} required hint={t('dashReviews.areaHint')}>
          <Input value={area} maxLength={200} onChange={(_event, data) => setArea(data.value)} />
        </Field>
      )}
      {open === 'held' && (
        <>
          <Field label={t('dashReviews.decided')} required>
            <RadioGroup value={outcome} onChange={(_event, data) => setOutcome(data.value as Outcome)}>
              {OUTCOMES.map((option) => (
                <Radio key={option} value={option} label={t(`dashReviews.outcome.${option}`)} />
              ))}
            </RadioGroup>
          </Field>
          <Field label={t('dashReviews.chairedBy')} required>
            <Input value={chairName} maxLength={200} onChange={(_event, data) => setChairName(data.value)} />
          </Field>
          {outcome !== 'end' && (
            <Field label={t('dashReviews.nextReview')} hint={t('dashReviews.nextReviewHint')}>
              <UkDateInput value={nextReviewOn} onChange={setNextReviewOn} />
            </Field>
          )}
        </>
      )}
      {problem && (
        <MessageBar intent="error">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.row}>
        <Button appearance="primary" type="submit" disabled={busy}>
          {t(`dashReviews.submit.${open}`)}
        </Button>
        <Button disabled={busy} onClick={() => setOpen(undefined)}>
          {t('dashForms.back')}
        </Button>
      </div>
    </form>
  );
}
