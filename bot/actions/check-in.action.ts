import { CHECK_IN_NOTE_LIMIT, checkInAction, checkInNoteOf, checkInWithNote } from '../../src/contracts/card-actions.contract';
import { wordsIn } from '../../src/i18n/words';
import { messageCard } from '../cards/notice.card';
import { type TaskItem, tasksCard } from '../cards/tasks.card';
import type { CardAction } from './card-action';

/**
 * A check-in button: recorded once per prompt, then the same card comes back with the answer in
 * place of the buttons (and the caller's other open actions still to answer — in that case only,
 * when the card was about one case). The card lists the
 * caller's actions and cases, so it is answered in their 1:1 chat only.
 */
export const checkInCardAction: CardAction = {
  answeredIn: 'personal-chat',
  async run({ caller, data, language }, services) {
    const words = wordsIn(language ?? 'en');
    const { t } = words;
    const parsed = checkInAction.safeParse(data);
    if (!parsed.success) return messageCard(t('tasks.unreadable'));
    const note = checkInNoteOf(data, parsed.data.actionId);
    if (note === undefined) return messageCard(t('tasks.noteTooLong', { limit: CHECK_IN_NOTE_LIMIT }));
    // The answer lists what the card listed: that case's actions, or all the caller's.
    const openActions = async (): Promise<TaskItem[]> =>
      (await services.status.myActions(caller))
        .filter((item) => parsed.data.scope !== 'case' || item.coreGroupId === parsed.data.coreGroupId)
        .map((item) => ({ coreGroupId: item.coreGroupId, caseReference: item.caseReference, action: item.action }));
    if (!checkInWithNote.safeParse({ ...parsed.data, note }).success) return tasksCard(words, await openActions(), parsed.data.promptId, t('tasks.blockedNeedsNote'));
    const result = await services.checkIns.record({ caller, ...parsed.data, note });
    const items = await openActions();
    const answered: TaskItem = { coreGroupId: parsed.data.coreGroupId, caseReference: result.caseReference, action: result.action, answered: result.checkIn };
    const index = items.findIndex((item) => item.coreGroupId === answered.coreGroupId && item.action.id === answered.action.id);
    if (index >= 0) items[index] = answered;
    else items.unshift(answered);
    return tasksCard(words, items, parsed.data.promptId);
  },
};
