import { Button, Field, Input, MessageBar, MessageBarBody, Radio, RadioGroup, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { NextMeeting } from '@contracts/dashboard.contract';
import type { SeriesChangeResponse } from '@contracts/series.contract';
import { useFormSubmit } from '../../common/use-form-submit';
import { formatInstant, isCivilDate } from '../../common/format';
import { UkDateInput } from '../../common/UkDateInput';
import { useShell } from '../../shell/shell.context';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, paddingTop: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
});

type Scope = 'occurrence' | 'series';
type Change = 'move' | 'cancel';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * Moving or cancelling a case's booked core group meetings from the dashboard (lead social worker
 * or team manager): the next meeting only, or it and every later one in the series. Outlook tells
 * the invitees; a cancellation needs a reason (seed 000: only as a last resort). The case's
 * reference names the buttons for screen readers; nothing else about the case is shown here.
 */
export function SeriesChange(props: { caseReference: string; meeting: NextMeeting & { startsAt: string }; onChanged: (note: string) => void }) {
  const styles = useStyles();
  const { api } = useShell();
  const formId = useId();
  const [open, setOpen] = useState<Change | undefined>(undefined);
  const [scope, setScope] = useState<Scope>('occurrence');
  const [date, setDate] = useState('');
  const [time, setTime] = useState('');
  const [reason, setReason] = useState('');
  const { busy, problem, setProblem, send } = useFormSubmit();
  const { meeting, caseReference } = props;
  const occurrence = scope === 'occurrence' ? { occurrenceStartsAt: meeting.startsAt } : {};

  const submit = async () => {
    if (open === 'move' && (!isCivilDate(date) || !TIME.test(time))) return setProblem('Give the new date as dd/mm/yyyy and the time as hh:mm (24-hour, UK time).');
    if (open === 'cancel' && reason.trim() === '') return setProblem('Say why the meeting is cancelled: meetings are cancelled only as a last resort.');
    await send(async () => {
      const path = `/api/meetings/${encodeURIComponent(meeting.id)}/series/${open}`;
      const answer = await api.send<SeriesChangeResponse>('POST', path, open === 'move' ? { date, time, ...occurrence } : { reason, ...occurrence });
      setOpen(undefined);
      props.onChanged(answer.note);
    });
  };

  if (!open) {
    return (
      <div className={styles.row}>
        <Button size="small" onClick={() => setOpen('move')} aria-label={`Move the meeting for ${caseReference}`}>
          Move…
        </Button>
        <Button size="small" onClick={() => setOpen('cancel')} aria-label={`Cancel the meeting for ${caseReference}`}>
          Cancel…
        </Button>
      </div>
    );
  }
  return (
    <form
      id={formId}
      className={styles.form}
      noValidate
      aria-label={open === 'move' ? `Move the meeting for ${caseReference}` : `Cancel the meeting for ${caseReference}`}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Field label={open === 'move' ? 'Move' : 'Cancel'}>
        <RadioGroup value={scope} onChange={(_event, data) => setScope(data.value as Scope)}>
          <Radio value="occurrence" label={`Only the meeting on ${formatInstant(meeting.startsAt)}`} />
          <Radio value="series" label="It and every later meeting in the series" />
        </RadioGroup>
      </Field>
      {open === 'move' ? (
        <div className={styles.row}>
          <Field label="New date" required>
            <UkDateInput value={date} onChange={setDate} />
          </Field>
          <Field label="Start time (UK)" required hint="24-hour, e.g. 14:30">
            <Input value={time} inputMode="numeric" placeholder="hh:mm" onChange={(_event, data) => setTime(data.value.trim())} />
          </Field>
        </div>
      ) : (
        <Field label="Why it is cancelled" required>
          <Textarea value={reason} maxLength={500} onChange={(_event, data) => setReason(data.value)} />
        </Field>
      )}
      {problem && (
        <MessageBar intent="error">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.row}>
        <Button type="submit" appearance="primary" size="small" disabled={busy}>
          {open === 'move' ? 'Move it' : 'Cancel it'}
        </Button>
        <Button size="small" disabled={busy} onClick={() => setOpen(undefined)}>
          Keep it as it is
        </Button>
      </div>
    </form>
  );
}
