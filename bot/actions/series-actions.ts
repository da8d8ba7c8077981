import type { SeriesPart } from '../../src/contracts/card-actions.contract';
import type { Caller } from '../../src/services/authorise';
import type { BookedSeries } from '../../src/services/scheduling.service';
import type { BotServices } from '../bot-services';
import { bookedSeriesCard } from '../cards/booked-series.card';
import { messageCard } from '../cards/notice.card';

/** What a stale series card is answered with: nothing was changed. */
export const SERIES_CHANGED = 'Nothing was changed: this case’s meetings have changed since this card was sent. Type /coregroup schedule for a fresh card.';

/**
 * The case's current series, when it is the one the pressed card was made for; authorised for the
 * caller (lead social worker or team manager) from the signed activity, never from the card.
 */
export async function seriesPressedOn(services: BotServices, caller: Caller, part: Pick<SeriesPart, 'coreGroupId' | 'meetingId'>): Promise<{ caseReference: string; series: BookedSeries } | undefined> {
  const { caseReference, series } = await services.scheduling.bookedSeries({ caller, coreGroupId: part.coreGroupId });
  return series?.meetingId === part.meetingId ? { caseReference, series } : undefined;
}

/** The case's series after a change, with what was done; or, once it has ended, that a new one may be booked. */
export async function seriesAfterChange(services: BotServices, caller: Caller, request: { coreGroupId: string; note: string }): Promise<object> {
  const { caseReference, series } = await services.scheduling.bookedSeries({ caller, coreGroupId: request.coreGroupId });
  if (!series) return messageCard(`${request.note} No series is booked for case ${caseReference} now: type /coregroup schedule to book one.`);
  return bookedSeriesCard({ coreGroupId: request.coreGroupId, caseReference, series, teamsAppId: services.teamsAppId, note: request.note });
}
