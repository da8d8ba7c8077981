import type { SeriesPart } from '../../src/contracts/card-actions.contract';
import type { Words } from '../../src/i18n/words';
import type { Caller } from '../../src/services/authorise';
import type { BookedSeries } from '../../src/services/scheduling.service';
import type { BotServices } from '../bot-services';
import { bookedSeriesCard } from '../cards/booked-series.card';
import { escapeCardText } from '../cards/escape';
import { messageCard } from '../cards/notice.card';

/**
 * The case's current series, when it is the one the pressed card was made for; authorised for the
 * caller (lead social worker or team manager) from the signed activity, never from the card.
 */
export async function seriesPressedOn(services: BotServices, caller: Caller, part: Pick<SeriesPart, 'coreGroupId' | 'meetingId'>): Promise<{ caseReference: string; series: BookedSeries } | undefined> {
  const { caseReference, series } = await services.scheduling.bookedSeries({ caller, coreGroupId: part.coreGroupId });
  return series?.meetingId === part.meetingId ? { caseReference, series } : undefined;
}

/** The case's series after a change, with what was done, in the presser's language; or, once it has ended, that a new one may be booked. */
export async function seriesAfterChange(services: BotServices, caller: Caller, request: { words: Words; coreGroupId: string; note: string }): Promise<object> {
  const { words, note } = request;
  const { caseReference, series } = await services.scheduling.bookedSeries({ caller, coreGroupId: request.coreGroupId });
  if (!series) return messageCard(words.t('seriesChange.ended', { note, caseReference: escapeCardText(caseReference) }));
  return bookedSeriesCard(words, { coreGroupId: request.coreGroupId, caseReference, series, teamsAppId: services.teamsAppId, note });
}
