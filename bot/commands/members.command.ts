import { membersCard } from '../cards/members.card';
import { type CaseCommand, caseCommand } from './command';

/** `/coregroup members [case]`: who is in a case's core group, to add or remove people (lead social worker, team manager). */
export const membersCase: CaseCommand = {
  verb: 'members',
  need: 'manage-members',
  card: async (coreGroup, caller, services, words) => membersCard(words, { coreGroupId: coreGroup.id, ...(await services.members.list({ caller, coreGroupId: coreGroup.id })) }),
};

export const membersCommand = caseCommand(membersCase);
