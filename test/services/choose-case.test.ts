import { randomUUID } from 'node:crypto';
import { Temporal } from 'temporal-polyfill';
import { parseCivilDate } from '../../src/domain/civil-date';
import type { MemberRole } from '../../src/domain/core-group';
import { loadWorkingDayCalendars } from '../../src/holidays/working-day-calendars';
import { loadPolicyCatalogue } from '../../src/policies/policy-catalogue';
import { createCaseStatusService } from '../../src/services/case-status.service';
import type { Clock } from '../../src/services/ports/clock.port';
import { type Store, createStore } from '../../src/store/store';
import { ENGINES, type TestDatabase, migratedDatabase } from '../support/databases';
import { TENANT, aCoreGroup } from '../support/fixtures';
import { calendarWithNoSeries } from '../support/graph';

const clock: Clock = { nowIso: () => '2026-06-10T08:00:00.000Z', today: () => Temporal.PlainDate.from('2026-06-10') };
const calendars = loadWorkingDayCalendars();
const catalogue = loadPolicyCatalogue();

describe.each(ENGINES.filter((engine) => engine.available).map((engine) => engine.name))('choosing the case a command is about (%s)', (engine) => {
  let database: TestDatabase;
  let store: Store;
  let service: ReturnType<typeof createCaseStatusService>;

  /** A core group with this reference and ICPC date in which `person` holds `role`. */
  const groupWith = async (person: string, role: MemberRole, caseReference: string, icpcDate = '2026-06-01', tenantId = TENANT) => {
    const { coreGroup, members } = aCoreGroup({ caseReference, icpcDate: parseCivilDate(icpcDate), tenantId });
    await store.coreGroups.create(coreGroup, [...members, { ...members[2]!, id: randomUUID(), role, aadObjectId: person, email: undefined }]);
    return coreGroup;
  };
  const caller = (aadObjectId: string) => ({ tenantId: TENANT, aadObjectId });

  beforeAll(async () => {
    database = await migratedDatabase(engine);
    store = createStore(database);
    service = createCaseStatusService({ ...store, clock, calendars, calendar: calendarWithNoSeries, policy: (id) => catalogue.get(id) });
  });
  afterAll(() => database.drop());

  test('one case: that one, without a reference', async () => {
    const person = randomUUID();
    const only = await groupWith(person, 'lead-social-worker', 'ONE-0001');
    expect(await service.chooseCase({ caller: caller(person), need: 'view-plan' })).toEqual({ kind: 'chosen', coreGroup: { id: only.id, caseReference: 'ONE-0001' } });
  });

  describe('a lead social worker with three cases', () => {
    const lead = randomUUID();
    let later: { id: string };
    let sooner: { id: string };
    let middle: { id: string };
    beforeAll(async () => {
      later = await groupWith(lead, 'lead-social-worker', 'CASE-0001', '2026-06-09');
      sooner = await groupWith(lead, 'lead-social-worker', 'CASE-0002', '2026-05-26');
      middle = await groupWith(lead, 'lead-social-worker', 'CASE-0003', '2026-06-02');
    });

    test('without a reference: every case to choose from, nearest next deadline first, each with it', async () => {
      const choice = await service.chooseCase({ caller: caller(lead), need: 'schedule-meeting' });
      if (choice.kind !== 'choose') throw new Error(`expected a choice, got ${choice.kind}`);
      expect(choice.cases.map((option) => option.id)).toEqual([sooner.id, middle.id, later.id]);
      const dues = choice.cases.map((option) => option.nextDeadline!.due);
      expect(dues.every((due, index) => index === 0 || Temporal.PlainDate.compare(dues[index - 1]!, due) <= 0)).toBe(true);
      expect(choice.cases[0]!.nextDeadline).toMatchObject({ status: expect.any(String), rule: expect.any(String) });
    });

    test.each(['CASE-0002', 'case-0002', ' Case 0002 ', 'case0002'])('a reference typed as %p names that case', async (typed) => {
      expect(await service.chooseCase({ caller: caller(lead), need: 'view-plan', typed })).toEqual({ kind: 'chosen', coreGroup: { id: sooner.id, caseReference: 'CASE-0002' } });
    });

    test('a typo is answered with the near references of their own', async () => {
      const choice = await service.chooseCase({ caller: caller(lead), need: 'view-plan', typed: 'CASE-0020' });
      expect(choice.kind).toBe('did-you-mean');
      expect(choice.kind === 'did-you-mean' && choice.suggestions.map((option) => option.caseReference)).toContain('CASE-0002');
    });

    test('another team’s case and a case that does not exist get the same answer', async () => {
      const stranger = randomUUID();
      await groupWith(stranger, 'lead-social-worker', 'OTHER-0009');
      const theirs = await service.chooseCase({ caller: caller(lead), need: 'view-plan', typed: 'OTHER-0009' });
      const nobody = await service.chooseCase({ caller: caller(lead), need: 'view-plan', typed: 'NOPE-4242' });
      expect(theirs).toEqual({ kind: 'not-found' });
      expect(nobody).toEqual(theirs);
    });

    test('a case in another tenant with the same reference as theirs is never chosen', async () => {
      const elsewhere = await groupWith(lead, 'lead-social-worker', 'CASE-0004', '2026-06-01', randomUUID());
      const choice = await service.chooseCase({ caller: caller(lead), need: 'view-plan', typed: 'CASE-0004' });
      expect(choice.kind).not.toBe('chosen');
      expect(JSON.stringify(choice)).not.toContain(elsewhere.id);
    });

    test('a button’s case is re-checked against the caller: theirs is chosen, anyone else’s is not found', async () => {
      expect(await service.chooseCase({ caller: caller(lead), need: 'view-plan', coreGroupId: middle.id })).toEqual({ kind: 'chosen', coreGroup: { id: middle.id, caseReference: 'CASE-0003' } });
      expect(await service.chooseCase({ caller: caller(randomUUID()), need: 'view-plan', coreGroupId: middle.id })).toEqual({ kind: 'not-found' });
    });
  });

  test('a case where the role does not do what the command does is named as such; nobody else’s is offered', async () => {
    const person = randomUUID();
    const scheduled = await groupWith(person, 'lead-social-worker', 'MIX-0001');
    await groupWith(person, 'professional', 'MIX-0002');
    expect(await service.chooseCase({ caller: caller(person), need: 'schedule-meeting' })).toEqual({ kind: 'chosen', coreGroup: { id: scheduled.id, caseReference: 'MIX-0001' } });
    expect(await service.chooseCase({ caller: caller(person), need: 'schedule-meeting', typed: 'mix-0002' })).toEqual({ kind: 'not-allowed', caseReference: 'MIX-0002' });
  });

  test('a family member is told the truth: a member, whose role does not see deadlines; they may still raise a concern', async () => {
    const parent = randomUUID();
    const theirs = await groupWith(parent, 'family-member', 'FAM-0001');
    expect(await service.chooseCase({ caller: caller(parent), need: 'view-compliance' })).toEqual({ kind: 'not-allowed' });
    expect(await service.chooseCase({ caller: caller(parent), need: 'raise-concern' })).toEqual({ kind: 'chosen', coreGroup: { id: theirs.id, caseReference: 'FAM-0001' } });
  });

  test('someone in no core group is told so', async () => {
    expect(await service.chooseCase({ caller: caller(randomUUID()), need: 'view-plan' })).toEqual({ kind: 'no-core-group' });
  });
});
