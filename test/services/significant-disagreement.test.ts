import { randomUUID } from 'node:crypto';
import { parseCivilDate } from '../../src/domain/civil-date';
import type { CoreGroupMember } from '../../src/domain/core-group';
import type { Disagreement } from '../../src/domain/minutes';
import { loadWorkingDayCalendars } from '../../src/holidays/working-day-calendars';
import { loadPolicyCatalogue } from '../../src/policies/policy-catalogue';
import { uuidFromKey } from '../../src/services/deterministic-id';
import { createMinutesService } from '../../src/services/minutes.service';
import type { Clock } from '../../src/services/ports/clock.port';
import { TENANT, aCoreGroup } from '../support/fixtures';
import { describeEachEngine, useMigratedStore } from '../store/each-engine';

const clock: Clock = { nowIso: () => '2026-06-08T11:00:00.000Z', today: () => parseCivilDate('2026-06-08') };
const catalogue = loadPolicyCatalogue();
const calendars = loadWorkingDayCalendars();
const callerOf = (member: CoreGroupMember) => ({ tenantId: TENANT, aadObjectId: member.aadObjectId! });

/** Seed 002: a significant disagreement at a core group goes to the team manager and the chair of the conference — once the minutes are signed, once. */
describeEachEngine('a significant disagreement in signed minutes', (engine) => {
  const context = useMigratedStore(engine);

  /** A held meeting of a group (with or without a conference chair) whose minutes record these disagreements, everyone present. */
  const minutesWith = async (disagreements: Disagreement[], options: { conferenceChair: boolean }) => {
    const { store } = context;
    const group = aCoreGroup();
    const conferenceChair: CoreGroupMember = { id: randomUUID(), displayName: 'Carys Chair', role: 'conference-chair', agency: 'safeguarding unit', aadObjectId: randomUUID(), reach: 'tenant', active: true };
    await store.coreGroups.create(group.coreGroup, options.conferenceChair ? [...group.members, conferenceChair] : group.members);
    const meetingId = randomUUID();
    await store.meetings.create({ id: meetingId, coreGroupId: group.coreGroup.id, date: parseCivilDate('2026-06-08'), status: 'scheduled', startsAt: '2026-06-08T09:00:00.000Z', endsAt: '2026-06-08T10:00:00.000Z' });
    const minutes = createMinutesService({ ...store, clock, calendars, policy: (id: string) => catalogue.get(id) });
    const { minutes: draft } = await minutes.view({ caller: callerOf(group.lead), meetingId });
    const present = await minutes.saveSection({ caller: callerOf(group.lead), meetingId, baseVersion: draft.version, section: 'attendance', value: draft.content.attendance.map((entry) => ({ ...entry, attendance: 'present' })) });
    await minutes.saveSection({ caller: callerOf(group.lead), meetingId, baseVersion: present.version, section: 'disagreements', value: disagreements });
    return { ...group, conferenceChair, meetingId, minutes };
  };
  const concernsOf = (coreGroupId: string) => context.store.concerns.listByCoreGroup(coreGroupId);
  const noticeTo = (concernId: string, member: CoreGroupMember) => context.store.jobs.findById(uuidFromKey(`job:concern:${concernId}:${member.id}`));

  test('the second signature raises one concern to the team manager and the conference chair, each told by a queued notice', async () => {
    const group = await minutesWith([{ text: 'Health and school disagree about whether the child is safe at home', significant: true }], { conferenceChair: true });
    const chairSigned = await group.minutes.signOff({ caller: callerOf(group.lead), meetingId: group.meetingId, as: 'chair' });
    expect(chairSigned.escalated).toEqual([]);
    expect(await concernsOf(group.coreGroup.id)).toEqual([]);

    const { escalated } = await group.minutes.signOff({ caller: callerOf(group.manager), meetingId: group.meetingId, as: 'team-manager' });

    const [concern, ...others] = await concernsOf(group.coreGroup.id);
    expect(others).toEqual([]);
    expect(concern).toMatchObject({ kind: 'significant-disagreement', raisedByMemberId: group.lead.id, step: 0, status: 'open', note: 'Health and school disagree about whether the child is safe at home' });
    expect(escalated).toMatchObject([{ concernId: concern!.id, text: 'Health and school disagree about whether the child is safe at home', nobodyHolds: [] }]);
    expect([...escalated[0]!.queuedFor].sort()).toEqual(['Carys Chair', 'Morgan Manager']);
    expect(await noticeTo(concern!.id, group.manager)).toMatchObject({ kind: 'concern-notification', payload: { concernId: concern!.id, recipientAadObjectId: group.manager.aadObjectId } });
    expect(await noticeTo(concern!.id, group.conferenceChair)).toMatchObject({ payload: { concernId: concern!.id, recipientAadObjectId: group.conferenceChair.aadObjectId } });
    expect(await noticeTo(concern!.id, group.lead)).toBeUndefined();
    const view = await group.minutes.view({ caller: callerOf(group.lead), meetingId: group.meetingId });
    expect([view.disagreementConcerns, view.conferenceChairReachable]).toEqual([[{ raisedAt: concern!.raisedAt }], true]);
  });

  test('minutes signed before the app raised such concerns: the view says none was raised for the disagreement', async () => {
    const group = await minutesWith([{ text: 'Agencies disagree about contact', significant: true }, { text: 'A small difference', significant: false }], { conferenceChair: true });
    await group.minutes.signOff({ caller: callerOf(group.lead), meetingId: group.meetingId, as: 'chair' });
    await group.minutes.signOff({ caller: callerOf(group.manager), meetingId: group.meetingId, as: 'team-manager' });
    const [concern] = await concernsOf(group.coreGroup.id);
    // As if signed before the release that raises them: the concern the signing would have raised is not there.
    const view = await createMinutesService({ ...context.store, concerns: { ...context.store.concerns, listByCoreGroup: async () => [] }, clock, calendars, policy: (id: string) => catalogue.get(id) }).view({ caller: callerOf(group.lead), meetingId: group.meetingId });
    expect(concern).toBeDefined();
    expect(view.disagreementConcerns).toEqual([undefined, undefined]);
  });

  test('an amendment re-signed with the same disagreement raises nothing new', async () => {
    const group = await minutesWith([{ text: 'The police and the school disagree about contact', significant: true }], { conferenceChair: true });
    await group.minutes.signOff({ caller: callerOf(group.lead), meetingId: group.meetingId, as: 'chair' });
    const first = await group.minutes.signOff({ caller: callerOf(group.manager), meetingId: group.meetingId, as: 'team-manager' });
    await group.minutes.amend({ caller: callerOf(group.lead), meetingId: group.meetingId, reason: 'A name was misspelt' });
    await group.minutes.signOff({ caller: callerOf(group.lead), meetingId: group.meetingId, as: 'chair' });
    const again = await group.minutes.signOff({ caller: callerOf(group.manager), meetingId: group.meetingId, as: 'team-manager' });

    expect(await concernsOf(group.coreGroup.id)).toHaveLength(1);
    expect(again.escalated.map((escalation) => escalation.concernId)).toEqual(first.escalated.map((escalation) => escalation.concernId));
  });

  test('a disagreement not marked significant raises no concern', async () => {
    const group = await minutesWith([{ text: 'A difference over the date of the next visit', significant: false }], { conferenceChair: true });
    await group.minutes.signOff({ caller: callerOf(group.lead), meetingId: group.meetingId, as: 'chair' });
    const { escalated } = await group.minutes.signOff({ caller: callerOf(group.manager), meetingId: group.meetingId, as: 'team-manager' });

    expect(escalated).toEqual([]);
    expect(await concernsOf(group.coreGroup.id)).toEqual([]);
  });

  test('a group with no conference chair: the team manager is still told, and the result says nobody holds the chair role', async () => {
    const group = await minutesWith([{ text: 'Agencies disagree about the threshold for removal', significant: true }], { conferenceChair: false });
    await group.minutes.signOff({ caller: callerOf(group.lead), meetingId: group.meetingId, as: 'chair' });
    const { escalated } = await group.minutes.signOff({ caller: callerOf(group.manager), meetingId: group.meetingId, as: 'team-manager' });

    expect(escalated).toMatchObject([{ queuedFor: ['Morgan Manager'], nobodyHolds: ['conference-chair'] }]);
    expect(await noticeTo(escalated[0]!.concernId, group.manager)).toBeDefined();
    expect((await group.minutes.view({ caller: callerOf(group.lead), meetingId: group.meetingId })).conferenceChairReachable).toBe(false);
  });

  test("no conference chair in the group but one configured for the area: the area's chair is told, and nobody is missing", async () => {
    const group = await minutesWith([{ text: 'Health and police disagree about contact', significant: true }], { conferenceChair: false });
    const areaChair = { id: randomUUID(), tenantId: TENANT, area: group.coreGroup.policyId, name: 'Priya Area-Chair', role: 'conference-chair' as const, email: 'priya@council.example' };
    await context.store.areaContacts.add(areaChair, clock.nowIso());
    try {
      await group.minutes.signOff({ caller: callerOf(group.lead), meetingId: group.meetingId, as: 'chair' });
      const { escalated } = await group.minutes.signOff({ caller: callerOf(group.manager), meetingId: group.meetingId, as: 'team-manager' });
      expect(escalated).toMatchObject([{ queuedFor: ['Morgan Manager', 'Priya Area-Chair'], nobodyHolds: [] }]);
      expect(await context.store.jobs.findById(uuidFromKey(`job:concern:${escalated[0]!.concernId}:${areaChair.id}`))).toMatchObject({ payload: { recipientAreaContactId: areaChair.id } });
      expect((await group.minutes.view({ caller: callerOf(group.lead), meetingId: group.meetingId })).conferenceChairReachable).toBe(true);
    } finally {
      await context.store.areaContacts.remove(TENANT, areaChair.id);
    }
  });
});
