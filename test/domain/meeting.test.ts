import { parseCivilDate } from '../../src/domain/civil-date';
import type { CoreGroupMember, MemberRole } from '../../src/domain/core-group';
import { RuleViolationError } from '../../src/domain/errors';
import { loadPolicyCatalogue } from '../../src/policies/policy-catalogue';
import { loadWorkingDayCalendars } from '../../src/holidays/working-day-calendars';
import {
  type CoreGroupMeeting,
  type MeetingStatus,
  cancelMeeting,
  changesRecordedOccurrence,
  chairOf,
  checkChairRule,
  checkMeetingRoleHolders,
  checkTookPlace,
  confirmHeld,
  hasStarted,
  markHeld,
  recordNotHeld,
  heldBefore,
  heldMeetingsOldestFirst,
  meetingInvitees,
  meetingPlace,
  meetingRolesOf,
  meetingSeries,
  meetingsInDateOrder,
  nextBookedMeeting,
  nextOrLatestMeeting,
  occurrencesOffWorkingDays,
  organiserOf,
  signOffReminders,
} from '../../src/domain/meeting';

const d = (text: string) => parseCivilDate(text);
const member = (id: string, role: MemberRole, extra: Partial<CoreGroupMember> = {}): CoreGroupMember => ({
  id, displayName: id, role, agency: 'agency', email: `${id}@example.org`, aadObjectId: `aad-${id}`, reach: 'tenant', active: true, ...extra,
});
const lead = member('lsw', 'lead-social-worker');
const manager = member('tm', 'team-manager');
const health = member('hv', 'professional');
const members = [health, lead, manager];
const meeting = (roles: Partial<Pick<CoreGroupMeeting, 'chairMemberId' | 'minuteTakerMemberId'>> = {}): CoreGroupMeeting => ({ id: 'm1', coreGroupId: 'cg1', date: d('2026-06-12'), status: 'scheduled', ...roles });

describe('who chairs and who takes the minutes', () => {
  test.each([
    ['nobody named: the lead social worker chairs', {}, { lsw: ['chair'], tm: [], hv: [] }],
    ['a named chair chairs instead of the lead social worker', { chairMemberId: 'tm' }, { lsw: [], tm: ['chair'], hv: [] }],
    ['a named minute-taker takes the minutes', { chairMemberId: 'tm', minuteTakerMemberId: 'hv' }, { lsw: [], tm: ['chair'], hv: ['minute-taker'] }],
    ['the lead social worker taking the minutes does not also chair', { minuteTakerMemberId: 'lsw' }, { lsw: ['minute-taker'], tm: [], hv: [] }],
  ])('%s', (_case, roles, expected) => {
    const held = meeting(roles);
    expect(Object.fromEntries(members.map((one) => [one.id, meetingRolesOf(held, one)]))).toEqual(expected);
  });

  test('a family member or the child named chair or minute-taker (stored before the rule) holds no meeting role', () => {
    const parent = member('mum', 'family-member');
    const child = member('yp', 'child');
    expect([meetingRolesOf(meeting({ chairMemberId: 'mum', minuteTakerMemberId: 'yp' }), parent), meetingRolesOf(meeting({ chairMemberId: 'mum', minuteTakerMemberId: 'yp' }), child)]).toEqual([[], []]);
    expect(chairOf(meeting({ chairMemberId: 'mum' }), [...members, parent])).toBeUndefined();
  });

  test.each([
    ['a family member', member('mum', 'family-member'), 'Only a professional'],
    ['the child', member('yp', 'child'), 'Only a professional'],
  ])('naming %s is refused', (_case, named, message) => {
    expect(() => checkMeetingRoleHolders([lead, named])).toThrow(message);
  });

  test('naming professionals is allowed, whatever their agency or standing role', () => {
    expect(() => checkMeetingRoleHolders([manager, health, member('iro', 'conference-chair'), member('co', 'coordinator')])).not.toThrow();
  });

  test.each([
    ['nobody named', {}, members, 'lsw'],
    ['a named chair', { chairMemberId: 'tm' }, members, 'tm'],
    ['the lead social worker has left and nobody was named', {}, [health, { ...lead, active: false }], undefined],
  ])('the chair when %s', (_case, roles, group, expected) => {
    expect(chairOf(meeting(roles), group)?.id).toBe(expected);
  });

  test.each([
    ['nobody named: the lead social worker is reminded as chair', {}, members, [['lsw', 'chair']]],
    ['chair and minute-taker named: both are reminded', { chairMemberId: 'tm', minuteTakerMemberId: 'hv' }, members, [['tm', 'chair'], ['hv', 'minute-taker']]],
    ['a minute-taker outside Teams is not reminded', { chairMemberId: 'tm', minuteTakerMemberId: 'hv' }, [lead, manager, { ...health, aadObjectId: undefined }], [['tm', 'chair']]],
    ['a chair who has left is not reminded', { chairMemberId: 'tm', minuteTakerMemberId: 'hv' }, [lead, { ...manager, active: false }, health], [['hv', 'minute-taker']]],
  ])('after the meeting, %s', (_case, roles, group, expected) => {
    expect(signOffReminders(meeting(roles), group).map((reminder) => [reminder.member.id, reminder.meetingRole])).toEqual(expected);
  });
});

