import { z } from 'zod';
import { MEETING_MODES } from '../domain/meeting';
import { RAISABLE_CONCERN_KINDS } from '../domain/escalation';
import { checkInStatusSchema } from './wire-values.contract';
import { freeText } from './text.contract';
import { problemParams } from './problem';

/**
 * What an Adaptive Card action carries back to the bot: one schema per verb, for the data the
 * card builder put on the action merged with the card's inputs. The builder types the part it
 * writes from here (a `Pick` of the schema's type), the bot's action handler parses the whole
 * with the same schema. Ids in card data are never trusted for who is asking: the caller comes
 * from the activity the channel signed.
 */

export const CHECK_IN_VERB = 'check-in';
export const BOOK_SLOT_VERB = 'book-slot';
export const RAISE_CONCERN_VERB = 'raise-concern';
export const CREATE_CORE_GROUP_VERB = 'create-core-group';
export const AGENDA_VIEW_VERB = 'agenda-view';
export const MARK_PRESENT_VERB = 'mark-present';
export const CHOOSE_CASE_VERB = 'choose-case';
export const ADD_MEMBERS_VERB = 'add-members';
export const REMOVE_MEMBER_VERB = 'remove-member';
export const RESCHEDULE_OFFER_VERB = 'reschedule-offer';
export const RESCHEDULE_MEETING_VERB = 'reschedule-meeting';
export const CANCEL_MEETING_VERB = 'cancel-meeting';
export const BOOK_EXTRA_MEETING_VERB = 'book-extra-meeting';

export const CARD_VERBS = [
  CHECK_IN_VERB,
  BOOK_SLOT_VERB,
  RAISE_CONCERN_VERB,
  CREATE_CORE_GROUP_VERB,
  AGENDA_VIEW_VERB,
  MARK_PRESENT_VERB,
  CHOOSE_CASE_VERB,
  ADD_MEMBERS_VERB,
  REMOVE_MEMBER_VERB,
  RESCHEDULE_OFFER_VERB,
  RESCHEDULE_MEETING_VERB,
  CANCEL_MEETING_VERB,
  BOOK_EXTRA_MEETING_VERB,
] as const;
export type CardVerb = (typeof CARD_VERBS)[number];


/**
 * A check-in button. The member's optional note arrives beside it as the input `note-<actionId>`
 * (one text box per action on the card); see `checkInNoteOf`.
 */
export const checkInAction = z.object({
  coreGroupId: z.string().uuid(),
  actionId: z.string().min(1).max(100),
  status: checkInStatusSchema,
  promptId: z.string().uuid(),
  /** Set when the card listed one case's actions only (a prompt, `/coregroup tasks <case>`): the answer keeps to that case. */
  scope: z.literal('case').optional(),
});
export type CheckInAction = z.infer<typeof checkInAction>;

/** How long a check-in note may be: the card's text box allows no more (`maxLength`). */
export const CHECK_IN_NOTE_LIMIT = 500;

const checkInNote = freeText(CHECK_IN_NOTE_LIMIT);

/** A check-in with its note: "blocked" is refused without one (the group needs to know what is in the way). */
export const checkInWithNote = checkInAction
  .extend({ note: checkInNote })
  .refine((checkIn) => checkIn.status !== 'blocked' || checkIn.note.trim() !== '', { message: 'say in the note what is blocking this action', path: ['note'], params: problemParams('blocked-needs-note') });

/** The id of the note input beside an action's check-in buttons. */
export const checkInNoteInputId = (actionId: string) => `note-${actionId}`;

/**
 * The note typed beside the pressed button (empty when absent), or nothing when it cannot be kept
 * as it was typed: longer than the card's text box allows (only a crafted submit can be), or not
 * whole text. It is never cut, so no note is stored shortened or ending in half an emoji.
 */
export function checkInNoteOf(submitted: Readonly<Record<string, unknown>>, actionId: string): string | undefined {
  const note = checkInNote.safeParse(submitted[checkInNoteInputId(actionId)] ?? '');
  return note.success ? note.data : undefined;
}

/** The Book button plus the chosen slot (its start, epoch milliseconds) from the card's input. */
/** How long a venue may be: a room and an address. */
export const VENUE_LIMIT = 200;

export const bookSlotAction = z.object({ coreGroupId: z.string().uuid(), slot: z.string().regex(/^\d{12,14}$/), mode: z.enum(MEETING_MODES).optional(), venue: freeText(VENUE_LIMIT).optional() });
export type BookSlotAction = z.infer<typeof bookSlotAction>;

