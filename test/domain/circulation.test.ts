import { parseCivilDate } from '../../src/domain/civil-date';
import { type PlanDelivery, afterMeetingObligation, awaitingPlan, minutesCirculation, minutesCirculationDue, minutesCirculationObligation, planRecipients } from '../../src/domain/circulation';
import type { CoreGroupMember, MemberRole } from '../../src/domain/core-group';
import { type Attendance, emptyMinutesContent } from '../../src/domain/minutes';
import { computeObligations } from '../../src/domain/obligations';
import { loadWorkingDayCalendars } from '../../src/holidays/working-day-calendars';
import { loadPolicyCatalogue } from '../../src/policies/policy-catalogue';

const catalogue = loadPolicyCatalogue();
const calendar = loadWorkingDayCalendars()['england-and-wales'];
const d = (text: string) => parseCivilDate(text);
/** A meeting on Friday 12 June 2026; under the 4-weekly seed variant its minutes are due 5 working days later, Friday 19 June. */
const profile = catalogue.get('ten-working-days-four-weekly');
const meeting = { id: 'm1', date: d('2026-06-12') };

describe('circulation of a meeting’s minutes', () => {
  test('the due date is the policy’s circulation period after the meeting, in working days', () => {
    expect(minutesCirculationDue({ profile, calendar, meetingDate: meeting.date }).toString()).toBe('2026-06-19');
  });

  test.each([
    ['a week before', '2026-06-12', false, 'due'],
    ['two days before', '2026-06-17', false, 'due'],
    ['the day before', '2026-06-18', false, 'at-risk'],
    ['on the day', '2026-06-19', false, 'at-risk'],
    ['the day after', '2026-06-20', false, 'overdue'],
    ['the day after, but everyone had them', '2026-06-20', true, 'met'],
    ['a week before, and everyone had them', '2026-06-12', true, 'met'],
  ])('%s the deadline: %s', (_case, today, circulated, expected) => {
    const circulations = circulated ? [{ meetingId: 'm1', kind: 'minutes' as const, on: d('2026-06-15') }] : [];
    const judged = minutesCirculation({ profile, calendar, meeting, circulations, today: d(today) });
    expect({ due: judged.due.toString(), status: judged.status }).toEqual({ due: '2026-06-19', status: expected });
  });

  test.each([
    ['the plan of this meeting', { meetingId: 'm1', kind: 'plan' as const }],
    ['the minutes of another meeting', { meetingId: 'm2', kind: 'minutes' as const }],
  ])('circulating %s does not circulate these minutes', (_case, other) => {
    expect(minutesCirculation({ profile, calendar, meeting, circulations: [{ ...other, on: d('2026-06-15') }], today: d('2026-06-20') }).status).toBe('overdue');
  });

  test('the obligation to circulate one meeting’s minutes is found among the case’s obligations', () => {
    const timeline = { icpcDate: d('2026-06-01'), meetings: [{ ...meeting, status: 'held' as const }], reviewConferences: [], circulations: [], agencyReports: [], agencies: [] };
    const obligations = computeObligations({ profile, calendar, timeline, asOf: d('2026-06-22') });
    const found = minutesCirculationObligation(obligations, 'm1');
    expect(found && { kind: found.kind, due: found.due.toString(), status: found.status }).toEqual({ kind: 'minutes-circulation', due: '2026-06-19', status: 'overdue' });
    expect(minutesCirculationObligation(obligations, 'm2')).toBeUndefined();
  });
});

const person = (id: string, role: MemberRole = 'professional', active = true): CoreGroupMember => ({ id, displayName: id, role, agency: 'an agency', reach: 'tenant', active });

