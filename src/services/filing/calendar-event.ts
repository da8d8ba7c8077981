import type { CivilDate } from '../../domain/civil-date';
import { NotFoundError, said } from '../../domain/errors';
import type { MeetingStatus } from '../../domain/meeting';
import type { Obligation, RuleWording } from '../../domain/obligations';
import type { Caller } from '../authorise';
import { type StatusDeps, statusOf } from '../case-status/status-of';
import type { MeetingRepository } from '../ports/store.port';

export interface CalendarEventDeps extends StatusDeps {
  readonly meetings: StatusDeps['meetings'] & Pick<MeetingRepository, 'findByChatId'>;
}

/** What the Outlook add-in shows on a core group's calendar event. */
export interface CalendarEventDetails {
  readonly coreGroupId: string;
  readonly caseReference: string;
  readonly meeting: { readonly id: string; readonly date: CivilDate; readonly status: MeetingStatus; readonly chatId: string };
  /** The case's deadlines still to meet, soonest first, each with its rule as data (the add-in words it in the reader's language). */
  readonly deadlines: readonly WordedObligation[];
}

type WordedObligation = Obligation & { readonly wording: RuleWording };

/** Every obligation the engine judges carries its rule as data (`computeObligations`); the type says only that it may. */
const isWorded = (obligation: Obligation): obligation is WordedObligation => obligation.wording !== undefined;

/** How many deadlines the add-in lists: the next few, as a glance beside the event. */
export const EVENT_DEADLINES_SHOWN = 5;

/**
 * The core group meeting behind a calendar event, found by its Teams meeting chat (the add-in
 * reads it from the event's join link), with that case's next deadlines for a member of the group.
 * An event of no core group meeting, or one of a group the caller is not in, is not found.
 */
export async function calendarEventDetails(deps: CalendarEventDeps, caller: Caller, chatId: string): Promise<CalendarEventDetails> {
  const meeting = await deps.meetings.findByChatId(chatId);
  if (!meeting) throw new NotFoundError('This event is not a core group meeting booked by Core Group.', { said: said('serviceRefusals.meetings.notOurEvent') });
  const { status } = await statusOf(deps, { caller, coreGroupId: meeting.coreGroupId });
  const deadlines = status.obligations
    .filter((obligation) => obligation.status !== 'met')
    .filter(isWorded)
    .sort((a, b) => a.due.toString().localeCompare(b.due.toString()))
    .slice(0, EVENT_DEADLINES_SHOWN);
  return { coreGroupId: status.coreGroup.id, caseReference: status.coreGroup.caseReference, meeting: { id: meeting.id, date: meeting.date, status: meeting.status, chatId }, deadlines };
}
