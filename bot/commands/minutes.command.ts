import { minutesCard } from '../cards/minutes.card';
import { type CaseCommand, caseCommand } from './command';

/** `/coregroup minutes [case]`: where the minutes of a case's last and next meeting stand. */
export const minutesCase: CaseCommand = {
  verb: 'minutes',
  need: 'view-compliance',
  card: async (coreGroup, caller, services, words) => minutesCard(words, { ...(await services.status.minutesOf(caller, coreGroup.id)), teamsAppId: services.teamsAppId }),
};

export const minutesCommand = caseCommand(minutesCase);
