import { Button, MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/api.client';
import type { Cp9Queued, Cp9State, PlanCirculationQueued, PlanCirculationResponse } from '@contracts/plan-circulation.contract';
import { errorText } from '../../common/error-text';
import { formatDate, formatInstant } from '../../common/format';
import { DueDate } from '../../common/DueDate';
import { useShell } from '../../shell/shell.context';
import { useSignOffBarStyles } from '../SignOffBar/SignOffBar.styles';
import { useSignedRecordStyles } from '../SignedRecord/SignedRecord.styles';

/** Deliveries and the CP9 are sent by jobs within seconds: look again soon after a press. */
const FOLLOW_UP_MS = [1500, 4000, 9000];
/** Deliveries others set off (a member saying it did not arrive) show by looking again this often while the tab is visible. */
const REFRESH_MS = 15_000;

const CP9_STATE_TEXT: Readonly<Record<Cp9State, string>> = {
  'not-sent': 'Not sent yet',
  sending: 'Being sent to the co-ordinator',
  sent: 'Sent',
  failed: 'The last try failed: send it again',
};

const CP9_QUEUED_TEXT: Readonly<Record<Cp9Queued['outcome'], string>> = {
  queued: 'The CP9 is on its way to the co-ordinator.',
  'already-queued': 'The CP9 is already on its way.',
  'already-sent': 'The CP9 has already been sent.',
};

/**
 * The plan after this meeting (seed 001): circulate it to everyone present or invited and the
 * conference chair, see who has it, who said it did not arrive, and the deadline where the
 * profile sets one; and, only where the profile sends one, the CP9 to the co-ordinator.
 */
export function PlanCirculation(props: { meetingId: string; memberName: (id: string) => string }) {
  // It sits beside the sign-off bar and reads like it: the same frame, and the signed record's lists.
  const styles = useSignOffBarStyles();
  const lists = useSignedRecordStyles();
  const { api } = useShell();
  const { meetingId, memberName } = props;
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
      else setError(errorText(failure));
    });
    return () => {
      live.current = false;
    };
  }, [load]);

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
      setError(errorText(failure));
    } finally {
      setBusy(undefined);
    }
  };

  const circulate = () =>
    run('Circulating the plan…', async () => {
      const queued = await api.send<PlanCirculationQueued>('POST', `/api/meetings/${encodeURIComponent(meetingId)}/plan-circulation`);
      return queued.queued === 0 ? `Everyone (${queued.recipients}) already has this version of the plan.` : `Sending the plan to ${queued.queued} of ${queued.recipients} people; each delivery shows below once it has gone.`;
    });

  const sendCp9 = () =>
    run('Sending the CP9…', async () => {
      const queued = await api.send<Cp9Queued>('POST', `/api/meetings/${encodeURIComponent(meetingId)}/cp9`);
      return CP9_QUEUED_TEXT[queued.outcome];
    });

  if (hidden) return null;
  if (!view) {
    return error ? (
      <MessageBar intent="error">
        <MessageBarBody>The plan’s circulation could not be loaded: {error}</MessageBarBody>
      </MessageBar>
    ) : (
      <Spinner size="tiny" label="Loading the plan’s circulation…" />
    );
  }

  const sentTo = new Set(view.deliveries.filter((delivery) => delivery.outcome === 'sent').map((delivery) => delivery.memberId));
  const waiting = view.recipients.filter((memberId) => !sentTo.has(memberId));
  const failed = view.deliveries.filter((delivery) => delivery.outcome === 'failed').length;
  const { cp9 } = view;

  return (
    <section className={styles.root} aria-labelledby="plan-circulation-heading">
      <h2 id="plan-circulation-heading" className={styles.heading}>
        The plan after this meeting
      </h2>
      <dl className={styles.facts}>
        <dt className={styles.term}>Plan</dt>
        <dd className={styles.value}>{view.planVersion ? `version ${view.planVersion}` : 'no plan recorded yet'}</dd>
        {view.circulation && (
          <>
            <dt className={styles.term}>Circulate by</dt>
            <dd className={styles.value}>
              <DueDate due={view.circulation.due} status={view.circulation.status} />
            </dd>
          </>
        )}
        <dt className={styles.term}>Circulated</dt>
        <dd className={styles.value}>{view.circulatedOn ? `everyone had it on ${formatDate(view.circulatedOn)}` : `${view.recipients.length - waiting.length} of ${view.recipients.length} have it`}</dd>
        {cp9 && (
          <>
            <dt className={styles.term}>CP9</dt>
            <dd className={styles.value}>
              {cp9.sentOn ? `Sent to the co-ordinator on ${formatDate(cp9.sentOn)}` : CP9_STATE_TEXT[cp9.state]}
              {cp9.deadline && (
                <>
                  {' '}· by <DueDate due={cp9.deadline.due} status={cp9.deadline.status} />
                </>
              )}
            </dd>
          </>
        )}
      </dl>

      {(view.canCirculate || cp9?.canSend) && (
        <div className={styles.buttons}>
          {view.canCirculate && (
            <Button appearance="primary" disabled={busy !== undefined} onClick={() => void circulate()}>
              {view.deliveries.length > 0 ? 'Circulate the plan again to anyone not yet reached' : 'Circulate the plan'}
            </Button>
          )}
          {cp9?.canSend && (cp9.state === 'not-sent' || cp9.state === 'failed') && (
            <Button disabled={busy !== undefined} onClick={() => void sendCp9()}>
              Send CP9
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
          <h3 className={lists.heading}>Said it has not arrived</h3>
          <ul className={lists.deliveries}>
            {view.notReceived.map((report) => (
              <li key={report.memberId}>
                {memberName(report.memberId)}, {formatInstant(report.at)}
              </li>
            ))}
          </ul>
        </>
      )}
      {view.deliveries.length > 0 && (
        <>
          <h3 className={lists.heading}>Deliveries of the plan{failed > 0 ? ` (${failed} failed)` : ''}</h3>
          <ul className={lists.deliveries} aria-label="Deliveries of the plan">
            {view.deliveries.map((delivery) => (
              <li key={`${delivery.memberId}-${delivery.channel}-${delivery.at}`}>
                {memberName(delivery.memberId)}, by {delivery.channel === 'teams' ? 'Teams' : 'e-mail'}
                {delivery.resent ? ' (sent again)' : ''}: <span className={delivery.outcome === 'failed' ? lists.failed : undefined}>{delivery.outcome === 'failed' ? 'failed' : 'sent'}</span>, {formatInstant(delivery.at)}
              </li>
            ))}
          </ul>
        </>
      )}
      {view.deliveries.length > 0 && waiting.length > 0 && <p className={styles.paragraph}>Not reached yet: {waiting.map(memberName).join(', ')}.</p>}
    </section>
  );
}
