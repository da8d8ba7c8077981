import { CASES_IN_FULL, statusCard } from '../cards/status.card';
import { type CaseCommand, caseCommand } from './command';

/**
 * `/coregroup status [case]`: every deadline and whether it is met. Without a case, the overview
 * of all the caller's core groups (one read, nothing else); with one, that case alone.
 */
export const statusCase: CaseCommand = {
  verb: 'status',
  need: 'view-compliance',
  notIncluded: 'seeing deadlines and their status in this app; the lead social worker can tell you what is coming up',
  card: async (coreGroup, caller, services) => statusCard([await services.status.statusOf(caller, coreGroup.id)], services.teamsAppId),
  async overview(caller, services) {
    // A caseload card shows a line a case, without the booked series: they are not read for it.
    const statuses = await services.status.myStatus(caller, { bookedSeriesUpTo: CASES_IN_FULL });
    return statuses.length > 0 ? statusCard(statuses, services.teamsAppId) : undefined;
  },
};

export const statusCommand = caseCommand(statusCase);
