import { Button, FluentProvider, Spinner } from '@fluentui/react-components';
import { type ReactNode, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { createApiClient } from '../../api/api.client';
import { type DevSession, loadDevSession, saveDevSession } from '../../host/dev-session';
import { type TeamsHost, connectToTeams } from '../../host/teams.host';
import { FLUENT_THEMES, type ThemeName, systemTheme, themeOverride } from '../../host/theme';
import { tabLanguage } from '../../i18n/i18n';
import { usePageLanguage } from '../../i18n/use-tab-language';
import { slot, withParts } from '../../minutes/minutes-language';
// DevSignIn is not split off: in local mode it is the first screen, and a chunk costs a round trip.
import DevSignIn from '../DevSignIn/DevSignIn';
import { type Shell, ShellContext } from '../shell.context';
import { useAppShellStyles, useGlobalStyles } from './AppShell.styles';
import { isolatedUserText } from '../../common/display-text';

/** Outside Teams `app.initialize()` can hang; after this the page starts in local mode. */
const TEAMS_TIMEOUT_MS = 1500;
/**
 * Framed (only Microsoft's hosts may frame the tab) or in a mobile host's web view, the host is
 * surely there and may just be slow to answer: wait longer rather than offer a dev sign-in.
 */
const HOSTED_TIMEOUT_MS = 10_000;

function looksHosted(): boolean {
  return window.self !== window.top || 'nativeInterface' in window;
}

type Startup = { phase: 'connecting' } | { phase: 'teams'; host: TeamsHost } | { phase: 'local'; session: DevSession | undefined };

/**
 * Every page's frame: finds out whether it runs inside Teams (SSO token, meeting chat, theme) or
 * locally (dev sign-in as a demo person), follows the host's theme unless `?theme=` fixes it, and
 * gives the page an API client through `ShellContext`. Its own words follow the page's language;
 * until a page is shown (connecting, the dev sign-in), the browser's.
 */
export function AppShell(props: { children: ReactNode }) {
  useGlobalStyles();
  const styles = useAppShellStyles();
  const override = useMemo(() => themeOverride(window.location.search), []);
  const [hostTheme, setHostTheme] = useState<ThemeName>(systemTheme);
  const [startup, setStartup] = useState<Startup>({ phase: 'connecting' });
  const { t } = usePageLanguage();

  useEffect(() => {
    let live = true;
    void connectToTeams({ timeoutMs: looksHosted() ? HOSTED_TIMEOUT_MS : TEAMS_TIMEOUT_MS }).then(
      (host) => {
        if (!live) return;
        if (!host) {
          setStartup({ phase: 'local', session: loadDevSession() });
          return;
        }
        setHostTheme(host.theme);
        host.onThemeChange(setHostTheme);
        setStartup({ phase: 'teams', host });
        host.notifyLoaded();
      },
      (error: unknown) => {
        // Inside Teams but the context could not be read: local mode is the only way left to work.
        console.error('Teams context unavailable', error);
        if (live) setStartup({ phase: 'local', session: loadDevSession() });
      },
    );
    return () => {
      live = false;
    };
  }, []);

  const signOut = useCallback(() => {
    saveDevSession(undefined);
    setStartup({ phase: 'local', session: undefined });
  }, []);

  const shell = useMemo<Shell | undefined>(() => {
    if (startup.phase === 'teams') {
      const { host } = startup;
      return { api: createApiClient({ tokens: { getToken: () => host.getToken() } }), mode: 'teams', chatId: host.chatId, devUser: undefined, locale: host.locale, shareToStage: (url) => host.shareToStage(url) };
    }
    if (startup.phase === 'local' && startup.session) {
      const { token, user } = startup.session;
      return { api: createApiClient({ tokens: { getToken: async () => token }, onSignedOut: signOut }), mode: 'local', chatId: undefined, devUser: user, locale: navigator.language, shareToStage: undefined };
    }
    return undefined;
  }, [startup, signOut]);

  useEffect(() => {
    // No page yet to say its language: the browser's (the page sets its own once it shows).
    if (!shell) document.documentElement.lang = tabLanguage(undefined, navigator.language);
  }, [shell]);

  let body: ReactNode;
  if (startup.phase === 'connecting') {
    body = (
      <div className={styles.centred}>
        <Spinner label={t('shell.connecting')} />
      </div>
    );
  } else if (!shell) {
    body = (
      <Suspense fallback={<Spinner className={styles.centred} label={t('shell.loading')} />}>
        <DevSignIn
          onSignedIn={(session) => {
            saveDevSession(session);
            setStartup({ phase: 'local', session });
          }}
        />
      </Suspense>
    );
  } else {
    body = (
      <ShellContext.Provider value={shell}>
        {shell.devUser && (
          <div className={styles.localBanner} role="note">
            <span>{withParts(t('shell.signedInAs', { name: slot('name'), role: t(`dashLabels.role.${shell.devUser.role}`) }), { name: <strong>{isolatedUserText(shell.devUser.name)}</strong> })}</span>
            <Button size="small" appearance="transparent" onClick={signOut}>
              {t('shell.switchPerson')}
            </Button>
          </div>
        )}
        {props.children}
      </ShellContext.Provider>
    );
  }

  return (
    <FluentProvider theme={FLUENT_THEMES[override ?? hostTheme]} className={styles.root}>
      {body}
    </FluentProvider>
  );
}
