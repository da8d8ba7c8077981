import { cancelMeetingAction } from '../../src/contracts/card-actions.contract';
import { wordsIn } from '../../src/i18n/words';
import { messageCard } from '../cards/notice.card';
import type { CardAction } from './card-action';
import { seriesAfterChange, seriesPressedOn } from './series-actions';

/**
 * The Cancel button: cancels the next meeting or the whole series, with the reason typed (meetings
 * are cancelled only as a last resort); the calendar tells the attendees. A repeated press changes
 * nothing more. 1:1 only, in the presser's language.
 */
export const cancelMeetingCardAction: CardAction = {
  answeredIn: 'personal-chat',
  async run({ caller, data, language }, services) {
    const words = wordsIn(language ?? 'en');
    const { t } = words;
    const parsed = cancelMeetingAction.safeParse(data);
    if (!parsed.success) return messageCard(t('seriesChange.unreadableCancel'));
    const { coreGroupId, meetingId, scope, occurrence, occurrenceId, reason } = parsed.data;
    // A repeated press after the whole series was cancelled finds no series: it was done already.
    const current = await seriesPressedOn(services, caller, parsed.data);
    if (!current && scope === 'series') return seriesAfterChange(services, caller, { words, coreGroupId, note: t('seriesChange.alreadyCancelled') });
    if (!current) return messageCard(t('seriesChange.changed'));
    const change = await services.scheduling.cancel({ caller, meetingId, reason, ...(scope === 'one' ? { occurrenceStartMs: Number(occurrence), occurrenceId } : {}) });
    const done = scope === 'one' ? 'seriesChange.cancelledOne' : 'seriesChange.cancelledSeries';
    return seriesAfterChange(services, caller, { words, coreGroupId, note: t(change === 'changed' ? done : 'seriesChange.alreadyCancelled') });
  },
};
