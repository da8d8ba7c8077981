import { Button, Field, MessageBar, MessageBarBody, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import type { AmendRequest, DistributionQueued, MinutesView } from '@contracts/minutes.contract';
import type { DistributeRequest, RecipientEntry, RecipientListChangedBody, RecipientListResponse } from '@contracts/family-version.contract';
import { ApiError } from '../../api/api.client';
import { errorText } from '../../common/error-text';
import { formatInstant } from '../../common/format';
import { useShell } from '../../shell/shell.context';
import { useSignedRecordStyles } from './SignedRecord.styles';
import { isolatedUserText } from '../../common/display-text';
import { BusyOrError } from '../../common/BusyOrError';

const ROUTE_TEXT: Readonly<Record<RecipientEntry['route'], string>> = { teams: 'Teams', email: 'e-mail', none: 'no way to reach them' };
const GETS_TEXT: Readonly<Record<RecipientEntry['gets'], string>> = { full: 'the minutes', 'family-version': 'the family version' };
const STATUS_TEXT: Readonly<Record<RecipientEntry['status'], string>> = { 'to-send': 'will be sent now', 'already-sent': 'already has it', 'waiting-for-family-version': 'not sent: sign off the family version first' };

/**
 * Signed minutes: distribute them to every recipient (and see who had them), or amend them with
 * a reason, which starts a new unsigned version. Distribute first shows who gets what and by which
 * route, and sends only when that list is confirmed; if it changed meanwhile the server refuses and
 * the new list is shown. Loaded only once minutes are signed.
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
  const [recipients, setRecipients] = useState<{ list: RecipientListResponse; changed: boolean } | undefined>();
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

  const showRecipients = () =>
    run('Reading who the minutes go to…', async () => {
      setQueued(undefined);
      setRecipients({ list: await api.get<RecipientListResponse>(`/api/meetings/${view.meeting.id}/minutes/recipients`), changed: false });
    });

  const distribute = (list: RecipientListResponse) =>
    run('Distributing…', async () => {
      try {
        setQueued(await api.send<DistributionQueued>('POST', `/api/meetings/${view.meeting.id}/minutes/distribute`, { listHash: list.listHash } satisfies DistributeRequest));
        setRecipients(undefined);
        props.onDistributed();
      } catch (failure) {
        if (!(failure instanceof ApiError && failure.status === 409)) throw failure;
        setRecipients({ list: (failure.body as RecipientListChangedBody).current, changed: true });
      }
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
            <Button appearance="primary" disabled={busy !== undefined || recipients !== undefined} onClick={() => void showRecipients()}>
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

      {recipients && (
        <section aria-labelledby="recipients-heading" className={styles.root}>
          <h3 id="recipients-heading" className={styles.heading}>
            Check who gets what before anything is sent
          </h3>
          {recipients.changed && (
            <MessageBar intent="warning">
              <MessageBarBody>The list changed since it was shown, so nothing was sent. Check it again.</MessageBarBody>
            </MessageBar>
          )}
          <table className={styles.recipients}>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Route</th>
                <th scope="col">Gets</th>
                <th scope="col">Now</th>
              </tr>
            </thead>
            <tbody>
              {recipients.list.entries.map((entry) => (
                <tr key={entry.memberId}>
                  <td>{isolatedUserText(entry.name)}</td>
                  <td>{ROUTE_TEXT[entry.route]}</td>
                  <td>{GETS_TEXT[entry.gets]}</td>
                  <td>{STATUS_TEXT[entry.status]}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className={styles.buttons}>
            <Button appearance="primary" disabled={busy !== undefined} onClick={() => void distribute(recipients.list)}>
              Confirm and send
            </Button>
            <Button disabled={busy !== undefined} onClick={() => setRecipients(undefined)}>
              Cancel
            </Button>
          </div>
        </section>
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

      <BusyOrError busy={busy} error={error} />
    </div>
  );
}
