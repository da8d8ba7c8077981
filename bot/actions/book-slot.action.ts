import { bookSlotAction } from '../../src/contracts/card-actions.contract';
import { wordsIn } from '../../src/i18n/words';
import { messageCard } from '../cards/notice.card';
import { bookedCardOf } from '../cards/schedule.card';
import type { CardAction } from './card-action';

/**
 * The Book button: one Teams meeting however often it is pressed; the card confirms it without
 * buttons, in the presser's language. It names the case and carries the join link, so it is
 * answered in a 1:1 chat only.
 */
export const bookSlotCardAction: CardAction = {
  answeredIn: 'personal-chat',
  async run({ caller, data, language }, services) {
    const words = wordsIn(language ?? 'en');
    const parsed = bookSlotAction.safeParse(data);
    if (!parsed.success) return messageCard(words.t('booking.unreadable'));
    const { coreGroupId, slot, mode, venue } = parsed.data;
    return bookedCardOf(words, await services.scheduling.book({ caller, coreGroupId, startMs: Number(slot), mode, venue }));
  },
};
