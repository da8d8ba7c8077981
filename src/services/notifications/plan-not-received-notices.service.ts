import type { PlanNotReceivedJob } from '../../contracts/jobs.contract';
import { leadSocialWorkerOf } from '../../domain/core-group';
import { oneLineUserText, plainUserText } from '../../domain/display-text';
import { ukDate } from '../../domain/uk-date';
import type { Mailer } from '../ports/mailer.port';
import type { Notifier, PlanNotReceivedMessage } from '../ports/notifier.port';
import type { CoreGroupRepository, MeetingRepository } from '../ports/store.port';
import { nameAndAgency } from './member-label';
import { sentInTeams } from './teams-first';

/**
 * Tells the lead social worker that a member says the plan has not reached them (seed 003): a
 * Teams 1:1 card where the app can reach them, otherwise an e-mail from the organiser mailbox (or
 * their own). It names the case by reference and the member, never the child. A group without an
 * active lead social worker, or one reachable neither way, has nobody to tell: the runner logs it.
 */
export function createPlanNotReceivedNotices(deps: {
  coreGroups: Pick<CoreGroupRepository, 'findById' | 'members'>;
  meetings: Pick<MeetingRepository, 'findById'>;
  notifier: Notifier;
  mailer: Mailer;
  organiserMailbox?: string | undefined;
}) {
  return {
    async notify(job: PlanNotReceivedJob): Promise<void> {
      const meeting = await deps.meetings.findById(job.meetingId);
      if (!meeting) return;
      const [coreGroup, members] = await Promise.all([deps.coreGroups.findById(meeting.coreGroupId), deps.coreGroups.members(meeting.coreGroupId)]);
      const lead = leadSocialWorkerOf(members);
      const member = members.find((candidate) => candidate.id === job.memberId);
      if (!coreGroup || !lead || !member) return;
      const message: PlanNotReceivedMessage = { kind: 'plan-not-received', caseReference: coreGroup.caseReference, member: nameAndAgency(member), meetingDate: meeting.date.toString(), resending: job.resending };
      if (await sentInTeams(deps.notifier, lead, { tenantId: job.tenantId, summary: 'Core Group: a member has not received the plan', message })) return;
      const from = deps.organiserMailbox ?? lead.email;
      if (!lead.email || !from) return;
      // Plain text, one line: the subject is a header line, and the body is sent as Text, never HTML.
      const reference = oneLineUserText(coreGroup.caseReference);
      await deps.mailer.sendMail({
        from,
        to: lead.email,
        subject: `The plan has not reached a member — case ${reference}`,
        bodyText: `${plainUserText(message.member)} says the child protection plan circulated after the core group meeting of ${ukDate(message.meetingDate)} for case ${reference} has not reached them. ${message.resending ? 'It is being sent to them again; check in the Core Group tab that it arrives.' : 'The plan has not been circulated from the app yet: circulate it from the minutes of that meeting in the Core Group tab.'}`,
      });
    },
  };
}

export type PlanNotReceivedNotices = ReturnType<typeof createPlanNotReceivedNotices>;
