import { randomUUID } from 'node:crypto';
import type { CoreGroup, CoreGroupMember, MemberRole } from '../../domain/core-group';
import { AlreadyExistsError } from '../../domain/errors';
import type { ChildProtectionPlan } from '../../domain/plan';
import type { WorkingDays } from '../../domain/working-days';
import type { Clock } from '../../services/ports/clock.port';
import type { CoreGroupRepository, PlanRepository } from '../../services/ports/store.port';

/** The demo tenant (invented) that local mode and the demo seed use. */
export const DEMO_TENANT_ID = '00000000-0000-4000-8000-00000000c0de';
export const DEMO_CASE_REFERENCE = 'DEMO-0001';

/** The demo core group's people: invented names, Entra object ids the Graph simulator also uses. */
export const DEMO_PEOPLE: readonly { key: string; name: string; role: MemberRole; agency: string; email: string; reach: CoreGroupMember['reach'] }[] = [
  { key: 'lead', name: 'Priya Shah', role: 'lead-social-worker', agency: "children's social care", email: 'priya.shah@demo.example', reach: 'tenant' },
  { key: 'manager', name: 'Tom Okafor', role: 'team-manager', agency: "children's social care", email: 'tom.okafor@demo.example', reach: 'tenant' },
  { key: 'health', name: 'Grace Lindqvist', role: 'professional', agency: 'health visiting', email: 'grace.lindqvist@demo.example', reach: 'tenant' },
  { key: 'school', name: 'Owen Price', role: 'professional', agency: 'school', email: 'owen.price@demo.example', reach: 'guest' },
  { key: 'police', name: 'Sgt Amira Haddad', role: 'professional', agency: 'police', email: 'amira.haddad@demo.example', reach: 'guest' },
  { key: 'iro', name: 'Helen Moss', role: 'conference-chair', agency: 'safeguarding unit', email: 'helen.moss@demo.example', reach: 'tenant' },
  { key: 'parent', name: 'Jordan Ellis', role: 'family-member', agency: 'family', email: 'jordan.ellis@family.example', reach: 'email-only' },
];

/** A stable Entra object id per demo person, so the simulator, the Playground and the store agree. */
export function demoObjectId(key: string): string {
  const hex = Buffer.from(key).toString('hex').padEnd(12, '0').slice(0, 12);
  return `00000000-0000-4000-8000-${hex}`;
}

/** A demo person: an invented name, the role they hold in the core group, and how the app reaches them. */
export type DemoPerson = (typeof DEMO_PEOPLE)[number];

/** A demo case of the demo lead social worker's caseload, by its reference. */
export async function findDemoCase(coreGroups: Pick<CoreGroupRepository, 'listForMember'>, caseReference: string): Promise<CoreGroup | undefined> {
  return (await coreGroups.listForMember(DEMO_TENANT_ID, demoObjectId('lead'))).find((group) => group.caseReference === caseReference);
}

/** The members a demo case has for its people, and each member's id by the person's key. */
export function demoMembers(people: readonly DemoPerson[]): { members: CoreGroupMember[]; memberId: (key: string) => string } {
  const members: CoreGroupMember[] = people.map((person) => ({
    id: randomUUID(),
    displayName: person.name,
    role: person.role,
    agency: person.agency,
    email: person.email,
    aadObjectId: person.reach === 'email-only' ? undefined : demoObjectId(person.key),
    reach: person.reach,
    active: true,
  }));
  return { members, memberId: (key) => members[people.findIndex((person) => person.key === key)]!.id };
}

/** Creates a demo case once: a second seed running at the same time finds the first one's case. */
export async function createDemoCase(coreGroups: Pick<CoreGroupRepository, 'create' | 'listForMember'>, coreGroup: CoreGroup, members: readonly CoreGroupMember[]): Promise<{ created: boolean; coreGroupId: string }> {
  try {
    await coreGroups.create(coreGroup, members);
    return { created: true, coreGroupId: coreGroup.id };
  } catch (error) {
    const raced = error instanceof AlreadyExistsError ? await findDemoCase(coreGroups, coreGroup.caseReference) : undefined;
    if (raced) return { created: false, coreGroupId: raced.id };
    throw error;
  }
}

