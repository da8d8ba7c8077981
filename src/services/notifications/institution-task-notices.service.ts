import type { InstitutionTaskJob } from '../../contracts/jobs.contract';
import { leadSocialWorkerOf } from '../../domain/core-group';
import { institutionTaskText } from '../../domain/institution-task';
import { plainUserText } from '../../domain/display-text';
import type { Mailer } from '../ports/mailer.port';
import type { InstitutionTaskMessage, Notifier } from '../ports/notifier.port';
import type { CoreGroupRepository, InstitutionTaskRepository } from '../ports/store.port';
import { sentInTeams } from './teams-first';

/**
 * Tells a co-ordinator of their task to write to the head of an institution holding a child's
 * relative (seed 001): a Teams 1:1 card with what to write and to whom, else an e-mail from the
 * organiser mailbox (or the lead social worker's) that names only the case and sends them to the dashboard (the relative's
 * whereabouts stay out of mail). Never the child's name. A task already done, or a co-ordinator
 * no longer in the group, when the job runs is not told.
 */
export function createInstitutionTaskNotices(deps: { coreGroups: Pick<CoreGroupRepository, 'findById' | 'members'>; institutionTasks: Pick<InstitutionTaskRepository, 'findById'>; notifier: Notifier; mailer: Mailer; organiserMailbox?: string | undefined }) {
  return {
    async notify(job: InstitutionTaskJob): Promise<void> {
      const [coreGroup, members, task] = await Promise.all([deps.coreGroups.findById(job.coreGroupId), deps.coreGroups.members(job.coreGroupId), deps.institutionTasks.findById(job.taskId)]);
      const coordinator = members.find((member) => member.id === job.memberId && member.active);
      if (!coreGroup || !coordinator || !task || task.coreGroupId !== coreGroup.id || task.letterSentOn) return;
      const message: InstitutionTaskMessage = { kind: 'institution-task', caseReference: coreGroup.caseReference, task: institutionTaskText(task) };
      if (await sentInTeams(deps.notifier, coordinator, { tenantId: job.tenantId, summary: 'Core Group: a letter to write to an institution', message })) return;
      const from = deps.organiserMailbox ?? leadSocialWorkerOf(members)?.email;
      if (!coordinator.email || !from) return;
      const reference = plainUserText(coreGroup.caseReference).replace(/\s+/g, ' ');
      await deps.mailer.sendMail({
        from,
        to: coordinator.email,
        subject: `A letter to write to an institution — case ${reference}`,
        bodyText: `A relative of the child in case ${reference} is in an institution. As co-ordinator, please write to the head of the institution with the relevant details, including who to contact if the person absconds or is about to be discharged. Who and where are on the Core Group dashboard, where you mark the task done with the date the letter went.`,
      });
    },
  };
}

export type InstitutionTaskNotices = ReturnType<typeof createInstitutionTaskNotices>;
