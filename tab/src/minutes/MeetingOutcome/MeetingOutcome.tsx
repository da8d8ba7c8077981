import { Button, Field, MessageBar, MessageBarBody, Spinner, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import type { MeetingOutcomeRequest, MinutesView } from '@contracts/minutes.contract';
import { isolatedUserText } from '../../common/display-text';
import { errorText } from '../../common/error-text';
import { formatDate, formatInstant } from '../../common/format';
import { useShell } from '../../shell/shell.context';
import { useSignOffBarStyles } from '../SignOffBar/SignOffBar.styles';

/**
 * Whether the meeting took place. Before its start: when minutes can be signed. Once its start has
 * passed and nothing is recorded: the chair, the lead social worker or the team manager says it
 * took place (with the attendance the minutes record) or did not, and why. Then what was recorded.
 */
export function MeetingOutcome(props: { view: MinutesView; beforeChange: () => Promise<boolean>; onView: (view: MinutesView) => void }) {
  // Drawn like the sign-off bar below it: the two panels say where the meeting and its minutes stand.
  const styles = useSignOffBarStyles();
  const { api } = useShell();
  const { meeting, you } = props.view;
  const [notHeld, setNotHeld] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const when = meeting.startsAt ? formatInstant(meeting.startsAt) : formatDate(meeting.date);

  const record = async (outcome: MeetingOutcomeRequest) => {
    setBusy(true);
    setError(undefined);
    try {
      if (!(await props.beforeChange())) {
        setError('Some sections are not saved yet. Resolve the sections marked below first.');
        return;
      }
      props.onView(await api.send<MinutesView>('POST', `/api/meetings/${meeting.id}/outcome`, outcome));
      setNotHeld(false);
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setBusy(false);
    }
  };

  if (meeting.status === 'held') return null;
  if (meeting.status === 'not-held' || meeting.status === 'cancelled') {
    return (
      <MessageBar intent="warning">
        <MessageBarBody>
          {meeting.status === 'cancelled' ? 'This meeting was cancelled' : 'This meeting did not take place'}
          {meeting.notHeldReason ? `: ${isolatedUserText(meeting.notHeldReason)}` : '.'} It meets no deadline, and its minutes cannot be signed.
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (!meeting.started) {
    return (
      <MessageBar intent="info">
        <MessageBarBody>This meeting starts on {when}. Its minutes can be signed, and whether it took place recorded, once it has started.</MessageBarBody>
      </MessageBar>
    );
  }
  if (!you.canRecordOutcome) return null;
  return (
    <section className={styles.root} aria-labelledby="outcome-heading">
      <h2 id="outcome-heading" className={styles.heading}>
        Did this meeting take place?
      </h2>
      <p className={styles.paragraph}>Only a meeting that took place meets the core group deadline. The chair’s sign-off also records it, with the attendance below.</p>
      <div className={styles.buttons}>
        <Button appearance="primary" disabled={busy} onClick={() => void record({ happened: true })}>
          It took place
        </Button>
        <Button disabled={busy} onClick={() => setNotHeld(true)}>
          It did not take place…
        </Button>
      </div>
      {notHeld && (
        <div className={styles.confirm} role="group" aria-label="Why the meeting did not take place">
          <Field label="Why did it not take place?" required>
            <Textarea value={reason} maxLength={500} onChange={(_event, data) => setReason(data.value)} />
          </Field>
          <div className={styles.buttons}>
            <Button appearance="primary" disabled={busy || reason.trim() === ''} onClick={() => void record({ happened: false, reason: reason.trim() })}>
              Record that it did not take place
            </Button>
            <Button disabled={busy} onClick={() => setNotHeld(false)}>
              Back
            </Button>
          </div>
        </div>
      )}
      {busy && <Spinner size="tiny" label="Recording…" />}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
