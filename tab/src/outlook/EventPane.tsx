import { Link, MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { OutlookEventResponse } from '@contracts/filing.contract';
import { ApiError, type ApiClient } from '../api/api.client';
import { isolatedUserText } from '../common/display-text';
import { DueDate } from '../common/DueDate';
import { formatDateIn } from '../common/format';
import type { TabLanguage, TabTranslate } from '../i18n/i18n';
import { deadlineRuleIn } from './deadline-words';
import type { CalendarEvent } from './office.host';
import { outlookErrorText } from './outlook-error-text';
import { useOutlookPageStyles } from './OutlookPage/OutlookPage.styles';
import { meetingChatIdFromBody } from './teams-join-link';

type Load = { state: 'loading' } | { state: 'none'; why: 'noLink' | 'notYours' } | { state: 'failed'; error: unknown } | { state: 'ready'; event: OutlookEventResponse };

/**
 * On a calendar event, in the page's language: the core group meeting behind it, that case's next
 * deadlines and the link to its minutes in Teams. The server sends each deadline's rule as data, and
 * the pane words it ("First core group within 10 working days of the ICPC") in the page's language.
 */
export function EventPane(props: { api: ApiClient; event: CalendarEvent; language: TabLanguage; t: TabTranslate }) {
  const styles = useOutlookPageStyles();
  const { language, t } = props;
  const [load, setLoad] = useState<Load>({ state: 'loading' });

  useEffect(() => {
    let live = true;
    const find = async (): Promise<Load> => {
      const chatId = meetingChatIdFromBody(await props.event.bodyHtml());
      if (!chatId) return { state: 'none', why: 'noLink' };
      try {
        return { state: 'ready', event: await props.api.get<OutlookEventResponse>(`/api/outlook/event?chatId=${encodeURIComponent(chatId)}`) };
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return { state: 'none', why: 'notYours' };
        throw error;
      }
    };
    find().then(
      (found) => live && setLoad(found),
      (error: unknown) => live && setLoad({ state: 'failed', error }),
    );
    return () => {
      live = false;
    };
  }, [props.api, props.event]);

  if (load.state === 'loading') return <Spinner className={styles.centred} label={t('outlook.event.looking')} />;
  if (load.state !== 'ready') {
    return (
      <main className={styles.root}>
        <h1 className={styles.title}>{t('outlook.event.title')}</h1>
        <MessageBar intent={load.state === 'failed' ? 'error' : 'info'}>
          <MessageBarBody>{load.state === 'failed' ? t('outlook.event.failed', { reason: outlookErrorText(load.error, t) }) : t(`outlook.event.${load.why}`)}</MessageBarBody>
        </MessageBar>
      </main>
    );
  }
  const { event } = load;
  return (
    <main className={styles.root}>
      <header>
        <h1 className={styles.title}>{t('outlook.event.heading', { caseReference: isolatedUserText(event.caseReference) })}</h1>
        <p className={styles.subtitle}>{formatDateIn(language, event.meeting.date)}</p>
      </header>
      <section className={styles.panel} aria-labelledby="deadlines-heading">
        <h2 id="deadlines-heading" className={styles.heading}>
          {t('outlook.event.deadlines')}
        </h2>
        {event.deadlines.length === 0 ? (
          <p className={styles.text}>{t('outlook.event.allMet')}</p>
        ) : (
          <ul className={styles.list}>
            {event.deadlines.map((deadline) => (
              <li key={deadline.id} className={styles.item}>
                <span>{deadlineRuleIn(t, deadline.wording)}</span>
                <span>
                  <DueDate language={language} t={t} due={deadline.due} status={deadline.status} />
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <p className={styles.text}>
        <Link href={event.minutesUrl} target="_blank" rel="noopener noreferrer">
          {t('outlook.event.openMinutes')}
        </Link>
      </p>
    </main>
  );
}
