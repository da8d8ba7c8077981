import { Button, Field, MessageBar, MessageBarBody, Spinner, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import type { AmendRequest, DistributionQueued, MinutesView } from '@contracts/minutes.contract';
import { errorText } from '../../common/error-text';
import { formatInstant } from '../../common/format';
import { useShell } from '../../shell/shell.context';
import { useSignedRecordStyles } from './SignedRecord.styles';
import { isolatedUserText } from '../../common/display-text';

/**
 * Signed minutes: distribute them to every recipient (and see who had them), or amend them with
 * a reason, which starts a new unsigned version. Loaded only once minutes are signed.
 */
export default function SignedRecord(props: { view: MinutesView; onView: (view: MinutesView) => void; onDistributed: () => void }) {
  const styles = useSignedRecordStyles();
  const { api } = useShell();
  const { view } = props;
  const signed = view.minutes.chairSignOff !== undefined && view.minutes.managerSignOff !== undefined;
  const [amending, setAmending] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [queued, setQueued] = useState<DistributionQueued | undefined>();
  const memberName = (id: string) => isolatedUserText(view.members.find((member) => member.id === id)?.name ?? 'a former member');

  const run = async (label: string, work: () => Promise<void>) => {
    setBusy(label);
    setError(undefined);
    try {
      await work();
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setBusy(undefined);
    }
  };

  const distribute = () =>
    run('Distributing…', async () => {
      setQueued(await api.send<DistributionQueued>('POST', `/api/meetings/${view.meeting.id}/minutes/distribute`));
      props.onDistributed();
    });

  const amend = () =>
    run('Starting the amendment…', async () => {
      props.onView(await api.send<MinutesView>('POST', `/api/meetings/${view.meeting.id}/minutes/amend`, { reason: reason.trim() } satisfies AmendRequest));
    });

  const failed = view.deliveries.filter((delivery) => delivery.outcome === 'failed').length;

  return (
    <div className={styles.root}>
      {signed && (view.you.canDistribute || view.you.canEdit) && (
        <div className={styles.buttons}>
          {view.you.canDistribute && (
            <Button appearance="primary" disabled={busy !== undefined} onClick={() => void distribute()}>
              {view.deliveries.length > 0 ? 'Distribute again to anyone not yet reached' : 'Distribute the signed minutes'}
            </Button>
          )}
          {view.you.canEdit && !amending && (
            <Button disabled={busy !== undefined} onClick={() => setAmending(true)}>
              Amend
            </Button>
          )}
        </div>
      )}

      {amending && (
        <>
          <Field label="Why are the signed minutes being amended?" required hint="The reason is kept with the new version; both signatures are needed again.">
            <Textarea value={reason} resize="vertical" maxLength={2000} onChange={(_event, data) => setReason(data.value)} />
          </Field>
          <div className={styles.buttons}>
            <Button appearance="primary" disabled={busy !== undefined || reason.trim() === ''} onClick={() => void amend()}>
              Start the amendment
            </Button>
            <Button
              disabled={busy !== undefined}
              onClick={() => {
                setAmending(false);
                setReason('');
              }}
            >
              Cancel
            </Button>
          </div>
        </>
      )}

      {queued && (
        <p className={styles.paragraph} role="status">
          {queued.queued === 0
            ? `Everyone (${queued.recipients}) has already had these minutes.`
            : `Sending to ${queued.queued} of ${queued.recipients} recipients; each delivery shows below once it has gone.`}
        </p>
      )}

      {view.deliveries.length > 0 && (
        <>
          <h3 className={styles.heading}>
            Deliveries{failed > 0 ? ` (${failed} failed)` : ''}
          </h3>
          <ul className={styles.deliveries}>
            {view.deliveries.map((delivery) => (
              <li key={`${delivery.memberId}-${delivery.channel}-${delivery.at}`}>
                {memberName(delivery.memberId)}, by {delivery.channel === 'teams' ? 'Teams' : 'e-mail'}:{' '}
                <span className={delivery.outcome === 'failed' ? styles.failed : undefined}>{delivery.outcome === 'failed' ? 'failed' : 'sent'}</span>, {formatInstant(delivery.at)}
              </li>
            ))}
          </ul>
        </>
      )}

      {busy && <Spinner size="tiny" label={busy} />}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
