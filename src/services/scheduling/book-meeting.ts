import { randomUUID } from 'node:crypto';
import { type CivilDate, londonDateAtMs } from '../../domain/civil-date';
import type { CoreGroup } from '../../domain/core-group';
import { type CoreGroupMeeting, type MeetingMode, type MeetingPlace, meetingInvitees, meetingPlace, meetingSeries, occurrencesOffWorkingDays } from '../../domain/meeting';
import { oneLineUserText } from '../../domain/display-text';
import type { DocumentLanguage } from '../../i18n/language';
import { type CoveringWords, coveringMail } from '../notifications/covering-mail';
import { policyOf } from '../policy-calendar';
import { RuleViolationError, said } from '../../domain/errors';
import { type Caller, authorise } from '../authorise';
import { bookedSeriesOf } from './booked-series';
import { type BookedEvent, CalendarError, type MeetingInvitation } from '../ports/calendar.port';
import { LONDON, type SchedulingDeps, meetingMinutes, nextDeadlinesOf, organiserFor, transactionIdFor } from './scheduling-deps';

export interface Booking {
  readonly meeting: CoreGroupMeeting;
  readonly created: boolean;
  readonly caseReference: string;
  readonly joinUrl?: string | undefined;
  /** Whether the app is in the meeting chat with the agenda posted, or that step is still to retry. */
  readonly chat: 'ready' | 'pending';
}

/**
 * Books a slot as a Teams meeting on the organiser's calendar, inviting every member (inside
 * and outside the tenant), repeating at the policy's frequency until the next review
 * conference, with the case reference — never the child's name — in subject and body. The
 * booking key makes it happen once: a double click, a Teams retry or a crash between Graph
 * and the database all end with one event and one meeting. A case has one series at a time: a
 * new one is booked only once the last has ended.
 */
export async function bookMeeting(deps: SchedulingDeps, request: { caller: Caller; coreGroupId: string; startMs: number; mode?: MeetingMode | undefined; venue?: string | undefined }): Promise<Booking> {
  const { coreGroup } = await authorise(deps, { caller: request.caller, coreGroupId: request.coreGroupId, action: 'schedule-meeting' });
  const place = meetingPlace(request.mode ?? 'online', request.venue);
  const { bookingKey, existing } = await bookingKeyFor(deps, `${coreGroup.id}:${request.startMs}`);
  if (existing?.booking) return { meeting: existing, created: false, caseReference: coreGroup.caseReference, joinUrl: existing.booking.joinUrl, chat: existing.booking.chatId ? 'ready' : 'pending' };

  if (await bookedSeriesOf(deps, { coreGroupId: coreGroup.id })) throw new RuleViolationError('This case already has a series of core group meetings booked: move or cancel it; a new series can be booked once it has ended.', { said: said('serviceRefusals.scheduling.seriesBooked') });
  const { review, profile } = await nextDeadlinesOf(deps, coreGroup);
  return bookOnCalendar(deps, {
    coreGroup,
    bookingKey,
    startMs: request.startMs,
    place,
    recurrence: meetingSeries(profile.rules.frequency.period, review?.due),
    keepOnWorkingDaysUntil: review?.due,
  });
}

/**
 * Books one slot on the organiser's calendar — repeating when `recurrence` is given, else a
 * single meeting — inviting every member, records it as a meeting of the group under its booking
 * key (for a granted extra core group, linked to the request) and sets up its meeting chat with
 * the agenda. The key's Graph transaction id makes a retried create return the same event.
 */
export async function bookOnCalendar(
  deps: SchedulingDeps,
  booking: { coreGroup: CoreGroup; bookingKey: string; startMs: number; place: MeetingPlace; recurrence?: MeetingInvitation['recurrence']; keepOnWorkingDaysUntil?: CivilDate | undefined; grantedBy?: string | undefined },
): Promise<Booking> {
  const { coreGroup, bookingKey, place } = booking;
  const members = meetingInvitees(await deps.coreGroups.members(coreGroup.id));
  const organiser = organiserFor(deps, members);
  const endMs = booking.startMs + meetingMinutes(deps) * 60_000;
  const language = (await deps.documentLanguages?.of(coreGroup.id)) ?? 'en';
  const event: BookedEvent = await deps.calendar.createMeeting({
    organiser,
    transactionId: transactionIdFor(bookingKey),
    ...meetingInvitation({ caseReference: coreGroup.caseReference, extra: booking.grantedBy !== undefined, language }),
    startMs: booking.startMs,
    endMs,
    timeZone: LONDON,
    attendees: members.filter((member) => member.email.toLowerCase() !== organiser.toLowerCase()).map((member) => ({ email: member.email, name: member.displayName, required: member.role !== 'family-member' })),
    location: place.venue,
    recurrence: booking.recurrence,
  });
  if (booking.keepOnWorkingDaysUntil) await keepSeriesOnWorkingDays(deps, { coreGroup, organiser, eventId: event.eventId, fromMs: booking.startMs, until: booking.keepOnWorkingDaysUntil });
  const created = await deps.meetings.create(
    {
      id: randomUUID(),
      coreGroupId: coreGroup.id,
      date: londonDateAtMs(booking.startMs),
      startsAt: new Date(booking.startMs).toISOString(),
      endsAt: new Date(endMs).toISOString(),
      status: 'scheduled',
      booking: { organiser, eventId: event.eventId, joinUrl: event.joinUrl },
      ...(place.mode === 'online' ? {} : { place }),
      ...(booking.grantedBy ? { grantedBy: booking.grantedBy } : {}),
    },
    bookingKey,
  );
  const meeting = created.meeting;
  const chat = event.joinUrl ? await setUpMeetingChat(deps, { coreGroup, meeting, organiser, event: { ...event, joinUrl: event.joinUrl } }) : 'pending';
  return { meeting: (await deps.meetings.findById(meeting.id)) ?? meeting, created: created.created, caseReference: coreGroup.caseReference, joinUrl: event.joinUrl, chat };
}

