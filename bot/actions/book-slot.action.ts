import { bookSlotAction } from '../../src/contracts/card-actions.contract';
import { messageCard } from '../cards/notice.card';
import { bookedCard } from '../cards/schedule.card';
import type { CardAction } from './card-action';

/**
 * The Book button: one Teams meeting however often it is pressed — the series, or the extra core
 * group granted (a single meeting) — and the card confirms it without buttons. It names the case and carries the join link, so it is answered in a 1:1 chat only.
 */
export const bookSlotCardAction: CardAction = {
  answeredIn: 'personal-chat',
  async run({ caller, data }, services) {
    const parsed = bookSlotAction.safeParse(data);
    if (!parsed.success) return messageCard('Choose a slot, then press Book. Type /coregroup schedule for fresh slots.');
    const { coreGroupId, concernId, slot, mode, venue } = parsed.data;
    const request = { caller, coreGroupId, startMs: Number(slot), mode, venue };
    const booked = concernId ? await services.scheduling.bookExtra({ ...request, concernId }) : await services.scheduling.book(request);
    return bookedCard({
      caseReference: booked.caseReference,
      startMs: Date.parse(booked.meeting.startsAt ?? ''),
      endMs: Date.parse(booked.meeting.endsAt ?? ''),
      joinUrl: booked.joinUrl ?? booked.meeting.booking?.joinUrl,
      chatReady: booked.chat === 'ready',
      place: booked.meeting.place,
      extra: booked.meeting.grantedBy !== undefined,
    });
  },
};
