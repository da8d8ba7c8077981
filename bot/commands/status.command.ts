import { CASES_IN_FULL, CASES_LISTED, statusCard } from '../cards/status.card';
import { type CaseCommand, caseCommand } from './command';

/**
 * `/coregroup status [case]`: every deadline and whether it is met. Without a case, the overview
 * of all the caller's core groups (one read, nothing else); with one, that case alone.
 */
export const statusCase: CaseCommand = {
  verb: 'status',
  need: 'view-compliance',
  card: async (coreGroup, caller, services, words) => statusCard(words, [await services.status.statusOf(caller, coreGroup.id)], services.teamsAppId),
  async overview(caller, services, words) {
    // A caseload card lists the most pressing cases a line each, without their booked series:
    // only those listed are returned (and audited as seen), and no series is read for them.
    const { statuses, total, pressingNotShown } = await services.status.myStatus(caller, { bookedSeriesUpTo: CASES_IN_FULL, shown: CASES_LISTED });
    return total > 0 ? statusCard(words, statuses, services.teamsAppId, { total, pressing: pressingNotShown }) : undefined;
  },
};

export const statusCommand = caseCommand(statusCase);
