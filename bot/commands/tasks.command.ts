import { randomUUID } from 'node:crypto';
import type { OwnAction } from '../../src/services/case-status.service';
import { tasksCard } from '../cards/tasks.card';
import { escapeCardText } from '../cards/escape';
import { messageCard } from '../cards/notice.card';
import { type CaseCommand, caseCommand } from './command';

/** The check-in card for these actions (a fresh card id each time). */
const cardOf = (mine: readonly OwnAction[]) => tasksCard(mine.map((item) => ({ coreGroupId: item.coreGroupId, caseReference: item.caseReference, action: item.action })), randomUUID());

/**
 * `/coregroup tasks [case]`: the plan actions the caller owns, with check-in buttons. Without a
 * case, across all their core groups (an overview); with one, in that case alone.
 */
export const tasksCase: CaseCommand = {
  verb: 'tasks',
  need: 'check-in-own-action',
  notIncluded: 'plan actions to check in on',
  async card(coreGroup, caller, services) {
    const mine = (await services.status.myActions(caller)).filter((item) => item.coreGroupId === coreGroup.id);
    return mine.length > 0 ? cardOf(mine) : messageCard(`You have no open actions in case ${escapeCardText(coreGroup.caseReference)}.`);
  },
  overview: async (caller, services) => cardOf(await services.status.myActions(caller)),
};

export const tasksCommand = caseCommand(tasksCase);
