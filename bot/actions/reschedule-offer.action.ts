import { rescheduleOfferAction } from '../../src/contracts/card-actions.contract';
import { rescheduleSlotsCard } from '../cards/booked-series.card';
import { messageCard } from '../cards/notice.card';
import type { CardAction } from './card-action';
import { SERIES_CHANGED, seriesPressedOn } from './series-actions';

/** "Reschedule this one" / "Reschedule the series": slots from the slot finder to move it to. Nothing changes yet. 1:1 only. */
export const rescheduleOfferCardAction: CardAction = {
  answeredIn: 'personal-chat',
  async run({ caller, data }, services) {
    const parsed = rescheduleOfferAction.safeParse(data);
    if (!parsed.success) return messageCard('Type /coregroup schedule for a fresh card.');
    const current = await seriesPressedOn(services, caller, parsed.data);
    if (!current) return messageCard(SERIES_CHANGED);
    const offer = await services.scheduling.proposeSlots({ caller, coreGroupId: parsed.data.coreGroupId });
    const currentEndMs = Number(parsed.data.occurrence) + (current.series.next.endMs - current.series.next.startMs);
    return rescheduleSlotsCard({ caseReference: current.caseReference, part: parsed.data, offer, currentEndMs });
  },
};
