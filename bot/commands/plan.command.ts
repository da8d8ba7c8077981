import { messageCard } from '../cards/notice.card';
import { planCard } from '../cards/plan.card';
import { type Command, NOT_A_MEMBER } from './command';

/** `/coregroup plan`: the current child protection plan of the caller's first core group. */
export const planCommand: Command = {
  personalOnly: true,
  async run(request, services) {
    const [first] = await services.status.myStatus(request.caller);
    if (!first) return { card: messageCard(NOT_A_MEMBER) };
    return { card: planCard(await services.status.planOf(request.caller, first.coreGroup.id)) };
  },
};
