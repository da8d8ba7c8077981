import { Button, Field, MessageBar, MessageBarBody, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import type { AmendRequest, DistributionQueued, MinutesView } from '@contracts/minutes.contract';
import type { DistributeRequest, RecipientListChangedBody, RecipientListResponse } from '@contracts/family-version.contract';
import { ApiError } from '../../api/api.client';
import { errorTextIn } from '../../common/error-text';
import { formatInstantIn } from '../../common/format';
import { useShell } from '../../shell/shell.context';
import { type MinutesLanguage, slot, withParts } from '../minutes-language';
import { useSignedRecordStyles } from './SignedRecord.styles';
import { isolatedUserText } from '../../common/display-text';
import { BusyOrError } from '../../common/BusyOrError';

/**
 * Signed minutes: distribute them to every recipient (and see who had them), or amend them with
 * a reason, which starts a new unsigned version. Distribute first shows who gets what and by which
 * route, and sends only when that list is confirmed; if it changed meanwhile the server refuses and
 * the new list is shown. Loaded only once minutes are signed.
 */
export default function SignedRecord(props: MinutesLanguage & { view: MinutesView; onView: (view: MinutesView) => void; onDistributed: () => void }) {
  const styles = useSignedRecordStyles();
  const { api } = useShell();
  const { view, t, language } = props;
  const signed = view.minutes.chairSignOff !== undefined && view.minutes.managerSignOff !== undefined;
  const [amending, setAmending] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [queued, setQueued] = useState<DistributionQueued | undefined>();
  const [recipients, setRecipients] = useState<{ list: RecipientListResponse; changed: boolean } | undefined>();
  const memberName = (id: string) => isolatedUserText(view.members.find((member) => member.id === id)?.name ?? t('minutes.formerMemberLower'));

  const run = async (label: string, work: () => Promise<void>) => {
    setBusy(label);
    setError(undefined);
    try {
      await work();
    } catch (failure) {
      setError(errorTextIn(failure, t));
    } finally {
      setBusy(undefined);
    }
  };

  const showRecipients = () =>
    run(t('signedRecord.reading'), async () => {
      setQueued(undefined);
      setRecipients({ list: await api.get<RecipientListResponse>(`/api/meetings/${view.meeting.id}/minutes/recipients`), changed: false });
    });

  const distribute = (list: RecipientListResponse) =>
    run(t('signedRecord.distributing'), async () => {
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
    run(t('signedRecord.amending'), async () => {
      props.onView(await api.send<MinutesView>('POST', `/api/meetings/${view.meeting.id}/minutes/amend`, { reason: reason.trim() } satisfies AmendRequest));
    });

  const failed = view.deliveries.filter((delivery) => delivery.outcome === 'failed').length;

  return (
    <div className={styles.root}>
      {signed && (view.you.canDistribute || view.you.canEdit) && (
        <div className={styles.buttons}>
          {view.you.canDistribute && (
            <Button appearance="primary" disabled={busy !== undefined || recipients !== undefined} onClick={() => void showRecipients()}>
              {view.deliveries.length > 0 ? t('signedRecord.distributeAgain') : t('signedRecord.distribute')}
            </Button>
          )}
          {view.you.canEdit && !amending && (
            <Button disabled={busy !== undefined} onClick={() => setAmending(true)}>
              {t('signedRecord.amend')}
            </Button>
          )}
        </div>
      )}

      {amending && (
        <>
          <Field label={t('signedRecord.amendWhy')} required hint={t('signedRecord.amendHint')}>
            <Textarea value={reason} resize="vertical" maxLength={2000} onChange={(_event, data) => setReason(data.value)} />
          </Field>
          <div className={styles.buttons}>
            <Button appearance="primary" disabled={busy !== undefined || reason.trim() === ''} onClick={() => void amend()}>
              {t('signedRecord.startAmendment')}
            </Button>
            <Button
              disabled={busy !== undefined}
              onClick={() => {
                setAmending(false);
                setReason('');
              }}
            >
              {t('signedRecord.cancel')}
            </Button>
          </div>
        </>
      )}

      {recipients && (
        <section aria-labelledby="recipients-heading" className={styles.root}>
          <h3 id="recipients-heading" className={styles.heading}>
            {t('signedRecord.checkHeading')}
          </h3>
          {recipients.changed && (
            <MessageBar intent="warning">
              <MessageBarBody>{t('signedRecord.listChanged')}</MessageBarBody>
            </MessageBar>
          )}
          <table className={styles.recipients}>
            <thead>
              <tr>
                <th scope="col">{t('signedRecord.column.name')}</th>
                <th scope="col">{t('signedRecord.column.route')}</th>
                <th scope="col">{t('signedRecord.column.gets')}</th>
                <th scope="col">{t('signedRecord.column.now')}</th>
              </tr>
            </thead>
            <tbody>
              {recipients.list.entries.map((entry) => (
                <tr key={entry.memberId}>
                  <td>{isolatedUserText(entry.name)}</td>
                  <td>{t(`signedRecord.route.${entry.route}`)}</td>
                  <td>{t(`signedRecord.gets.${entry.gets}`)}</td>
                  <td>{t(`signedRecord.status.${entry.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className={styles.buttons}>
            <Button appearance="primary" disabled={busy !== undefined} onClick={() => void distribute(recipients.list)}>
              {t('signedRecord.confirm')}
            </Button>
            <Button disabled={busy !== undefined} onClick={() => setRecipients(undefined)}>
              {t('signedRecord.cancel')}
            </Button>
          </div>
        </section>
      )}

      {queued && (
        <p className={styles.paragraph} role="status">
          {queued.queued === 0 ? t('signedRecord.everyoneHasIt', { recipients: queued.recipients }) : t('signedRecord.sending', { queued: queued.queued, recipients: queued.recipients })}
        </p>
      )}

      {view.deliveries.length > 0 && (
        <>
          <h3 className={styles.heading}>{failed > 0 ? t('signedRecord.deliveriesFailed', { failed }) : t('signedRecord.deliveries')}</h3>
          <ul className={styles.deliveries}>
            {view.deliveries.map((delivery) => (
              <li key={`${delivery.memberId}-${delivery.channel}-${delivery.at}`}>
                {withParts(
                  t('signedRecord.delivery', {
                    name: memberName(delivery.memberId),
                    channel: delivery.channel === 'teams' ? t('signedRecord.channel.teams') : t('signedRecord.channel.email'),
                    outcome: slot('outcome'),
                    at: formatInstantIn(language, delivery.at),
                  }),
                  { outcome: <span className={delivery.outcome === 'failed' ? styles.failed : undefined}>{delivery.outcome === 'failed' ? t('signedRecord.outcome.failed') : t('signedRecord.outcome.sent')}</span> },
                )}
              </li>
            ))}
          </ul>
        </>
      )}

      <BusyOrError busy={busy} error={error} />
    </div>
  );
}
