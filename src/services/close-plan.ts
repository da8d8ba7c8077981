import type { CivilDate } from '../domain/civil-date';
import type { CoreGroup } from '../domain/core-group';
import type { CoreGroupRepository } from './ports/store.port';
import type { SchedulingService } from './scheduling.service';

export interface ClosePlanDeps {
  readonly coreGroups: Pick<CoreGroupRepository, 'endPlan'>;
  /** Cancels the booked meetings after the day a plan ended. */
  readonly scheduling: Pick<SchedulingService, 'endSeriesAfter'>;
}

/**
 * Ends a case's plan here on a day — at a review conference that ended it, or when the case
 * transferred out (`transferredTo`) — and with it the group's rhythm: nothing after that day is
 * due, and its booked meetings after it are cancelled in Outlook with the reason. Prompts, chases
 * and the hourly watch stop by themselves for a group whose plan has ended.
 */
export async function closePlan(deps: ClosePlanDeps, request: { coreGroup: Pick<CoreGroup, 'id' | 'tenantId'>; on: CivilDate; reason: string; transferredTo?: string | undefined }): Promise<void> {
  const { coreGroup, on } = request;
  await deps.coreGroups.endPlan(coreGroup.id, on, request.transferredTo);
  await deps.scheduling.endSeriesAfter({ coreGroup, after: on, reason: request.reason });
}
