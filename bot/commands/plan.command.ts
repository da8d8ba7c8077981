import { planCard } from '../cards/plan.card';
import { type CaseCommand, caseCommand } from './command';

/** `/coregroup plan [case]`: a case's current child protection plan, in the caller's language. */
export const planCase: CaseCommand = {
  verb: 'plan',
  need: 'view-plan',
  card: async (coreGroup, caller, services, words) => planCard(words, await services.status.planOf(caller, coreGroup.id)),
};

export const planCommand = caseCommand(planCase);
