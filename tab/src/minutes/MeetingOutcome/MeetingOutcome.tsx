import { Button, Field, MessageBar, MessageBarBody, Spinner, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import type { MeetingOutcomeRequest, MinutesView } from '@contracts/minutes.contract';
import { isolatedUserText } from '../../common/display-text';
import { errorTextIn } from '../../common/error-text';
import { formatDateIn, formatInstantIn } from '../../common/format';
import type { MinutesLanguage } from '../minutes-language';
import { useShell } from '../../shell/shell.context';
import { useSignOffBarStyles } from '../SignOffBar/SignOffBar.styles';

/**
 * Whether the meeting took place. Before its start: when minutes can be signed. Once its start has
 * passed and nothing is recorded: the chair, the lead social worker or the team manager says it
 * took place (with the attendance the minutes record) or did not, and why. Then what was recorded.
 */
export function MeetingOutcome(props: MinutesLanguage & { view: MinutesView; beforeChange: () => Promise<boolean>; onView: (view: MinutesView) => void }) {
  // Drawn like the sign-off bar below it: the two panels say where the meeting and its minutes stand.
  const styles = useSignOffBarStyles();
  const { api } = useShell();
  const { t, language } = props;
  const { meeting, you } = props.view;
  const [notHeld, setNotHeld] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const when = meeting.startsAt ? formatInstantIn(language, meeting.startsAt) : formatDateIn(language, meeting.date);

  const record = async (outcome: MeetingOutcomeRequest) => {
    setBusy(true);
    setError(undefined);
    try {
      if (!(await props.beforeChange())) {
        setError(t('meetingOutcome.unsaved'));
        return;
      }
      props.onView(await api.send<MinutesView>('POST', `/api/meetings/${meeting.id}/outcome`, outcome));
      setNotHeld(false);
    } catch (failure) {
      setError(errorTextIn(failure, t));
    } finally {
      setBusy(false);
    }
  };

  if (meeting.status === 'held') return null;
  if (meeting.status === 'not-held' || meeting.status === 'cancelled') {
    return (
      <MessageBar intent="warning">
        <MessageBarBody>
          {meeting.notHeldReason
            ? t(meeting.status === 'cancelled' ? 'meetingOutcome.cancelledBecause' : 'meetingOutcome.notHeldBecause', { reason: isolatedUserText(meeting.notHeldReason) })
            : t(meeting.status === 'cancelled' ? 'meetingOutcome.cancelled' : 'meetingOutcome.notHeld')}
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (!meeting.started) {
    return (
      <MessageBar intent="info">
        <MessageBarBody>{t('meetingOutcome.notStarted', { when })}</MessageBarBody>
      </MessageBar>
    );
  }
  if (!you.canRecordOutcome) return null;
  return (
    <section className={styles.root} aria-labelledby="outcome-heading">
      <h2 id="outcome-heading" className={styles.heading}>
        {t('meetingOutcome.heading')}
      </h2>
      <p className={styles.paragraph}>{t('meetingOutcome.explained')}</p>
      <div className={styles.buttons}>
        <Button appearance="primary" disabled={busy} onClick={() => void record({ happened: true })}>
          {t('meetingOutcome.tookPlace')}
        </Button>
        <Button disabled={busy} onClick={() => setNotHeld(true)}>
          {t('meetingOutcome.didNot')}
        </Button>
      </div>
      {notHeld && (
        <div className={styles.confirm} role="group" aria-label={t('meetingOutcome.whyGroup')}>
          <Field label={t('meetingOutcome.why')} required>
            <Textarea value={reason} maxLength={500} onChange={(_event, data) => setReason(data.value)} />
          </Field>
          <div className={styles.buttons}>
            <Button appearance="primary" disabled={busy || reason.trim() === ''} onClick={() => void record({ happened: false, reason: reason.trim() })}>
              {t('meetingOutcome.record')}
            </Button>
            <Button disabled={busy} onClick={() => setNotHeld(false)}>
              {t('meetingOutcome.back')}
            </Button>
          </div>
        </div>
      )}
      {busy && <Spinner size="tiny" label={t('meetingOutcome.recording')} />}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
