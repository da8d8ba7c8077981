import { rescheduleMeetingAction } from '../../src/contracts/card-actions.contract';
import { messageCard } from '../cards/notice.card';
import { slotLabel } from '../cards/schedule.card';
import type { CardAction } from './card-action';
import { SERIES_CHANGED, seriesAfterChange, seriesPressedOn } from './series-actions';

/**
 * The Move button: moves the one meeting, or the whole series, to the chosen slot; the calendar
 * tells the attendees. A repeated press changes nothing more. 1:1 only.
 */
export const rescheduleMeetingCardAction: CardAction = {
  answeredIn: 'personal-chat',
  async run({ caller, data }, services) {
    const parsed = rescheduleMeetingAction.safeParse(data);
    if (!parsed.success) return messageCard('Choose a slot, then press Move. Type /coregroup schedule for a fresh card.');
    const { coreGroupId, meetingId, scope, occurrence, slot } = parsed.data;
    const current = await seriesPressedOn(services, caller, parsed.data);
    if (!current) return messageCard(SERIES_CHANGED);
    const startMs = Number(slot);
    const change = await services.scheduling.reschedule({ caller, meetingId, startMs, ...(scope === 'one' ? { occurrenceStartMs: Number(occurrence) } : {}) });
    const when = slotLabel(startMs, startMs + (current.series.next.endMs - current.series.next.startMs));
    const done = scope === 'one' ? `the meeting to ${when}` : `the series to start ${when}`;
    return seriesAfterChange(services, caller, { coreGroupId, note: change === 'changed' ? `✔ Moved ${done}. The invitations have been updated.` : `Already moved: nothing more was changed.` });
  },
};
