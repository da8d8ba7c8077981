import { BOOK_EXTRA_MEETING_VERB, type BookExtraMeetingAction } from '../../src/contracts/card-actions.contract';
import { EXTRA_MEETING_WINDOW_WORKING_DAYS } from '../../src/domain/extra-meeting';
import { ukDate } from '../../src/domain/uk-date';
import type { ExtraMeetingOffer } from '../../src/services/scheduling.service';
import { adaptiveCard, executeAction, heading, line } from './card';
import { escapeCardText } from './escape';
import { bookingInputs } from './schedule.card';

/**
 * The extra core group granted (seed 001) and not booked yet, as card elements: slots for that one
 * meeting, soonest first, and the button that books it as a single Teams meeting beside the series.
 * Nothing in it is typed by a person, so there is nothing to escape.
 */
export function extraMeetingSection(options: { coreGroupId: string; offer: ExtraMeetingOffer }): object[] {
  const { offer } = options;
  const slots = offer.proposal.slots;
  const data: Pick<BookExtraMeetingAction, 'coreGroupId' | 'concernId'> = { coreGroupId: options.coreGroupId, concernId: offer.concernId };
  return [
    { type: 'TextBlock', text: `Extra core group granted on ${ukDate(offer.grantedOn)}: choose a slot`, weight: 'Bolder', wrap: true, separator: true, spacing: 'Large' },
    line(`One meeting, beside the series (which stays as it is), within the next ${EXTRA_MEETING_WINDOW_WORKING_DAYS} working days: by ${ukDate(offer.within)}.`, { isSubtle: true }),
    ...(slots.length === 0
      ? [line('No free slot was found. Free up diaries or ask members to send representatives, then type /coregroup schedule again.')]
      : [...bookingInputs(slots, `after ${ukDate(offer.within)}`), { type: 'ActionSet', actions: [executeAction(BOOK_EXTRA_MEETING_VERB, 'Book the extra core group', data, { inputs: true })] }]),
  ];
}

/** `/coregroup schedule` on a case with no series running and an extra core group granted: that one meeting first (the series is offered once it is booked). */
export function extraMeetingCard(options: { coreGroupId: string; caseReference: string; offer: ExtraMeetingOffer }): object {
  return adaptiveCard([heading(`Schedule the extra core group — case ${escapeCardText(options.caseReference)}`), ...extraMeetingSection(options)]);
}