/** Booking the extra core group granted (seed 001) beside the series: the granted request, and the slot and place chosen on the card. */
export const bookExtraMeetingAction = bookSlotAction.extend({ concernId: z.uuid() });
export type BookExtraMeetingAction = z.infer<typeof bookExtraMeetingAction>;

/** An instant on a card (a slot, an occurrence): epoch milliseconds as text. */
const epochMsText = z.string().regex(/^\d{12,14}$/);

/**
 * Which part of the booked series a button changes: the occurrence starting at `occurrence` when
 * the card was made (`one`), or the whole series. `meetingId`: the series' meeting, checked
 * against the case's current series before anything is changed. `occurrenceId`: the calendar's
 * id for an occurrence after the one the meeting records, which it keeps when moved; without it
 * the occurrence is the meeting's own (cards sent before it was added name any by its start).
 */
const seriesPart = z.object({ coreGroupId: z.uuid(), meetingId: z.uuid(), scope: z.enum(['one', 'series']), occurrence: epochMsText, occurrenceId: z.string().min(1).max(1024).optional() });
export type SeriesPart = z.infer<typeof seriesPart>;

/** "Reschedule this one" / "Reschedule the series": asks for slots to move it to. */
export const rescheduleOfferAction = seriesPart;
export type RescheduleOfferAction = SeriesPart;

/** The Move button plus the chosen slot (its start, epoch milliseconds) from the card's input. */
export const rescheduleMeetingAction = seriesPart.extend({ slot: epochMsText });
export type RescheduleMeetingAction = z.infer<typeof rescheduleMeetingAction>;

/** How long a cancellation reason may be: the card's text box allows no more. */
export const CANCEL_REASON_LIMIT = 500;

/** The Cancel button plus the reason and what to cancel (this one or the series) from the card's inputs. */
export const cancelMeetingAction = seriesPart.extend({ reason: freeText(CANCEL_REASON_LIMIT).trim().min(1) });
export type CancelMeetingAction = z.infer<typeof cancelMeetingAction>;

/** The Raise button plus the form's inputs. */
export const raiseConcernAction = z.object({ coreGroupId: z.string().uuid(), requestId: z.string().uuid(), kind: z.enum(RAISABLE_CONCERN_KINDS), note: freeText(1000).trim().min(1) });
export type RaiseConcernAction = z.infer<typeof raiseConcernAction>;

/** The set-up form's inputs; the service checks them again in depth. */
export const createCoreGroupAction = z.object({
  requestId: z.string().uuid(),
  caseReference: freeText(40),
  childName: freeText(200),
  icpcDate: freeText(10),
  /** The area a case transferred in from; empty (or absent, from a form sent before it asked) after an ICPC. */
  transferredInFrom: freeText(200).optional(),
  policyId: freeText(80),
  creatorRole: z.enum(['lead-social-worker', 'team-manager']),
  membersText: freeText(4000),
  outcomesText: freeText(4000),
});
export type CreateCoreGroupAction = z.infer<typeof createCoreGroupAction>;

/** The agenda card's automatic refresh and its "I'm here" button. */
export const agendaAction = z.object({ meetingId: z.string().uuid(), started: z.boolean() });
export type AgendaAction = z.infer<typeof agendaAction>;

/** The `/coregroup` commands about one case, which take a case reference and can be chosen from a picker. */
export const CASE_COMMAND_VERBS = ['status', 'tasks', 'plan', 'schedule', 'minutes', 'escalate', 'members', 'review'] as const;
export type CaseCommandVerb = (typeof CASE_COMMAND_VERBS)[number];

/** A case on the picker: the command to run and the case it was offered for (the caller is checked again when it is pressed). */
export const chooseCaseAction = z.object({ command: z.enum(CASE_COMMAND_VERBS), coreGroupId: z.string().uuid() });
export type ChooseCaseAction = z.infer<typeof chooseCaseAction>;

/** The members card's add form: one or more set-up lines (`role | agency | name | e-mail`). */
export const addMembersAction = z.object({ coreGroupId: z.string().uuid(), memberText: freeText(4000) });
export type AddMembersAction = z.infer<typeof addMembersAction>;

/** A Remove button on the members card: the member it was shown beside. */
export const removeMemberAction = z.object({ coreGroupId: z.string().uuid(), memberId: z.string().uuid() });
export type RemoveMemberAction = z.infer<typeof removeMemberAction>;

/**
 * An `Action.Submit` (the fallback where `Action.Execute` is not supported) arrives as a message
 * whose value is the action's data with its verb beside it.
 */
export const submittedCardAction = z.looseObject({ verb: z.string() });
export type SubmittedCardAction<Data> = Data & { readonly verb: CardVerb };