describe('invitations and the organiser', () => {
  const group = [
    lead,
    member('mum', 'family-member', { reach: 'email-only', aadObjectId: undefined }),
    member('child', 'child'),
    member('gp', 'professional', { email: undefined }),
    member('left', 'professional', { active: false }),
  ];

  test('every active member with a mailbox is invited, except the child', () => {
    expect(meetingInvitees(group).map((one) => one.id)).toEqual(['lsw', 'mum']);
  });

  test.each([
    ['a shared mailbox organises when the area has one', 'core-groups@example.org', group, 'core-groups@example.org'],
    ['otherwise the lead social worker does', undefined, group, 'lsw@example.org'],
    ['a lead social worker without a mailbox cannot', undefined, [{ ...lead, email: undefined }], undefined],
  ])('%s', (_case, sharedMailbox, people, expected) => {
    expect(organiserOf({ invitees: meetingInvitees(people), sharedMailbox })).toBe(expected);
  });
});

describe('a booked series', () => {
  test.each([
    ['4-weekly until the review', { count: 4, unit: 'weeks' }, '2026-09-01', { every: 4, unit: 'weeks', until: '2026-09-01' }],
    ['monthly until the review', { count: 1, unit: 'months' }, '2026-09-01', { every: 1, unit: 'months', until: '2026-09-01' }],
    ['no review due: a single meeting', { count: 4, unit: 'weeks' }, undefined, undefined],
    ['counted in working days: a single meeting', { count: 20, unit: 'working-days' }, '2026-09-01', undefined],
  ] as const)('%s', (_case, frequency, until, expected) => {
    const series = meetingSeries(frequency, until ? d(until) : undefined);
    expect(series && { ...series, until: series.until.toString() }).toEqual(expected);
  });

  const booked = { startsAt: '2026-06-12T09:00:00.000Z' };
  test.each([
    ['the whole series', undefined, true],
    ['its first occurrence', Date.parse('2026-06-12T09:00:00Z'), true],
    ['a later occurrence', Date.parse('2026-07-10T09:00:00Z'), false],
  ])('whether changing %s changes the meeting as recorded', (_case, occurrenceStartMs, expected) => {
    expect(changesRecordedOccurrence(booked, occurrenceStartMs)).toBe(expected);
  });
});

