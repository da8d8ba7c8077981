import { GraphError } from '@microsoft/microsoft-graph-client';

/** Graph answered no: a 4xx other than a timeout or throttling. Asking again gets the same answer. */
const isRefusal = (status: number) => status >= 400 && status < 500 && status !== 408 && status !== 429;

/** What Graph answered, worded for people (whether to try again) and for the logs (the operation and Graph's status and code, never a mailbox). */
export function graphAnswer(what: string, answer: { status: number; remoteCode?: string | undefined }, service = 'calendar') {
  const refused = isRefusal(answer.status);
  return {
    refused,
    userMessage: refused ? `The ${service} service refused to ${what}.` : `The ${service} service is busy; ${what} did not complete. Try again in a few minutes.`,
    internalMessage: `Graph answered ${answer.status}${answer.remoteCode ? ` ${answer.remoteCode}` : ''} to "${what}"`,
    status: answer.status,
    remoteCode: answer.remoteCode,
  };
}

/** What Graph's failure was, for a CalendarError or MailError: its answer, request id and `Retry-After`, or that it was not reached. */
export function graphFailure(error: unknown, what: string, service = 'calendar') {
  // The client reports a request that got no answer (a dropped connection) as a GraphError with status -1.
  if (error instanceof GraphError && error.statusCode > 0) {
    const retryAfter = Number(error.headers?.get('Retry-After'));
    return {
      ...graphAnswer(what, { status: error.statusCode, remoteCode: error.code ?? undefined }, service),
      requestId: error.requestId ?? undefined,
      retryAfterMs: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : undefined,
      cause: error,
    };
  }
  // The name and the system error code only: an SDK's message can quote the URL, and the URL a mailbox.
  const reason = [(error as { name?: unknown } | null)?.name, (error as { code?: unknown } | null)?.code].filter((part) => typeof part === 'string').join(' ');
  return { refused: false, userMessage: `The ${service} service could not be reached to ${what}.`, internalMessage: `Graph not reached to "${what}" (${reason || 'no reason given'})`, status: 0, cause: error };
}
