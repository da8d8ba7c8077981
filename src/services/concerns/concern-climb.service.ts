import { responseWindow, stepClock } from '../../domain/concern-steps';
import { uuidFromKey } from '../deterministic-id';
import { type PolicyDeps, policyOf } from '../policy-calendar';
import type { AuditLog, ConcernHistoryRepository, ConcernRepository, CoreGroupRepository } from '../ports/store.port';
import { type TellConcernDeps, tellStep } from './tell-concern';

/** What the climb watch reads and writes. */
export type ConcernClimbDeps = TellConcernDeps &
  PolicyDeps & {
    readonly coreGroups: Pick<CoreGroupRepository, 'findById' | 'members'>;
    readonly concerns: Pick<ConcernRepository, 'listByCoreGroup' | 'move'>;
    readonly concernHistory: Pick<ConcernHistoryRepository, 'record'>;
    readonly auditLog: Pick<AuditLog, 'append'>;
  };

/**
 * Climbs a group's open concerns past their step's response window (working days in the area's
 * calendar, from the step's start) to the next step of their route, and tells that step's people;
 * at the last step a concern stays (shown overdue). Run by the hourly watch: a step is climbed by
 * one compare-and-set, so running it twice, or in two server processes at once, climbs it once.
 * The next step's notices are queued again on every run (one key per step and person), so a
 * process that stopped between the climb and its notices leaves nobody untold.
 */
export function createConcernClimb(deps: ConcernClimbDeps) {
  return {
    async climb(coreGroupId: string): Promise<{ climbed: number }> {
      const coreGroup = await deps.coreGroups.findById(coreGroupId);
      if (!coreGroup) return { climbed: 0 };
      const { profile, calendar } = policyOf(deps, coreGroup);
      const asOf = deps.clock.today();
      let climbed = 0;
      for (const concern of await deps.concerns.listByCoreGroup(coreGroupId)) {
        if (concern.status !== 'open') continue;
        let current = concern;
        if (stepClock({ profile, calendar, concern, asOf }).climbs) {
          const at = deps.clock.nowIso();
          const to = { step: concern.step + 1, status: 'open' as const };
          if (await deps.concerns.move({ id: concern.id, from: concern, to, at })) {
            climbed += 1;
            current = { ...concern, ...to, stepStartedAt: at };
            await deps.concernHistory.record({ id: uuidFromKey(`concern-climbed:${concern.id}:${to.step}`), concernId: concern.id, step: to.step, kind: 'climbed', workingDays: responseWindow(profile, concern), at });
            await deps.auditLog.append({ at, tenantId: coreGroup.tenantId, actor: 'concern-climb', action: 'concern-climbed', coreGroupId, targetId: concern.id, outcome: 'allowed' });
          }
        }
        if (current.step > 0) await tellStep(deps, { coreGroup, concern: current });
      }
      return { climbed };
    },
  };
}

export type ConcernClimb = ReturnType<typeof createConcernClimb>;