describe('which meeting', () => {
  const on = (id: string, date: string, status: MeetingStatus) => ({ id, date: d(date), status });
  const meetings = [on('b', '2026-07-10', 'scheduled'), on('a', '2026-06-12', 'held'), on('c', '2026-05-29', 'held'), on('x', '2026-06-26', 'cancelled'), on('d', '2026-06-12', 'held')];
  const ids = (list: readonly { id: string }[]) => list.map((one) => one.id);

  test('in date order, the same day by id (as the store lists them)', () => {
    expect(ids(meetingsInDateOrder(meetings))).toEqual(['c', 'a', 'd', 'x', 'b']);
  });

  test('held meetings, oldest first; and those before a date', () => {
    expect(ids(heldMeetingsOldestFirst(meetingsInDateOrder(meetings)))).toEqual(['c', 'a', 'd']);
    expect(ids(heldBefore(meetings, d('2026-06-12')))).toEqual(['c']);
  });

  test.each([
    ['before anything is booked', '2026-05-01', 'b', 'c'],
    ['on the day of a held meeting', '2026-06-12', 'b', 'a'],
    ['between meetings', '2026-06-20', 'b', 'b'],
    ['after the last meeting', '2026-08-01', undefined, 'b'],
  ])('%s: the next booked meeting and the one a member means', (_case, today, nextBooked, meant) => {
    expect(nextBookedMeeting(meetings, d(today))?.id).toBe(nextBooked);
    expect(nextOrLatestMeeting(meetingsInDateOrder(meetings), d(today))?.id).toBe(meant);
  });

  test('no meetings but cancelled ones: none is meant', () => {
    expect(nextOrLatestMeeting([on('x', '2026-06-26', 'cancelled')], d('2026-06-01'))).toBeUndefined();
  });
});

describe('a meeting is held only when it happened', () => {
  const booked: CoreGroupMeeting = { ...meeting(), startsAt: '2026-06-12T09:00:00.000Z', endsAt: '2026-06-12T10:30:00.000Z' };
  const before = { nowIso: '2026-06-12T08:59:00.000Z', today: d('2026-06-12') };
  const after = { nowIso: '2026-06-12T09:00:00.000Z', today: d('2026-06-12') };

  test('its time has come at its booked start, or on its day when no time was booked', () => {
    expect([hasStarted(booked, before), hasStarted(booked, after)]).toEqual([false, true]);
    expect([hasStarted(meeting(), { nowIso: '2026-06-11T23:00:00.000Z', today: d('2026-06-11') }), hasStarted(meeting(), { nowIso: '2026-06-12T00:00:00.000Z', today: d('2026-06-12') })]).toEqual([false, true]);
  });

  test('minutes of a meeting still to come, cancelled or not held are neither signed nor circulated', () => {
    expect(() => checkTookPlace(booked, before, 'sign-minutes')).toThrow('The meeting starts on Fri 12 Jun 2026, 10:00; its minutes can be signed once it has taken place.');
    expect(() => checkTookPlace({ ...booked, status: 'not-held' }, after, 'circulate-minutes')).toThrow('This meeting did not take place, so its minutes cannot be circulated.');
    expect(() => checkTookPlace(booked, after, 'sign-minutes')).not.toThrow();
  });

  test('confirmed held once started, with someone present; saying it again changes nothing', () => {
    expect(() => confirmHeld(booked, { now: before, present: 3 })).toThrow(RuleViolationError);
    expect(() => confirmHeld(booked, { now: after, present: 0 })).toThrow('Record who attended first');
    const held = confirmHeld(booked, { now: after, present: 2 });
    expect(held.status).toBe('held');
    expect(confirmHeld(held, { now: after, present: 0 })).toBe(held);
  });

  test('not held: only once its time has come, with a reason; never over a held meeting; a retry changes nothing', () => {
    expect(() => recordNotHeld(booked, { now: before, reason: 'Nobody came' })).toThrow('a meeting still to come is cancelled, not recorded as not held');
    expect(() => recordNotHeld(booked, { now: after, reason: '  ' })).toThrow('Say why');
    const notHeld = recordNotHeld(booked, { now: after, reason: ' The family did not come ' });
    expect(notHeld).toMatchObject({ status: 'not-held', cancellationReason: 'The family did not come' });
    expect(recordNotHeld(notHeld, { now: after, reason: 'The family did not come' })).toBe(notHeld);
    expect(() => recordNotHeld({ ...booked, status: 'held' }, { now: after, reason: 'x' })).toThrow(RuleViolationError);
    expect(() => confirmHeld(notHeld, { now: after, present: 2 })).toThrow(RuleViolationError);
    expect(() => markHeld(notHeld)).toThrow(RuleViolationError);
    expect(() => cancelMeeting(notHeld, 'x')).toThrow(RuleViolationError);
  });
});

