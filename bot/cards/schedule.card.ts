import { BOOK_SLOT_VERB, type BookSlotAction, VENUE_LIMIT } from '../../src/contracts/card-actions.contract';
import type { ProposedSlot } from '../../src/domain/slot-finding';
import type { MeetingPlace } from '../../src/domain/meeting';
import type { Words } from '../../src/i18n/words';
import type { Booking, SlotOffer } from '../../src/services/scheduling.service';
import { placeIn } from './agenda.card';
import { adaptiveCard, executeAction, heading, line } from './card';
import { deadlineRule } from '../../src/services/deadline-words';
import { escapeCardText } from './escape';

/** The card's inputs, named as the action's data names them. */
const SLOT_INPUT: keyof BookSlotAction = 'slot';
const MODE_INPUT: keyof BookSlotAction = 'mode';
const VENUE_INPUT: keyof BookSlotAction = 'venue';

/** Where the meeting is held: on Teams by default; in person or hybrid with a venue (seed 000). */
function placeInputs({ t }: Words): object[] {
  return [
    {
      type: 'Input.ChoiceSet',
      id: MODE_INPUT,
      label: t('schedule.where'),
      style: 'compact',
      value: 'online',
      choices: (['online', 'in-person', 'hybrid'] as const).map((mode) => ({ title: t(`schedule.place.${mode}`), value: mode })),
    },
    { type: 'Input.Text', id: VENUE_INPUT, label: t('schedule.venue'), maxLength: VENUE_LIMIT },
  ];
}

/**
 * "A", "A and B", "A, B and C" in the reader's language (names already escaped). Welsh writes
 * "ac" before a vowel ("Priya ac Owen"), "a" before anything else.
 */
function listOfNames({ t }: Words, names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  const last = names.at(-1)!;
  return t(/^[aeiouwyâêîôûŵŷ]/i.test(last) ? 'schedule.namesBeforeVowel' : 'schedule.names', { names: names.slice(0, -1).join(', '), last });
}

/** A slot as a choice says it: its time, whether someone is tentative, and what it is when past the deadline (`late`). */
export function slotChoice({ t, dates }: Words, slot: ProposedSlot, late: string): string {
  const time = dates.timeSpan(slot.startMs, slot.endMs);
  const tentative = slot.tentative.length > 0;
  if (slot.beforeDeadline) return tentative ? t('schedule.slotTentative', { slot: time }) : time;
  return t(tentative ? 'schedule.slotTentativeLate' : 'schedule.slotLate', { slot: time, late });
}

/** The deadline a slot offer is for, in the reader's language: its rule (escaped) and its date, for a sentence that says "due by". */
export function offerDeadline(words: Words, offer: SlotOffer): { rule: string; date: string } {
  return { rule: escapeCardText(deadlineRule(words, offer.obligation)), date: words.dates.date(offer.obligation.due) };
}

/**
 * The slots for a core group's next meeting, with the deadline and its rule, for the person
 * scheduling it (1:1 only: it names who blocks the most slots), in their language. When nothing
 * fits before the deadline the card says so first.
 */
export function slotsCard(words: Words, options: { coreGroupId: string; caseReference: string; offer: SlotOffer; names: ReadonlyMap<string, string> }): object {
  const { t, dates } = words;
  const { offer } = options;
  const slots = offer.proposal.slots;
  const data: Pick<BookSlotAction, 'coreGroupId'> = { coreGroupId: options.coreGroupId };
  const nameOf = (memberId: string) => escapeCardText(options.names.get(memberId) ?? t('schedule.aMember'));
  const blockers = offer.proposal.blockers.slice(0, 3).map((blocker) => t('schedule.blocker', { name: nameOf(blocker.attendeeId), slots: blocker.blockedSlots }));
  const warning = offer.proposal.deadlineCanBeMet
    ? []
    : [line(t('schedule.late', { date: dates.date(offer.obligation.due) }), { color: 'Attention', weight: 'Bolder' }), line(t('schedule.blockedBy', { blockers: blockers.join(', ') }))];
  const unknown = offer.unknownAvailability.map(nameOf);
  return adaptiveCard(
    [
      heading(t('schedule.title', { caseReference: escapeCardText(options.caseReference) })),
      line(t('schedule.due', offerDeadline(words, offer)), { isSubtle: true }),
      ...warning,
      ...(unknown.length > 0 ? [line(t('schedule.unknownAvailability', { names: listOfNames(words, unknown) }), { isSubtle: true })] : []),
      ...(slots.length === 0 ? [line(t('schedule.noSlot'))] : bookingInputs(words, slots, t('schedule.afterDeadline'))),
    ],
    slots.length === 0 ? [] : [bookButton(words, data)],
  );
}

/** The choice of a slot (soonest first, the first chosen) and where to meet: what the Book button sends. `late` says what a slot past the deadline is. */
export function bookingInputs(words: Words, slots: readonly ProposedSlot[], late: string): object[] {
  const { t } = words;
  return [
    {
      type: 'Input.ChoiceSet',
      id: SLOT_INPUT,
      label: t('schedule.chooseSlot'),
      isRequired: true,
      errorMessage: t('schedule.chooseSlotError'),
      style: 'expanded',
      value: String(slots[0]!.startMs),
      choices: slots.map((slot) => ({ title: slotChoice(words, slot, late), value: String(slot.startMs) })),
    },
    ...placeInputs(words),
  ];
}

/** The Book button, with the slot and place chosen on the card. */
export function bookButton({ t }: Words, data: Pick<BookSlotAction, 'coreGroupId'>): object {
  return executeAction(BOOK_SLOT_VERB, t('schedule.book'), data, { inputs: true });
}

/** The card confirming a booking, from what the scheduling service booked: an extra core group says it is a single meeting. */
export function bookedCardOf(words: Words, booked: Booking): object {
  return bookedCard(words, {
    caseReference: booked.caseReference,
    startMs: Date.parse(booked.meeting.startsAt ?? ''),
    endMs: Date.parse(booked.meeting.endsAt ?? ''),
    joinUrl: booked.joinUrl ?? booked.meeting.booking?.joinUrl,
    chatReady: booked.chat === 'ready',
    place: booked.meeting.place,
    extra: booked.meeting.grantedBy !== undefined,
  });
}

/** The booking, confirmed in the booker's language: when, and the join link. The buttons are gone so it cannot be booked twice. */
export function bookedCard(words: Words, options: { caseReference: string; startMs: number; endMs: number; joinUrl?: string | undefined; chatReady: boolean; place?: MeetingPlace | undefined; extra?: boolean }): object {
  const { t, dates } = words;
  const caseReference = escapeCardText(options.caseReference);
  const booked = { slot: dates.timeSpan(options.startMs, options.endMs), place: placeIn(words, options.place) };
  return adaptiveCard(
    [
      heading(t(options.extra ? 'booking.extraTitle' : 'booking.title', { caseReference })),
      line(t(options.extra ? 'booking.extraBooked' : 'booking.booked', booked)),
      line(t(options.chatReady ? 'booking.chatReady' : 'booking.chatSoon'), { isSubtle: true }),
    ],
    options.joinUrl ? [{ type: 'Action.OpenUrl', title: t('booking.open'), url: options.joinUrl }] : [],
  );
}
