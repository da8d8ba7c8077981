import type { ConcernNotificationJob } from '../../contracts/jobs.contract';
import { wordsIn } from '../../i18n/words';
import { areaContactAsRecipient } from '../../domain/concern-steps';
import type { CoreGroup, CoreGroupMember } from '../../domain/core-group';
import { uuidFromKey } from '../deterministic-id';
import { channelOfAttempt, noticeStateOf, storedNoticeReason } from '../../domain/notice-delivery';
import type { AreaContactRepository, ConcernHistoryRepository, ConcernRepository, CoreGroupRepository, Job, JobQueue } from '../ports/store.port';
import { decisionNotice, stepNotice } from './concern-notice-content';
import { type NoticePolicyDeps, type NoticeRun, deliverNotice, recordDeadNotice, senderOf } from './notice-policy';
import { type RecordDeliveryOutcome, deliverRecord } from './teams-first';

/**
 * The id of the one recorded outcome of a concern's notice to one member (a dead-lettered job
 * records under it too): the raising's as it always was, a later step's or a decision's its own.
 */
export function concernNoticeDeliveryId(concernId: string, memberId: string, about?: string): string {
  return uuidFromKey(about ? `notice-delivery:concern:${concernId}:${about}:${memberId}` : `notice-delivery:concern:${concernId}:${memberId}`);
}

/** What a notice job is about, in its keys: the raising (none), a later step, or a decision. */
function aboutOf(job: ConcernNotificationJob): string | undefined {
  if (job.transitionId) return job.transitionId;
  return job.step ? `step-${job.step}` : undefined;
}

/** The member a concern notice is for: by member id, or by Teams identity for jobs queued before that. */
export function recipientOf(job: ConcernNotificationJob, members: readonly CoreGroupMember[]): CoreGroupMember | undefined {
  return members.find((member) => (job.recipientMemberId ? member.id === job.recipientMemberId : member.aadObjectId === job.recipientAadObjectId));
}

type NoticeDeps = NoticePolicyDeps & {
  coreGroups: Pick<CoreGroupRepository, 'findById' | 'members'>;
  concerns: Pick<ConcernRepository, 'listByCoreGroup'>;
  concernHistory: Pick<ConcernHistoryRepository, 'find' | 'record'>;
  areaContacts: Pick<AreaContactRepository, 'list'>;
  jobs: Pick<JobQueue, 'enqueue'>;
  organiserMailbox?: string | undefined;
};

/**
 * Tells one person a concern is routed to, 1:1: what it is about, who raised it and what the
 * escalation procedure asks of them at the step it reached — or, to the member who asked for an
 * extra core group and the lead social worker, that it was granted or refused. In Teams where the
 * app can reach them, otherwise by a plain-text e-mail from the organiser mailbox (case reference
 * only, without the note or reason: free text may name the child). A member's outcome is recorded
 * in the notice deliveries, everyone's (area contacts too) as `told` on the concern's history;
 * someone reachable neither way is recorded as failed with the reason; throttling and outages are
 * thrown, for the runner to retry.
 */
export function createConcernNotices(deps: NoticeDeps) {
  /** The person a job is for: a member of the group, or one of its area's contacts (reached like a member). */
  async function personOf(job: ConcernNotificationJob, coreGroup: CoreGroup, members: readonly CoreGroupMember[]): Promise<CoreGroupMember | undefined> {
    if (!job.recipientAreaContactId) return recipientOf(job, members);
    const contacts = await deps.areaContacts.list(coreGroup.tenantId, coreGroup.policyId);
    const contact = contacts.find((candidate) => candidate.id === job.recipientAreaContactId);
    return contact ? areaContactAsRecipient(contact) : undefined;
  }

  /** A told entry on the concern's history: how the notice of this job went to this person. */
  async function recordTold(options: { job: ConcernNotificationJob; person: CoreGroupMember; step: number; outcome: RecordDeliveryOutcome }): Promise<void> {
    const { job, person } = options;
    await deps.concernHistory.record({ id: uuidFromKey(`concern-told:${job.concernId}:${aboutOf(job) ?? 'raised'}:${person.id}`), concernId: job.concernId, step: options.step, kind: 'told', actorId: person.id, actorName: person.displayName, notice: noticeStateOf(options.outcome), at: deps.clock.nowIso() });
  }

  return {
    /**
     * A member is sent the notice through the one delivery policy (each attempt recorded in the
     * notice deliveries); an area contact, who is not a member, the same way with the outcome kept
     * on the concern's history only.
     */
    async notify(job: ConcernNotificationJob, run?: NoticeRun): Promise<void> {
      const [coreGroup, members, concerns] = await Promise.all([deps.coreGroups.findById(job.coreGroupId), deps.coreGroups.members(job.coreGroupId), deps.concerns.listByCoreGroup(job.coreGroupId)]);
      const concern = concerns.find((candidate) => candidate.id === job.concernId);
      if (!coreGroup || !concern) return;
      const person = await personOf(job, coreGroup, members);
      const decision = job.transitionId ? await deps.concernHistory.find(job.transitionId) : undefined;
      if (!person || (job.transitionId && !decision)) return;
      const notice = decision ? decisionNotice({ coreGroup, concern, decision, person, members }) : stepNotice({ coreGroup, concern, step: job.step ?? 0, members });
      const from = senderOf(deps.organiserMailbox, members);
      // An area's conference chair or co-ordinator is not a member, with no language chosen in Core Group: English.
      const english = notice(wordsIn('en'));
      const outcome = job.recipientAreaContactId
        ? await deliverRecord(deps, { tenantId: job.tenantId, attempt: run?.attempts, member: person, inTeams: english.inTeams, from, mail: async () => english.mail })
        : await deliverNotice(deps, { to: { kind: 'concern', subjectId: concern.id, coreGroupId: coreGroup.id, tenantId: job.tenantId, member: person }, run, recordId: concernNoticeDeliveryId(concern.id, person.id, aboutOf(job)), inTeams: (words) => notice(words).inTeams, from, mail: async (words) => notice(words).mail });
      await recordTold({ job, person, step: decision?.step ?? job.step ?? 0, outcome });
    },

    /**
     * Records a notice whose job is dead as failed for its recipient, on the channel it was trying
     * (unless an outcome is recorded already), on the concern's history too; a member's dead notice
     * also tells the lead social worker (`recordDeadNotice`).
     */
    async recordUndelivered(job: ConcernNotificationJob, dead: Pick<Job, 'id' | 'attempts' | 'lastError'>): Promise<void> {
      const coreGroup = await deps.coreGroups.findById(job.coreGroupId);
      const person = coreGroup ? await personOf(job, coreGroup, await deps.coreGroups.members(job.coreGroupId)) : undefined;
      if (!person) return;
      if (!job.recipientAreaContactId) {
        const to = { kind: 'concern' as const, subjectId: job.concernId, coreGroupId: job.coreGroupId, tenantId: job.tenantId, member: person };
        await recordDeadNotice(deps, { to, dead, recordId: concernNoticeDeliveryId(job.concernId, person.id, aboutOf(job)) });
      }
      const outcome: RecordDeliveryOutcome = { channel: channelOfAttempt(person, dead.attempts), outcome: 'failed', detail: storedNoticeReason({ code: 'gave-up', attempts: dead.attempts, error: dead.lastError }) };
      await recordTold({ job, person, step: job.step ?? 0, outcome });
    },
  };
}

export type ConcernNotices = ReturnType<typeof createConcernNotices>;
