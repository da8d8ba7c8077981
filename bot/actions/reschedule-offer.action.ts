import { rescheduleOfferAction } from '../../src/contracts/card-actions.contract';
import { wordsIn } from '../../src/i18n/words';
import { rescheduleSlotsCard } from '../cards/booked-series.card';
import { messageCard } from '../cards/notice.card';
import type { CardAction } from './card-action';
import { seriesPressedOn } from './series-actions';

/** "Reschedule this one" / "Reschedule the series": slots from the slot finder to move it to, in the presser's language. Nothing changes yet. 1:1 only. */
export const rescheduleOfferCardAction: CardAction = {
  answeredIn: 'personal-chat',
  async run({ caller, data, language }, services) {
    const words = wordsIn(language ?? 'en');
    const parsed = rescheduleOfferAction.safeParse(data);
    if (!parsed.success) return messageCard(words.t('seriesChange.unreadableOffer'));
    const current = await seriesPressedOn(services, caller, parsed.data);
    if (!current) return messageCard(words.t('seriesChange.changed'));
    const offer = await services.scheduling.proposeSlots({ caller, coreGroupId: parsed.data.coreGroupId });
    const currentEndMs = Number(parsed.data.occurrence) + (current.series.next.endMs - current.series.next.startMs);
    return rescheduleSlotsCard(words, { caseReference: current.caseReference, part: parsed.data, offer, currentEndMs });
  },
};
