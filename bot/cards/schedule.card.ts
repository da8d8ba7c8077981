import { BOOK_SLOT_VERB, type BookSlotAction, VENUE_LIMIT } from '../../src/contracts/card-actions.contract';
import type { ProposedSlot } from '../../src/domain/slot-finding';
import { type MeetingPlace, placeWords } from '../../src/domain/meeting';
import type { Booking, SlotOffer } from '../../src/services/scheduling.service';
import { adaptiveCard, executeAction, heading, line } from './card';
import { escapeCardText } from './escape';
import { ukDate, ukDateTime, ukTime } from '../../src/domain/uk-date';

/** The card's inputs, named as the action's data names them. */
const SLOT_INPUT: keyof BookSlotAction = 'slot';
const MODE_INPUT: keyof BookSlotAction = 'mode';
const VENUE_INPUT: keyof BookSlotAction = 'venue';

/** Where the meeting is held: on Teams by default; in person or hybrid with a venue (seed 000). */
const placeInputs = [
  {
    type: 'Input.ChoiceSet',
    id: MODE_INPUT,
    label: 'Where',
    style: 'compact',
    value: 'online',
    choices: [
      { title: 'On Teams', value: 'online' },
      { title: 'In person', value: 'in-person' },
      { title: 'In person, with Teams for those who cannot come (hybrid)', value: 'hybrid' },
    ],
  },
  { type: 'Input.Text', id: VENUE_INPUT, label: 'Venue, for in person or hybrid: accessible, and private enough for the family to talk', maxLength: VENUE_LIMIT },
];

/** A slot as people read it: "Tue 9 Jun 2026, 14:00–15:30" in UK time. */
export function slotLabel(startMs: number, endMs: number): string {
  return `${ukDateTime(startMs)}–${ukTime(endMs)}`;
}

/** "A", "A and B", "A, B and C". */
function listOfNames(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/**
 * The slots for a core group's next meeting, with the deadline and its rule, for the person
 * scheduling it (1:1 only: it names who blocks the most slots). When nothing fits before the
 * deadline the card says so first.
 */
export function slotsCard(options: { coreGroupId: string; caseReference: string; offer: SlotOffer; names: ReadonlyMap<string, string> }): object {
  const { offer } = options;
  const slots = offer.proposal.slots;
  const data: Pick<BookSlotAction, 'coreGroupId'> = { coreGroupId: options.coreGroupId };
  const warning = offer.proposal.deadlineCanBeMet
    ? []
    : [
        line(`⚠ Nothing fits before the deadline of ${ukDate(offer.obligation.due)}. The slots below are the earliest after it; record why the meeting is late.`, { color: 'Attention', weight: 'Bolder' }),
        line(`Most slots are blocked by: ${offer.proposal.blockers.slice(0, 3).map((blocker) => `${escapeCardText(options.names.get(blocker.attendeeId) ?? 'a member')} (${blocker.blockedSlots})`).join(', ')}.`),
      ];
  return adaptiveCard(
    [
      heading(`Schedule the next core group — case ${escapeCardText(options.caseReference)}`),
      line(`${escapeCardText(offer.obligation.rule)}: due by ${ukDate(offer.obligation.due)}.`, { isSubtle: true }),
      ...warning,
      ...(offer.unknownAvailability.length > 0 ? [line(`Availability unknown for ${listOfNames(offer.unknownAvailability.map((id) => escapeCardText(options.names.get(id) ?? 'a member')))} (no calendar the app can read): please check with them.`, { isSubtle: true })] : []),
      ...(slots.length === 0 ? [line('No free slot was found in the next weeks. Free up diaries or ask members to send representatives.')] : bookingInputs(slots, 'after the deadline')),
    ],
    slots.length === 0 ? [] : [bookButton(data)],
  );
}

/** The choice of a slot (soonest first, the first chosen) and where to meet: what the Book button sends. `late` says what a slot past the deadline is. */
export function bookingInputs(slots: readonly ProposedSlot[], late: string): object[] {
  return [
    {
      type: 'Input.ChoiceSet',
      id: SLOT_INPUT,
      label: 'Choose a slot',
      isRequired: true,
      errorMessage: 'Choose a slot to book',
      style: 'expanded',
      value: String(slots[0]!.startMs),
      choices: slots.map((slot) => ({ title: `${slotLabel(slot.startMs, slot.endMs)}${slot.tentative.length > 0 ? ' (someone is tentative)' : ''}${slot.beforeDeadline ? '' : ` — ${late}`}`, value: String(slot.startMs) })),
    },
    ...placeInputs,
  ];
}

/** The Book button, with the slot and place chosen on the card. */
export function bookButton(data: Pick<BookSlotAction, 'coreGroupId'>): object {
  return executeAction(BOOK_SLOT_VERB, 'Book this Teams meeting', data, { inputs: true });
}

/** The card confirming a booking, from what the scheduling service booked: an extra core group says it is a single meeting. */
export function bookedCardOf(booked: Booking): object {
  return bookedCard({
    caseReference: booked.caseReference,
    startMs: Date.parse(booked.meeting.startsAt ?? ''),
    endMs: Date.parse(booked.meeting.endsAt ?? ''),
    joinUrl: booked.joinUrl ?? booked.meeting.booking?.joinUrl,
    chatReady: booked.chat === 'ready',
    place: booked.meeting.place,
    extra: booked.meeting.grantedBy !== undefined,
  });
}

/** The booking, confirmed: when, and the join link. The buttons are gone so it cannot be booked twice. */
export function bookedCard(options: { caseReference: string; startMs: number; endMs: number; joinUrl?: string | undefined; chatReady: boolean; place?: MeetingPlace | undefined; extra?: boolean }): object {
  const repeats = options.extra ? '; it is a single meeting, and the series stays as it is' : ', and it repeats until the next review conference';
  return adaptiveCard(
    [
      heading(`${options.extra ? 'Extra core group' : 'Core group'} booked — case ${escapeCardText(options.caseReference)}`),
      line(`✔ ${slotLabel(options.startMs, options.endMs)}, ${escapeCardText(placeWords(options.place))}. Invitations have gone to every member${repeats}.`),
      line(options.chatReady ? 'Core Group has been added to the meeting chat and posts the agenda there as soon as Teams confirms it.' : 'Core Group will join the meeting chat shortly.', { isSubtle: true }),
    ],
    options.joinUrl ? [{ type: 'Action.OpenUrl', title: 'Open the Teams meeting', url: options.joinUrl }] : [],
  );
}
