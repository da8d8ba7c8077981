import { FluentProvider, Spinner } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { type ApiClient, createApiClient } from '../../api/api.client';
import { FLUENT_THEMES, systemTheme, themeOverride } from '../../host/theme';
import { usePersonLanguage } from '../../i18n/use-tab-language';
import { useAppShellStyles, useGlobalStyles } from '../../shell/AppShell/AppShell.styles';
import { EventPane } from '../EventPane';
import { FilePane } from '../FilePane';
import { type CalendarEvent, type MailMessage, type MailboxHost, connectToOutlook } from '../office.host';
import { useOutlookPageStyles } from './OutlookPage.styles';

/** How long to wait for Office.js to load and answer before saying the page is not in Outlook. */
const OFFICE_TIMEOUT_MS = 10_000;

type Startup = { phase: 'connecting' } | { phase: 'outside' } | { phase: 'outlook'; host: MailboxHost; api: ApiClient };

/**
 * The Outlook add-in's task pane: on a message, "File to core group"; on a calendar event, that
 * core group's next deadlines and the minutes link. Outside Outlook it says where to open it. In
 * the person's own language (`GET /api/me`), else Office's (`displayLanguage`; outside Outlook the
 * browser's), else English.
 */
export function OutlookPage() {
  useGlobalStyles();
  const styles = useOutlookPageStyles();
  const shellStyles = useAppShellStyles();
  const theme = useMemo(() => themeOverride(window.location.search) ?? systemTheme(), []);
  const [startup, setStartup] = useState<Startup>({ phase: 'connecting' });
  const [item, setItem] = useState<MailMessage | CalendarEvent | undefined>();
  const inOutlook = startup.phase === 'outlook' ? startup : undefined;
  const { language, t } = usePersonLanguage({ api: inOutlook?.api, hostLocale: inOutlook ? inOutlook.host.displayLanguage : navigator.language });

  useEffect(() => {
    let live = true;
    void connectToOutlook({ timeoutMs: OFFICE_TIMEOUT_MS }).then(
      (host) => {
        if (!live) return;
        if (!host) {
          setStartup({ phase: 'outside' });
          return;
        }
        setItem(host.item);
        host.onItemChanged(setItem);
        setStartup({ phase: 'outlook', host, api: createApiClient({ tokens: { getToken: () => host.getToken() } }) });
      },
      (error: unknown) => {
        console.error('Outlook could not be reached', error);
        if (live) setStartup({ phase: 'outside' });
      },
    );
    return () => {
      live = false;
    };
  }, []);

  let body;
  if (startup.phase === 'connecting') body = <Spinner className={shellStyles.centred} label={t('outlook.connecting')} />;
  else if (startup.phase === 'outside') {
    body = (
      <main className={styles.root}>
        <h1 className={styles.title}>{t('outlook.outsideTitle')}</h1>
        <p className={styles.text}>{t('outlook.outside')}</p>
      </main>
    );
  } else if (!item) {
    body = (
      <main className={styles.root}>
        <h1 className={styles.title}>{t('outlook.noItemTitle')}</h1>
        <p className={styles.text}>{t('outlook.noItem')}</p>
      </main>
    );
  } else {
    body = item.kind === 'message' ? <FilePane key={item.messageId} api={startup.api} message={item} language={language} t={t} /> : <EventPane key={item.subject} api={startup.api} event={item} language={language} t={t} />;
  }
  return (
    <FluentProvider theme={FLUENT_THEMES[theme]} className={shellStyles.root}>
      {body}
    </FluentProvider>
  );
}
