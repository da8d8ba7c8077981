import { NOTICE_UNDELIVERED_JOB, type NoticeUndeliveredJob } from '../../contracts/jobs.contract';
import { type CoreGroupMember, leadSocialWorkerOf } from '../../domain/core-group';
import { channelOfAttempt, type NoticeKind, storedNoticeReason } from '../../domain/notice-delivery';
import { uuidFromKey } from '../deterministic-id';
import type { Clock } from '../ports/clock.port';
import type { Mailer } from '../ports/mailer.port';
import type { Notification, Notifier } from '../ports/notifier.port';
import type { Job, JobQueue, LanguagePreferenceRepository, NoticeDeliveryRepository } from '../ports/store.port';
import type { Language } from '../../i18n/language';
import { type Words, wordsIn } from '../../i18n/words';
import { queueActivity } from './activity-feed.service';
import { deliverRecord, type RecordDeliveryOutcome, type RecordMail } from './teams-first';

/** Who one notice is for and what it is about: the kind, its subject, the member, their group. */
export interface NoticeAddress {
  readonly kind: NoticeKind;
  readonly subjectId: string;
  readonly coreGroupId: string;
  readonly tenantId: string;
  readonly member: CoreGroupMember;
}

/** The job attempt sending a notice (`attempts` counts this one); none when a use case is called outside the runner. */
export type NoticeRun = Pick<Job, 'id' | 'attempts'>;

export interface NoticePolicyDeps {
  readonly notifier: Notifier;
  readonly mailer: Mailer;
  readonly noticeDeliveries: Pick<NoticeDeliveryRepository, 'record'>;
  readonly clock: Pick<Clock, 'nowIso'>;
  /** Where a notice's Teams activity-feed item is queued, once the notice reached the person's chat (none: no feed). */
  readonly feedJobs?: Pick<JobQueue, 'enqueue'> | undefined;
  /** Each person's chosen language: a notice is written in it (none chosen, or none known: English). */
  readonly languages?: Pick<LanguagePreferenceRepository, 'of'> | undefined;
}

/** What a notice says in Teams: its preview (`summary`, also the activity feed's) and its card. */
export type NoticeInTeams = Pick<Notification, 'summary' | 'message'>;

/** The language this person chose, if they chose one: a notice is written in it, else in English (a notice has no Teams locale to follow). */
async function chosenLanguage(deps: Pick<NoticePolicyDeps, 'languages'>, to: NoticeAddress): Promise<Language | undefined> {
  return to.member.aadObjectId && deps.languages ? deps.languages.of(to.tenantId, to.member.aadObjectId) : undefined;
}

/** The id of a notice's final outcome: one per job (a resend is a new job), or per notice outside the runner. */
function outcomeId(to: NoticeAddress, run: NoticeRun | undefined): string {
  return uuidFromKey(`notice-delivery:${run ? `job:${run.id}` : `${to.kind}:${to.subjectId}:${to.member.id}`}`);
}

/** An error as a recorded reason: its name and code, never its message (messages can carry personal data). */
function reasonOf(error: unknown): string {
  const failure = error as { name?: string; code?: string };
  return [failure.name ?? 'Error', failure.code].filter(Boolean).join(':');
}

/**
 * The one delivery policy of every notice to a person (issue 14): a Teams 1:1 card while the
 * attempts allowed to Teams last, else (never installed, blocked, no Teams identity, or Teams
 * failing past `TEAMS_ATTEMPTS_BEFORE_EMAIL`) a plain-text e-mail from `from`. Every attempt is
 * recorded: sent by Teams or e-mail; failed for good, with the reason; or `retrying` when Teams or
 * the mail service is busy or down — that error is thrown again, for the runner to retry.
 */
