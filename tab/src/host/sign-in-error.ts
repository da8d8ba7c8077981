/** Teams could not give an SSO token (consent not given, offline, policy): `userMessage` says so plainly. */
export class SignInError extends Error {
  readonly userMessage = 'Teams could not sign you in to Core Group. Close and reopen the tab; if it keeps happening, ask your IT team whether the app has been approved.';

  constructor(cause: unknown) {
    super('authentication.getAuthToken failed', { cause });
    this.name = 'SignInError';
  }
}
