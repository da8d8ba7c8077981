import { Button, MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/api.client';
import type { Cp9Queued, PlanCirculationQueued, PlanCirculationResponse } from '@contracts/plan-circulation.contract';
import { errorTextIn } from '../../common/error-text';
import { formatDateIn, formatInstantIn } from '../../common/format';
import { type MinutesLanguage, slot, withParts } from '../minutes-language';
import { MinutesDueDate } from '../MinutesDueDate';
import { useShell } from '../../shell/shell.context';
import { useSignOffBarStyles } from '../SignOffBar/SignOffBar.styles';
import { useSignedRecordStyles } from '../SignedRecord/SignedRecord.styles';

/** Deliveries and the CP9 are sent by jobs within seconds: look again soon after a press. */
const FOLLOW_UP_MS = [1500, 4000, 9000];
/** Deliveries others set off (a member saying it did not arrive) show by looking again this often while the tab is visible. */
const REFRESH_MS = 15_000;

/**
 * The plan after this meeting (seed 001): circulate it to everyone present or invited and the
 * conference chair, see who has it, who said it did not arrive, and the deadline where the
 * profile sets one; and, only where the profile sends one, the CP9 to the co-ordinator.
 */
export function PlanCirculation(props: MinutesLanguage & { meetingId: string; memberName: (id: string) => string }) {
  // It sits beside the sign-off bar and reads like it: the same frame, and the signed record's lists.
  const styles = useSignOffBarStyles();
  const lists = useSignedRecordStyles();
  const { api } = useShell();
  const { meetingId, memberName, t, language } = props;
  const lang = { t, language };
  const [view, setView] = useState<PlanCirculationResponse | undefined>();
  const [busy, setBusy] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [note, setNote] = useState<string | undefined>();
  // Someone whose role does not read the plan (the co-ordinator) reads the minutes without this section.
  const [hidden, setHidden] = useState(false);
  const live = useRef(true);

  const load = useCallback(async () => {
    const fresh = await api.get<PlanCirculationResponse>(`/api/meetings/${encodeURIComponent(meetingId)}/plan-circulation`);
    if (live.current) setView(fresh);
  }, [api, meetingId]);

  useEffect(() => {
    live.current = true;
    load().catch((failure: unknown) => {
      if (!live.current) return;
      if (failure instanceof ApiError && failure.status === 403) setHidden(true);
      else setError(errorTextIn(failure, t));
    });
    return () => {
      live.current = false;
    };
  }, [load, t]);

  useEffect(() => {
    if (hidden) return;
    const timer = window.setInterval(() => {
      if (document.visibilityState !== 'visible') return;
      load().catch((failure: unknown) => console.debug('plan circulation refresh skipped', failure));
    }, REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [load, hidden]);

  const followUp = () => {
    for (const delay of FOLLOW_UP_MS) window.setTimeout(() => load().catch((failure: unknown) => console.debug('plan circulation refresh skipped', failure)), delay);
  };

  const run = async (label: string, work: () => Promise<string>) => {
    setBusy(label);
    setError(undefined);
    try {
      setNote(await work());
      await load();
      followUp();
    } catch (failure) {
      setError(errorTextIn(failure, t));
    } finally {
      setBusy(undefined);
    }
  };

  const circulate = () =>
    run(t('planCirculation.circulating'), async () => {
      const queued = await api.send<PlanCirculationQueued>('POST', `/api/meetings/${encodeURIComponent(meetingId)}/plan-circulation`);
      return queued.queued === 0 ? t('planCirculation.everyoneHasIt', { recipients: queued.recipients }) : t('planCirculation.sending', { queued: queued.queued, recipients: queued.recipients });
    });

  const sendCp9 = () =>
    run(t('planCirculation.sendingCp9'), async () => {
      const queued = await api.send<Cp9Queued>('POST', `/api/meetings/${encodeURIComponent(meetingId)}/cp9`);
      return t(`planCirculation.cp9Queued.${queued.outcome}`);
    });

  if (hidden) return null;
  if (!view) {
    return error ? (
      <MessageBar intent="error">
        <MessageBarBody>{t('planCirculation.failed', { reason: error })}</MessageBarBody>
      </MessageBar>
    ) : (
      <Spinner size="tiny" label={t('planCirculation.loading')} />
    );
  }

  const sentTo = new Set(view.deliveries.filter((delivery) => delivery.outcome === 'sent').map((delivery) => delivery.memberId));
  const waiting = view.recipients.filter((memberId) => !sentTo.has(memberId));
  const failed = view.deliveries.filter((delivery) => delivery.outcome === 'failed').length;
  const { cp9 } = view;
  const cp9State = cp9 && (cp9.sentOn ? t('planCirculation.cp9Sent', { date: formatDateIn(language, cp9.sentOn) }) : t(`planCirculation.cp9State.${cp9.state}`));

  return (
    <section className={styles.root} aria-labelledby="plan-circulation-heading">
      <h2 id="plan-circulation-heading" className={styles.heading}>
        {t('planCirculation.heading')}
      </h2>
      <dl className={styles.facts}>
        <dt className={styles.term}>{t('planCirculation.plan')}</dt>
        <dd className={styles.value}>{view.planVersion ? t('planCirculation.version', { version: view.planVersion }) : t('planCirculation.noPlan')}</dd>
        {view.circulation && (
          <>
            <dt className={styles.term}>{t('planCirculation.circulateBy')}</dt>
            <dd className={styles.value}>
              <MinutesDueDate {...lang} due={view.circulation.due} status={view.circulation.status} />
            </dd>
          </>
        )}
        <dt className={styles.term}>{t('planCirculation.circulated')}</dt>
        <dd className={styles.value}>{view.circulatedOn ? t('planCirculation.everyoneHadIt', { date: formatDateIn(language, view.circulatedOn) }) : t('planCirculation.haveIt', { have: view.recipients.length - waiting.length, total: view.recipients.length })}</dd>
        {cp9 && (
          <>
            <dt className={styles.term}>{t('planCirculation.cp9')}</dt>
            <dd className={styles.value}>
              {cp9.deadline
                ? withParts(t('planCirculation.cp9By', { state: cp9State, due: slot('due') }), { due: <MinutesDueDate {...lang} due={cp9.deadline.due} status={cp9.deadline.status} /> })
                : cp9State}
            </dd>
          </>
        )}
      </dl>

      {(view.canCirculate || cp9?.canSend) && (
        <div className={styles.buttons}>
          {view.canCirculate && (
            <Button appearance="primary" disabled={busy !== undefined} onClick={() => void circulate()}>
              {view.deliveries.length > 0 ? t('planCirculation.circulateAgain') : t('planCirculation.circulate')}
            </Button>
          )}
          {cp9?.canSend && (cp9.state === 'not-sent' || cp9.state === 'failed') && (
            <Button disabled={busy !== undefined} onClick={() => void sendCp9()}>
              {t('planCirculation.sendCp9')}
            </Button>
          )}
        </div>
      )}

      {busy && <Spinner size="tiny" label={busy} />}
      {note && (
        <p className={styles.paragraph} role="status">
          {note}
        </p>
      )}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}

      {view.notReceived.length > 0 && (
        <>
          <h3 className={lists.heading}>{t('planCirculation.notReceived')}</h3>
          <ul className={lists.deliveries}>
            {view.notReceived.map((report) => (
              <li key={report.memberId}>{t('planCirculation.notReceivedLine', { name: memberName(report.memberId), at: formatInstantIn(language, report.at) })}</li>
            ))}
          </ul>
        </>
      )}
      {view.deliveries.length > 0 && (
        <>
          <h3 className={lists.heading}>{failed > 0 ? t('planCirculation.deliveriesFailed', { failed }) : t('planCirculation.deliveries')}</h3>
          <ul className={lists.deliveries} aria-label={t('planCirculation.deliveries')}>
            {view.deliveries.map((delivery) => (
              <li key={`${delivery.memberId}-${delivery.channel}-${delivery.at}`}>
                {withParts(
                  t(delivery.resent ? 'planCirculation.deliveryResent' : 'planCirculation.delivery', {
                    name: memberName(delivery.memberId),
                    channel: delivery.channel === 'teams' ? t('signedRecord.channel.teams') : t('signedRecord.channel.email'),
                    outcome: slot('outcome'),
                    at: formatInstantIn(language, delivery.at),
                  }),
                  { outcome: <span className={delivery.outcome === 'failed' ? lists.failed : undefined}>{delivery.outcome === 'failed' ? t('signedRecord.outcome.failed') : t('signedRecord.outcome.sent')}</span> },
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {view.deliveries.length > 0 && waiting.length > 0 && <p className={styles.paragraph}>{t('planCirculation.notReached', { names: waiting.map(memberName).join(', ') })}</p>}
    </section>
  );
}
