import { rescheduleMeetingAction } from '../../src/contracts/card-actions.contract';
import { wordsIn } from '../../src/i18n/words';
import { messageCard } from '../cards/notice.card';
import type { CardAction } from './card-action';
import { seriesAfterChange, seriesPressedOn } from './series-actions';

/**
 * The Move button: moves the one meeting, or the whole series, to the chosen slot; the calendar
 * tells the attendees. A repeated press changes nothing more. 1:1 only, in the presser's language.
 */
export const rescheduleMeetingCardAction: CardAction = {
  answeredIn: 'personal-chat',
  async run({ caller, data, language }, services) {
    const words = wordsIn(language ?? 'en');
    const { t, dates } = words;
    const parsed = rescheduleMeetingAction.safeParse(data);
    if (!parsed.success) return messageCard(t('seriesChange.unreadableMove'));
    const { coreGroupId, meetingId, scope, occurrence, occurrenceId, slot } = parsed.data;
    const current = await seriesPressedOn(services, caller, parsed.data);
    if (!current) return messageCard(t('seriesChange.changed'));
    const startMs = Number(slot);
    const change = await services.scheduling.reschedule({ caller, meetingId, startMs, ...(scope === 'one' ? { occurrenceStartMs: Number(occurrence), occurrenceId } : {}) });
    const when = dates.timeSpan(startMs, startMs + (current.series.next.endMs - current.series.next.startMs));
    const done = t(scope === 'one' ? 'seriesChange.movedOne' : 'seriesChange.movedSeries', { slot: when });
    return seriesAfterChange(services, caller, { words, coreGroupId, note: change === 'changed' ? done : t('seriesChange.alreadyMoved') });
  },
};
