import { bookedSeriesCard } from '../cards/booked-series.card';
import { messageCard } from '../cards/notice.card';
import { slotsCard } from '../cards/schedule.card';
import type { Command } from './command';

/**
 * `/coregroup schedule`: for a case with a series booked, that series, to move or cancel; else
 * slots inside the deadline for the next core group the caller may schedule.
 */
export const scheduleCommand: Command = {
  personalOnly: true,
  async run(request, services) {
    const [group] = await services.scheduling.schedulableFor(request.caller);
    if (!group) return { card: messageCard('You are not the lead social worker or team manager of any core group, so there is nothing for you to schedule.') };
    const { series } = await services.scheduling.bookedSeries({ caller: request.caller, coreGroupId: group.id });
    if (series) return { card: bookedSeriesCard({ coreGroupId: group.id, caseReference: group.caseReference, series, teamsAppId: services.teamsAppId }) };
    const offer = await services.scheduling.proposeSlots({ caller: request.caller, coreGroupId: group.id });
    return { card: slotsCard({ coreGroupId: group.id, caseReference: group.caseReference, offer, names: offer.names ?? new Map() }) };
  },
};
