import { Temporal } from 'temporal-polyfill';
import type { CoreGroupMember } from '../../domain/core-group';
import { type CoreGroupMeeting, type MeetingBooking, meetingInvitees } from '../../domain/meeting';
import { type Calendar, CalendarError, type InvitationResponse } from '../ports/calendar.port';
import type { Clock } from '../ports/clock.port';
import type { CoreGroupRepository, MeetingRepository } from '../ports/store.port';

/** A member's reply to the series' invitation, as Graph last reported it (`none`: no reply yet). */
export type SeriesReply = 'accepted' | 'tentative' | 'declined' | 'none' | 'organiser';

/** The meeting series booked for a core group, as it stands: what every view shows of it. */
export interface BookedSeries {
  /** The meeting recorded for the series (dated by its first occurrence): what reschedule and cancel act on. */
  readonly meetingId: string;
  /**
   * The next occurrence still to come, epoch milliseconds; when it is not the one the meeting
   * records, the calendar's id for it (which it keeps when moved): what a change names it by.
   */
  readonly next: { readonly startMs: number; readonly endMs: number; readonly occurrenceId?: string | undefined };
  /** Whether the next occurrence is the one the meeting records (changing it changes the record). */
  readonly nextIsRecorded: boolean;
  readonly joinUrl?: string | undefined;
  /** The Teams meeting chat, where the minutes tab lives. */
  readonly chatId?: string | undefined;
  readonly replies: readonly { readonly memberId: string; readonly name: string; readonly reply: SeriesReply }[];
}

export interface BookedSeriesDeps {
  readonly coreGroups: Pick<CoreGroupRepository, 'membersOfEach'>;
  readonly meetings: Pick<MeetingRepository, 'listByCoreGroups' | 'invitationsOfEach'>;
  readonly calendar: Pick<Calendar, 'occurrences'>;
  readonly clock: Clock;
}

/** How far ahead a series is looked for: past any review conference a series repeats until. */
const HORIZON = { months: 13 } as const;

const REPLY: Record<InvitationResponse, SeriesReply> = { accepted: 'accepted', tentativelyAccepted: 'tentative', declined: 'declined', none: 'none', notResponded: 'none', organizer: 'organiser' };

type Booked = CoreGroupMeeting & { booking: MeetingBooking };

/**
 * The group's current series: its latest booked meeting still to be held (a new series), else its
 * latest held (or not held) one, else its latest cancelled one (cancelling only the occurrence a meeting records
 * leaves the rest of its series running). An extra core group granted beside the series is a single
 * meeting of its own, never the series.
 */
function seriesMeeting(meetings: readonly CoreGroupMeeting[]): Booked | undefined {
  const booked = meetings.filter((meeting): meeting is Booked => meeting.booking !== undefined && meeting.startsAt !== undefined && meeting.grantedBy === undefined);
  const RANK = { scheduled: 0, held: 1, 'not-held': 1, cancelled: 2 } as const;
  return booked.sort((a, b) => RANK[a.status] - RANK[b.status] || Date.parse(b.startsAt!) - Date.parse(a.startsAt!))[0];
}

/**
 * The next occurrence of a booked series: the recorded one while it is still ahead and standing
 * (no calendar call), else the calendar's next occurrence of the series; none once it has ended.
 */
async function nextOccurrence(deps: Pick<BookedSeriesDeps, 'calendar'>, meeting: Booked, nowMs: number): Promise<{ startMs: number; endMs: number; recorded: boolean; id?: string } | undefined> {
  const recordedStart = Date.parse(meeting.startsAt!);
  if (meeting.status === 'scheduled' && recordedStart > nowMs) return { startMs: recordedStart, endMs: Date.parse(meeting.endsAt ?? meeting.startsAt!), recorded: true };
  const untilMs = Temporal.Instant.fromEpochMilliseconds(nowMs).toZonedDateTimeISO('UTC').add(HORIZON).epochMilliseconds;
  const occurrences = await deps.calendar.occurrences(meeting.booking.organiser, meeting.booking.eventId, nowMs, untilMs).catch((error: unknown) => {
    // A series cancelled as a whole is gone from the organiser's calendar: it has ended.
    if (error instanceof CalendarError && error.code === 'calendar-refused') return [];
    throw error;
  });
  // A held meeting is over, even when its calendar slot is not (it ended early, or ran late).
  const over = (startMs: number) => startMs <= nowMs || (meeting.status === 'held' && startMs <= recordedStart);
  const next = occurrences.filter((occurrence) => !over(occurrence.startMs)).sort((a, b) => a.startMs - b.startMs)[0];
  return next && { startMs: next.startMs, endMs: next.endMs, recorded: false, id: next.id };
}

