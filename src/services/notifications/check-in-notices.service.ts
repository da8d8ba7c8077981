import type { CheckInPromptJob } from '../../contracts/jobs.contract';
import { type CoreGroup, type CoreGroupMember, leadSocialWorkerOf } from '../../domain/core-group';
import { oneLineUserText, plainUserText } from '../../domain/display-text';
import type { Words } from '../../i18n/words';
import type { CaseStatusService } from '../case-status.service';
import type { CheckInRepository, CoreGroupRepository, JobQueue } from '../ports/store.port';
import { type NoticeAddress, type NoticePolicyDeps, type NoticeRun, deadNoticeRecorder, deliverNotice, senderOf } from './notice-policy';
import { type FamilyCheckInMail } from './family-check-in-mail';
import type { RecordMail } from './teams-first';

/** Who is told that a check-in is missing: the group's active lead social worker. */
export function whoToChase(members: readonly CoreGroupMember[]): CoreGroupMember | undefined {
  return leadSocialWorkerOf(members);
}

/** A professional's check-in prompt by e-mail, in their words: the case reference, and to open Core Group — no action text (it is case content). */
function professionalCheckInMail({ t }: Words, coreGroup: Pick<CoreGroup, 'caseReference'>): RecordMail {
  const caseReference = oneLineUserText(coreGroup.caseReference);
  return { subject: t('notice.checkInMailSubject', { caseReference }), bodyText: t('notice.checkInMailBody', { caseReference }) };
}

/**
 * Check-in prompts and chases, as the job runner delivers them, through the one delivery policy
 * (Teams 1:1 first, else e-mail; each attempt recorded). The prompt is the member's current open
 * actions in that core group, and nothing at all when none is open any more (or the plan has
 * ended); the chase tells the lead social worker when nothing came back since the prompt, unless
 * the plan has ended since. Notification previews and e-mails never name the child. A parent or
 * carer Teams cannot reach is e-mailed one check-in link per open action (`familyMail`, issue 14
 * item 6) — they may have no Teams identity at all, so their open actions are read from the plan.
 */
export function createCheckInNotices(
  deps: NoticePolicyDeps & {
    status: Pick<CaseStatusService, 'myActions'>;
    coreGroups: Pick<CoreGroupRepository, 'findById' | 'members'>;
    checkIns: Pick<CheckInRepository, 'listByCoreGroup'>;
    jobs: Pick<JobQueue, 'enqueue'>;
    organiserMailbox?: string | undefined;
    familyMail?: Pick<FamilyCheckInMail, 'hasOpenActions' | 'mail'> | undefined;
  },
) {
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
      const [coreGroup, members] = await Promise.all([deps.coreGroups.findById(job.coreGroupId), membersOf(job)]);
      const to = promptAddress(job, members);
      if (!coreGroup || !to) return;
      const { member } = to;
      const everywhere = member.aadObjectId ? await deps.status.myActions({ tenantId: job.tenantId, aadObjectId: member.aadObjectId }) : [];
      const mine = everywhere.filter((item) => item.coreGroupId === job.coreGroupId);
      const familyMail = member.role === 'family-member' ? deps.familyMail : undefined;
      if (mine.length === 0 && !(familyMail && !coreGroup.planEndedOn && (await familyMail.hasOpenActions(job, member)))) return;
      const actions = mine.map((item) => ({ coreGroupId: item.coreGroupId, caseReference: item.caseReference, action: item.action }));
      await deliverNotice(deps, {
        to,
        run,
        inTeams: ({ t }) => ({ summary: t('notice.checkInSummary'), message: { kind: 'check-in-prompt', actions, promptId: job.promptId } }),
        from: senderOf(deps.organiserMailbox, members),
        mail: async (words) => (familyMail ? familyMail.mail({ member, coreGroup, job }) : professionalCheckInMail(words, coreGroup)),
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
        inTeams: ({ t }) => ({ summary: t('notice.missingSummary'), message: { kind: 'check-in-missing', caseReference: coreGroup.caseReference, memberName: silent.displayName, agency: silent.agency, askedOn } }),
        from: senderOf(deps.organiserMailbox, members),
        mail: async ({ t, dates }) => {
          const said = { caseReference: oneLineUserText(coreGroup.caseReference), name: plainUserText(silent.displayName), agency: plainUserText(silent.agency), date: dates.date(askedOn) };
          return { subject: t('notice.missingMailSubject', said), bodyText: t('notice.missingMailBody', said) };
        },
      });
    },

    recordUndeliveredPrompt: deadNoticeRecorder(deps, async (job: CheckInPromptJob) => promptAddress(job, await membersOf(job))),
    recordUndeliveredChase: deadNoticeRecorder(deps, async (job: CheckInPromptJob) => chaseAddress(job, await membersOf(job))),
  };
}

export type CheckInNotices = ReturnType<typeof createCheckInNotices>;
