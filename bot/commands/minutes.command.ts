import { minutesCard } from '../cards/minutes.card';
import { messageCard } from '../cards/notice.card';
import { type Command, NOT_A_MEMBER } from './command';

/** `/coregroup minutes`: where the minutes of the last and next meeting stand. */
export const minutesCommand: Command = {
  personalOnly: true,
  async run(request, services) {
    const [first] = await services.status.myStatus(request.caller);
    if (!first) return { card: messageCard(NOT_A_MEMBER) };
    return { card: minutesCard(await services.status.minutesOf(request.caller, first.coreGroup.id)) };
  },
};
