import { parseCivilDate } from '../../src/domain/civil-date';
import type { CoreGroupMember, MemberRole } from '../../src/domain/core-group';
import { CONCERN_KINDS, RAISABLE_CONCERN_KINDS, actionToRaise, concernRecipients, escalationRoute, recipientsAtStep, rolesNobodyHolds } from '../../src/domain/escalation';
import type { Attendance } from '../../src/domain/minutes';
import type { Obligation } from '../../src/domain/obligations';
import type { PlanAction } from '../../src/domain/plan';
import { type Signal, detectSignals, signalRecipients } from '../../src/domain/signals';
import { aCoreGroup } from '../support/fixtures';

const d = (text: string) => parseCivilDate(text);
const action = (id: string, due: string, state: PlanAction['state'] = 'in-progress'): PlanAction => ({
  id, what: 'x', ownerMemberId: `owner-${id}`, agency: 'school', due: d(due), agreedOn: d('2026-06-12'), progressMeasure: 'y', state,
});
const held = (attendance: Record<string, Attendance>) => ({ meetingId: 'm', attendance: new Map(Object.entries(attendance)) });

function signals(overrides: Partial<Parameters<typeof detectSignals>[0]>) {
  return detectSignals({ asOf: d('2026-07-10'), actions: [], checkIns: [], heldMeetings: [], obligations: [], ...overrides });
}

test('an open action past its due date is a tasks-not-done signal to the lead social worker and manager', () => {
  const result = signals({ actions: [action('a1', '2026-07-01'), action('a2', '2026-07-01', 'done'), action('a3', '2026-07-20')] });
  const overdue = result.filter((s) => s.kind === 'action-overdue');
  expect(overdue).toEqual([expect.objectContaining({ subjectId: 'a1', concern: 'tasks-not-done', measure: 9, memberId: 'owner-a1', notify: ['lead-social-worker', 'team-manager'] })]);
});

test('an open action with no check-in for 14 days is silent; a recent check-in clears it', () => {
  const actions = [action('a1', '2026-08-01')];
  expect(signals({ actions }).filter((s) => s.kind === 'action-silent')).toEqual([expect.objectContaining({ subjectId: 'a1', measure: 28, concern: 'drift-and-delay' })]);
  const checkIns = [{ actionId: 'a1', memberId: 'owner-a1', status: 'on-track' as const, note: '', recordedAt: '2026-07-01T23:30:00Z' }];
  expect(signals({ actions, checkIns }).filter((s) => s.kind === 'action-silent')).toEqual([]);
  expect(signals({ actions, checkIns, thresholds: { silentAfterDays: 8, absentMeetingsInARow: 2 } }).find((s) => s.kind === 'action-silent')?.measure).toBe(8);
});

test('absent from two held meetings in a row; a representative or written report counts as taking part', () => {
  const meetings = [
    held({ hv: 'present', gp: 'absent', school: 'apologies', police: 'absent' }),
    held({ hv: 'apologies', gp: 'absent', school: 'written-report', police: 'absent' }),
    held({ hv: 'absent', gp: 'apologies', school: 'absent', police: 'representative-sent' }),
  ];
  const absent = signals({ heldMeetings: meetings }).filter((s) => s.kind === 'member-absent');
  expect(absent.map((s) => [s.subjectId, s.measure])).toEqual([['hv', 2], ['gp', 3]]);
  expect(absent[0]?.notify).toEqual(['lead-social-worker', 'team-manager']);
});

test('a missed deadline is a drift-and-delay signal', () => {
  const obligation = { id: 'first-core-group', status: 'overdue', daysLate: 4 } as Obligation;
  const met = { id: 'core-group-2', status: 'met', daysLate: 2 } as Obligation;
  expect(signals({ obligations: [obligation, met] })).toEqual([expect.objectContaining({ kind: 'deadline-missed', subjectId: 'first-core-group', measure: 4 })]);
});

