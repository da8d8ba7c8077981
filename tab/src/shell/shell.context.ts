import { createContext, useContext } from 'react';
import type { ApiClient } from '../api/api.client';
import type { DevUser } from '@contracts/identity.contract';

/** What every page gets from the shell once it knows where it runs and who is signed in. */
export interface Shell {
  readonly api: ApiClient;
  readonly mode: 'teams' | 'local';
  /** The Teams meeting chat of a side panel; absent in local mode and personal tabs. */
  readonly chatId: string | undefined;
  /** Local mode: the demo person signed in. */
  readonly devUser: DevUser | undefined;
  /** The host's language: Teams' `app.locale`, or the browser's in local mode (a person's own choice overrides it). */
  readonly locale: string;
  /** In Teams: shares a page of the app to the meeting's stage; absent in local mode. */
  readonly shareToStage: ((url: string) => Promise<void>) | undefined;
}

export const ShellContext = createContext<Shell | undefined>(undefined);

/** The shell of the page; only components rendered inside `AppShell` may call it. */
export function useShell(): Shell {
  const shell = useContext(ShellContext);
  if (!shell) throw new Error('useShell is used outside AppShell');
  return shell;
}