describe('who the plan goes to after a core group (seed 001)', () => {
  const members = [person('lead', 'lead-social-worker'), person('health'), person('school'), person('parent', 'family-member'), person('iro', 'conference-chair'), person('later'), person('left', 'professional', false)];
  const invited = members.filter((member) => ['lead', 'health', 'school', 'parent', 'left'].includes(member.id));
  const minutesWith = (attendance: Record<string, Attendance>, sharing = { withFamily: false, withChild: false }) => {
    const content = emptyMinutesContent(invited);
    return { content: { ...content, sharing, attendance: content.attendance.map((entry) => ({ ...entry, attendance: attendance[entry.memberId] ?? entry.attendance })) } };
  };

  test('everyone present and everyone invited who could not come, and the conference chair; not someone who joined after it, nor anyone who left', () => {
    const recipients = planRecipients({ members, minutes: minutesWith({ lead: 'present', health: 'apologies', school: 'absent' }) });
    expect(recipients.map((member) => member.id)).toEqual(['lead', 'health', 'school', 'iro']);
  });

  test('the family as the group decided for the minutes; every active member, the family included (shared by default, seeds 002/004), when no minutes say who was invited', () => {
    expect(planRecipients({ members, minutes: minutesWith({}, { withFamily: true, withChild: false }) }).map((member) => member.id)).toContain('parent');
    expect(planRecipients({ members, minutes: undefined }).map((member) => member.id)).toEqual(['lead', 'health', 'school', 'parent', 'iro', 'later']);
  });

  const delivery = (memberId: string, overrides: Partial<PlanDelivery> = {}): PlanDelivery => ({ meetingId: 'm1', planVersion: 2, memberId, channel: 'teams', outcome: 'sent', at: '2026-06-15T09:00:00.000Z', resent: false, ...overrides });

  test.each([
    ['nothing sent yet', [], [], ['lead', 'health']],
    ['sent to both', [delivery('lead'), delivery('health')], [], []],
    ['one failed', [delivery('lead'), delivery('health', { outcome: 'failed', channel: 'email' })], [], ['health']],
    ['an older version only', [delivery('lead', { planVersion: 1 }), delivery('health')], [], ['lead']],
    ['sent, then they said it had not arrived', [delivery('lead'), delivery('health')], ['health'], ['health']],
    ['said it had not arrived, and sent again since', [delivery('lead'), delivery('health'), delivery('health', { resent: true })], ['health'], []],
  ] as const)('who is still waiting for version 2: %s', (_case, deliveries, reportedBy, waiting) => {
    const recipients = [person('lead', 'lead-social-worker'), person('health')];
    const notReceived = reportedBy.map((memberId) => ({ meetingId: 'm1', planVersion: 2, memberId, at: '2026-06-16T09:00:00.000Z' }));
    expect(awaitingPlan({ recipients, version: 2, deliveries, notReceived }).map((member) => member.id)).toEqual(waiting);
  });

  test('the plan and CP9 deadlines after a meeting are found among the obligations only where the profile sets them', () => {
    const timeline = { icpcDate: d('2026-06-01'), meetings: [{ ...meeting, status: 'held' as const }], reviewConferences: [], circulations: [{ meetingId: 'm1', kind: 'plan' as const, on: d('2026-06-16') }], agencyReports: [], agencies: [] };
    const withCp9 = computeObligations({ profile: catalogue.get('plan-in-five-working-days-cp9-in-seven-days'), calendar, timeline, asOf: d('2026-06-22') });
    expect(afterMeetingObligation(withCp9, { kind: 'plan-circulation', meetingId: 'm1' })).toMatchObject({ status: 'met', due: d('2026-06-19') });
    expect(afterMeetingObligation(withCp9, { kind: 'cp9', meetingId: 'm1' })).toMatchObject({ status: 'overdue', due: d('2026-06-19') });
    const withoutCp9 = computeObligations({ profile: catalogue.get('england'), calendar, timeline, asOf: d('2026-06-22') });
    expect(afterMeetingObligation(withoutCp9, { kind: 'cp9', meetingId: 'm1' })).toBeUndefined();
  });
});
