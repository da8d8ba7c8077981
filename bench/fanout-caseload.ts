import { randomUUID } from 'node:crypto';
import type { CoreGroup, CoreGroupMember } from '../src/domain/core-group';
import type { ChildProtectionPlan } from '../src/domain/plan';
import type { WorkingDays } from '../src/domain/working-days';
import type { Clock } from '../src/services/ports/clock.port';
import type { Store } from '../src/store/store';

export const FANOUT_TENANT_ID = '00000000-0000-4000-8000-0000000fa700';
const SOCIAL_WORKERS = 40;
const PARTNERS = 160;
const CORE_GROUPS = 200;
const PARTNERS_PER_GROUP = 4;
const AGENCIES = ['health visiting', 'school', 'GP', 'police', 'CAMHS', 'adult substance misuse service', 'housing', 'school nursing'];

interface Practitioner {
  readonly key: string;
  readonly name: string;
  readonly agency: string;
  readonly aadObjectId: string;
}

const practitioner = (key: string, agency: string): Practitioner => ({ key, name: `Practitioner ${key}`, agency, aadObjectId: randomUUID() });

/**
 * One local authority's busiest morning: 200 core groups, each with its lead social worker and
 * four partner professionals (40 social workers leading 5 each, 160 partners sitting on 5 each),
 * every member owning one action due in two working days. Planning then queues 1,000 check-in
 * prompts for 08:00 today, 5 to each of 200 people's 1:1 chats. Each person has a stored
 * conversation reference whose serviceUrl is the connector stand-in.
 */
export async function seedFanoutCaseload(deps: { store: Store; clock: Clock; calendar: WorkingDays; serviceUrl: string }): Promise<string[]> {
  const { store, clock } = deps;
  const socialWorkers = Array.from({ length: SOCIAL_WORKERS }, (_, index) => practitioner(`sw-${index}`, "children's social care"));
  const partners = Array.from({ length: PARTNERS }, (_, index) => practitioner(`partner-${index}`, AGENCIES[index % AGENCIES.length]!));
  const today = clock.today();
  const due = deps.calendar.addWorkingDays(today, 2);
  const coreGroupIds: string[] = [];
  for (let index = 0; index < CORE_GROUPS; index++) {
    const people = [socialWorkers[index % SOCIAL_WORKERS]!, ...Array.from({ length: PARTNERS_PER_GROUP }, (_, seat) => partners[(PARTNERS_PER_GROUP * index + seat) % PARTNERS]!)];
    const coreGroup: CoreGroup = {
      id: randomUUID(),
      caseReference: `CP-${String(index + 1).padStart(4, '0')}`,
      childName: `Invented Child ${index + 1}`,
      tenantId: FANOUT_TENANT_ID,
      policyId: 'ten-working-days-four-weekly',
      icpcDate: deps.calendar.addWorkingDays(today, -20),
      createdAt: clock.nowIso(),
    };
    const members: CoreGroupMember[] = people.map((person, seat) => ({
      id: randomUUID(),
      displayName: person.name,
      role: seat === 0 ? 'lead-social-worker' : 'professional',
      agency: person.agency,
      email: `${person.key}@la.example`,
      aadObjectId: person.aadObjectId,
      reach: 'tenant',
      active: true,
    }));
    const plan: ChildProtectionPlan = {
      coreGroupId: coreGroup.id,
      version: 1,
      outcomes: [{ id: 'outcome-safe', text: 'The child lives in a safe, warm home' }],
      actions: members.map((member, seat) => ({
        id: `action-${seat}`,
        outcomeId: 'outcome-safe',
        what: `Action ${seat + 1} agreed at the ICPC`,
        ownerMemberId: member.id,
        agency: member.agency,
        due,
        agreedOn: coreGroup.icpcDate,
        progressMeasure: 'Reported to the core group',
        state: 'in-progress',
      })),
      contingencyPlan: 'Strategy discussion if no progress',
      resources: 'Family support worker',
      monitoring: 'Core group reviews progress every four weeks',
    };
    await store.coreGroups.create(coreGroup, members);
    await store.plans.saveRevision({ plan, authorMemberId: members[0]!.id, reason: 'Plan agreed at the ICPC', changes: [] }, clock.nowIso());
    coreGroupIds.push(coreGroup.id);
  }
  for (const [index, person] of [...socialWorkers, ...partners].entries()) {
    await store.conversationReferences.upsert({
      tenantId: FANOUT_TENANT_ID,
      key: `user:${person.aadObjectId}`,
      reference: { channelId: 'msteams', serviceUrl: deps.serviceUrl, conversation: { id: `a:${person.key}`, conversationType: 'personal', tenantId: FANOUT_TENANT_ID }, bot: { id: '28:core-group' }, user: { id: `29:${index}`, aadObjectId: person.aadObjectId } },
      at: clock.nowIso(),
    });
  }
  return coreGroupIds;
}