/** Each invitee's reply to the series, the organiser marked as such. */
function repliesOf(members: readonly CoreGroupMember[], booking: MeetingBooking, stored: readonly { memberId: string; response: InvitationResponse }[]): BookedSeries['replies'] {
  const byMember = new Map(stored.map((entry) => [entry.memberId, entry.response]));
  return meetingInvitees(members).map((member) => ({
    memberId: member.id,
    name: member.displayName,
    reply: member.email.toLowerCase() === booking.organiser.toLowerCase() ? 'organiser' : REPLY[byMember.get(member.id) ?? 'none'],
  }));
}

/**
 * A booked meeting's series as it stands — next occurrence, join link, meeting chat and each
 * member's reply — or nothing once it has ended. `members` and `invitations`: the group's members
 * and the replies to this meeting's invitation, already read.
 */
async function describeSeries(
  deps: Pick<BookedSeriesDeps, 'calendar' | 'clock'>,
  read: { meeting: Booked; members: readonly CoreGroupMember[]; invitations: readonly { memberId: string; response: InvitationResponse }[] },
): Promise<BookedSeries | undefined> {
  const { meeting } = read;
  const next = await nextOccurrence(deps, meeting, Temporal.Instant.from(deps.clock.nowIso()).epochMilliseconds);
  if (!next) return undefined;
  return {
    meetingId: meeting.id,
    next: { startMs: next.startMs, endMs: next.endMs, ...(next.id === undefined ? {} : { occurrenceId: next.id }) },
    nextIsRecorded: next.recorded,
    joinUrl: meeting.booking.joinUrl,
    chatId: meeting.booking.chatId,
    replies: repliesOf(read.members, meeting.booking, read.invitations),
  };
}

/**
 * Each group's running meeting series — next occurrence, join link, meeting chat and each
 * member's reply — read together for all of them (meetings, members and invitation replies one
 * query each; the calendar only for a series whose recorded occurrence has passed). A group with
 * none booked, or whose last series has ended (a new one may then be booked), has no entry. The
 * caller authorises.
 */
export async function bookedSeriesOfEach(deps: BookedSeriesDeps, coreGroupIds: readonly string[]): Promise<Map<string, BookedSeries>> {
  const meetings = await deps.meetings.listByCoreGroups(coreGroupIds);
  const booked = coreGroupIds.flatMap((coreGroupId) => {
    const meeting = seriesMeeting(meetings.get(coreGroupId) ?? []);
    return meeting ? [{ coreGroupId, meeting }] : [];
  });
  if (booked.length === 0) return new Map();
  const [members, invitations] = await Promise.all([
    deps.coreGroups.membersOfEach(booked.map((entry) => entry.coreGroupId)),
    deps.meetings.invitationsOfEach(booked.map((entry) => entry.meeting.id)),
  ]);
  const described = await Promise.all(
    booked.map(async ({ coreGroupId, meeting }) => {
      const series = await describeSeries(deps, { meeting, members: members.get(coreGroupId) ?? [], invitations: invitations.get(meeting.id) ?? [] });
      return series ? [[coreGroupId, series] as const] : [];
    }),
  );
  return new Map(described.flat());
}

/** One group's running meeting series (see `bookedSeriesOfEach`), or nothing. */
export async function bookedSeriesOf(deps: BookedSeriesDeps, request: { coreGroupId: string }): Promise<BookedSeries | undefined> {
  return (await bookedSeriesOfEach(deps, [request.coreGroupId])).get(request.coreGroupId);
}
