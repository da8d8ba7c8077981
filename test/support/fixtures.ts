import { randomUUID } from 'node:crypto';
import { parseCivilDate } from '../../src/domain/civil-date';
import type { CoreGroup, CoreGroupMember, MemberRole } from '../../src/domain/core-group';
import type { CaseTimeline } from '../../src/domain/obligations';
import type { ChildProtectionPlan, PlanAction, PlanRevision } from '../../src/domain/plan';

export const TENANT = '11111111-2222-4333-8444-555555555555';

/** A core group with a lead social worker, team manager, health visitor, teacher and a parent. */
export function aCoreGroup(overrides: Partial<CoreGroup> = {}) {
  const id = randomUUID();
  const coreGroup: CoreGroup = {
    id,
    caseReference: `CP-${id.slice(0, 8)}`,
    childName: 'Invented Child',
    tenantId: TENANT,
    policyId: 'ten-working-days-four-weekly',
    icpcDate: parseCivilDate('2026-06-01'),
    createdAt: '2026-06-01T12:00:00.000Z',
    ...overrides,
  };
  const member = (role: MemberRole, agency: string, name: string): CoreGroupMember => ({
    id: randomUUID(),
    displayName: name,
    role,
    agency,
    email: `${name.toLowerCase().replace(/ /g, '.')}@example.org`,
    aadObjectId: role === 'family-member' ? undefined : randomUUID(),
    reach: role === 'family-member' ? 'email-only' : 'tenant',
    active: true,
  });
  const members = [
    member('lead-social-worker', "children's social care", 'Alex Lead'),
    member('team-manager', "children's social care", 'Morgan Manager'),
    member('professional', 'health visiting', 'Hana Visitor'),
    member('professional', 'school', 'Toby Teacher'),
    member('family-member', 'family', 'Pat Parent'),
  ];
  return { coreGroup, members, lead: members[0]!, manager: members[1]!, healthVisitor: members[2]!, teacher: members[3]!, parent: members[4]! };
}

/** Version 1 of a plan with one outcome and one action owned by `ownerMemberId`. */
export function aPlan(coreGroupId: string, ownerMemberId: string): ChildProtectionPlan {
  return {
    coreGroupId,
    version: 1,
    outcomes: [{ id: 'o1', text: 'The child lives in a safe, warm home' }],
    actions: [
      {
        id: 'a1',
        outcomeId: 'o1',
        what: 'Weekly home visit',
        ownerMemberId,
        agency: 'health visiting',
        due: parseCivilDate('2026-07-01'),
        agreedOn: parseCivilDate('2026-06-12'),
        childSeenFrequency: 'weekly',
        progressMeasure: 'Home conditions checklist',
        state: 'not-started',
      },
    ],
    contingencyPlan: 'Strategy discussion if no progress in 4 weeks',
    resources: 'Family support worker',
    monitoring: 'Fortnightly home visits; progress reviewed at each core group',
  };
}

/**
 * Gives a family member an action in the group's plan (a new plan version over the current one):
 * `what` as the plan words it, due on `due`, agreed on `agreedOn` (silence is measured from there).
 */
export async function giveFamilyAction(
  plans: { current(coreGroupId: string): Promise<ChildProtectionPlan | undefined>; saveRevision(revision: PlanRevision, at: string): Promise<void> },
  options: { coreGroupId: string; id: string; what: string; ownerMemberId: string; due: string; agreedOn: string; authorMemberId: string; at: string },
): Promise<void> {
  const plan = (await plans.current(options.coreGroupId))!;
  const action: PlanAction = { id: options.id, what: options.what, ownerMemberId: options.ownerMemberId, agency: 'family', due: parseCivilDate(options.due), agreedOn: parseCivilDate(options.agreedOn), progressMeasure: 'Told to the core group', state: 'not-started' };
  await plans.saveRevision({ plan: { ...plan, version: plan.version + 1, actions: [...plan.actions, action] }, authorMemberId: options.authorMemberId, reason: 'A family member takes on an action', changes: [] }, options.at);
}

/**
 * A case with something of everything: meetings held, circulations, a review that set the next one's
 * date and one that did not, a review booked, agencies to report — after an ICPC or a transfer in.
 * Every rule a policy profile has gives a deadline on it.
 */
export const everyRuleTimeline = (start: 'icpc' | 'transfer-in'): CaseTimeline => ({
  icpcDate: parseCivilDate('2026-03-25'),
  start,
  meetings: [
    { id: 'm1', date: parseCivilDate('2026-04-08'), status: 'held' },
    { id: 'm2', date: parseCivilDate('2026-05-06'), status: 'held' },
    { id: 'm3', date: parseCivilDate('2026-07-01'), status: 'held' },
    { id: 'm4', date: parseCivilDate('2026-09-30'), status: 'scheduled' },
  ],
  reviewConferences: [
    { id: 'r1', date: parseCivilDate('2026-06-24'), status: 'held', outcome: 'continue', nextReviewOn: parseCivilDate('2026-11-20') },
    { id: 'r2', date: parseCivilDate('2026-11-18'), status: 'held', outcome: 'continue' },
    { id: 'r3', date: parseCivilDate('2027-05-12'), status: 'scheduled' },
  ],
  circulations: [{ meetingId: 'm1', kind: 'minutes', on: parseCivilDate('2026-04-10') }],
  agencyReports: [],
  agencies: ['health visiting', 'school'],
});
