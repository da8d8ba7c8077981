import type { CoreGroupMember } from './core-group';

/**
 * What a notice is about, one kind per notification the app sends a person (the subject names
 * the thing it is about: the concern, the prompt, the signal's subject, the member welcomed, the
 * institution task, the meeting). `undelivered` is the lead social worker told that another
 * notice never went.
 */
export const NOTICE_KINDS = ['concern', 'check-in-prompt', 'chase', 'signal', 'welcome', 'sign-off-reminder', 'institution-task', 'plan-not-received', 'undelivered', 'agency-report-request', 'conference-pack', 'minutes-returned'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/**
 * How one attempt at a notice to one member went: sent by Teams or by e-mail; failed for good (and
 * why); or failed this time and to be tried again (`retrying`: Teams busy or down).
 */
export interface NoticeDelivery {
  readonly kind: NoticeKind;
  readonly subjectId: string;
  readonly memberId: string;
  readonly channel: 'teams' | 'email';
  readonly outcome: 'sent' | 'failed' | 'retrying';
  readonly detail?: string | undefined;
  readonly at: string;
  /** Which attempt of its job it was (from 1), when a job sent it: orders attempts recorded in the same instant. */
  readonly attempt?: number | undefined;
}

/**
 * Why a notice did not go, this time or for good, as facts for the reader's words: no mailbox to
 * send from (`no-mailbox`); no Teams chat and no e-mail address (`no-address`); the mail service
 * refused it (`mail-refused`); an attempt that failed and is tried again, with the error's name and
 * code (`attempt-failed`); the attempts used up, with the job's last error if it had one
 * (`gave-up`). A reason stored in any other form is shown as it was stored (`as-recorded`).
 */
export type NoticeReason =
  | { readonly code: 'no-mailbox' | 'no-address' | 'mail-refused' }
  | { readonly code: 'attempt-failed'; readonly attempt: number; readonly error: string }
  | { readonly code: 'gave-up'; readonly attempts: number; readonly error?: string | undefined }
  | { readonly code: 'as-recorded'; readonly text: string };

/** The reasons without facts of their own, as stored. */
const STORED_PLAIN_REASONS = { 'no-mailbox': 'no mailbox to send from', 'no-address': 'no Teams chat and no e-mail address', 'mail-refused': 'the mail service refused it' } as const;

/**
 * A reason as a delivery stores it (`detail`): the stored form is fixed — rows already hold it —
 * and `noticeReasonOf` reads it back, so the words a person reads come from the catalogues only.
 */
export function storedNoticeReason(reason: Exclude<NoticeReason, { code: 'as-recorded' }>): string {
  switch (reason.code) {
    case 'attempt-failed':
      return `attempt ${reason.attempt}: ${reason.error}`;
    case 'gave-up':
      return `not sent after ${reason.attempts} attempts (${reason.error ?? 'no error recorded'})`;
    default:
      return STORED_PLAIN_REASONS[reason.code];
  }
}

/** A stored reason as its facts (`storedNoticeReason` in reverse); one in no known form, as it was stored. */
export function noticeReasonOf(stored: string): NoticeReason {
  const plain = Object.entries(STORED_PLAIN_REASONS).find(([, text]) => text === stored);
  if (plain) return { code: plain[0] as keyof typeof STORED_PLAIN_REASONS };
  const attempt = /^attempt (\d+): (.+)$/s.exec(stored);
  if (attempt) return { code: 'attempt-failed', attempt: Number(attempt[1]), error: attempt[2]! };
  const gaveUp = /^not sent after (\d+) attempts \((.*)\)$/s.exec(stored);
  if (gaveUp) return { code: 'gave-up', attempts: Number(gaveUp[1]), error: gaveUp[2] === 'no error recorded' ? undefined : gaveUp[2] };
  return { code: 'as-recorded', text: stored };
}

/**
 * Where a notice stands, as a concern's history keeps it — what is true now, never "told" before
 * it happened: queued (nothing recorded yet), retrying (the channel did not take it this time),
 * sent by Teams or by e-mail, or failed; the reason as the delivery recorded it. Whoever shows it
 * words it in their reader's language.
 */
export interface NoticeState {
  readonly outcome: 'queued' | NoticeDelivery['outcome'];
  readonly channel?: NoticeDelivery['channel'] | undefined;
  readonly reason?: string | undefined;
}

/** Where a notice stands from its last recorded attempt (none: still queued). */
export function noticeStateOf(delivery: Pick<NoticeDelivery, 'channel' | 'outcome' | 'detail'> | undefined): NoticeState {
  if (!delivery) return { outcome: 'queued' };
  return delivery.outcome === 'sent' ? { outcome: 'sent', channel: delivery.channel } : { outcome: delivery.outcome, channel: delivery.channel, reason: delivery.detail };
}

/**
 * The delivery policy's "a few": a notice is tried in Teams on its first attempts only; from the
 * attempt after this many, the job sends it by e-mail instead (the runner's backoff makes three
 * attempts about a quarter of an hour), so a Teams outage delays a notice but never loses it.
 */
export const TEAMS_ATTEMPTS_BEFORE_EMAIL = 3;

/** Whether a member is tried in Teams first: they have an Entra identity and are not reached by e-mail only. */
export function reachableInTeams(member: Pick<CoreGroupMember, 'aadObjectId' | 'reach'>): boolean {
  return Boolean(member.aadObjectId) && member.reach !== 'email-only';
}

/**
 * The channel of one attempt at a notice: Teams for someone reachable there, until the attempts
 * allowed to Teams are used up (`attempt` counts from 1); e-mail otherwise.
 */
export function channelOfAttempt(member: Pick<CoreGroupMember, 'aadObjectId' | 'reach'>, attempt: number): 'teams' | 'email' {
  return reachableInTeams(member) && attempt <= TEAMS_ATTEMPTS_BEFORE_EMAIL ? 'teams' : 'email';
}

/** The last recorded attempt at each notice (kind, subject, person): what is true of it now. */
export function latestDeliveries<D extends NoticeDelivery>(deliveries: readonly D[]): D[] {
  const latest = new Map<string, D>();
  const inOrder = [...deliveries].sort((a, b) => a.at.localeCompare(b.at) || (a.attempt ?? 0) - (b.attempt ?? 0));
  for (const delivery of inOrder) latest.set(`${delivery.kind}:${delivery.subjectId}:${delivery.memberId}`, delivery);
  return [...latest.values()];
}

/** The notices whose last attempt failed for good: they stay failed until a later attempt (a resend) goes. */
export function failedNotices<D extends NoticeDelivery>(deliveries: readonly D[]): D[] {
  return latestDeliveries(deliveries).filter((delivery) => delivery.outcome === 'failed');
}