export async function deliverNotice(
  deps: NoticePolicyDeps,
  options: {
    to: NoticeAddress;
    run: NoticeRun | undefined;
    recordId?: string | undefined;
    /** What it says in Teams, in the recipient's words (a notice not yet in the catalogues gives it as it is). */
    inTeams: NoticeInTeams | ((words: Words) => NoticeInTeams);
    from: string | undefined;
    /** The e-mail, in the recipient's words; given also the language they chose, if they did, for an e-mail that carries a record (`coveringMail`). */
    mail: (words: Words, chosen: Language | undefined) => Promise<RecordMail>;
  },
): Promise<RecordDeliveryOutcome> {
  const { to, run } = options;
  const chosen = await chosenLanguage(deps, to);
  const words = wordsIn(chosen ?? 'en');
  // English is the card's own language: a notification says its language only when it is another.
  const inTeams = { ...(typeof options.inTeams === 'function' ? options.inTeams(words) : options.inTeams), ...(words.language === 'en' ? {} : { language: words.language }) };
  const attempt = run?.attempts ?? 1;
  const recorded = { kind: to.kind, subjectId: to.subjectId, memberId: to.member.id, coreGroupId: to.coreGroupId, jobId: run?.id, attempt };
  try {
    const outcome = await deliverRecord(deps, { tenantId: to.tenantId, attempt, member: to.member, inTeams, from: options.from, mail: () => options.mail(words, chosen) });
    const noticeId = options.recordId ?? outcomeId(to, run);
    await deps.noticeDeliveries.record({ id: noticeId, ...recorded, ...outcome, at: deps.clock.nowIso() });
    if (outcome.channel === 'teams' && outcome.outcome === 'sent') await queueActivity(deps, { to, previewText: inTeams.summary, noticeId, language: words.language });
    return outcome;
  } catch (error) {
    const retry = { channel: channelOfAttempt(to.member, attempt), outcome: 'retrying' as const, detail: storedNoticeReason({ code: 'attempt-failed', attempt, error: reasonOf(error) }) };
    if (run) await deps.noticeDeliveries.record({ id: uuidFromKey(`notice-attempt:${run.id}:${attempt}`), ...recorded, ...retry, at: deps.clock.nowIso() });
    throw error;
  }
}

/**
 * What a dead notice leaves (its attempts used up, or refused for good): the notice recorded
 * failed for its recipient, with the job's last error code, and — once per dead job — the lead
 * social worker told, through the same policy. A dead notice that was itself telling them of one
 * raises nothing more: it shows on the dashboard only, so a dead letter can never loop.
 */
export async function recordDeadNotice(
  deps: Pick<NoticePolicyDeps, 'noticeDeliveries' | 'clock'> & { jobs: Pick<JobQueue, 'enqueue'> },
  options: { to: NoticeAddress; dead: Pick<Job, 'id' | 'attempts' | 'lastError'>; recordId?: string | undefined },
): Promise<void> {
  const { to, dead } = options;
  const at = deps.clock.nowIso();
  await deps.noticeDeliveries.record({
    id: options.recordId ?? outcomeId(to, dead),
    kind: to.kind,
    subjectId: to.subjectId,
    memberId: to.member.id,
    coreGroupId: to.coreGroupId,
    jobId: dead.id,
    attempt: dead.attempts + 1,
    channel: channelOfAttempt(to.member, dead.attempts),
    outcome: 'failed',
    detail: storedNoticeReason({ code: 'gave-up', attempts: dead.attempts, error: dead.lastError }),
    at,
  });
  if (to.kind === 'undelivered') return;
  const key = `notice-undelivered:${dead.id}`;
  const payload: NoticeUndeliveredJob = { tenantId: to.tenantId, coreGroupId: to.coreGroupId, noticeKind: to.kind, memberId: to.member.id, deadJobId: dead.id, attempts: dead.attempts };
  await deps.jobs.enqueue({ id: uuidFromKey(`job:${key}`), kind: NOTICE_UNDELIVERED_JOB, payload, runAt: at, idempotencyKey: key, at });
}

/** A use case's dead-letter recorder: finds the dead notice's recipient (`addressOf`), then `recordDeadNotice`. */
export function deadNoticeRecorder<J>(deps: Parameters<typeof recordDeadNotice>[0], addressOf: (job: J) => Promise<NoticeAddress | undefined>) {
  return async (job: J, dead: Pick<Job, 'id' | 'attempts' | 'lastError'>): Promise<void> => {
    const to = await addressOf(job);
    if (to) await recordDeadNotice(deps, { to, dead });
  };
}

/** The mailbox a notice's e-mail goes from: the organiser mailbox, else the group's lead social worker's own (as meetings are organised). */
export function senderOf(organiserMailbox: string | undefined, members: readonly CoreGroupMember[]): string | undefined {
  return organiserMailbox ?? leadSocialWorkerOf(members)?.email;
}
