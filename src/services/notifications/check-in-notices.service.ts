import type { CheckInPromptJob } from '../../contracts/jobs.contract';
import { type CoreGroupMember, type MemberInTeams, isInTeams } from '../../domain/core-group';
import type { CaseStatusService } from '../case-status.service';
import type { Notifier } from '../ports/notifier.port';
import type { CheckInRepository, CoreGroupRepository } from '../ports/store.port';
import { type FamilyCheckInMail, promptedByFamilyLink } from './family-check-in-mail';
import { sentInTeams } from './teams-first';

/** Who is told that a check-in is missing: the group's active lead social worker, if they can be reached in Teams. */
export function whoToChase(members: readonly CoreGroupMember[]): CoreGroupMember | undefined {
  return members.find((member) => member.role === 'lead-social-worker' && member.active && member.aadObjectId);
}

/**
 * Check-in prompts and chases, as the job runner delivers them. The prompt is the member's current
 * open actions in that core group, 1:1, and nothing at all when none is open any more (or the
 * plan has ended); the chase tells the lead social worker (1:1) when nothing came back since the
 * prompt, unless the plan has ended since. Notification
 * previews never name the child. A parent or carer Teams cannot reach (e-mail only, no Teams
 * identity, or never opened a chat with the app) is e-mailed a check-in link per action instead
 * (`familyMail`, issue 14 item 6).
 */
export function createCheckInNotices(deps: {
  status: Pick<CaseStatusService, 'myActions'>;
  coreGroups: Pick<CoreGroupRepository, 'findById' | 'members'>;
  checkIns: Pick<CheckInRepository, 'listByCoreGroup'>;
  notifier: Notifier;
  familyMail?: Pick<FamilyCheckInMail, 'send'> | undefined;
}) {
  /**
   * The prompt as a Teams 1:1 card, when the member has open actions here. `unreachable` says what
   * happens when Teams cannot reach them: `retry` fails the job, for the runner to try again;
   * `say-so` answers false, for the caller to e-mail instead.
   */
  const promptInTeams = async (job: CheckInPromptJob, options: { member: MemberInTeams; unreachable: 'retry' | 'say-so' }): Promise<boolean> => {
    const { member } = options;
    const everywhere = await deps.status.myActions({ tenantId: job.tenantId, aadObjectId: member.aadObjectId });
    const mine = everywhere.filter((item) => item.coreGroupId === job.coreGroupId);
    if (mine.length === 0) return true;
    const actions = mine.map((item) => ({ coreGroupId: item.coreGroupId, caseReference: item.caseReference, action: item.action }));
    const notification = { tenantId: job.tenantId, summary: 'Core Group: please check in on your actions', message: { kind: 'check-in-prompt', actions, promptId: job.promptId } } as const;
    if (options.unreachable === 'say-so') return sentInTeams(deps.notifier, member, notification);
    await deps.notifier.send({ ...notification, to: { kind: 'person', aadObjectId: member.aadObjectId } });
    return true;
  };

  return {
    async prompt(job: CheckInPromptJob): Promise<void> {
      const members = await deps.coreGroups.members(job.coreGroupId);
      const member = members.find((candidate) => candidate.id === job.memberId);
      if (!member) return;
      if (member.role !== 'family-member') {
        if (isInTeams(member)) await promptInTeams(job, { member, unreachable: 'retry' });
        return;
      }
      // A parent or carer: in Teams when it reaches them (a guest), otherwise by e-mail with a link.
      if (!promptedByFamilyLink(member) && isInTeams(member) && (await promptInTeams(job, { member, unreachable: 'say-so' }))) return;
      await deps.familyMail?.send(job, member);
    },

    async chase(job: CheckInPromptJob): Promise<void> {
      const checkIns = await deps.checkIns.listByCoreGroup(job.coreGroupId);
      const answered = checkIns.some((checkIn) => checkIn.memberId === job.memberId && checkIn.recordedAt >= job.promptedAt);
      if (answered) return;
      const [coreGroup, members] = await Promise.all([deps.coreGroups.findById(job.coreGroupId), deps.coreGroups.members(job.coreGroupId)]);
      const lead = whoToChase(members);
      const silent = members.find((member) => member.id === job.memberId);
      if (!coreGroup || coreGroup.planEndedOn || !lead?.aadObjectId || !silent) return;
      await deps.notifier.send({
        tenantId: job.tenantId,
        to: { kind: 'person', aadObjectId: lead.aadObjectId },
        summary: 'Core Group: a check-in is missing',
        message: { kind: 'check-in-missing', caseReference: coreGroup.caseReference, memberName: silent.displayName, agency: silent.agency, askedOn: job.promptedAt.slice(0, 10) },
      });
    },
  };
}

export type CheckInNotices = ReturnType<typeof createCheckInNotices>;
