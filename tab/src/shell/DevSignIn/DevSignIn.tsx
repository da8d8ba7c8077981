import { Button, MessageBar, MessageBarBody, Spinner, Text } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { ErrorBody } from '@contracts/errors.contract';
import type { DevSignInRequest, DevSignInResponse, DevUser, DevUsersResponse } from '@contracts/identity.contract';
import type { DevSession } from '../../host/dev-session';
import { usePageLanguage } from '../../i18n/use-tab-language';
import { useDevSignInStyles } from './DevSignIn.styles';
import { isolatedUserText } from '../../common/display-text';

type Load = { state: 'loading' } | { state: 'ready'; users: DevUser[] } | { state: 'failed' };

/**
 * Local mode only: pick one of the demo people and get a dev token for them, as Teams SSO would
 * give one. The server offers these endpoints on loopback in local mode and nowhere else. In the
 * page's language (the browser's, as no one is signed in to have chosen one).
 */
export default function DevSignIn(props: { onSignedIn: (session: DevSession) => void }) {
  const styles = useDevSignInStyles();
  const { t } = usePageLanguage();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [signingIn, setSigningIn] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    let live = true;
    fetch('/api/dev/users', { headers: { Accept: 'application/json' }, cache: 'no-store' })
      .then(async (response) => {
        if (!response.ok) throw new Error(`status ${response.status}`);
        const body = (await response.json()) as Partial<DevUsersResponse>;
        if (live) setLoad({ state: 'ready', users: body.users ?? [] });
      })
      .catch((reason: unknown) => {
        console.debug('dev users unavailable', reason);
        if (live) setLoad({ state: 'failed' });
      });
    return () => {
      live = false;
    };
  }, []);

  const signIn = async (user: DevUser) => {
    setSigningIn(user.aadObjectId);
    setError(undefined);
    try {
      const response = await fetch('/api/dev/sign-in', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ aadObjectId: user.aadObjectId } satisfies DevSignInRequest),
      });
      const body = (await response.json()) as Partial<DevSignInResponse & ErrorBody>;
      if (!response.ok || typeof body.token !== 'string') throw new Error(body.error?.message ?? `status ${response.status}`);
      props.onSignedIn({ token: body.token, user });
    } catch (reason) {
      setError(t('shell.signInFailed', { name: isolatedUserText(user.name), reason: reason instanceof Error ? reason.message : t('shell.noAnswer') }));
      setSigningIn(undefined);
    }
  };

  return (
    <main className={styles.root}>
      <Text as="h1" size={600} weight="semibold">
        {t('shell.signInTitle')}
      </Text>
      {load.state === 'loading' && <Spinner label={t('shell.loadingPeople')} />}
      {load.state === 'failed' && (
        <MessageBar intent="warning">
          <MessageBarBody>{t('shell.notLocal')}</MessageBarBody>
        </MessageBar>
      )}
      {load.state === 'ready' && (
        <>
          <Text>{t('shell.choose')}</Text>
          <ul className={styles.people} aria-label={t('shell.people')}>
            {load.users.map((user) => (
              <li key={user.aadObjectId}>
                <Button className={styles.person} disabled={signingIn !== undefined} onClick={() => void signIn(user)}>
                  <span>{isolatedUserText(user.name)}</span>
                  <span className={styles.detail}>
                    {t('shell.person', { role: t(`dashLabels.role.${user.role}`), agency: isolatedUserText(user.agency) })}
                  </span>
                </Button>
              </li>
            ))}
          </ul>
        </>
      )}
      {signingIn && <Spinner size="tiny" label={t('shell.signingIn')} />}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
    </main>
  );
}
