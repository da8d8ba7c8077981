import { Button, Field, Input, MessageBar, MessageBarBody, Radio, RadioGroup, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { BookReviewRequest, HeldReviewRequest, ReviewConferencesResponse, TransferOutRequest, TransferOutResponse } from '@contracts/review-conferences.contract';
import { useFormSubmit } from '../../common/use-form-submit';
import { formatDate, isCivilDate } from '../../common/format';
import { UkDateInput } from '../../common/UkDateInput';
import { useShell } from '../../shell/shell.context';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, paddingTop: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
});

type Form = 'book' | 'held' | 'transfer';
type Outcome = HeldReviewRequest['outcome'];

const OUTCOMES: readonly { value: Outcome; label: string }[] = [
  { value: 'continue', label: 'The plan continues' },
  { value: 'category-changed', label: 'The category changed; the plan continues' },
  { value: 'end', label: 'The plan ends' },
];

/**
 * Booking a case's review conference and recording one that took place, from the dashboard (the
 * lead social worker, the team manager or the conference chair): the day, what it decided, who
 * chaired and the next review date it set. A conference that ends the plan ends its deadlines.
 */
export function ReviewConferences(props: { coreGroupId: string; caseReference: string; canRecordReview: boolean; canTransfer: boolean; onChanged: (note: string) => void }) {
  const styles = useStyles();
  const { api } = useShell();
  const formId = useId();
  const [open, setOpen] = useState<Form | undefined>(undefined);
  const [date, setDate] = useState('');
  const [outcome, setOutcome] = useState<Outcome>('continue');
  const [chairName, setChairName] = useState('');
  const [nextReviewOn, setNextReviewOn] = useState('');
  const [area, setArea] = useState('');
  const { busy, problem, setProblem, send } = useFormSubmit();
  const { caseReference } = props;
  const path = `/api/core-groups/${encodeURIComponent(props.coreGroupId)}/review-conferences`;

  const submit = async () => {
    if (!isCivilDate(date)) return setProblem('Give the date as dd/mm/yyyy.');
    if (open === 'held' && chairName.trim() === '') return setProblem('Say who chaired the review conference.');
    if (open === 'transfer' && area.trim() === '') return setProblem('Say which area the case transferred to.');
    if (open === 'held' && nextReviewOn !== '' && !isCivilDate(nextReviewOn)) return setProblem('Give the next review date as dd/mm/yyyy, or leave it empty.');
    await send(async () => {
      if (open === 'transfer') {
        const body: TransferOutRequest = { on: date, to: area.trim() };
        const done = await api.send<TransferOutResponse>('POST', `/api/core-groups/${encodeURIComponent(props.coreGroupId)}/transfer-out`, body);
        setOpen(undefined);
        props.onChanged(done.outcome === 'unchanged' ? 'That was recorded already: nothing was changed.' : `Transferred to ${done.transferredTo} on ${formatDate(done.planEndedOn)}: the plan here has ended, and the meetings booked after that day are cancelled. Download the record pack (PDF or DOCX, below) for the receiving area and the child's record.`);
        return;
      }
      const body: BookReviewRequest | HeldReviewRequest =
        open === 'book' ? { date } : { heldOn: date, outcome, chairName: chairName.trim(), ...(outcome !== 'end' && nextReviewOn !== '' ? { nextReviewOn } : {}) };
      const answer = await api.send<ReviewConferencesResponse>('POST', open === 'book' ? path : `${path}/held`, body);
      setOpen(undefined);
      const next = answer.nextDue ? ` Next review due by ${formatDate(answer.nextDue.due)}.` : '';
      const what = open === 'book' ? `Review conference booked for ${formatDate(date)}.` : answer.planEndedOn ? `Review conference recorded: the plan ended on ${formatDate(answer.planEndedOn)}; nothing after that day is due. Download the record pack (PDF or DOCX, below): the final plan and minutes for the child's record.` : 'Review conference recorded.';
      props.onChanged(answer.outcome === 'unchanged' ? 'That was recorded already: nothing was changed.' : `${what}${answer.planEndedOn ? '' : next}`);
    });
  };

  if (!open) {
    return (
      <div className={styles.row}>
        {props.canRecordReview && (
          <>
            <Button size="small" onClick={() => setOpen('book')} aria-label={`Book the review conference for ${caseReference}`}>
              Book review…
            </Button>
            <Button size="small" onClick={() => setOpen('held')} aria-label={`Record a review conference held for ${caseReference}`}>
              Record review held…
            </Button>
          </>
        )}
        {props.canTransfer && (
          <Button size="small" onClick={() => setOpen('transfer')} aria-label={`Record the transfer out of ${caseReference}`}>
            Transfer out…
          </Button>
        )}
      </div>
    );
  }
  return (
    <form
      className={styles.form}
      aria-labelledby={`${formId}-title`}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <p id={`${formId}-title`}>{open === 'book' ? `Book the review conference for ${caseReference}` : open === 'held' ? `A review conference held for ${caseReference}` : `The transfer out of ${caseReference}`}</p>
      <Field label={open === 'book' ? 'Date (a working day to come)' : open === 'held' ? 'Held on' : 'Transferred on'} required>
        <UkDateInput value={date} onChange={setDate} />
      </Field>
      {open === 'transfer' && (
        <Field label="To which area (local authority)" required hint="The plan here ends that day; meetings booked after it are cancelled.">
          <Input value={area} maxLength={200} onChange={(_event, data) => setArea(data.value)} />
        </Field>
      )}
      {open === 'held' && (
        <>
          <Field label="What it decided" required>
            <RadioGroup value={outcome} onChange={(_event, data) => setOutcome(data.value as Outcome)}>
              {OUTCOMES.map((option) => (
                <Radio key={option.value} value={option.value} label={option.label} />
              ))}
            </RadioGroup>
          </Field>
          <Field label="Chaired by" required>
            <Input value={chairName} maxLength={200} onChange={(_event, data) => setChairName(data.value)} />
          </Field>
          {outcome !== 'end' && (
            <Field label="Next review date it set (optional)" hint="Left empty, the profile's interval applies.">
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
          {open === 'book' ? 'Book' : open === 'held' ? 'Record' : 'Record the transfer'}
        </Button>
        <Button disabled={busy} onClick={() => setOpen(undefined)}>
          Back
        </Button>
      </div>
    </form>
  );
}
