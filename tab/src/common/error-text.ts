import { ApiError, UnreachableError } from '../api/api.client';
import { SignInError } from '../host/sign-in-error';

/** A failure as one sentence safe to show: the server's `userMessage`, or what went wrong in plain words. */
export function errorText(error: unknown): string {
  if (error instanceof ApiError || error instanceof SignInError) return error.userMessage;
  if (error instanceof UnreachableError) return 'The app could not be reached. Check the connection and try again.';
  return 'That did not work. Try again.';
}
