import type { PlanNotReceivedJob } from '../../contracts/jobs.contract';
import { leadSocialWorkerOf } from '../../domain/core-group';
import { oneLineUserText, plainUserText } from '../../domain/display-text';
import type { PlanNotReceivedMessage } from '../ports/notifier.port';
import type { CoreGroupRepository, JobQueue, MeetingRepository } from '../ports/store.port';
import { nameAndAgency } from './member-label';
import { type NoticeAddress, type NoticePolicyDeps, type NoticeRun, deadNoticeRecorder, deliverNotice, senderOf } from './notice-policy';

/**
 * Tells the lead social worker that a member says the plan has not reached them (seed 003),
 * through the one delivery policy: a Teams 1:1 card where the app can reach them, otherwise an
 * e-mail from the organiser mailbox (or their own); each attempt recorded. It names the case by
 * reference and the member, never the child. A group without an active lead social worker has
 * nobody to tell.
 */
export function createPlanNotReceivedNotices(
  deps: NoticePolicyDeps & { coreGroups: Pick<CoreGroupRepository, 'findById' | 'members'>; meetings: Pick<MeetingRepository, 'findById'>; jobs: Pick<JobQueue, 'enqueue'>; organiserMailbox?: string | undefined },
) {
  const addressOf = async (job: PlanNotReceivedJob): Promise<NoticeAddress | undefined> => {
    const meeting = await deps.meetings.findById(job.meetingId);
    const lead = meeting && leadSocialWorkerOf(await deps.coreGroups.members(meeting.coreGroupId));
    return lead && { kind: 'plan-not-received', subjectId: `${job.meetingId}:${job.memberId}`, coreGroupId: meeting.coreGroupId, tenantId: job.tenantId, member: lead };
  };
  return {
    async notify(job: PlanNotReceivedJob, run?: NoticeRun): Promise<void> {
      const meeting = await deps.meetings.findById(job.meetingId);
      if (!meeting) return;
      const [coreGroup, members, to] = await Promise.all([deps.coreGroups.findById(meeting.coreGroupId), deps.coreGroups.members(meeting.coreGroupId), addressOf(job)]);
      const member = members.find((candidate) => candidate.id === job.memberId);
      if (!coreGroup || !to || !member) return;
      const message: PlanNotReceivedMessage = { kind: 'plan-not-received', caseReference: coreGroup.caseReference, member: nameAndAgency(member), meetingDate: meeting.date.toString(), resending: job.resending };
      await deliverNotice(deps, {
        to,
        run,
        inTeams: ({ t }) => ({ summary: t('notice.planNotReceivedSummary'), message }),
        from: senderOf(deps.organiserMailbox, members),
        mail: async ({ t, dates }) => {
          // Plain text, one line: the subject is a header line, and the body is sent as Text, never HTML.
          const said = { caseReference: oneLineUserText(coreGroup.caseReference), member: plainUserText(message.member), date: dates.date(message.meetingDate) };
          return { subject: t('notice.planNotReceivedMailSubject', said), bodyText: t(message.resending ? 'notice.planNotReceivedResendingMailBody' : 'notice.planNotReceivedMailBody', said) };
        },
      });
    },

    recordUndelivered: deadNoticeRecorder(deps, addressOf),
  };
}

export type PlanNotReceivedNotices = ReturnType<typeof createPlanNotReceivedNotices>;
