import { randomUUID } from 'node:crypto';
import { tasksCard } from '../cards/tasks.card';
import type { Command } from './command';

/** `/coregroup tasks`: the plan actions the caller owns, with check-in buttons (a fresh card id each time). */
export const tasksCommand: Command = {
  personalOnly: true,
  async run(request, services) {
    const mine = await services.status.myActions(request.caller);
    return { card: tasksCard(mine.map((item) => ({ coreGroupId: item.coreGroupId, caseReference: item.caseReference, action: item.action })), randomUUID()) };
  },
};
