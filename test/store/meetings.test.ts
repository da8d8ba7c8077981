import { randomUUID } from 'node:crypto';
import { parseCivilDate } from '../../src/domain/civil-date';
import { NotFoundError } from '../../src/domain/errors';
import { assignMeetingRoles, cancelMeeting, type CoreGroupMeeting } from '../../src/domain/meeting';
import { aCoreGroup } from '../support/fixtures';
import { rejectionOf } from '../support/rejection';
import { describeEachEngine, useMigratedStore } from './each-engine';

const d = (text: string) => parseCivilDate(text);

describeEachEngine('meetings and the case timeline', (engine) => {
  const context = useMigratedStore(engine);

  const aGroup = async () => {
    const group = aCoreGroup();
    await context.store.coreGroups.create(group.coreGroup, group.members);
    return group;
  };
  const aMeeting = (coreGroupId: string, overrides: Partial<CoreGroupMeeting> = {}): CoreGroupMeeting => ({ id: randomUUID(), coreGroupId, date: d('2026-06-12'), status: 'scheduled', ...overrides });

  test('booking the same meeting twice with one booking key creates one meeting, also when both arrive at once', async () => {
    const { store } = context;
    const { coreGroup } = await aGroup();
    const meeting = aMeeting(coreGroup.id);
    const first = await store.meetings.create(meeting, `booking-${coreGroup.id}-1`);
    const again = await store.meetings.create({ ...meeting, id: randomUUID() }, `booking-${coreGroup.id}-1`);
    expect(first.created).toBe(true);
    expect(again).toEqual({ meeting, created: false });
    const racing = await Promise.all([aMeeting(coreGroup.id), aMeeting(coreGroup.id)].map((m) => store.meetings.create(m, `booking-${coreGroup.id}-2`)));
    expect(racing.map((result) => result.created).sort()).toEqual([false, true]);
    expect(racing[0]?.meeting).toEqual(racing[1]?.meeting);
    expect(await store.meetings.listByCoreGroup(coreGroup.id)).toHaveLength(2);
    expect(await store.meetings.findByBookingKey(`booking-${coreGroup.id}-2`)).toEqual(racing[0]?.meeting);
  });

  test('roles, the booked slot, the calendar event and a cancellation are saved and read back', async () => {
    const { store } = context;
    const { coreGroup, lead, manager } = await aGroup();
    const meeting = aMeeting(coreGroup.id, { date: d('2099-01-05') });
    await store.meetings.create(meeting);
    const booked: CoreGroupMeeting = {
      ...assignMeetingRoles(meeting, { chairMemberId: manager.id, minuteTakerMemberId: lead.id }),
      startsAt: '2099-01-05T10:00:00.000Z',
      endsAt: '2099-01-05T11:00:00.000Z',
      booking: { organiser: 'lead@example.org', eventId: `event-${meeting.id}`, joinUrl: 'https://teams.example/join', chatId: '19:meeting' },
    };
    await store.meetings.update(booked);
    expect(await store.meetings.findById(meeting.id)).toEqual(booked);
    expect(await store.meetings.findByCalendarEvent(`event-${meeting.id}`)).toEqual(booked);
    expect((await store.meetings.listBookedFrom(d('2099-01-01'), 100)).map((m) => m.id)).toEqual([meeting.id]);
    const cancelled = cancelMeeting(booked, 'Family bereavement');
    await store.meetings.update(cancelled);
    expect(await store.meetings.findById(meeting.id)).toEqual(cancelled);
    expect(await store.meetings.listBookedFrom(d('2099-01-01'), 100)).toEqual([]);
  });

  test('an extra core group keeps the granted request it was booked for, through an update', async () => {
    const { store } = context;
    const { coreGroup } = await aGroup();
    const concernId = randomUUID();
    const extra = aMeeting(coreGroup.id, { grantedBy: concernId, startsAt: '2026-06-12T09:00:00.000Z', booking: { organiser: 'lead@example.org', eventId: `event-${concernId}` } });
    await store.meetings.create(extra, `extra:${concernId}`);
    await store.meetings.update({ ...extra, status: 'held' });
    expect(await store.meetings.findById(extra.id)).toMatchObject({ grantedBy: concernId, status: 'held' });
    expect((await store.meetings.listByCoreGroups([coreGroup.id])).get(coreGroup.id)).toEqual([expect.objectContaining({ grantedBy: concernId })]);
  });

  test('updating a meeting that does not exist is refused rather than silently lost', async () => {
    await expect(context.store.meetings.update(aMeeting(randomUUID()))).rejects.toThrow(NotFoundError);
  });

  test('invitation replies are kept per member and replaced by a later reply; a bad batch records nothing', async () => {
    const { store } = context;
    const { coreGroup, lead, teacher } = await aGroup();
    const meeting = aMeeting(coreGroup.id);
    await store.meetings.create(meeting);
    await store.meetings.recordInvitationResponses(meeting.id, [{ memberId: lead.id, response: 'accepted' }, { memberId: teacher.id, response: 'tentativelyAccepted' }], '2026-06-01T09:00:00.000Z');
    await store.meetings.recordInvitationResponses(meeting.id, [{ memberId: teacher.id, response: 'declined' }], '2026-06-02T09:00:00.000Z');
    const expected = [{ memberId: lead.id, response: 'accepted' }, { memberId: teacher.id, response: 'declined' }].sort((a, b) => a.memberId.localeCompare(b.memberId));
    expect(await store.meetings.invitations(meeting.id)).toEqual(expected);
    expect(await rejectionOf(store.meetings.recordInvitationResponses(meeting.id, [{ memberId: lead.id, response: 'declined' }, { memberId: 'no-such-member', response: 'accepted' }], '2026-06-03T09:00:00.000Z'))).toMatch(/foreign key/i);
    expect(await store.meetings.invitations(meeting.id)).toEqual(expected);
  });

  test('the case timeline holds meetings, reviews, circulations, agency reports and the agencies expected to report', async () => {
    const { store } = context;
    const { coreGroup } = await aGroup();
    const [m1, m2] = [`${coreGroup.id}-m1`, `${coreGroup.id}-m2`];
    await store.meetings.create({ id: m1, coreGroupId: coreGroup.id, date: d('2026-06-12'), status: 'held' });
    await store.meetings.create({ id: m2, coreGroupId: coreGroup.id, date: d('2026-07-10'), status: 'cancelled', cancellationReason: 'x', place: { mode: 'in-person', venue: 'Family Centre, Room 2' } });
    expect((await store.meetings.findById(m2))!.place).toEqual({ mode: 'in-person', venue: 'Family Centre, Room 2' });
    expect((await store.meetings.findById(m1))!.place).toBeUndefined();
    await store.meetings.recordCirculation({ meetingId: m1, kind: 'minutes', on: d('2026-06-16') });
    await store.meetings.recordCirculation({ meetingId: m1, kind: 'minutes', on: d('2026-06-30') });
    await store.meetings.recordCirculation({ meetingId: m1, kind: 'cp9', on: d('2026-06-18') });
    const review = `${coreGroup.id}-r1`;
    await store.meetings.recordReviewConference({ id: review, coreGroupId: coreGroup.id, date: d('2026-08-27'), status: 'scheduled' });
    await store.meetings.recordReviewConference({ id: review, coreGroupId: coreGroup.id, date: d('2026-08-28'), status: 'held', outcome: 'continue', chairName: 'Helen Moss', nextReviewOn: d('2027-01-28') });
    await store.meetings.recordAgencyReport({ reviewConferenceId: review, agency: 'school', on: d('2026-08-20') });
    await store.meetings.recordAgencyReport({ reviewConferenceId: review, agency: 'school', on: d('2026-08-21') });
    const timeline = await store.meetings.loadCaseTimeline(coreGroup.id);
    expect(timeline.icpcDate.toString()).toBe('2026-06-01');
    expect(timeline.planEndedOn).toBeUndefined();
    expect(timeline.meetings.map((m) => [m.id, m.date.toString(), m.status]).sort()).toEqual([[m1, '2026-06-12', 'held'], [m2, '2026-07-10', 'cancelled']]);
    expect(timeline.circulations.map((c) => [c.meetingId, c.kind, c.on.toString()]).sort()).toEqual([[m1, 'cp9', '2026-06-18'], [m1, 'minutes', '2026-06-16']]);
    expect(timeline.reviewConferences.map((r) => [r.id, r.date.toString(), r.status, r.outcome, r.nextReviewOn?.toString()])).toEqual([[review, '2026-08-28', 'held', 'continue', '2027-01-28']]);
    expect(await store.meetings.reviewConferences(coreGroup.id)).toEqual([{ id: review, coreGroupId: coreGroup.id, date: d('2026-08-28'), status: 'held', outcome: 'continue', chairName: 'Helen Moss', nextReviewOn: d('2027-01-28') }]);
    expect(timeline.agencyReports.map((r) => [r.reviewConferenceId, r.agency, r.on.toString()])).toEqual([[review, 'school', '2026-08-21']]);
    expect(timeline.agencies).toEqual(["children's social care", 'health visiting', 'school']);
    // Given the group already read in the request, the same timeline comes without reading it again.
    expect(await store.meetings.loadCaseTimeline(coreGroup.id, coreGroup)).toEqual(timeline);
  });

  test("a member who left no longer counts among the agencies expected to report, and another core group's events stay out", async () => {
    const { store } = context;
    const { coreGroup, teacher } = await aGroup();
    const other = await aGroup();
    await store.meetings.create({ id: `${other.coreGroup.id}-m1`, coreGroupId: other.coreGroup.id, date: d('2026-06-12'), status: 'held' });
    await store.coreGroups.updateMember(coreGroup.id, { ...teacher, active: false });
    const timeline = await store.meetings.loadCaseTimeline(coreGroup.id);
    expect(timeline.agencies).toEqual(["children's social care", 'health visiting']);
    expect(timeline.meetings).toEqual([]);
  });

  test('the timeline of a core group that does not exist is NotFound', async () => {
    await expect(context.store.meetings.loadCaseTimeline(randomUUID())).rejects.toThrow(NotFoundError);
  });

  test('foreign keys are enforced: no meeting for a core group that does not exist', async () => {
    expect(await rejectionOf(context.store.meetings.create(aMeeting('no-such-core-group')))).toMatch(/foreign key/i);
  });
});