describe("each profile's chair rule, when the chair is named", () => {
  const catalogue = loadPolicyCatalogue();
  const chairOfRole = (role: MemberRole) => member(`m-${role}`, role);
  test.each([
    ['ten-working-days-four-weekly', 'first', 'team-manager', true],
    ['ten-working-days-four-weekly', 'first', 'lead-social-worker', false],
    ['ten-working-days-four-weekly', 'later', 'lead-social-worker', true],
    ['ten-working-days-four-weekly', 'later', 'team-manager', true],
    ['ten-working-days-four-weekly', 'later', 'professional', false],
    ['seven-working-days-six-weekly-after-review', 'first', 'lead-social-worker', true],
    ['seven-working-days-six-weekly-after-review', 'first', 'professional', false],
    ['seven-working-days-six-weekly-after-review', 'later', 'professional', true],
    ['england', 'first', 'team-manager', true],
    ['england', 'later', 'conference-chair', false],
  ] as const)('%s, %s core group, chaired by the %s: %s', (policy, stage, role, allowed) => {
    const check = () => checkChairRule(chairOfRole(role), catalogue.get(policy).rules.chair, stage);
    if (allowed) expect(check).not.toThrow();
    else expect(check).toThrow(RuleViolationError);
  });

  test('the refusal says who chairs and cites the source', () => {
    expect(() => checkChairRule(chairOfRole('lead-social-worker'), catalogue.get('ten-working-days-four-weekly').rules.chair, 'first')).toThrow(
      "The first core group is chaired by the lead social worker's manager (Seed 003: first meeting chaired by the lead social worker's manager; later by the lead social worker, or the team manager when concern rises); choose them as chair.",
    );
  });
});

describe('a booked series never puts a core group on a day off', () => {
  const calendar = loadWorkingDayCalendars()['england-and-wales'];
  const at = (iso: string) => Date.parse(iso);
  test('an occurrence on a bank holiday or a weekend moves to the working day before at the same UK time; the others stay', () => {
    const occurrences = [
      { id: 'a', startMs: at('2026-08-24T09:00:00Z'), endMs: at('2026-08-24T10:30:00Z') },
      // Monday 31 August 2026, the summer bank holiday, 10:00 BST.
      { id: 'b', startMs: at('2026-08-31T09:00:00Z'), endMs: at('2026-08-31T10:30:00Z') },
      // Monday 28 December 2026, the Boxing Day substitute: back past Christmas to Thursday 24th, 10:00 GMT.
      { id: 'c', startMs: at('2026-12-28T10:00:00Z'), endMs: at('2026-12-28T11:30:00Z') },
    ];
    expect(occurrencesOffWorkingDays(occurrences, calendar)).toEqual([
      { id: 'b', startMs: at('2026-08-28T09:00:00Z'), endMs: at('2026-08-28T10:30:00Z') },
      { id: 'c', startMs: at('2026-12-24T10:00:00Z'), endMs: at('2026-12-24T11:30:00Z') },
    ]);
  });
});

describe('where a core group meets (seed 000: accessible premises, privacy)', () => {
  test('on Teams needs no venue; in person or hybrid names one', () => {
    expect(meetingPlace('online', '  ')).toEqual({ mode: 'online' });
    expect(meetingPlace('hybrid', ' Family Centre, Room 2 ')).toEqual({ mode: 'hybrid', venue: 'Family Centre, Room 2' });
    expect(() => meetingPlace('in-person', ' ')).toThrow(/Name the venue/);
  });
});
