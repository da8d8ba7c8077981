import { parseCivilDate } from '../../src/domain/civil-date';
import { type ConcernAtStep, afterDecision, decisionsOpenTo, responseWindow, routeNameOf, stepClock, stepPeople } from '../../src/domain/concern-steps';
import { CONCERN_KINDS, escalationRoute } from '../../src/domain/escalation';
import { loadWorkingDayCalendars } from '../../src/holidays/working-day-calendars';
import { loadPolicyCatalogue } from '../../src/policies/policy-catalogue';
import { aCoreGroup } from '../support/fixtures';

const catalogue = loadPolicyCatalogue();
const england = catalogue.get('england');
const calendar = loadWorkingDayCalendars()['england-and-wales'];

const clockOf = (concern: ConcernAtStep, asOf: string) => stepClock({ profile: england, calendar, concern, asOf: parseCivilDate(asOf) });

describe('when a concern at a step climbs', () => {
  // Raised on Thursday 20 August 2026: 10 working days run over a weekend and the August bank holiday (31 August).
  const tasksNotDone: ConcernAtStep = { kind: 'tasks-not-done', step: 0, status: 'open', stepStartedAt: '2026-08-20T10:00:00.000Z' };

  test.each([
    ['the last day of the window', '2026-09-04', false],
    ['the weekend after it', '2026-09-05', false],
    ['the next working day', '2026-09-07', true],
  ])('10 working days over a weekend and a bank holiday: %s (%s) climbs? %s', (_label, asOf, climbs) => {
    const clock = clockOf(tasksNotDone, asOf);
    expect(clock.respondBy.toString()).toBe('2026-09-04');
    expect(clock.climbs).toBe(climbs);
    expect(clock.overdue).toBe(climbs);
  });

  test('an extra meeting request over Christmas: 5 working days skip Christmas Day, the Boxing Day substitute and New Year', () => {
    const request: ConcernAtStep = { kind: 'extra-meeting-request', step: 0, status: 'open', stepStartedAt: '2026-12-23T16:00:00.000Z' };
    expect(clockOf(request, '2027-01-04')).toEqual({ respondBy: parseCivilDate('2027-01-04'), overdue: false, climbs: false });
    expect(clockOf(request, '2027-01-05').climbs).toBe(true);
  });

  test('a step started late in the evening counts from its London date (BST)', () => {
    const late: ConcernAtStep = { ...tasksNotDone, stepStartedAt: '2026-08-19T23:30:00.000Z' };
    expect(clockOf(late, '2026-09-04').respondBy.toString()).toBe('2026-09-04');
  });

  test('at the last step a concern past its window is overdue and stays', () => {
    const last: ConcernAtStep = { ...tasksNotDone, step: 2 };
    expect(clockOf(last, '2026-12-01')).toMatchObject({ overdue: true, climbs: false });
  });

  test('a closed concern neither climbs nor is overdue', () => {
    expect(clockOf({ ...tasksNotDone, status: 'resolved' }, '2026-12-01')).toMatchObject({ overdue: false, climbs: false });
  });

  test.each(catalogue.all.map((profile) => [profile.id, profile] as const))('%s gives every step of every route a window, marked as the area’s setting', (_id, profile) => {
    for (const kind of CONCERN_KINDS) {
      const windows = profile.rules.concernResponse.workingDays[routeNameOf(kind)];
      expect(windows).toHaveLength(escalationRoute(kind).steps.length);
      escalationRoute(kind).steps.forEach((_step, step) => expect(responseWindow(profile, { kind, step })).toBeGreaterThan(0));
    }
    expect(profile.rules.concernResponse.source).toEqual({ citation: expect.stringContaining("area's setting"), verified: false });
  });
});

describe('what can be decided about a concern', () => {
  test.each([
    ['a step of a concern', { kind: 'drift-and-delay', step: 0, status: 'open' }, 'step', ['acknowledge', 'resolve', 'escalate']],
    ['the last step', { kind: 'drift-and-delay', step: 2, status: 'open' }, 'step', ['acknowledge', 'resolve']],
    ['the team leader, an extra meeting request', { kind: 'extra-meeting-request', step: 0, status: 'open' }, 'step', ['acknowledge', 'grant', 'refuse', 'escalate']],
    ['the requester, after a refusal', { kind: 'extra-meeting-request', step: 0, status: 'refused' }, 'raiser', ['take-to-next-step']],
    ['the requester, after the co-ordinator refused too', { kind: 'extra-meeting-request', step: 1, status: 'refused' }, 'raiser', []],
    ['the raiser of an open concern', { kind: 'drift-and-delay', step: 0, status: 'open' }, 'raiser', []],
    ['anyone else', { kind: 'drift-and-delay', step: 0, status: 'open' }, 'neither', []],
    ['a step, once resolved', { kind: 'drift-and-delay', step: 0, status: 'resolved' }, 'step', []],
  ] as const)('%s', (_label, concern, standing, decisions) => {
    expect(decisionsOpenTo(concern, standing)).toEqual(decisions);
  });

  test('acknowledging keeps the concern where it is; escalating and taking a refusal on climb a step; closing keeps the step', () => {
    expect(afterDecision({ step: 0, status: 'open' }, 'acknowledge')).toEqual({ step: 0, status: 'open' });
    expect(afterDecision({ step: 0, status: 'open' }, 'escalate')).toEqual({ step: 1, status: 'open' });
    expect(afterDecision({ step: 0, status: 'refused' }, 'take-to-next-step')).toEqual({ step: 1, status: 'open' });
    expect(afterDecision({ step: 1, status: 'open' }, 'grant')).toEqual({ step: 1, status: 'resolved' });
    expect(afterDecision({ step: 0, status: 'open' }, 'refuse')).toEqual({ step: 0, status: 'refused' });
  });

  test("a step's people: the active members holding its roles, and the area's contacts holding them", () => {
    const { members } = aCoreGroup();
    const chair = { id: 'c1', tenantId: 't', area: 'england', name: 'Priya Shah', role: 'conference-chair' as const };
    const coordinator = { id: 'c2', tenantId: 't', area: 'england', name: 'Dafydd Evans', role: 'coordinator' as const };
    const people = stepPeople({ kind: 'increased-risk', step: 1, members, areaContacts: [chair, coordinator] });
    expect(people.areaContacts).toEqual([chair]);
    expect(people.members.every((member) => member.role === 'conference-chair' && member.active)).toBe(true);
  });
});
