import type { CoreGroupMember } from '../../domain/core-group';
import type { Language } from '../../i18n/language';
import { type Words, wordsIn } from '../../i18n/words';
import type { LanguagePreferenceRepository } from '../ports/store.port';
import { oneLineUserText } from '../../domain/display-text';
import { channelOfAttempt, reachableInTeams, storedNoticeReason } from '../../domain/notice-delivery';
import { MailError, type Mailer } from '../ports/mailer.port';
import { DeliveryError, type Notification, type Notifier } from '../ports/notifier.port';

export { reachableInTeams };

/**
 * Sends a message to a member's 1:1 chat when they can be reached in Teams: true when it went,
 * false when the caller should e-mail instead (not in Teams, or never opened a chat with the
 * app). Anything else — throttling, an outage — is thrown, for the job runner to retry.
 */
export async function sentInTeams(notifier: Notifier, member: Pick<CoreGroupMember, 'aadObjectId' | 'reach'>, notification: Omit<Notification, 'to'>): Promise<boolean> {
  if (!member.aadObjectId || !reachableInTeams(member)) return false;
  try {
    await notifier.send({ ...notification, to: { kind: 'person', aadObjectId: member.aadObjectId } });
    return true;
  } catch (error) {
    if (error instanceof DeliveryError && error.code === 'recipient-unreachable') return false;
    throw error;
  }
}

/** How one delivery of a record went: by Teams or by e-mail, sent or failed (and why). */
export interface RecordDeliveryOutcome {
  readonly channel: 'teams' | 'email';
  readonly outcome: 'sent' | 'failed';
  readonly detail?: string | undefined;
}

/** The e-mail sent when Teams cannot reach someone, made only then: a record attached, or a notice on its own. */
export interface RecordMail {
  readonly subject: string;
  readonly bodyText: string;
  readonly attachment?: { readonly name: string; readonly contentType: string; readonly content: Buffer } | undefined;
}

/** What the delivery job of a record needs about one delivery: who, which case and meeting, and the mailbox an e-mail goes from. */
export interface RecordDeliveryOf {
  readonly member: CoreGroupMember;
  readonly caseReference: string;
  readonly meetingDate: string;
  readonly fromMailbox?: string | undefined;
}

/**
 * One delivery job of a record (signed minutes, the plan): reads who it is for — nothing when the
 * record has moved on to another version — delivers it (`deliverRecord`) and records how it went.
 * `inTeams` and `mail` say it in the record's own words; `mail` is given the case reference
 * already on one plain line (a subject is a header line, and the body is sent as Text, never HTML).
 */
export async function runRecordDelivery<Job extends { tenantId: string }, Of extends RecordDeliveryOf>(
  deps: { notifier: Notifier; mailer: Mailer; organiserMailbox?: string | undefined; languages?: Pick<LanguagePreferenceRepository, 'of'> | undefined },
  options: {
    job: Job;
    /** Which attempt of the job this is (from 1): past the attempts allowed to Teams, it goes by e-mail. */
    attempt?: number | undefined;
    source: { deliveryOf(job: Job): Promise<Of | undefined>; recordOutcome(job: Job, outcome: RecordDeliveryOutcome): Promise<void> };
    /** What it says, in the recipient's words (their chosen language; English when they chose none). */
    inTeams: (delivery: Of, words: Words) => Pick<Notification, 'summary' | 'message'>;
    /** The e-mail with the record, given the language the person chose, if they did: else it is in the record's (`coveringMail`). */
    mail: (delivery: Of & { reference: string }, chosen: Language | undefined) => Promise<RecordMail>;
  },
): Promise<void> {
  const { job, source } = options;
  const delivery = await source.deliveryOf(job);
  if (!delivery) return;
  const reference = oneLineUserText(delivery.caseReference);
  const { aadObjectId } = delivery.member;
  const chosen = aadObjectId ? await deps.languages?.of(job.tenantId, aadObjectId) : undefined;
  const words = wordsIn(chosen ?? 'en');
  const inTeams = { ...options.inTeams(delivery, words), ...(words.language === 'en' ? {} : { language: words.language }) };
  const outcome = await deliverRecord(deps, { tenantId: job.tenantId, attempt: options.attempt, member: delivery.member, inTeams, from: delivery.fromMailbox ?? deps.organiserMailbox, mail: () => options.mail({ ...delivery, reference }, chosen) });
  await source.recordOutcome(job, outcome);
}

/**
 * Delivers a record (signed minutes, the plan) to one member: a Teams 1:1 message when they can be
 * reached there (and the attempts allowed to Teams are not used up: `channelOfAttempt`), otherwise
 * an e-mail from `from` with the record attached. Someone reachable
 * neither way, or whose e-mail the mail service refuses, is a failed delivery with the reason, so
 * the lead social worker sees who still needs it; throttling and outages are thrown, for the job
 * runner to retry.
 */
export async function deliverRecord(
  deps: { notifier: Notifier; mailer: Mailer },
  options: { tenantId: string; attempt?: number | undefined; member: CoreGroupMember; inTeams: Pick<Notification, 'summary' | 'message' | 'language'>; from: string | undefined; mail: () => Promise<RecordMail> },
): Promise<RecordDeliveryOutcome> {
  const { member, from } = options;
  const teamsFirst = channelOfAttempt(member, options.attempt ?? 1) === 'teams';
  if (teamsFirst && await sentInTeams(deps.notifier, member, { tenantId: options.tenantId, ...options.inTeams })) return { channel: 'teams', outcome: 'sent' };
  if (!member.email || !from) return { channel: 'email', outcome: 'failed', detail: storedNoticeReason({ code: member.email ? 'no-mailbox' : 'no-address' }) };
  const mail = await options.mail();
  try {
    await deps.mailer.sendMail({ from, to: member.email, ...mail });
  } catch (error) {
    if (error instanceof MailError && error.code === 'mail-refused') return { channel: 'email', outcome: 'failed', detail: storedNoticeReason({ code: 'mail-refused' }) };
    throw error;
  }
  return { channel: 'email', outcome: 'sent' };
}
