import {
  ADD_MEMBERS_VERB,
  AGENDA_VIEW_VERB,
  BOOK_EXTRA_MEETING_VERB,
  BOOK_SLOT_VERB,
  CANCEL_MEETING_VERB,
  CHECK_IN_VERB,
  CHOOSE_CASE_VERB,
  CREATE_CORE_GROUP_VERB,
  type CardVerb,
  MARK_PRESENT_VERB,
  RAISE_CONCERN_VERB,
  REMOVE_MEMBER_VERB,
  RESCHEDULE_MEETING_VERB,
  RESCHEDULE_OFFER_VERB,
} from '../../src/contracts/card-actions.contract';
import { addMembersCardAction } from './add-members.action';
import { agendaViewCardAction } from './agenda-view.action';
import { bookExtraMeetingCardAction } from './book-extra-meeting.action';
import { bookSlotCardAction } from './book-slot.action';
import { cancelMeetingCardAction } from './cancel-meeting.action';
import type { CardAction } from './card-action';
import { checkInCardAction } from './check-in.action';
import { chooseCaseCardAction } from './choose-case.action';
import { createCoreGroupCardAction } from './create-core-group.action';
import { markPresentCardAction } from './mark-present.action';
import { raiseConcernCardAction } from './raise-concern.action';
import { removeMemberCardAction } from './remove-member.action';
import { rescheduleMeetingCardAction } from './reschedule-meeting.action';
import { rescheduleOfferCardAction } from './reschedule-offer.action';

/** Every card verb and the one handler it goes to. */
export const CARD_ACTIONS: Readonly<Record<CardVerb, CardAction>> = {
  [CHECK_IN_VERB]: checkInCardAction,
  [BOOK_SLOT_VERB]: bookSlotCardAction,
  [RAISE_CONCERN_VERB]: raiseConcernCardAction,
  [CREATE_CORE_GROUP_VERB]: createCoreGroupCardAction,
  [AGENDA_VIEW_VERB]: agendaViewCardAction,
  [MARK_PRESENT_VERB]: markPresentCardAction,
  [CHOOSE_CASE_VERB]: chooseCaseCardAction,
  [ADD_MEMBERS_VERB]: addMembersCardAction,
  [REMOVE_MEMBER_VERB]: removeMemberCardAction,
  [RESCHEDULE_OFFER_VERB]: rescheduleOfferCardAction,
  [RESCHEDULE_MEETING_VERB]: rescheduleMeetingCardAction,
  [CANCEL_MEETING_VERB]: cancelMeetingCardAction,
  [BOOK_EXTRA_MEETING_VERB]: bookExtraMeetingCardAction,
};

/** The handler for a verb from the wire, or nothing for one the app does not know. */
export function cardActionFor(verb: unknown): CardAction | undefined {
  return typeof verb === 'string' && Object.hasOwn(CARD_ACTIONS, verb) ? CARD_ACTIONS[verb as CardVerb] : undefined;
}
