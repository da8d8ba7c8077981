import { Link, MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { OutlookEventResponse } from '@contracts/filing.contract';
import { ApiError, type ApiClient } from '../api/api.client';
import { isolatedUserText } from '../common/display-text';
import { DueDate } from '../common/DueDate';
import { errorText } from '../common/error-text';
import { formatDate } from '../common/format';
import type { CalendarEvent } from './office.host';
import { useOutlookPageStyles } from './OutlookPage/OutlookPage.styles';
import { meetingChatIdFromBody } from './teams-join-link';

type Load = { state: 'loading' } | { state: 'none'; message: string } | { state: 'failed'; message: string } | { state: 'ready'; event: OutlookEventResponse };

/** On a calendar event: the core group meeting behind it, that case's next deadlines and the link to its minutes in Teams. */
export function EventPane(props: { api: ApiClient; event: CalendarEvent }) {
  const styles = useOutlookPageStyles();
  const [load, setLoad] = useState<Load>({ state: 'loading' });

  useEffect(() => {
    let live = true;
    const find = async (): Promise<Load> => {
      const chatId = meetingChatIdFromBody(await props.event.bodyHtml());
      if (!chatId) return { state: 'none', message: 'This event has no Teams meeting link, so it is not a core group meeting booked by Core Group.' };
      try {
        return { state: 'ready', event: await props.api.get<OutlookEventResponse>(`/api/outlook/event?chatId=${encodeURIComponent(chatId)}`) };
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return { state: 'none', message: 'This event is not a meeting of a core group you belong to.' };
        throw error;
      }
    };
    find().then(
      (found) => live && setLoad(found),
      (error: unknown) => live && setLoad({ state: 'failed', message: `The meeting could not be looked up: ${errorText(error)}` }),
    );
    return () => {
      live = false;
    };
  }, [props.api, props.event]);

  if (load.state === 'loading') return <Spinner className={styles.centred} label="Looking up the meeting…" />;
  if (load.state !== 'ready') {
    return (
      <main className={styles.root}>
        <h1 className={styles.title}>Core Group</h1>
        <MessageBar intent={load.state === 'failed' ? 'error' : 'info'}>
          <MessageBarBody>{load.message}</MessageBarBody>
        </MessageBar>
      </main>
    );
  }
  const { event } = load;
  return (
    <main className={styles.root}>
      <header>
        <h1 className={styles.title}>Core group meeting — case {isolatedUserText(event.caseReference)}</h1>
        <p className={styles.subtitle}>{formatDate(event.meeting.date)}</p>
      </header>
      <section className={styles.panel} aria-labelledby="deadlines-heading">
        <h2 id="deadlines-heading" className={styles.heading}>
          Next deadlines
        </h2>
        {event.deadlines.length === 0 ? (
          <p className={styles.text}>Every deadline of this case is met.</p>
        ) : (
          <ul className={styles.list}>
            {event.deadlines.map((deadline) => (
              <li key={deadline.id} className={styles.item}>
                <span>{deadline.rule}</span>
                <span>
                  <DueDate due={deadline.due} status={deadline.status} />
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <p className={styles.text}>
        <Link href={event.minutesUrl} target="_blank" rel="noopener noreferrer">
          Open the minutes in Teams
        </Link>
      </p>
    </main>
  );
}
