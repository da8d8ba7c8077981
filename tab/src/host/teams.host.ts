import { SignInError } from './sign-in-error';
import { type ThemeName, themeFromTeams } from './theme';

/** What the tab needs from Teams (or Outlook, or the Microsoft 365 app) when it runs inside one. */
export interface TeamsHost {
  /** The meeting chat this side panel belongs to; absent in a personal tab. */
  readonly chatId: string | undefined;
  readonly theme: ThemeName;
  /** The user's Teams language (`app.locale`, such as `cy-GB`). */
  readonly locale: string;
  getToken(): Promise<string>;
  onThemeChange(handler: (theme: ThemeName) => void): void;
  /** Tells the host the tab has drawn itself (hides its loading indicator). */
  notifyLoaded(): void;
  /** In a meeting: shares this page of the app to the meeting's stage for everyone (`meeting.shareAppContentToStage`). */
  shareToStage(url: string): Promise<void>;
}

/**
 * Connects to the hosting Teams client, or resolves `undefined` when there is none. Outside Teams
 * `app.initialize()` either rejects ("No Parent window found") or never settles, so it is
 * time-boxed and the caller falls back to local mode.
 */
export async function connectToTeams(options: { timeoutMs: number }): Promise<TeamsHost | undefined> {
  // Teams, Outlook and the Microsoft 365 app host a tab in a frame, a pop-up or a mobile web view;
  // a top-level browser window with none of those has no host to wait for.
  const hostable = window.parent !== window || window.opener !== null || 'nativeInterface' in window;
  if (!hostable) return undefined;
  // Loaded only when there may be a host: on import teams-js fetches Microsoft's list of host
  // domains, which outside Teams only delays the first render.
  const { app, authentication, meeting } = await import('@microsoft/teams-js');
  let timer: number | undefined;
  const timedOut = new Promise<false>((resolve) => {
    timer = window.setTimeout(() => resolve(false), options.timeoutMs);
  });
  const initialised = app.initialize().then(
    () => true,
    (error: unknown) => {
      console.debug('Not inside a Microsoft 365 host: local mode', error);
      return false;
    },
  );
  const inHost = await Promise.race([initialised, timedOut]);
  window.clearTimeout(timer);
  if (!inHost) return undefined;

  const context = await app.getContext();
  return {
    chatId: context.chat?.id,
    theme: themeFromTeams(context.app.theme),
    locale: context.app.locale,
    // teams-js caches the SSO token and renews it near expiry: asking each time is cheap.
    getToken: () =>
      authentication.getAuthToken().catch((error: unknown) => {
        throw new SignInError(error);
      }),
    onThemeChange: (handler) => app.registerOnThemeChangeHandler((theme) => handler(themeFromTeams(theme))),
    notifyLoaded: () => {
      void app.notifySuccess().catch((error: unknown) => console.debug('notifySuccess was refused', error));
    },
    shareToStage: (url) =>
      new Promise<void>((resolve, reject) => {
        // Teams answers through the callback: an SdkError (its code and message) when it will not share — not in a meeting, or not allowed to share.
        meeting.shareAppContentToStage((error) => (error ? reject(new Error(error.message ?? `Teams refused (error ${error.errorCode})`)) : resolve()), url);
      }),
  };
}
