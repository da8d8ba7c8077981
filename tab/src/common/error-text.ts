import { ApiError, UnreachableError } from '../api/api.client';
import { SignInError } from '../host/sign-in-error';
import type { TabTranslate } from '../i18n/i18n';

/** An answer without the server's own words, by its status: what went wrong in the page's language. */
const STATUS_WORDS: Readonly<Record<string, string>> = { 'http-401': 'errors.signedOut', 'http-403': 'errors.noAccess', 'http-404': 'errors.notFound' };

/**
 * A failure as one sentence safe to show, in the page's language: the server's `userMessage` (it
 * answers in the language the page asked for), else what went wrong in plain words from the
 * catalogue.
 */
export function errorTextIn(error: unknown, t: TabTranslate): string {
  if (error instanceof ApiError) return error.code.startsWith('http-') ? t(STATUS_WORDS[error.code] ?? 'errors.unknown') : error.userMessage;
  if (error instanceof SignInError) return t('errors.signIn');
  if (error instanceof UnreachableError) return t('errors.unreachable');
  return t('errors.unknown');
}
