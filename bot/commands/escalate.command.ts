import { randomUUID } from 'node:crypto';
import { escalateCard } from '../cards/escalate.card';
import { type CaseCommand, caseCommand } from './command';

/** `/coregroup escalate [case]`: the form to raise a concern about a case (family members may too), under the concerns the caller raised and where their notices stand. */
export const escalateCase: CaseCommand = {
  verb: 'escalate',
  need: 'raise-concern',
  card: async (coreGroup, caller, services, words) =>
    escalateCard(words, { coreGroupId: coreGroup.id, caseReference: coreGroup.caseReference, requestId: randomUUID(), raised: await services.concerns.raisedByMe({ caller, coreGroupId: coreGroup.id }) }),
};

export const escalateCommand = caseCommand(escalateCase);
