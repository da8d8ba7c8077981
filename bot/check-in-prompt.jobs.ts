import { z } from 'zod';
import type { JobHandler } from '../src/jobs/job-runner';
import type { CaseStatusService } from '../src/services/case-status.service';
import { CHECK_IN_CHASE_JOB, CHECK_IN_PROMPT_JOB } from '../src/services/check-in-prompts.service';
import type { Notifier } from '../src/services/ports/notifier.port';
import type { CheckInRepository, CoreGroupRepository } from '../src/services/ports/store.port';
import { messageCard } from './cards/notice.card';
import { tasksCard } from './cards/tasks.card';
import { escapeCardText } from './cards/escape';

const payloadSchema = z.object({
  tenantId: z.string().min(1),
  coreGroupId: z.string().uuid(),
  memberId: z.string().min(1),
  aadObjectId: z.string().min(1),
  promptId: z.string().uuid(),
  promptedAt: z.string().datetime({ offset: true }),
});

/**
 * The job handlers behind check-in prompts. The prompt is the member's current open actions in
 * that core group, as a 1:1 card; the chase tells the lead social worker (1:1) when nothing came
 * back. Notification text never names the child.
 */
export function checkInPromptJobs(deps: {
  status: Pick<CaseStatusService, 'myActions'>;
  coreGroups: Pick<CoreGroupRepository, 'findById' | 'members'>;
  checkIns: Pick<CheckInRepository, 'listByCoreGroup'>;
  notifier: Notifier;
}): Record<string, JobHandler> {
  return {
    [CHECK_IN_PROMPT_JOB]: async (raw) => {
      const payload = payloadSchema.parse(raw);
      const mine = (await deps.status.myActions({ tenantId: payload.tenantId, aadObjectId: payload.aadObjectId })).filter((item) => item.coreGroupId === payload.coreGroupId);
      if (mine.length === 0) return;
      await deps.notifier.sendCard({
        tenantId: payload.tenantId,
        recipientKey: `user:${payload.aadObjectId}`,
        card: tasksCard(mine.map((item) => ({ coreGroupId: item.coreGroupId, caseReference: item.caseReference, action: item.action })), payload.promptId),
        summary: 'Core Group: please check in on your actions',
      });
    },
    [CHECK_IN_CHASE_JOB]: async (raw) => {
      const payload = payloadSchema.parse(raw);
      const answered = (await deps.checkIns.listByCoreGroup(payload.coreGroupId)).some((checkIn) => checkIn.memberId === payload.memberId && checkIn.recordedAt >= payload.promptedAt);
      if (answered) return;
      const [coreGroup, members] = await Promise.all([deps.coreGroups.findById(payload.coreGroupId), deps.coreGroups.members(payload.coreGroupId)]);
      const lead = members.find((member) => member.role === 'lead-social-worker' && member.active && member.aadObjectId);
      const silent = members.find((member) => member.id === payload.memberId);
      if (!coreGroup || !lead || !silent) return;
      await deps.notifier.sendCard({
        tenantId: payload.tenantId,
        recipientKey: `user:${lead.aadObjectId}`,
        card: messageCard(`No check-in yet from ${escapeCardText(silent.displayName)} (${escapeCardText(silent.agency)}) on their actions in case ${escapeCardText(coreGroup.caseReference)}, asked on ${payload.promptedAt.slice(0, 10)}.`),
        summary: 'Core Group: a check-in is missing',
      });
    },
  };
}
