import { bookedSeriesCard } from '../cards/booked-series.card';
import { extraMeetingCard, extraMeetingSection } from '../cards/extra-meeting.card';
import { slotsCard } from '../cards/schedule.card';
import { type CaseCommand, caseCommand } from './command';

/**
 * `/coregroup schedule [case]`: for a case with a series booked, that series, to move or cancel,
 * and below it slots for an extra core group granted and not booked yet; with no series, the
 * extra core group first when one waits, else slots inside the deadline for its next core group
 * (lead social worker, team manager). In the caller's language.
 */
export const scheduleCase: CaseCommand = {
  verb: 'schedule',
  need: 'schedule-meeting',
  async card(coreGroup, caller, services, words) {
    const request = { caller, coreGroupId: coreGroup.id };
    const [{ series }, extra] = await Promise.all([services.scheduling.bookedSeries(request), services.scheduling.extraMeetingOffer(request)]);
    const ofCase = { coreGroupId: coreGroup.id, caseReference: coreGroup.caseReference };
    if (series) return bookedSeriesCard(words, { ...ofCase, series, teamsAppId: services.teamsAppId, extra: extra && extraMeetingSection(words, { coreGroupId: coreGroup.id, offer: extra }) });
    if (extra) return extraMeetingCard(words, { ...ofCase, offer: extra });
    const offer = await services.scheduling.proposeSlots(request);
    return slotsCard(words, { ...ofCase, offer, names: offer.names ?? new Map() });
  },
};

export const scheduleCommand = caseCommand(scheduleCase);
