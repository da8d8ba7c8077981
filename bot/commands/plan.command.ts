import { planCard } from '../cards/plan.card';
import { type Command, aboutFirstCoreGroup } from './command';

/** `/coregroup plan`: the current child protection plan of the caller's first core group. */
export const planCommand: Command = {
  personalOnly: true,
  run: aboutFirstCoreGroup(async (coreGroup, request, services) => planCard(await services.status.planOf(request.caller, coreGroup.id))),
};
