import type { CheckInPromptJob } from '../../contracts/jobs.contract';
import { type CoreGroup, type CoreGroupMember, leadSocialWorkerOf } from '../../domain/core-group';
import { oneLineUserText, plainUserText } from '../../domain/display-text';
import { ukDate } from '../../domain/uk-date';
import type { CaseStatusService } from '../case-status.service';
import type { CheckInRepository, CoreGroupRepository, JobQueue } from '../ports/store.port';
import { type NoticeAddress, type NoticePolicyDeps, type NoticeRun, deadNoticeRecorder, deliverNotice, senderOf } from './notice-policy';
import type { RecordMail } from './teams-first';

/** Who is told that a check-in is missing: the group's active lead social worker. */
export function whoToChase(members: readonly CoreGroupMember[]): CoreGroupMember | undefined {
  return leadSocialWorkerOf(members);
}

/**
 * The e-mail of a check-in prompt to someone Teams cannot reach. This is the seam where a family
 * member's prompt (with its one-time check-in link) plugs in: the default is the professional's,
 * which only says a check-in is due and to open Core Group — no action text (it is case content).
 */
export type CheckInMail = (options: { member: CoreGroupMember; coreGroup: CoreGroup; job: CheckInPromptJob }) => Promise<RecordMail>;

/** A professional's check-in prompt by e-mail: the case reference, and to open Core Group. */
export const professionalCheckInMail: CheckInMail = async ({ coreGroup }) => {
  const reference = oneLineUserText(coreGroup.caseReference);
  return {
    subject: `An action check-in is due — case ${reference}`,
    bodyText: `An action check-in is due for your actions in the core group for case ${reference}. Please open Core Group in Microsoft Teams (or Outlook) and say how each of your actions is going: on track, at risk, done or blocked.`,
  };
};

/**
 * Check-in prompts and chases, as the job runner delivers them, through the one delivery policy
 * (Teams 1:1 first, else e-mail; each attempt recorded). The prompt is the member's current open
 * actions in that core group, and nothing at all when none is open any more (or the plan has
 * ended); the chase tells the lead social worker when nothing came back since the prompt, unless
 * the plan has ended since. Notification previews and e-mails never name the child.
 */
export function createCheckInNotices(
  deps: NoticePolicyDeps & {
    status: Pick<CaseStatusService, 'myActions'>;
    coreGroups: Pick<CoreGroupRepository, 'findById' | 'members'>;
    checkIns: Pick<CheckInRepository, 'listByCoreGroup'>;
    jobs: Pick<JobQueue, 'enqueue'>;
    organiserMailbox?: string | undefined;
    checkInMail?: CheckInMail | undefined;
  },
) {
  const checkInMail = deps.checkInMail ?? professionalCheckInMail;
  const promptAddress = (job: CheckInPromptJob, members: readonly CoreGroupMember[]): NoticeAddress | undefined => {
    const member = members.find((candidate) => candidate.id === job.memberId);
    return member && { kind: 'check-in-prompt', subjectId: job.promptId, coreGroupId: job.coreGroupId, tenantId: job.tenantId, member };
  };
  const chaseAddress = (job: CheckInPromptJob, members: readonly CoreGroupMember[]): NoticeAddress | undefined => {
    const lead = whoToChase(members);
    return lead && { kind: 'chase', subjectId: job.promptId, coreGroupId: job.coreGroupId, tenantId: job.tenantId, member: lead };
  };
  const membersOf = (job: CheckInPromptJob) => deps.coreGroups.members(job.coreGroupId);
  return {
    async prompt(job: CheckInPromptJob, run?: NoticeRun): Promise<void> {
      const [everywhere, coreGroup, members] = await Promise.all([deps.status.myActions({ tenantId: job.tenantId, aadObjectId: job.aadObjectId }), deps.coreGroups.findById(job.coreGroupId), membersOf(job)]);
      const to = promptAddress(job, members);
      const mine = everywhere.filter((item) => item.coreGroupId === job.coreGroupId);
      if (mine.length === 0 || !coreGroup || !to) return;
      const actions = mine.map((item) => ({ coreGroupId: item.coreGroupId, caseReference: item.caseReference, action: item.action }));
      await deliverNotice(deps, {
        to,
        run,
        inTeams: { summary: 'Core Group: please check in on your actions', message: { kind: 'check-in-prompt', actions, promptId: job.promptId } },
        from: senderOf(deps.organiserMailbox, members),
        mail: () => checkInMail({ member: to.member, coreGroup, job }),
      });
    },

    async chase(job: CheckInPromptJob, run?: NoticeRun): Promise<void> {
      const checkIns = await deps.checkIns.listByCoreGroup(job.coreGroupId);
      const answered = checkIns.some((checkIn) => checkIn.memberId === job.memberId && checkIn.recordedAt >= job.promptedAt);
      if (answered) return;
      const [coreGroup, members] = await Promise.all([deps.coreGroups.findById(job.coreGroupId), membersOf(job)]);
      const to = chaseAddress(job, members);
      const silent = members.find((member) => member.id === job.memberId);
      if (!coreGroup || coreGroup.planEndedOn || !to || !silent) return;
      const askedOn = job.promptedAt.slice(0, 10);
      await deliverNotice(deps, {
        to,
        run,
        inTeams: { summary: 'Core Group: a check-in is missing', message: { kind: 'check-in-missing', caseReference: coreGroup.caseReference, memberName: silent.displayName, agency: silent.agency, askedOn } },
        from: senderOf(deps.organiserMailbox, members),
        mail: async () => {
          const reference = oneLineUserText(coreGroup.caseReference);
          return {
            subject: `A check-in is missing — case ${reference}`,
            bodyText: `No check-in yet from ${plainUserText(silent.displayName)} (${plainUserText(silent.agency)}) on their actions in case ${reference}, asked on ${ukDate(askedOn)}. The actions are on the Core Group dashboard.`,
          };
        },
      });
    },

    recordUndeliveredPrompt: deadNoticeRecorder(deps, async (job: CheckInPromptJob) => promptAddress(job, await membersOf(job))),
    recordUndeliveredChase: deadNoticeRecorder(deps, async (job: CheckInPromptJob) => chaseAddress(job, await membersOf(job))),
  };
}

export type CheckInNotices = ReturnType<typeof createCheckInNotices>;
