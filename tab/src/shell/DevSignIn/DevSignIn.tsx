import { Button, MessageBar, MessageBarBody, Spinner, Text } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { ErrorBody } from '@contracts/errors.contract';
import type { DevSignInRequest, DevSignInResponse, DevUser, DevUsersResponse } from '@contracts/identity.contract';
import type { DevSession } from '../../host/dev-session';
import { useDevSignInStyles } from './DevSignIn.styles';
import { isolatedUserText } from '../../common/display-text';

type Load = { state: 'loading' } | { state: 'ready'; users: DevUser[] } | { state: 'failed'; message: string };

/**
 * Local mode only: pick one of the demo people and get a dev token for them, as Teams SSO would
 * give one. The server offers these endpoints on loopback in local mode and nowhere else.
 */
export default function DevSignIn(props: { onSignedIn: (session: DevSession) => void }) {
  const styles = useDevSignInStyles();
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
        if (live) setLoad({ state: 'failed', message: 'Open this tab in Microsoft Teams. (Local sign-in is only offered when the app runs in local mode.)' });
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
      setError(`Could not sign in as ${user.name}: ${reason instanceof Error ? reason.message : 'no answer'}.`);
      setSigningIn(undefined);
    }
  };

  return (
    <main className={styles.root}>
      <Text as="h1" size={600} weight="semibold">
        Sign in (local mode)
      </Text>
      {load.state === 'loading' && <Spinner label="Loading the demo people…" />}
      {load.state === 'failed' && (
        <MessageBar intent="warning">
          <MessageBarBody>{load.message}</MessageBarBody>
        </MessageBar>
      )}
      {load.state === 'ready' && (
        <>
          <Text>Outside Teams there is no single sign-on. Choose who you are for this session:</Text>
          <ul className={styles.people} aria-label="Demo people">
            {load.users.map((user) => (
              <li key={user.aadObjectId}>
                <Button className={styles.person} disabled={signingIn !== undefined} onClick={() => void signIn(user)}>
                  <span>{isolatedUserText(user.name)}</span>
                  <span className={styles.detail}>
                    {user.role.replaceAll('-', ' ')} · {isolatedUserText(user.agency)}
                  </span>
                </Button>
              </li>
            ))}
          </ul>
        </>
      )}
      {signingIn && <Spinner size="tiny" label="Signing in…" />}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
    </main>
  );
}
