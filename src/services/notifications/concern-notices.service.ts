import type { ConcernNotificationJob } from '../../contracts/jobs.contract';
import { CONCERN_LABELS, escalationRoute } from '../../domain/escalation';
import type { CoreGroupMember } from '../../domain/core-group';
import { oneLineUserText, plainUserText } from '../../domain/display-text';
import { ukDate } from '../../domain/uk-date';
import { uuidFromKey } from '../deterministic-id';
import type { ConcernRaisedMessage } from '../ports/notifier.port';
import type { ConcernRepository, CoreGroupRepository, Job, JobQueue } from '../ports/store.port';
import { nameAndAgency } from './member-label';
import { type NoticePolicyDeps, type NoticeRun, deliverNotice, recordDeadNotice, senderOf } from './notice-policy';

/** The id of the one recorded outcome of a concern's notice to one member (a dead-lettered job records under it too). */
export function concernNoticeDeliveryId(concernId: string, memberId: string): string {
  return uuidFromKey(`notice-delivery:concern:${concernId}:${memberId}`);
}

/** The member a concern notice is for: by member id, or by Teams identity for jobs queued before that. */
export function recipientOf(job: ConcernNotificationJob, members: readonly CoreGroupMember[]): CoreGroupMember | undefined {
  return members.find((member) => (job.recipientMemberId ? member.id === job.recipientMemberId : member.aadObjectId === job.recipientAadObjectId));
}

/**
 * Tells one person a concern is routed to, 1:1: what it is about, who raised it and what the
 * escalation procedure asks of them first — in Teams where the app can reach them, otherwise by a
 * plain-text e-mail from the organiser mailbox (case reference only, without the note: the note is
 * free text and may name the child). Each outcome is recorded, and someone reachable neither way
 * is recorded as failed with the reason; throttling and outages are thrown, for the runner to retry.
 */
export function createConcernNotices(
  deps: NoticePolicyDeps & {
    coreGroups: Pick<CoreGroupRepository, 'findById' | 'members'>;
    concerns: Pick<ConcernRepository, 'listByCoreGroup'>;
    jobs: Pick<JobQueue, 'enqueue'>;
    organiserMailbox?: string | undefined;
  },
) {
  return {
    async notify(job: ConcernNotificationJob, run?: NoticeRun): Promise<void> {
      const [coreGroup, members, concerns] = await Promise.all([deps.coreGroups.findById(job.coreGroupId), deps.coreGroups.members(job.coreGroupId), deps.concerns.listByCoreGroup(job.coreGroupId)]);
      const concern = concerns.find((candidate) => candidate.id === job.concernId);
      const recipient = recipientOf(job, members);
      if (!coreGroup || !concern || !recipient) return;
      const raiser = members.find((member) => member.id === concern.raisedByMemberId);
      const message: ConcernRaisedMessage = {
        kind: 'concern-raised',
        caseReference: coreGroup.caseReference,
        concern: concern.kind,
        raisedBy: raiser ? nameAndAgency(raiser) : 'a member',
        raisedOn: concern.raisedAt.slice(0, 10),
        note: concern.note ?? '',
        whatNext: escalationRoute(concern.kind).steps[0]!.does,
      };
      await deliverNotice(deps, {
        to: { kind: 'concern', subjectId: concern.id, coreGroupId: coreGroup.id, tenantId: job.tenantId, member: recipient },
        run,
        recordId: concernNoticeDeliveryId(concern.id, recipient.id),
        inTeams: { summary: 'Core Group: a concern has been raised', message },
        from: senderOf(deps.organiserMailbox, members),
        mail: async () => {
          const reference = oneLineUserText(coreGroup.caseReference);
          return {
            subject: `A concern has been raised — case ${reference}`,
            bodyText: `A concern has been raised in the core group for case ${reference}: ${CONCERN_LABELS[concern.kind]}. Raised by ${plainUserText(message.raisedBy)} on ${ukDate(message.raisedOn)}. What the escalation procedure asks of you first: ${message.whatNext}. The details are in the Core Group app; if you cannot open it, contact the lead social worker.`,
          };
        },
      });
    },

    /**
     * Records a notice whose job is dead as failed for its recipient, on the channel it was trying
     * (unless an outcome is recorded already), and tells the lead social worker (`recordDeadNotice`).
     */
    async recordUndelivered(job: ConcernNotificationJob, dead: Pick<Job, 'id' | 'attempts' | 'lastError'>): Promise<void> {
      const recipient = recipientOf(job, await deps.coreGroups.members(job.coreGroupId));
      if (!recipient) return;
      const to = { kind: 'concern' as const, subjectId: job.concernId, coreGroupId: job.coreGroupId, tenantId: job.tenantId, member: recipient };
      await recordDeadNotice(deps, { to, dead, recordId: concernNoticeDeliveryId(job.concernId, recipient.id) });
    },
  };
}

export type ConcernNotices = ReturnType<typeof createConcernNotices>;
