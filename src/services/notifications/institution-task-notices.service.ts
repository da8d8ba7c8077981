import type { InstitutionTaskJob } from '../../contracts/jobs.contract';
import { oneLineUserText } from '../../domain/display-text';
import type { InstitutionTaskMessage } from '../ports/notifier.port';
import type { CoreGroupRepository, InstitutionTaskRepository, JobQueue } from '../ports/store.port';
import { type NoticeAddress, type NoticePolicyDeps, type NoticeRun, deadNoticeRecorder, deliverNotice, senderOf } from './notice-policy';

/**
 * Tells a co-ordinator of their task to write to the head of an institution holding a child's
 * relative (seed 001), through the one delivery policy: a Teams 1:1 card with what to write and
 * to whom, else an e-mail from the organiser mailbox (or the lead social worker's) that names only
 * the case and sends them to the dashboard (the relative's whereabouts stay out of mail); each
 * attempt recorded. Never the child's name. A task already done, or a co-ordinator no longer in
 * the group, when the job runs is not told.
 */
export function createInstitutionTaskNotices(
  deps: NoticePolicyDeps & { coreGroups: Pick<CoreGroupRepository, 'findById' | 'members'>; institutionTasks: Pick<InstitutionTaskRepository, 'findById'>; jobs: Pick<JobQueue, 'enqueue'>; organiserMailbox?: string | undefined },
) {
  const addressOf = async (job: InstitutionTaskJob): Promise<NoticeAddress | undefined> => {
    const coordinator = (await deps.coreGroups.members(job.coreGroupId)).find((member) => member.id === job.memberId && member.active);
    return coordinator && { kind: 'institution-task', subjectId: job.taskId, coreGroupId: job.coreGroupId, tenantId: job.tenantId, member: coordinator };
  };
  return {
    async notify(job: InstitutionTaskJob, run?: NoticeRun): Promise<void> {
      const [coreGroup, members, task, to] = await Promise.all([deps.coreGroups.findById(job.coreGroupId), deps.coreGroups.members(job.coreGroupId), deps.institutionTasks.findById(job.taskId), addressOf(job)]);
      if (!coreGroup || !to || !task || task.coreGroupId !== coreGroup.id || task.letterSentOn) return;
      const message: InstitutionTaskMessage = { kind: 'institution-task', caseReference: coreGroup.caseReference, task: { person: task.person, kind: task.kind, institution: task.institution } };
      await deliverNotice(deps, {
        to,
        run,
        inTeams: ({ t }) => ({ summary: t('notice.institutionSummary'), message }),
        from: senderOf(deps.organiserMailbox, members),
        mail: async ({ t }) => {
          const said = { caseReference: oneLineUserText(coreGroup.caseReference) };
          return { subject: t('notice.institutionMailSubject', said), bodyText: t('notice.institutionMailBody', said) };
        },
      });
    },

    recordUndelivered: deadNoticeRecorder(deps, addressOf),
  };
}

export type InstitutionTaskNotices = ReturnType<typeof createInstitutionTaskNotices>;
