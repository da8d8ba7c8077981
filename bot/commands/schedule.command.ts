import { bookedSeriesCard } from '../cards/booked-series.card';
import { slotsCard } from '../cards/schedule.card';
import { type CaseCommand, caseCommand } from './command';

/**
 * `/coregroup schedule [case]`: for a case with a series booked, that series, to move or cancel;
 * else slots inside the deadline for its next core group (lead social worker, team manager).
 */
export const scheduleCase: CaseCommand = {
  verb: 'schedule',
  need: 'schedule-meeting',
  notIncluded: 'scheduling meetings, so there is nothing for you to schedule; the lead social worker or team manager does that',
  async card(coreGroup, caller, services) {
    const { series } = await services.scheduling.bookedSeries({ caller, coreGroupId: coreGroup.id });
    if (series) return bookedSeriesCard({ coreGroupId: coreGroup.id, caseReference: coreGroup.caseReference, series, teamsAppId: services.teamsAppId });
    const offer = await services.scheduling.proposeSlots({ caller, coreGroupId: coreGroup.id });
    return slotsCard({ coreGroupId: coreGroup.id, caseReference: coreGroup.caseReference, offer, names: offer.names ?? new Map() });
  },
};

export const scheduleCommand = caseCommand(scheduleCase);
