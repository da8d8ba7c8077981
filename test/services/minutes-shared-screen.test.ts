import { randomUUID } from 'node:crypto';
import { parseCivilDate } from '../../src/domain/civil-date';
import type { CoreGroupMember } from '../../src/domain/core-group';
import { loadWorkingDayCalendars } from '../../src/holidays/working-day-calendars';
import { loadPolicyCatalogue } from '../../src/policies/policy-catalogue';
import { createMinutesService } from '../../src/services/minutes.service';
import type { Clock } from '../../src/services/ports/clock.port';
import { TENANT, aCoreGroup, aPlan } from '../support/fixtures';
import { describeEachEngine, useMigratedStore } from '../store/each-engine';

const clock: Clock = { nowIso: () => '2026-06-08T11:00:00.000Z', today: () => parseCivilDate('2026-06-08') };
const catalogue = loadPolicyCatalogue();
const calendars = loadWorkingDayCalendars();
const callerOf = (member: CoreGroupMember) => ({ tenantId: TENANT, aadObjectId: member.aadObjectId! });

/** The minutes tab may be on the meeting's shared screen: the plan's outcomes come without the child's name, named in the group's document language. */
describeEachEngine('the plan’s outcomes in the minutes, for a shared screen', (engine) => {
  const context = useMigratedStore(engine);

  const outcomesSeen = async (outcomes: string[], language: 'en' | 'cy' | 'both') => {
    const { store } = context;
    const group = aCoreGroup({ childName: 'Riley Ellis' });
    await store.coreGroups.create(group.coreGroup, group.members);
    const plan = aPlan(group.coreGroup.id, group.healthVisitor.id);
    await store.plans.saveRevision({ plan: { ...plan, outcomes: outcomes.map((text, index) => ({ id: `o${index + 1}`, text })), actions: plan.actions.map((action) => ({ ...action, outcomeId: 'o1' })) }, authorMemberId: group.lead.id, reason: 'ICPC', changes: [] }, clock.nowIso());
    if (language !== 'en') await store.documentLanguages.choose({ coreGroupId: group.coreGroup.id, language, memberId: group.lead.id, at: clock.nowIso() });
    const meetingId = randomUUID();
    await store.meetings.create({ id: meetingId, coreGroupId: group.coreGroup.id, date: parseCivilDate('2026-06-08'), status: 'scheduled', startsAt: '2026-06-08T09:00:00.000Z', endsAt: '2026-06-08T10:00:00.000Z' });
    const minutes = createMinutesService({ ...store, clock, calendars, policy: (id: string) => catalogue.get(id) });
    return (await minutes.view({ caller: callerOf(group.lead), meetingId })).outcomes.map((outcome) => outcome.text);
  };

  test('in English: “the child”, “the child’s”, the full name once', async () => {
    expect(await outcomesSeen(['Riley Ellis lives in a safe, warm home', "Riley's school attendance rises"], 'en')).toEqual(['the child lives in a safe, warm home', "the child's school attendance rises"]);
  });

  test('in a Welsh group: “y plentyn”, and “’r plentyn” after a vowel, never English inside the Welsh', async () => {
    expect(await outcomesSeen(['Mae Riley yn byw mewn cartref diogel', 'Bydd iechyd Riley Ellis yn gwella'], 'cy')).toEqual(["Mae'r plentyn yn byw mewn cartref diogel", 'Bydd iechyd y plentyn yn gwella']);
  });

  test('a group writing both languages is named in English (the text’s language is not known)', async () => {
    expect(await outcomesSeen(['Riley is safe at home'], 'both')).toEqual(['the child is safe at home']);
  });
});
