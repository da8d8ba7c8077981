import { ApiError, UnreachableError } from '../api/api.client';
import { SignInError } from '../host/sign-in-error';
import type { TabTranslate } from '../i18n/i18n';

/** A failure as one sentence safe to show: the server's `userMessage`, or what went wrong in plain words. */
export function errorText(error: unknown): string {
  if (error instanceof ApiError || error instanceof SignInError) return error.userMessage;
  if (error instanceof UnreachableError) return 'The app could not be reached. Check the connection and try again.';
  return 'That did not work. Try again.';
}

/**
 * The same in the page's language: the server's `userMessage` as it sent it (the server words its
 * refusals), else what went wrong in plain words from the catalogue.
 */
export function errorTextIn(error: unknown, t: TabTranslate): string {
  if (error instanceof ApiError) return error.userMessage;
  if (error instanceof SignInError) return t('errors.signIn');
  if (error instanceof UnreachableError) return t('errors.unreachable');
  return t('errors.unknown');
}