/**
 * What the meeting invitation says, in the group's document language (both: the Welsh first, then
 * the English, as a covering e-mail): the case by reference only, never the child's name. Its
 * subject is a header line, and the body is sent as text.
 */
export function meetingInvitation(options: { caseReference: string; extra: boolean; language: DocumentLanguage }): CoveringWords {
  const caseReference = oneLineUserText(options.caseReference);
  return coveringMail({ chosen: undefined, record: options.language }, ({ t }) => ({
    subject: t(options.extra ? 'meetingInvite.subjectExtra' : 'meetingInvite.subject', { caseReference }),
    bodyText: t(options.extra ? 'meetingInvite.bodyExtra' : 'meetingInvite.body', { caseReference }),
  }));
}

/**
 * Moves each occurrence of a new series that falls on a weekend or a bank holiday to the working
 * day before (an exception in the series, which Outlook sends to the invitees). Safe to repeat: a
 * moved occurrence is on a working day.
 */
async function keepSeriesOnWorkingDays(deps: SchedulingDeps, series: { coreGroup: CoreGroup; organiser: string; eventId: string; fromMs: number; until: CivilDate }): Promise<void> {
  const { calendar } = policyOf(deps, series.coreGroup);
  const untilMs = series.until.add({ days: 1 }).toZonedDateTime({ timeZone: LONDON }).epochMilliseconds;
  const occurrences = await deps.calendar.occurrences(series.organiser, series.eventId, series.fromMs, untilMs);
  for (const moved of occurrencesOffWorkingDays(occurrences, calendar)) {
    await deps.calendar.reschedule(series.organiser, moved.id, { startMs: moved.startMs, endMs: moved.endMs, timeZone: LONDON });
  }
}

/**
 * The booking key of a slot, and what it booked already. A series booked at this slot that has
 * since been cancelled or met keeps its key: booking the slot again is a new series, keyed after
 * that one (so still booked once).
 */
export async function bookingKeyFor(deps: SchedulingDeps, slotKey: string): Promise<{ bookingKey: string; existing: CoreGroupMeeting | undefined }> {
  let bookingKey = slotKey;
  let existing = await deps.meetings.findByBookingKey(bookingKey);
  while (existing && existing.status !== 'scheduled') {
    bookingKey = `${slotKey}:after:${existing.id}`;
    existing = await deps.meetings.findByBookingKey(bookingKey);
  }
  return { bookingKey, existing };
}

/** Puts the app into the meeting chat, records the chat on the meeting and posts the agenda there. */
async function setUpMeetingChat(deps: SchedulingDeps, booked: { coreGroup: CoreGroup; meeting: CoreGroupMeeting; organiser: string; event: BookedEvent & { joinUrl: string } }): Promise<'ready' | 'pending'> {
  const { coreGroup, meeting, organiser, event } = booked;
  try {
    const chatId = await deps.calendar.meetingChatId(organiser, event.joinUrl);
    if (!chatId) return 'pending';
    await deps.calendar.installAppInChat(chatId, deps.teamsAppId);
    await deps.meetings.update({ ...meeting, booking: { organiser, eventId: event.eventId, joinUrl: event.joinUrl, chatId } });
    await deps.agenda.publishAgenda({ coreGroupId: coreGroup.id, meetingId: meeting.id, chatId });
    return 'ready';
  } catch (error) {
    // The meeting is booked and the invitations are out: only the chat step is missing, and
    // `chat: 'pending'` tells the caller to retry it rather than report the booking failed.
    if (!(error instanceof CalendarError)) throw error;
    return 'pending';
  }
}
