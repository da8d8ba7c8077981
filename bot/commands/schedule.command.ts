import { slotsCard } from '../cards/schedule.card';
import { type CaseCommand, caseCommand } from './command';

/** `/coregroup schedule [case]`: slots inside the deadline for a case's next core group (lead social worker, team manager). */
export const scheduleCase: CaseCommand = {
  verb: 'schedule',
  need: 'schedule-meeting',
  notIncluded: 'scheduling meetings, so there is nothing for you to schedule; the lead social worker or team manager does that',
  async card(coreGroup, caller, services) {
    const offer = await services.scheduling.proposeSlots({ caller, coreGroupId: coreGroup.id });
    return slotsCard({ coreGroupId: coreGroup.id, caseReference: coreGroup.caseReference, offer, names: offer.names ?? new Map() });
  },
};

export const scheduleCommand = caseCommand(scheduleCase);
