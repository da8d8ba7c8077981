import { type Caller, authorise } from '../authorise';
import { type BookedSeries, bookedSeriesOf } from './booked-series';
import type { SchedulingDeps } from './scheduling-deps';

/** The booked series of a case, for the person who schedules its meetings (what `/coregroup schedule` shows first). */
export async function bookedSeriesOfCase(deps: SchedulingDeps, request: { caller: Caller; coreGroupId: string }): Promise<{ coreGroupId: string; caseReference: string; series: BookedSeries | undefined }> {
  const { coreGroup } = await authorise(deps, { caller: request.caller, coreGroupId: request.coreGroupId, action: 'schedule-meeting' });
  return { coreGroupId: coreGroup.id, caseReference: coreGroup.caseReference, series: await bookedSeriesOf(deps, { coreGroupId: coreGroup.id }) };
}
