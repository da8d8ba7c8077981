import { randomUUID } from 'node:crypto';
import { escalateCard } from '../cards/escalate.card';
import { type Command, aboutFirstCoreGroup } from './command';

/** `/coregroup escalate`: the form to raise a concern about the caller's first core group. */
export const escalateCommand: Command = {
  personalOnly: true,
  run: aboutFirstCoreGroup((coreGroup) => escalateCard({ coreGroupId: coreGroup.id, caseReference: coreGroup.caseReference, requestId: randomUUID() })),
};