describe('escalation routes from the seeds', () => {
  test.each(CONCERN_KINDS)('%s has a route with a source', (kind) => {
    const route = escalationRoute(kind);
    expect(route.steps.length).toBeGreaterThan(0);
    expect(route.source.citation).toMatch(/seed/);
  });

  test('plan not working: lead social worker and manager, then the conference chair (IRO)', () => {
    expect(recipientsAtStep('increased-risk', 0)).toEqual(['lead-social-worker', 'team-manager']);
    expect(recipientsAtStep('increased-risk', 1)).toEqual(['conference-chair']);
  });

  test('significant disagreement in the minutes: the team manager and the conference chair together (seed 002), then agency managers, then the co-ordinator', () => {
    expect(recipientsAtStep('significant-disagreement', 0)).toEqual(['team-manager', 'conference-chair']);
    expect(recipientsAtStep('significant-disagreement', 1)).toEqual(['agency-manager']);
    expect(recipientsAtStep('significant-disagreement', 99)).toEqual(['coordinator']);
    expect(escalationRoute('significant-disagreement').source.citation).toMatch(/^seed 002/);
    expect(RAISABLE_CONCERN_KINDS).not.toContain('significant-disagreement');
  });

  test('the roles nobody in the group holds are named: nobody there is told', () => {
    const { members } = aCoreGroup();
    expect(rolesNobodyHolds(members, ['team-manager', 'conference-chair'])).toEqual(['conference-chair']);
  });

  test('group not working: then agency managers or designated professionals', () => {
    expect(recipientsAtStep('continual-absence', 1)).toEqual(['agency-manager']);
    expect(recipientsAtStep('continual-absence', 99)).toEqual(['conference-chair']);
  });

  test.each([
    ['extra-meeting-request', 'request-extra-meeting'],
    ['increased-risk', 'raise-concern'],
    ['continual-absence', 'raise-concern'],
  ] as const)('raising %s needs the permission to %s', (kind, action) => {
    expect(actionToRaise(kind)).toBe(action);
  });

  test('an extra meeting request goes to the team leader; a refusal can go to the co-ordinator', () => {
    expect(recipientsAtStep('extra-meeting-request', 0)).toEqual(['team-manager']);
    expect(recipientsAtStep('extra-meeting-request', 1)).toEqual(['coordinator']);
  });
});

describe('who is told, 1:1 in Teams', () => {
  const member = (id: string, role: MemberRole, extra: Partial<CoreGroupMember> = {}): CoreGroupMember => ({ id, displayName: id, role, agency: 'a', aadObjectId: `aad-${id}`, reach: 'tenant', active: true, ...extra });
  const members = [
    member('lsw', 'lead-social-worker'),
    member('tm', 'team-manager'),
    member('tm-left', 'team-manager', { active: false }),
    member('tm-mail', 'team-manager', { aadObjectId: undefined, reach: 'email-only' }),
    member('hv', 'professional'),
    member('iro', 'conference-chair'),
  ];
  const ids = (list: readonly CoreGroupMember[]) => list.map((one) => one.id);

  test.each([
    ['increased risk raised by the health visitor', 'increased-risk', 'hv', ['lsw', 'tm', 'tm-mail']],
    ['increased risk raised by the lead social worker: not told of their own concern', 'increased-risk', 'lsw', ['tm', 'tm-mail']],
    ['an extra meeting request', 'extra-meeting-request', 'hv', ['tm', 'tm-mail']],
  ] as const)('a concern, to active members in Teams or reached by e-mail: %s', (_case, kind, raisedByMemberId, expected) => {
    expect(ids(concernRecipients({ members, kind, raisedByMemberId }))).toEqual(expected);
  });

  test.each([
    ['the lead social worker and manager (in Teams or reached by e-mail, not one who left)', ['lead-social-worker', 'team-manager'], ['lsw', 'tm', 'tm-mail']],
    ['the conference chair', ['conference-chair'], ['iro']],
    ['an agency manager (none in this group)', ['agency-manager'], []],
  ] as const)('a signal routed to %s', (_case, notify, expected) => {
    const signal: Signal = { kind: 'action-overdue', subjectId: 'a1', concern: 'tasks-not-done', notify, measure: 3 };
    expect(ids(signalRecipients(members, signal))).toEqual(expected);
  });
});
