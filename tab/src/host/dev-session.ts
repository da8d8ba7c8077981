import type { DevUser } from '@contracts/identity.contract';

const STORAGE_KEY = 'coregroup.dev-session';

/** A local-mode sign-in: the demo person chosen and the dev token the server issued for them. */
export interface DevSession {
  readonly token: string;
  readonly user: DevUser;
}

/** The dev session of this browser tab, if one was chosen (sessionStorage: gone when the tab closes). */
export function loadDevSession(): DevSession | undefined {
  try {
    const stored = window.sessionStorage.getItem(STORAGE_KEY);
    if (!stored) return undefined;
    const parsed = JSON.parse(stored) as Partial<DevSession>;
    if (typeof parsed.token !== 'string' || typeof parsed.user?.name !== 'string') return undefined;
    return parsed as DevSession;
  } catch (error) {
    // Storage blocked (private mode, sandboxed frame) or corrupt: sign in again.
    console.debug('No stored dev session', error);
    return undefined;
  }
}

export function saveDevSession(session: DevSession | undefined): void {
  try {
    if (session) window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
    else window.sessionStorage.removeItem(STORAGE_KEY);
  } catch (error) {
    // Storage blocked: the session then lives only as long as this page, which still works.
    console.debug('Dev session not stored', error);
  }
}
