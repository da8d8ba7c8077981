import { GraphError } from '@microsoft/microsoft-graph-client';
import { type Said, said } from '../domain/errors';

/** Graph answered no: a 4xx other than a timeout or throttling. Asking again gets the same answer. */
const isRefusal = (status: number) => status >= 400 && status < 500 && status !== 408 && status !== 429;

/** Each request the adapters make of Graph, as a failure names it to people, with its catalogue words (`serviceRefusals.graph.operation.*`). */
const OPERATIONS = {
  'read the app registration': 'readAppRegistration',
  'read free/busy': 'readFreeBusy',
  'create the meeting': 'createMeeting',
  'find the meeting chat': 'findMeetingChat',
  'add Core Group to the meeting chat': 'addToMeetingChat',
  'list the meetings in the series': 'listSeries',
  'read the meeting': 'readMeeting',
  'move the meeting': 'moveMeeting',
  'cancel the meeting': 'cancelMeeting',
  'read the replies': 'readReplies',
  'subscribe to replies': 'subscribeToReplies',
  'look the person up in the directory': 'findPerson',
  'look a guest up in the directory': 'findGuest',
  'read the app roles the organisation assigned': 'readAppRoles',
  'send the e-mail': 'sendMail',
  'renew the reply subscription': 'renewSubscription',
  'post to the activity feed': 'postToFeed',
  'install Core Group for a member': 'installForMember',
} as const;
export type GraphOperation = keyof typeof OPERATIONS;

/** The service a failure is of, as people are told it, with its catalogue words (`serviceRefusals.graph.service.*`). */
const SERVICES = { calendar: 'calendar', mail: 'mail', 'Teams activity feed': 'teamsFeed', Teams: 'teams' } as const;
export type GraphService = keyof typeof SERVICES;

/** The catalogue's words for a failure (refused, busy, not reached) of one request. */
function wordsFor(outcome: 'refused' | 'busy' | 'unreached', what: GraphOperation, service: GraphService): Said {
  return said(`serviceRefusals.graph.${outcome}`, { service: SERVICES[service], operation: OPERATIONS[what] });
}

/** What Graph answered, worded for people (whether to try again) and for the logs (the operation and Graph's status and code, never a mailbox). */
export function graphAnswer(what: GraphOperation, answer: { status: number; remoteCode?: string | undefined }, service: GraphService = 'calendar') {
  const refused = isRefusal(answer.status);
  return {
    refused,
    userMessage: refused ? `The ${service} service refused to ${what}.` : `The ${service} service is busy; ${what} did not complete. Try again in a few minutes.`,
    words: wordsFor(refused ? 'refused' : 'busy', what, service),
    internalMessage: `Graph answered ${answer.status}${answer.remoteCode ? ` ${answer.remoteCode}` : ''} to "${what}"`,
    status: answer.status,
    remoteCode: answer.remoteCode,
  };
}

/** What Graph's failure was, for a CalendarError or MailError: its answer, request id and `Retry-After`, or that it was not reached. */
export function graphFailure(error: unknown, what: GraphOperation, service: GraphService = 'calendar') {
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
  return {
    refused: false,
    userMessage: `The ${service} service could not be reached to ${what}.`,
    words: wordsFor('unreached', what, service),
    internalMessage: `Graph not reached to "${what}" (${reason || 'no reason given'})`,
    status: 0,
    cause: error,
  };
}
