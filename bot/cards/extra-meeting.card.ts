import { BOOK_EXTRA_MEETING_VERB, type BookExtraMeetingAction } from '../../src/contracts/card-actions.contract';
import { EXTRA_MEETING_WINDOW_WORKING_DAYS } from '../../src/domain/extra-meeting';
import type { Words } from '../../src/i18n/words';
import type { ExtraMeetingOffer } from '../../src/services/scheduling.service';
import { adaptiveCard, executeAction, heading, line } from './card';
import { escapeCardText } from './escape';
import { bookingInputs } from './schedule.card';

/**
 * The extra core group granted (seed 001) and not booked yet, as card elements in the reader's
 * language: slots for that one meeting, soonest first, and the button that books it as a single
 * Teams meeting beside the series. Nothing in it is typed by a person, so there is nothing to escape.
 */
export function extraMeetingSection(words: Words, options: { coreGroupId: string; offer: ExtraMeetingOffer }): object[] {
  const { t, dates } = words;
  const { offer } = options;
  const slots = offer.proposal.slots;
  const data: Pick<BookExtraMeetingAction, 'coreGroupId' | 'concernId'> = { coreGroupId: options.coreGroupId, concernId: offer.concernId };
  const within = dates.date(offer.within);
  const period = t('caseDeadline.period.working-days', { count: EXTRA_MEETING_WINDOW_WORKING_DAYS });
  return [
    { type: 'TextBlock', text: t('extraBooking.granted', { date: dates.date(offer.grantedOn) }), weight: 'Bolder', wrap: true, separator: true, spacing: 'Large' },
    line(t('extraBooking.within', { period, date: within }), { isSubtle: true }),
    ...(slots.length === 0
      ? [line(t('extraBooking.noSlot'))]
      : [...bookingInputs(words, slots, t('extraBooking.after', { date: within })), { type: 'ActionSet', actions: [executeAction(BOOK_EXTRA_MEETING_VERB, t('extraBooking.book'), data, { inputs: true })] }]),
  ];
}

/** `/coregroup schedule` on a case with no series running and an extra core group granted: that one meeting first (the series is offered once it is booked). */
export function extraMeetingCard(words: Words, options: { coreGroupId: string; caseReference: string; offer: ExtraMeetingOffer }): object {
  return adaptiveCard([heading(words.t('extraBooking.title', { caseReference: escapeCardText(options.caseReference) })), ...extraMeetingSection(words, options)]);
}
