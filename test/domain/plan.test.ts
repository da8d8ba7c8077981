import { parseCivilDate } from '../../src/domain/civil-date';
import { RuleViolationError } from '../../src/domain/errors';
import { ACTION_STATES, type ActionState, type CheckIn, type CheckInStatus, type ChildProtectionPlan, type PlanAction, applyCheckIn, canTransition, currentActions, openActionsOwnedBy, revisePlan, transitionAction } from '../../src/domain/plan';

const action: PlanAction = {
  id: 'a1',
  what: 'Health visitor visits weekly and records the home conditions',
  ownerMemberId: 'hv',
  agency: 'health visiting',
  due: parseCivilDate('2026-07-01'),
  agreedOn: parseCivilDate('2026-06-12'),
  childSeenFrequency: 'weekly',
  progressMeasure: 'Home conditions checklist scored at each visit',
  state: 'not-started',
};

const plan: ChildProtectionPlan = {
  coreGroupId: 'cg1',
  version: 1,
  outcomes: [{ id: 'o1', text: 'Sam lives in a safe, clean home' }],
  actions: [action],
  contingencyPlan: 'If conditions do not improve in 4 weeks, the lead social worker convenes a strategy discussion',
  resources: 'Family support worker 2 hours a week',
  monitoring: 'Fortnightly visits',
};

describe('action state transitions', () => {
  const allowed: [ActionState, ActionState][] = [
    ['not-started', 'in-progress'], ['not-started', 'done'], ['in-progress', 'at-risk'], ['at-risk', 'in-progress'],
    ['blocked', 'in-progress'], ['in-progress', 'done'], ['done', 'in-progress'], ['in-progress', 'dropped'],
  ];
  const refused: [ActionState, ActionState][] = [
    ['dropped', 'in-progress'], ['dropped', 'done'], ['done', 'blocked'], ['done', 'not-started'], ['in-progress', 'not-started'],
  ];

  test.each(allowed)('%s → %s is allowed', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
    expect(transitionAction({ ...action, state: from }, to).state).toBe(to);
  });

  test.each(refused)('%s → %s is refused', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
    expect(() => transitionAction({ ...action, state: from }, to)).toThrow(RuleViolationError);
  });

  test('every state can stay as it is', () => {
    for (const state of ACTION_STATES) expect(canTransition(state, state)).toBe(true);
  });
});

describe('check-ins', () => {
  const checkIn = { actionId: 'a1', memberId: 'hv', note: 'Visited Tuesday', recordedAt: '2026-06-20T10:00:00Z' };

  test.each([
    ['on-track', 'in-progress'],
    ['at-risk', 'at-risk'],
    ['blocked', 'blocked'],
    ['done', 'done'],
  ] as const)('"%s" moves the action to %s', (status, state) => {
    expect(applyCheckIn(action, { ...checkIn, status }).state).toBe(state);
  });

  test('only the owner checks in on an action', () => {
    expect(() => applyCheckIn(action, { ...checkIn, memberId: 'teacher', status: 'done' })).toThrow('only the owner');
  });

  test('a dropped action takes no more check-ins', () => {
    expect(() => applyCheckIn({ ...action, state: 'dropped' }, { ...checkIn, status: 'on-track' })).toThrow(RuleViolationError);
  });
});

describe('where the plan\'s actions stand after their check-ins', () => {
  const answer = (status: CheckInStatus, day: string, memberId = 'hv'): CheckIn => ({ actionId: 'a1', memberId, status, note: '', recordedAt: `2026-06-${day}T10:00:00Z` });

  test.each([
    ['no check-in: as the plan says', 'not-started', [], 'not-started', undefined],
    ['one answer moves it', 'not-started', [answer('on-track', '15')], 'in-progress', '15'],
    ['answers apply in turn; the last one counts', 'not-started', [answer('at-risk', '15'), answer('done', '20')], 'done', '20'],
    ['done work reopened by a later answer', 'not-started', [answer('done', '15'), answer('on-track', '20')], 'in-progress', '20'],
    ['someone other than the owner moves nothing', 'not-started', [answer('done', '15', 'teacher')], 'not-started', undefined],
    ['a dropped action stays dropped: the answer is kept but moves nothing', 'dropped', [answer('done', '15')], 'dropped', undefined],
  ] as const)('%s', (_case, state, checkIns, expectedState, lastOn) => {
    const [current] = currentActions([{ ...action, state }], checkIns);
    expect(current!.state).toBe(expectedState);
    expect(current!.lastCheckIn?.recordedAt.slice(8, 10)).toBe(lastOn);
  });

  test('answers about other actions are not mixed in', () => {
    const other = { ...action, id: 'a2' };
    expect(currentActions([action, other], [answer('done', '15')]).map((one) => one.state)).toEqual(['done', 'not-started']);
  });

  test('a member\'s open actions: theirs, not done or dropped, in plan order', () => {
    const actions: PlanAction[] = [
      { ...action, id: 'mine-1' },
      { ...action, id: 'theirs', ownerMemberId: 'teacher' },
      { ...action, id: 'mine-done', state: 'done' },
      { ...action, id: 'mine-dropped', state: 'dropped' },
      { ...action, id: 'mine-2', state: 'blocked' },
    ];
    expect(openActionsOwnedBy(actions, 'hv').map((one) => one.id)).toEqual(['mine-1', 'mine-2']);
  });
});

describe('plan versions and change log', () => {
  test('a revision bumps the version and lists exactly what changed', () => {
    const revision = revisePlan({
      current: plan,
      next: {
        outcomes: [...plan.outcomes, { id: 'o2', text: 'Sam attends school every day' }],
        actions: [{ ...action, due: parseCivilDate('2026-07-15') }],
        contingencyPlan: plan.contingencyPlan,
        resources: 'Family support worker 4 hours a week',
        monitoring: 'Weekly visits, the child seen alone',
      },
      authorMemberId: 'lsw',
      reason: 'Core group 2 agreed more support',
    });
    expect(revision.plan.version).toBe(2);
    expect(revision.changes).toEqual([
      { kind: 'outcome-added', subjectId: 'o2' },
      { kind: 'action-changed', subjectId: 'a1', fields: ['due'] },
      { kind: 'resources-changed' },
      { kind: 'monitoring-changed' },
    ]);
  });

  test('a revision without a reason, or with no change, is refused', () => {
    const next = { outcomes: plan.outcomes, actions: plan.actions, contingencyPlan: plan.contingencyPlan, resources: plan.resources, monitoring: plan.monitoring };
    expect(() => revisePlan({ current: plan, next, authorMemberId: 'lsw', reason: ' ' })).toThrow('say why');
    expect(() => revisePlan({ current: plan, next, authorMemberId: 'lsw', reason: 'tidy' })).toThrow('nothing in the plan has changed');
  });

  test('a revision cannot sneak an action through a forbidden transition', () => {
    const dropped = { ...plan, actions: [{ ...action, state: 'dropped' as const }] };
    const next = { ...dropped, actions: [{ ...action, state: 'in-progress' as const }] };
    expect(() => revisePlan({ current: dropped, next, authorMemberId: 'lsw', reason: 'reopen' })).toThrow(RuleViolationError);
  });

  test('removing an action is logged', () => {
    const revision = revisePlan({ current: plan, next: { ...plan, actions: [] }, authorMemberId: 'lsw', reason: 'replaced' });
    expect(revision.changes).toEqual([{ kind: 'action-removed', subjectId: 'a1' }]);
  });
});
