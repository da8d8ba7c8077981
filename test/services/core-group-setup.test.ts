import { randomUUID } from 'node:crypto';
import { Temporal } from 'temporal-polyfill';
import { ForbiddenError, InvalidInputError } from '../../src/domain/errors';
import { NO_MAILBOX, WHO_ALLOWS_SETUP, createCoreGroupSetupService } from '../../src/services/core-group-setup.service';
import type { Directory } from '../../src/services/ports/calendar.port';
import { createStore } from '../../src/store/store';
import { type TestDatabase, migratedDatabase } from '../support/databases';
import { TENANT } from '../support/fixtures';
import { computeObligations } from '../../src/domain/obligations';
import { loadWorkingDayCalendars } from '../../src/holidays/working-day-calendars';
import { loadPolicyCatalogue } from '../../src/policies/policy-catalogue';

const clock = { nowIso: () => '2026-06-03T08:00:00.000Z', today: () => Temporal.PlainDate.from('2026-06-03') };
const setup = { caseReference: 'CP-SETUP-1', childName: 'Invented Child', icpcDate: '2026-06-01', policyId: 'wales', creatorRole: 'lead-social-worker' as const, membersText: 'health visitor | health visiting | Grace Lindqvist | grace@nhs.example', outcomesText: 'Safe at home' };

describe('setting up a core group', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await migratedDatabase('sqlite');
  });
  afterAll(() => database.drop());

  const serviceWith = (people: Record<string, { displayName: string; mail?: string }>, allowed = true) => {
    const store = createStore(database);
    const directory: Directory = { findUser: async (key) => (people[key] ? { id: key, ...people[key] } : undefined), hasAppRole: async (id, role) => allowed && role === 'CoreGroup.Create' && id in people, findGuest: async () => undefined };
    return { store, service: createCoreGroupSetupService({ coreGroups: store.coreGroups, plans: store.plans, auditLog: store.auditLog, directory, clock, policyIds: () => ['wales'] }) };
  };

  test('the creator joins with the mailbox and name the directory gives them, whatever Teams called them', async () => {
    const creator = randomUUID();
    const { store, service } = serviceWith({ [creator]: { displayName: 'Priya Shah', mail: 'Priya.Shah@council.example' } });
    const { coreGroup } = await service.create({ caller: { tenantId: TENANT, aadObjectId: creator }, requestId: randomUUID(), setup, creator: { displayName: 'P S' } });
    const members = await store.coreGroups.members(coreGroup.id);
    expect(members.find((member) => member.aadObjectId === creator)).toMatchObject({ displayName: 'Priya Shah', email: 'priya.shah@council.example', position: 'lead-social-worker', role: 'lead-social-worker' });
  });

  test('a creator without a mailbox is told why and what to ask for, and nothing is created', async () => {
    const creator = randomUUID();
    const { store, service } = serviceWith({ [creator]: { displayName: 'No Mail' } });
    const attempt = service.create({ caller: { tenantId: TENANT, aadObjectId: creator }, requestId: randomUUID(), setup: { ...setup, caseReference: 'CP-SETUP-2' }, creator: { displayName: 'No Mail' } });
    await expect(attempt).rejects.toThrow(InvalidInputError);
    await expect(attempt).rejects.toMatchObject({ userMessage: NO_MAILBOX });
    expect(await store.coreGroups.listForMember(TENANT, creator)).toEqual([]);
  });

  test('someone without the CoreGroup.Create app role is refused, told who to ask, and the refusal is audited', async () => {
    const creator = randomUUID();
    const { store, service } = serviceWith({ [creator]: { displayName: 'Grace Lindqvist', mail: 'grace@nhs.example' } }, false);
    expect(await service.mayCreate({ tenantId: TENANT, aadObjectId: creator })).toBe(false);
    const attempt = service.create({ caller: { tenantId: TENANT, aadObjectId: creator }, requestId: randomUUID(), setup: { ...setup, caseReference: 'CP-SETUP-3' }, creator: { displayName: 'Grace' } });
    await expect(attempt).rejects.toThrow(ForbiddenError);
    await expect(attempt).rejects.toMatchObject({ userMessage: WHO_ALLOWS_SETUP });
    expect(WHO_ALLOWS_SETUP).toContain('your Core Group administrator (the people who assign app roles in Entra)');
    expect(await store.coreGroups.listForMember(TENANT, creator)).toEqual([]);
  });
  test('a case that transferred in is set up from its transfer-in conference: the area is kept, and its first core group follows the profile’s transfer-in rule', async () => {
    const creator = randomUUID();
    const { store, service } = serviceWith({ [creator]: { displayName: 'Priya Shah', mail: 'priya.shah@council.example' } });
    const caller = { tenantId: TENANT, aadObjectId: creator };
    const transferIn = { ...setup, caseReference: 'CP-SETUP-TI', transferredInFrom: '  Leeds City Council ' };
    await expect(service.create({ caller, requestId: randomUUID(), setup: { ...transferIn, icpcDate: '2026-06-04' }, creator: { displayName: 'P S' } })).rejects.toMatchObject({ userMessage: 'The transfer-in conference date cannot be in the future.' });
    const { coreGroup } = await service.create({ caller, requestId: randomUUID(), setup: transferIn, creator: { displayName: 'P S' } });
    expect((await store.coreGroups.findById(coreGroup.id))!.transferredInFrom).toBe('Leeds City Council');
    expect((await store.plans.history(coreGroup.id))[0]!.reason).toBe('Plan from the transfer-in conference (the case came from Leeds City Council)');
    const timeline = await store.meetings.loadCaseTimeline(coreGroup.id);
    const first = computeObligations({ profile: loadPolicyCatalogue().get('wales'), calendar: loadWorkingDayCalendars()['england-and-wales'], timeline, asOf: clock.today() }).find((o) => o.id === 'first-core-group')!;
    expect([first.due.toString(), first.rule, first.source.verified]).toEqual(['2026-06-15', 'First core group within 10 working days of the transfer-in conference', false]);
  });

  test('after an ICPC the area is left empty, and nothing says transferred in', async () => {
    const creator = randomUUID();
    const { store, service } = serviceWith({ [creator]: { displayName: 'Priya Shah', mail: 'priya.shah@council.example' } });
    const { coreGroup } = await service.create({ caller: { tenantId: TENANT, aadObjectId: creator }, requestId: randomUUID(), setup: { ...setup, caseReference: 'CP-SETUP-ICPC', transferredInFrom: '   ' }, creator: { displayName: 'P S' } });
    expect((await store.coreGroups.findById(coreGroup.id))!.transferredInFrom).toBeUndefined();
    expect((await store.meetings.loadCaseTimeline(coreGroup.id)).start).toBe('icpc');
  });
});
