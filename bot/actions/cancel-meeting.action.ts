import { cancelMeetingAction } from '../../src/contracts/card-actions.contract';
import { messageCard } from '../cards/notice.card';
import type { CardAction } from './card-action';
import { SERIES_CHANGED, seriesAfterChange, seriesPressedOn } from './series-actions';

/**
 * The Cancel button: cancels the next meeting or the whole series, with the reason typed (meetings
 * are cancelled only as a last resort); the calendar tells the attendees. A repeated press changes
 * nothing more. 1:1 only.
 */
export const cancelMeetingCardAction: CardAction = {
  answeredIn: 'personal-chat',
  async run({ caller, data }, services) {
    const parsed = cancelMeetingAction.safeParse(data);
    if (!parsed.success) return messageCard('Say why the meeting is cancelled, then press Cancel. Type /coregroup schedule for a fresh card.');
    const { coreGroupId, meetingId, scope, occurrence, reason } = parsed.data;
    // A repeated press after the whole series was cancelled finds no series: it was done already.
    const current = await seriesPressedOn(services, caller, parsed.data);
    if (!current && scope === 'series') return seriesAfterChange(services, caller, { coreGroupId, note: 'Already cancelled: nothing more was changed.' });
    if (!current) return messageCard(SERIES_CHANGED);
    const change = await services.scheduling.cancel({ caller, meetingId, reason, ...(scope === 'one' ? { occurrenceStartMs: Number(occurrence) } : {}) });
    const done = scope === 'one' ? '✔ Cancelled that meeting; the series goes on.' : '✔ Cancelled the series.';
    return seriesAfterChange(services, caller, { coreGroupId, note: change === 'changed' ? `${done} Outlook has sent the cancellation to everyone invited.` : 'Already cancelled: nothing more was changed.' });
  },
};
