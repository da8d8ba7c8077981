import { randomUUID } from 'node:crypto';
import { escalateCard } from '../cards/escalate.card';
import { messageCard } from '../cards/notice.card';
import { type Command, NOT_A_MEMBER } from './command';

/** `/coregroup escalate`: the form to raise a concern about the caller's first core group. */
export const escalateCommand: Command = {
  personalOnly: true,
  async run(request, services) {
    const [first] = await services.status.myStatus(request.caller);
    if (!first) return { card: messageCard(NOT_A_MEMBER) };
    return { card: escalateCard({ coreGroupId: first.coreGroup.id, caseReference: first.coreGroup.caseReference, requestId: randomUUID() }) };
  },
};
