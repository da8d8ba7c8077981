import { randomUUID } from 'node:crypto';
import { DEMO_TENANT_ID } from '../src/local/demo/demo-core-group.seed';
import type { CoreGroup, CoreGroupMember } from '../src/domain/core-group';
import type { ChildProtectionPlan } from '../src/domain/plan';
import type { WorkingDays } from '../src/domain/working-days';
import type { Clock } from '../src/services/ports/clock.port';
import type { Store } from '../src/store/store';

export const TEAM_GROUPS = 150;
export const LEAD_GROUPS = 20;
const ACTIONS_PER_GROUP = 6;
const PARTNERS = ['health visiting', 'school', 'GP', 'police'];

/**
 * A team manager's team in the demo tenant: 150 core groups, the first 20 led by one lead social
 * worker (the other 130 by six colleagues), each with the team manager, four partner
 * professionals, a plan of six actions agreed at its first core group (one blocked; none due for
 * three weeks), that meeting held within the deadline with its minutes, plan and CP9 circulated,
 * and the next one booked: a team keeping up, so the server's first hourly review finds no missed
 * deadline to send notices about while the benchmark measures. Its check-in prompts are queued
 * for later working mornings (08:00 London). Returns the lead's and the manager's object ids.
 */
export async function seedTeamCaseload(deps: { store: Store; clock: Clock; calendar: WorkingDays }): Promise<{ lead: string; manager: string }> {
  const { store, clock, calendar } = deps;
  const today = clock.today();
  const manager = randomUUID();
  const leads = Array.from({ length: 7 }, () => randomUUID());
  for (let index = 0; index < TEAM_GROUPS; index++) {
    const lead = index < LEAD_GROUPS ? leads[0]! : leads[1 + (index % 6)]!;
    const icpcDate = calendar.addWorkingDays(today, -(5 + (index % 3)));
    const heldOn = calendar.addWorkingDays(icpcDate, 3);
    const coreGroup: CoreGroup = { id: randomUUID(), caseReference: `TEAM-${String(index + 1).padStart(4, '0')}`, childName: `Invented Child ${index + 1}`, tenantId: DEMO_TENANT_ID, policyId: 'england', icpcDate, createdAt: clock.nowIso() };
    const person = (role: CoreGroupMember['role'], agency: string, aadObjectId: string, name: string): CoreGroupMember => ({ id: randomUUID(), displayName: name, role, agency, email: `${name.replace(/\W/g, '.')}@la.example`, aadObjectId, reach: 'tenant', active: true });
    const members = [
      person('lead-social-worker', "children's social care", lead, `Lead ${leads.indexOf(lead) + 1}`),
      person('team-manager', "children's social care", manager, 'Team Manager'),
      ...PARTNERS.map((agency, seat) => person('professional', agency, randomUUID(), `Partner ${index}-${seat}`)),
    ];
    const plan: ChildProtectionPlan = {
      coreGroupId: coreGroup.id,
      version: 1,
      outcomes: [{ id: 'outcome-safe', text: 'The child lives in a safe, warm home' }],
      actions: Array.from({ length: ACTIONS_PER_GROUP }, (_, seat) => ({
        id: `action-${seat}`,
        outcomeId: 'outcome-safe',
        what: `Action ${seat + 1}`,
        ownerMemberId: members[seat % members.length]!.id,
        agency: members[seat % members.length]!.agency,
        due: calendar.addWorkingDays(today, 15 + seat),
        agreedOn: heldOn,
        progressMeasure: 'Reported to the core group',
        state: seat === 0 ? 'blocked' : 'in-progress',
      })),
      contingencyPlan: 'Strategy discussion if no progress',
      resources: 'Family support worker',
      monitoring: 'Core group reviews progress every four weeks',
    };
    await store.coreGroups.create(coreGroup, members);
    await store.plans.saveRevision({ plan, authorMemberId: members[0]!.id, reason: 'Plan agreed at the ICPC', changes: [] }, clock.nowIso());
    const held = randomUUID();
    await store.meetings.create({ id: held, coreGroupId: coreGroup.id, date: heldOn, status: 'held' });
    for (const kind of ['minutes', 'plan', 'cp9'] as const) await store.meetings.recordCirculation({ meetingId: held, kind, on: calendar.addWorkingDays(heldOn, 1) });
    await store.meetings.create({ id: randomUUID(), coreGroupId: coreGroup.id, date: calendar.addWorkingDays(today, 3 + (index % 10)), status: 'scheduled' });
  }
  return { lead: leads[0]!, manager };
}
