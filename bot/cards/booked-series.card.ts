import {
  CANCEL_MEETING_VERB,
  CANCEL_REASON_LIMIT,
  type CancelMeetingAction,
  RESCHEDULE_MEETING_VERB,
  RESCHEDULE_OFFER_VERB,
  type RescheduleMeetingAction,
  type SeriesPart,
} from '../../src/contracts/card-actions.contract';
import type { BookedSeries, SeriesReply, SlotOffer } from '../../src/services/scheduling.service';
import { minutesTabLink } from '../../src/contracts/teams-links.contract';
import type { Words } from '../../src/i18n/words';
import { adaptiveCard, executeAction, heading, line } from './card';
import { escapeCardText } from './escape';
import { offerDeadline, slotChoice } from './schedule.card';

/** The card inputs the series buttons read, named as their actions' data names them. */
const SLOT_INPUT: keyof RescheduleMeetingAction = 'slot';
const REASON_INPUT: keyof CancelMeetingAction = 'reason';
const SCOPE_INPUT: keyof CancelMeetingAction = 'scope';

/** The links of a booked series: the Teams meeting, and the minutes tab in its chat. */
export function seriesLinks({ t }: Words, series: BookedSeries, teamsAppId: string): object[] {
  return [
    ...(series.joinUrl ? [{ type: 'Action.OpenUrl', title: t('bookedSeries.join'), url: series.joinUrl }] : []),
    ...(series.chatId ? [{ type: 'Action.OpenUrl', title: t('bookedSeries.openMinutes'), url: minutesTabLink(teamsAppId, series.chatId) }] : []),
  ];
}

/** The next occurrence and each invitee's reply, as card elements (the names are escaped). */
export function seriesFacts({ t, dates }: Words, series: BookedSeries): object[] {
  const reply = (answer: SeriesReply) => t(`bookedSeries.reply.${answer}`);
  return [
    line(t('bookedSeries.next', { slot: dates.timeSpan(series.next.startMs, series.next.endMs) })),
    { type: 'FactSet', facts: series.replies.map((invitee) => ({ title: escapeCardText(invitee.name), value: reply(invitee.reply) })) },
  ];
}

/** A booked series in a card that lists several things (status, minutes), in the reader's language: its facts and its links. */
export function seriesSection(words: Words, series: BookedSeries, teamsAppId: string): object[] {
  const links = seriesLinks(words, series, teamsAppId);
  return [...seriesFacts(words, series), ...(links.length > 0 ? [{ type: 'ActionSet', actions: links }] : [])];
}

/**
 * `/coregroup schedule` on a case with a series booked: the series, and moving or cancelling it
 * instead of booking another (1:1 only: it names the members), in the reader's language. The
 * series is moved as a whole only before it has met; cancelling needs a reason. `extra`: a section
 * below the series (an extra core group granted, to book).
 */
export function bookedSeriesCard(words: Words, options: { coreGroupId: string; caseReference: string; series: BookedSeries; teamsAppId: string; note?: string | undefined; extra?: readonly object[] | undefined }): object {
  const { t, dates } = words;
  const { series } = options;
  // The next meeting by its identity: its calendar id when it is not the meeting's own (a move changes its start, not its id).
  const cancelData: Omit<SeriesPart, 'scope'> = {
    coreGroupId: options.coreGroupId,
    meetingId: series.meetingId,
    occurrence: String(series.next.startMs),
    ...(series.next.occurrenceId === undefined ? {} : { occurrenceId: series.next.occurrenceId }),
  };
  const part = (scope: SeriesPart['scope']): SeriesPart => ({ ...cancelData, scope });
  const cancelForm = adaptiveCard(
    [
      { type: 'Input.Text', id: REASON_INPUT, label: t('seriesChange.why'), isMultiline: true, isRequired: true, maxLength: CANCEL_REASON_LIMIT, errorMessage: t('seriesChange.whyError') },
      {
        type: 'Input.ChoiceSet',
        id: SCOPE_INPUT,
        label: t('seriesChange.cancelWhat'),
        style: 'expanded',
        isRequired: true,
        errorMessage: t('seriesChange.cancelWhatError'),
        value: 'one',
        choices: [
          { title: t('seriesChange.cancelOne', { slot: dates.timeSpan(series.next.startMs, series.next.endMs) }), value: 'one' },
          { title: t('seriesChange.cancelSeries'), value: 'series' },
        ],
      },
    ],
    [executeAction(CANCEL_MEETING_VERB, t('seriesChange.cancelButton'), cancelData, { inputs: true })],
  );
  const body = [
    heading(t('booking.title', { caseReference: escapeCardText(options.caseReference) })),
    ...(options.note ? [line(options.note, { weight: 'Bolder' })] : []),
    ...seriesFacts(words, series),
    line(t('seriesChange.later'), { isSubtle: true }),
  ];
  const actions = [
    ...seriesLinks(words, series, options.teamsAppId),
    executeAction(RESCHEDULE_OFFER_VERB, t('seriesChange.rescheduleOne'), part('one')),
    ...(series.nextIsRecorded ? [executeAction(RESCHEDULE_OFFER_VERB, t('seriesChange.rescheduleSeries'), part('series'))] : []),
    { type: 'Action.ShowCard', title: t('seriesChange.cancel'), card: cancelForm },
  ];
  // With a section below (an extra core group to book), the series' buttons stay with the series.
  return options.extra ? adaptiveCard([...body, { type: 'ActionSet', actions }, ...options.extra]) : adaptiveCard(body, actions);
}

/** Slots to move the next meeting, or the whole series, to (1:1 only), in the reader's language. */
export function rescheduleSlotsCard(words: Words, options: { caseReference: string; part: SeriesPart; offer: SlotOffer; currentEndMs: number }): object {
  const { t, dates } = words;
  const { part, offer } = options;
  const slots = offer.proposal.slots.filter((slot) => String(slot.startMs) !== part.occurrence);
  const deadline = offerDeadline(words, offer);
  const moving = part.scope === 'one' ? t('seriesChange.movingOne', { ...deadline, slot: dates.timeSpan(Number(part.occurrence), options.currentEndMs) }) : t('seriesChange.movingSeries', deadline);
  return adaptiveCard(
    [
      heading(t('seriesChange.rescheduleTitle', { caseReference: escapeCardText(options.caseReference) })),
      line(moving, { isSubtle: true }),
      slots.length === 0
        ? line(t('schedule.noSlot'))
        : {
            type: 'Input.ChoiceSet',
            id: SLOT_INPUT,
            label: t('seriesChange.moveTo'),
            isRequired: true,
            errorMessage: t('seriesChange.moveToError'),
            style: 'expanded',
            value: String(slots[0]!.startMs),
            choices: slots.map((slot) => ({ title: slotChoice(words, slot, t('schedule.afterDeadline')), value: String(slot.startMs) })),
          },
    ],
    slots.length === 0 ? [] : [executeAction(RESCHEDULE_MEETING_VERB, t(part.scope === 'one' ? 'seriesChange.moveOne' : 'seriesChange.moveSeries'), part, { inputs: true })],
  );
}
