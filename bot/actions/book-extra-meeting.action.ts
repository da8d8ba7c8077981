import { bookExtraMeetingAction } from '../../src/contracts/card-actions.contract';
import { wordsIn } from '../../src/i18n/words';
import { messageCard } from '../cards/notice.card';
import { bookedCardOf } from '../cards/schedule.card';
import type { CardAction } from './card-action';

/**
 * Book the extra core group: one single Teams meeting for the granted request however often it is
 * pressed (another slot once it is booked is refused, with its date); the card confirms it without
 * buttons, in the presser's language, in a 1:1 chat only (it names the case and carries the join
 * link).
 */
export const bookExtraMeetingCardAction: CardAction = {
  answeredIn: 'personal-chat',
  async run({ caller, data, language }, services) {
    const words = wordsIn(language ?? 'en');
    const parsed = bookExtraMeetingAction.safeParse(data);
    if (!parsed.success) return messageCard(words.t('booking.unreadable'));
    const { coreGroupId, concernId, slot, mode, venue } = parsed.data;
    return bookedCardOf(words, await services.scheduling.bookExtra({ caller, coreGroupId, concernId, startMs: Number(slot), mode, venue }));
  },
};
