import { randomUUID } from 'node:crypto';
import type { Words } from '../../src/i18n/words';
import type { OwnAction } from '../../src/services/case-status.service';
import { tasksCard } from '../cards/tasks.card';
import { escapeCardText } from '../cards/escape';
import { messageCard } from '../cards/notice.card';
import { type CaseCommand, caseCommand } from './command';

/** The check-in card for these actions (a fresh card id each time). */
const cardOf = (words: Words, mine: readonly OwnAction[]) => tasksCard(words, mine.map((item) => ({ coreGroupId: item.coreGroupId, caseReference: item.caseReference, action: item.action })), randomUUID());

/**
 * `/coregroup tasks [case]`: the plan actions the caller owns, with check-in buttons. Without a
 * case, across all their core groups (an overview); with one, in that case alone.
 */
export const tasksCase: CaseCommand = {
  verb: 'tasks',
  need: 'check-in-own-action',
  async card(coreGroup, caller, services, words) {
    const mine = (await services.status.myActions(caller)).filter((item) => item.coreGroupId === coreGroup.id);
    return mine.length > 0 ? cardOf(words, mine) : messageCard(words.t('tasks.noneInCase', { caseReference: escapeCardText(coreGroup.caseReference) }));
  },
  overview: async (caller, services, words) => cardOf(words, await services.status.myActions(caller)),
};

export const tasksCommand = caseCommand(tasksCase);
