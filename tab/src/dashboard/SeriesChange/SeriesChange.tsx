import { Button, Field, Input, MessageBar, MessageBarBody, Radio, RadioGroup, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { NextMeeting } from '@contracts/dashboard.contract';
import type { SeriesChangeResponse } from '@contracts/series.contract';
import { formatInstantIn, isCivilDate } from '../../common/format';
import type { TabLanguage, TabTranslate } from '../../i18n/i18n';
import { useShell } from '../../shell/shell.context';
import { UkDateInput } from '../../common/UkDateInput';
import { useFormSubmit } from '../../common/use-form-submit';

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
export function SeriesChange(props: { t: TabTranslate; language: TabLanguage; caseReference: string; meeting: NextMeeting & { startsAt: string }; onChanged: (note: string) => void }) {
  const styles = useStyles();
  const { api } = useShell();
  const formId = useId();
  const [open, setOpen] = useState<Change | undefined>(undefined);
  const [scope, setScope] = useState<Scope>('occurrence');
  const [date, setDate] = useState('');
  const [time, setTime] = useState('');
  const [reason, setReason] = useState('');
  const { t, language, meeting, caseReference } = props;
  const { busy, problem, setProblem, send } = useFormSubmit(t);
  const occurrence = scope === 'occurrence' ? { occurrenceStartsAt: meeting.startsAt, occurrenceId: meeting.occurrenceId } : {};

  /** What the change did, in the page's language: a move says where the meeting now starts, as the server answers it. */
  const noteOf = (answer: SeriesChangeResponse): string => {
    if (open === 'cancel') return answer.outcome === 'changed' ? t('dashSeries.cancelled') : t('dashSeries.cancelledAlready');
    const when = answer.startsAt ? formatInstantIn(language, answer.startsAt) : '';
    return answer.outcome === 'changed' ? t('dashSeries.moved', { when }) : t('dashSeries.movedAlready', { when });
  };

  const submit = async () => {
    if (open === 'move' && (!isCivilDate(date) || !TIME.test(time))) return setProblem(t('dashSeries.needMove'));
    if (open === 'cancel' && reason.trim() === '') return setProblem(t('dashSeries.needReason'));
    await send(async () => {
      const path = `/api/meetings/${encodeURIComponent(meeting.id)}/series/${open}`;
      const answer = await api.send<SeriesChangeResponse>('POST', path, open === 'move' ? { date, time, ...occurrence } : { reason, ...occurrence });
      setOpen(undefined);
      props.onChanged(noteOf(answer));
    });
  };

  if (!open) {
    return (
      <div className={styles.row}>
        <Button size="small" onClick={() => setOpen('move')} aria-label={t('dashSeries.moveFor', { caseReference })}>
          {t('dashSeries.move')}
        </Button>
        <Button size="small" onClick={() => setOpen('cancel')} aria-label={t('dashSeries.cancelFor', { caseReference })}>
          {t('dashSeries.cancel')}
        </Button>
      </div>
    );
  }
  return (
    <form
      id={formId}
      className={styles.form}
      noValidate
      aria-label={open === 'move' ? t('dashSeries.moveFor', { caseReference }) : t('dashSeries.cancelFor', { caseReference })}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Field label={t(`dashSeries.scope.${open}`)}>
        <RadioGroup value={scope} onChange={(_event, data) => setScope(data.value as Scope)}>
          <Radio value="occurrence" label={t('dashSeries.only', { when: formatInstantIn(language, meeting.startsAt) })} />
          <Radio value="series" label={t('dashSeries.series')} />
        </RadioGroup>
      </Field>
      {open === 'move' ? (
        <div className={styles.row}>
          <Field label={t('dashSeries.newDate')} required>
            <UkDateInput value={date} onChange={setDate} />
          </Field>
          <Field label={t('dashSeries.startTime')} required hint={t('dashSeries.startTimeHint')}>
            <Input value={time} inputMode="numeric" placeholder={t('dashForms.timePlaceholder')} onChange={(_event, data) => setTime(data.value.trim())} />
          </Field>
        </div>
      ) : (
        <Field label={t('dashSeries.why')} required>
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
          {open === 'move' ? t('dashSeries.moveIt') : t('dashSeries.cancelIt')}
        </Button>
        <Button size="small" disabled={busy} onClick={() => setOpen(undefined)}>
          {t('dashSeries.keep')}
        </Button>
      </div>
    </form>
  );
}
