import { parseCivilDate } from '../../src/domain/civil-date';
import { type PlanEdit, editPlan, isSameContent, planChangeLine } from '../../src/domain/plan-edit';
import { aPlan } from '../support/fixtures';
import { userMessageOf } from '../support/rejection';


const plan = aPlan('cg1', 'hv');
const owners = new Map([
  ['hv', { agency: 'health visiting' }],
  ['teacher', { agency: 'school' }],
]);
const today = parseCivilDate('2026-06-15');
const asIs: PlanEdit = {
  baseVersion: 1,
  reason: 'Core group 2',
  outcomes: plan.outcomes,
  actions: plan.actions.map((action) => ({ id: action.id, outcomeId: action.outcomeId, what: action.what, ownerMemberId: action.ownerMemberId, due: action.due, childSeenFrequency: action.childSeenFrequency, progressMeasure: action.progressMeasure, dropped: false })),
  contingencyPlan: plan.contingencyPlan,
  resources: plan.resources,
  monitoring: plan.monitoring,
};
const edit = (change: Partial<PlanEdit>) => editPlan({ current: plan, edit: { ...asIs, ...change }, owners, today, authorMemberId: 'lsw' });
const newAction = { id: 'a2', outcomeId: 'o2', what: 'Attendance report to each core group', ownerMemberId: 'teacher', due: parseCivilDate('2026-07-10'), progressMeasure: 'Attendance above 95%', dropped: false };

describe('the plan editor (issue 13, item 1)', () => {
  test('a new outcome with a SMART action under it: the agency is the owner’s, agreed today, not started; the change log says so', () => {
    const revision = edit({ outcomes: [...plan.outcomes, { id: 'o2', text: 'The child attends school every day' }], actions: [...asIs.actions, { ...newAction, childSeenFrequency: 'daily at school' }], monitoring: 'Weekly visits, the child seen alone' });
    expect(revision.plan.version).toBe(2);
    expect(revision.plan.actions[1]).toEqual({ ...newAction, dropped: undefined, agency: 'school', agreedOn: today, childSeenFrequency: 'daily at school', state: 'not-started' });
    expect(revision.changes.map((change) => planChangeLine(change, plan, revision.plan))).toEqual([
      { kind: 'outcome-added', subject: 'The child attends school every day' },
      { kind: 'action-added', subject: 'Attendance report to each core group' },
      { kind: 'monitoring-changed' },
    ]);
  });

  test('changing an owner takes the new owner’s agency; the log names what changed', () => {
    const revision = edit({ actions: [{ ...asIs.actions[0]!, ownerMemberId: 'teacher', due: parseCivilDate('2026-07-20') }] });
    expect(revision.plan.actions[0]).toMatchObject({ ownerMemberId: 'teacher', agency: 'school', agreedOn: plan.actions[0]!.agreedOn });
    expect(planChangeLine(revision.changes[0]!, plan, revision.plan)).toEqual({ kind: 'action-changed', subject: 'Weekly home visit', fields: ['ownerMemberId', 'due'] });
  });

  test('an action is dropped, never removed, and dropping is final', () => {
    const dropped = edit({ actions: [{ ...asIs.actions[0]!, dropped: true }] });
    expect(dropped.plan.actions[0]!.state).toBe('dropped');
    expect(planChangeLine(dropped.changes[0]!, plan, dropped.plan)).toEqual({ kind: 'action-dropped', subject: 'Weekly home visit' });
    expect(userMessageOf(() => edit({ actions: [] }))).toContain('stays on the plan\'s record: mark it dropped');
    expect(userMessageOf(() => editPlan({ current: dropped.plan, edit: { ...asIs, baseVersion: 2 }, owners, today, authorMemberId: 'lsw' }))).toContain('dropping is final');
  });

  test('refused: an outcome removed with actions under it, an action with no outcome, no measure, a past due date, an owner outside the group', () => {
    expect(userMessageOf(() => edit({ outcomes: [] }))).toContain('still has actions under it');
    expect(userMessageOf(() => edit({ actions: [...asIs.actions, { ...newAction, outcomeId: undefined }] }))).toContain('Choose the outcome');
    expect(userMessageOf(() => edit({ outcomes: [...plan.outcomes, { id: 'o2', text: 'School' }], actions: [...asIs.actions, { ...newAction, progressMeasure: ' ' }] }))).toContain('Say how progress');
    expect(userMessageOf(() => edit({ outcomes: [...plan.outcomes, { id: 'o2', text: 'School' }], actions: [...asIs.actions, { ...newAction, due: parseCivilDate('2026-06-12') }] }))).toContain('due date of');
    expect(userMessageOf(() => edit({ outcomes: [...plan.outcomes, { id: 'o2', text: 'School' }], actions: [...asIs.actions, { ...newAction, ownerMemberId: 'stranger' }] }))).toContain('not a member of this core group');
    expect(userMessageOf(() => edit({ outcomes: [{ id: 'o1', text: '  ' }] }))).toContain('Every outcome needs words');
    expect(userMessageOf(() => edit({ reason: ' ', resources: 'More' }))).toContain('say why');
    expect(userMessageOf(() => edit({}))).toContain('nothing in the plan has changed');
  });

  test('a refusal quoting what someone wrote (which may name the child) keeps it out of the message that is logged', () => {
    const written = { ...newAction, what: 'Visit Jordan at home', progressMeasure: ' ' };
    const refused = (() => {
      try {
        edit({ outcomes: [...plan.outcomes, { id: 'o2', text: 'School' }], actions: [...asIs.actions, written] });
      } catch (error) {
        return error as Error & { userMessage: string };
      }
      return undefined;
    })();
    expect(refused?.userMessage).toContain('Visit Jordan at home');
    expect(refused?.message).not.toContain('Jordan');
  });

  test('an unchanged action from before outcomes were chosen may stay without one; its owner may have left the group', () => {
    const legacy = { ...plan, actions: [{ ...plan.actions[0]!, outcomeId: undefined, ownerMemberId: 'left', progressMeasure: '' }] };
    const revision = editPlan({ current: legacy, edit: { ...asIs, actions: [{ ...asIs.actions[0]!, outcomeId: undefined, ownerMemberId: 'left', progressMeasure: '' }], resources: 'More support' }, owners, today, authorMemberId: 'lsw' });
    expect(revision.changes).toEqual([{ kind: 'resources-changed' }]);
  });

  test('the same content is recognised, whatever version it carries (a retried save)', () => {
    const revision = edit({ resources: 'More support' });
    expect(isSameContent(revision.plan, { ...revision.plan, monitoring: revision.plan.monitoring })).toBe(true);
    expect(isSameContent(revision.plan, { ...revision.plan, monitoring: 'Daily' })).toBe(false);
    expect(isSameContent(revision.plan, plan)).toBe(false);
  });
});
