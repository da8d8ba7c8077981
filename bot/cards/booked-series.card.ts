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
import { type Words, wordsIn } from '../../src/i18n/words';
import { adaptiveCard, executeAction, heading, line } from './card';
import { escapeCardText } from './escape';
import { slotLabel } from './schedule.card';

/** The words of the schedule command's own cards (below), which are in English yet. */
const ENGLISH = wordsIn('en');

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
 * instead of booking another (1:1 only: it names the members). The series is moved as a whole only
 * before it has met; cancelling needs a reason. `extra`: a section below the series (an extra core
 * group granted, to book).
 */
export function bookedSeriesCard(options: { coreGroupId: string; caseReference: string; series: BookedSeries; teamsAppId: string; note?: string | undefined; extra?: readonly object[] | undefined }): object {
  const { series } = options;
  const part = (scope: SeriesPart['scope']): SeriesPart => ({ coreGroupId: options.coreGroupId, meetingId: series.meetingId, scope, occurrence: String(series.next.startMs) });
  const cancelData: Omit<SeriesPart, 'scope'> = { coreGroupId: options.coreGroupId, meetingId: series.meetingId, occurrence: String(series.next.startMs) };
  const cancelForm = adaptiveCard(
    [
      { type: 'Input.Text', id: REASON_INPUT, label: 'Why is it cancelled? (meetings are cancelled only as a last resort)', isMultiline: true, isRequired: true, maxLength: CANCEL_REASON_LIMIT, errorMessage: 'Say why the meeting is cancelled' },
      {
        type: 'Input.ChoiceSet',
        id: SCOPE_INPUT,
        label: 'Cancel',
        style: 'expanded',
        isRequired: true,
        errorMessage: 'Choose what to cancel',
        value: 'one',
        choices: [
          { title: `Only the meeting of ${slotLabel(series.next.startMs, series.next.endMs)}`, value: 'one' },
          { title: 'The whole series', value: 'series' },
        ],
      },
    ],
    [executeAction(CANCEL_MEETING_VERB, 'Cancel with this reason', cancelData, { inputs: true })],
  );
  const body = [
    heading(`Core group booked — case ${escapeCardText(options.caseReference)}`),
    ...(options.note ? [line(options.note, { weight: 'Bolder' })] : []),
    ...seriesFacts(ENGLISH, series),
    line('A new series can be booked once this one has ended.', { isSubtle: true }),
  ];
  const actions = [
    ...seriesLinks(ENGLISH, series, options.teamsAppId),
    executeAction(RESCHEDULE_OFFER_VERB, 'Reschedule this one', part('one')),
    ...(series.nextIsRecorded ? [executeAction(RESCHEDULE_OFFER_VERB, 'Reschedule the series', part('series'))] : []),
    { type: 'Action.ShowCard', title: 'Cancel (with reason)', card: cancelForm },
  ];
  // With a section below (an extra core group to book), the series' buttons stay with the series.
  return options.extra ? adaptiveCard([...body, { type: 'ActionSet', actions }, ...options.extra]) : adaptiveCard(body, actions);
}

/** Slots to move the next meeting, or the whole series, to (1:1 only). */
export function rescheduleSlotsCard(options: { caseReference: string; part: SeriesPart; offer: SlotOffer; currentEndMs: number }): object {
  const { part, offer } = options;
  const slots = offer.proposal.slots.filter((slot) => String(slot.startMs) !== part.occurrence);
  const what = part.scope === 'one' ? `the meeting of ${slotLabel(Number(part.occurrence), options.currentEndMs)}` : 'the whole series (every meeting moves with it)';
  return adaptiveCard(
    [
      heading(`Reschedule — case ${escapeCardText(options.caseReference)}`),
      line(`Moving ${what}. ${escapeCardText(offer.obligation.rule)}: due by ${offer.obligation.due.toString()}.`, { isSubtle: true }),
      slots.length === 0
        ? line('No free slot was found in the next weeks. Free up diaries or ask members to send representatives.')
        : {
            type: 'Input.ChoiceSet',
            id: SLOT_INPUT,
            label: 'Move it to',
            isRequired: true,
            errorMessage: 'Choose a slot to move it to',
            style: 'expanded',
            value: String(slots[0]!.startMs),
            choices: slots.map((slot) => ({ title: `${slotLabel(slot.startMs, slot.endMs)}${slot.tentative.length > 0 ? ' (someone is tentative)' : ''}${slot.beforeDeadline ? '' : ' — after the deadline'}`, value: String(slot.startMs) })),
          },
    ],
    slots.length === 0 ? [] : [executeAction(RESCHEDULE_MEETING_VERB, part.scope === 'one' ? 'Move this meeting' : 'Move the series', part, { inputs: true })],
  );
}
