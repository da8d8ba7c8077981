import { APP_INSTALL_JOB, type AppInstallJob } from '../contracts/jobs.contract';
import type { CoreGroupMember } from '../domain/core-group';
import { uuidFromKey } from './deterministic-id';
import type { Clock } from './ports/clock.port';
import type { AppInstallRepository, CoreGroupRepository, JobQueue } from './ports/store.port';
import type { Teamwork } from './ports/teamwork.port';

/**
 * Queues installing the app for someone who joined a core group (at set-up or later), once per
 * joining: someone with a Teams identity only (a parent reached by e-mail has none).
 */
export async function queueAppInstall(jobs: Pick<JobQueue, 'enqueue'>, request: { coreGroup: { id: string; tenantId: string }; member: CoreGroupMember; joinedAt: string }): Promise<void> {
  const { coreGroup, member, joinedAt } = request;
  if (!member.aadObjectId) return;
  const key = `app-install:${coreGroup.id}:${member.id}:${joinedAt}`;
  const payload: AppInstallJob = { tenantId: coreGroup.tenantId, coreGroupId: coreGroup.id, memberId: member.id };
  await jobs.enqueue({ id: uuidFromKey(`job:${key}`), kind: APP_INSTALL_JOB, payload, runAt: joinedAt, idempotencyKey: key, at: joinedAt });
}

/**
 * Installs the app for a member (issue 17), so the bot can reach them 1:1 and post to their
 * activity feed: Graph's install for a user, with the permission that lets the app install only
 * itself. Installed, there already or not allowed by their organisation, the answer is recorded
 * for the person — the lead social worker sees who cannot be reached in Teams, whose notices go by
 * e-mail. Someone removed again before the job ran is not installed for.
 */
export function createAppInstalls(deps: { teamwork: Pick<Teamwork, 'installAppForUser'>; coreGroups: Pick<CoreGroupRepository, 'members'>; appInstalls: Pick<AppInstallRepository, 'record'>; clock: Pick<Clock, 'nowIso'>; teamsAppId: string }) {
  return {
    async install(job: AppInstallJob): Promise<void> {
      const member = (await deps.coreGroups.members(job.coreGroupId)).find((candidate) => candidate.id === job.memberId && candidate.active);
      if (!member?.aadObjectId) return;
      const outcome = await deps.teamwork.installAppForUser(member.aadObjectId, deps.teamsAppId);
      await deps.appInstalls.record({ tenantId: job.tenantId, aadObjectId: member.aadObjectId, outcome, at: deps.clock.nowIso() });
    },
  };
}

export type AppInstalls = ReturnType<typeof createAppInstalls>;
