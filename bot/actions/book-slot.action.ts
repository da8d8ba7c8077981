import { bookSlotAction } from '../../src/contracts/card-actions.contract';
import { messageCard } from '../cards/notice.card';
import { bookedCardOf } from '../cards/schedule.card';
import type { CardAction } from './card-action';

/**
 * The Book button: one Teams meeting however often it is pressed; the card confirms it without
 * buttons. It names the case and carries the join link, so it is answered in a 1:1 chat only.
 */
export const bookSlotCardAction: CardAction = {
  answeredIn: 'personal-chat',
  async run({ caller, data }, services) {
    const parsed = bookSlotAction.safeParse(data);
    if (!parsed.success) return messageCard('Choose a slot, then press Book. Type /coregroup schedule for fresh slots.');
    const { coreGroupId, slot, mode, venue } = parsed.data;
    return bookedCardOf(await services.scheduling.book({ caller, coreGroupId, startMs: Number(slot), mode, venue }));
  },
};