/**
 * Seeds a realistic demo core group: an ICPC a week ago under the 4-weekly profile, seven invented
 * people across five agencies, and an outline plan. Running it twice changes nothing.
 */
export async function seedDemoCoreGroup(deps: {
  coreGroups: Pick<CoreGroupRepository, 'create' | 'listForMember'>;
  plans: Pick<PlanRepository, 'saveRevision'>;
  clock: Clock;
  calendar: WorkingDays;
}): Promise<{ created: boolean; coreGroupId: string }> {
  const existing = await findDemoCase(deps.coreGroups, DEMO_CASE_REFERENCE);
  if (existing) return { created: false, coreGroupId: existing.id };
  const today = deps.clock.today();
  const icpcDate = deps.calendar.addWorkingDays(today, -5);
  const coreGroup: CoreGroup = {
    id: randomUUID(),
    caseReference: DEMO_CASE_REFERENCE,
    childName: 'Riley Ellis (invented)',
    tenantId: DEMO_TENANT_ID,
    policyId: 'ten-working-days-four-weekly',
    icpcDate,
    createdAt: deps.clock.nowIso(),
  };
  const { members, memberId } = demoMembers(DEMO_PEOPLE);
  const plan: ChildProtectionPlan = {
    coreGroupId: coreGroup.id,
    version: 1,
    outcomes: [
      { id: 'outcome-home', text: 'Riley lives in a home that is safe, warm and free from violence' },
      { id: 'outcome-school', text: 'Riley attends school every day and is ready to learn' },
    ],
    actions: [
      { id: 'action-visits', outcomeId: 'outcome-home', what: 'Visit weekly and check home conditions with Jordan', ownerMemberId: memberId('health'), agency: 'health visiting', due: deps.calendar.addWorkingDays(today, 15), agreedOn: icpcDate, childSeenFrequency: 'weekly', progressMeasure: 'Home conditions checklist at each visit', state: 'not-started' },
      { id: 'action-attendance', outcomeId: 'outcome-school', what: 'Report attendance every Friday and meet Jordan about lateness', ownerMemberId: memberId('school'), agency: 'school', due: deps.calendar.addWorkingDays(today, 10), agreedOn: icpcDate, childSeenFrequency: 'daily (school days)', progressMeasure: 'Attendance above 95% over four weeks', state: 'not-started' },
      { id: 'action-safety-plan', outcomeId: 'outcome-home', what: 'Agree a written safety plan with Jordan, including who to call', ownerMemberId: memberId('lead'), agency: "children's social care", due: deps.calendar.addWorkingDays(today, 5), agreedOn: icpcDate, childSeenFrequency: 'fortnightly, once alone', progressMeasure: 'Safety plan signed and shared with the core group', state: 'in-progress' },
      { id: 'action-police-checks', outcomeId: 'outcome-home', what: 'Share any call-outs to the address within one working day', ownerMemberId: memberId('police'), agency: 'police', due: deps.calendar.addWorkingDays(today, 20), agreedOn: icpcDate, progressMeasure: 'Call-outs shared within one working day', state: 'not-started' },
    ],
    contingencyPlan: 'If the safety plan is not agreed or there is another incident, the lead social worker convenes a strategy discussion the same day.',
    resources: 'Family support worker two sessions a week; domestic abuse outreach referral.',
    monitoring: 'The lead social worker visits fortnightly and sees the child alone; each agency reports progress at every core group.',
  };
  const created = await createDemoCase(deps.coreGroups, coreGroup, members);
  if (!created.created) return created;
  await deps.plans.saveRevision({ plan, authorMemberId: memberId('lead'), reason: 'Outline plan from the ICPC', changes: [] }, deps.clock.nowIso());
  return { created: true, coreGroupId: coreGroup.id };
}
