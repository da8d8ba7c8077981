import { randomUUID } from 'node:crypto';
import { parseCivilDate } from '../../src/domain/civil-date';
import { AlreadyExistsError, InvalidInputError, VersionConflictError } from '../../src/domain/errors';
import { type Minutes, editMinutes, emptyMinutesContent, signMinutes } from '../../src/domain/minutes';
import { aCoreGroup } from '../support/fixtures';
import { describeEachEngine, useMigratedStore } from './each-engine';

const d = (text: string) => parseCivilDate(text);

describeEachEngine('minutes and deliveries', (engine) => {
  const context = useMigratedStore(engine);

  const aDraft = async () => {
    const group = aCoreGroup();
    await context.store.coreGroups.create(group.coreGroup, group.members);
    const meetingId = `${group.coreGroup.id}-m1`;
    await context.store.meetings.create({ id: meetingId, coreGroupId: group.coreGroup.id, date: d('2026-06-12'), status: 'held' });
    const draft: Minutes = { id: randomUUID(), meetingId, coreGroupId: group.coreGroup.id, version: 1, content: emptyMinutesContent(group.members) };
    await context.store.minutes.createDraft(draft, group.lead.id, '2026-06-12T10:00:00.000Z');
    return { ...group, meetingId, draft };
  };

  test('a save on a stale version is refused, and every saved version is kept with who saved it', async () => {
    const { store } = context;
    const { lead, manager, meetingId, draft } = await aDraft();
    expect(await store.minutes.findByMeeting(meetingId)).toEqual(draft);
    const newAction = { what: 'Referral to speech therapy', ownerMemberId: lead.id, agency: "children's social care", due: d('2026-07-01'), progressMeasure: 'Referral accepted' };
    const byChair = editMinutes(draft, { content: { ...draft.content, childsVoice: 'Likes football', nextMeetingDate: d('2026-07-10'), newActions: [newAction] }, basedOnVersion: 1 });
    await store.minutes.save(byChair, { expectedVersion: 1, savedBy: lead.id, at: '2026-06-12T10:05:00.000Z' });
    const byOther = editMinutes(draft, { content: { ...draft.content, childsVoice: 'Overwrites' }, basedOnVersion: 1 });
    await expect(store.minutes.save(byOther, { expectedVersion: 1, savedBy: manager.id, at: '2026-06-12T10:06:00.000Z' })).rejects.toThrow(VersionConflictError);
    const stored = await store.minutes.findByMeeting(meetingId);
    expect(stored).toEqual(byChair);
    const signed = signMinutes(signMinutes(stored!, { as: 'chair', memberId: lead.id, at: '2026-06-12T11:00:00.000Z' }), { as: 'team-manager', memberId: manager.id, at: '2026-06-13T09:00:00.000Z' });
    await store.minutes.save({ ...signed, version: 3 }, { expectedVersion: 2, savedBy: manager.id, at: '2026-06-13T09:00:00.000Z' });
    const history = await store.minutes.history(draft.id);
    expect(history.map((h) => [h.version, h.savedBy, h.savedAt, h.content.childsVoice])).toEqual([
      [1, lead.id, '2026-06-12T10:00:00.000Z', ''],
      [2, lead.id, '2026-06-12T10:05:00.000Z', 'Likes football'],
      [3, manager.id, '2026-06-13T09:00:00.000Z', 'Likes football'],
    ]);
    expect(history[2]).toMatchObject({ chairSignOff: { memberId: lead.id, at: '2026-06-12T11:00:00.000Z' }, managerSignOff: { memberId: manager.id, at: '2026-06-13T09:00:00.000Z' } });
    expect(history[1]?.content).toEqual(byChair.content);
  });

  test('two people saving at once: exactly one save lands and the history has no gap or fork', async () => {
    const { store } = context;
    const { lead, manager, meetingId, draft } = await aDraft();
    const edits = [
      { minutes: editMinutes(draft, { content: { ...draft.content, childsVoice: 'From the chair' }, basedOnVersion: 1 }), savedBy: lead.id },
      { minutes: editMinutes(draft, { content: { ...draft.content, childsVoice: 'From the manager' }, basedOnVersion: 1 }), savedBy: manager.id },
    ];
    const outcomes = await Promise.allSettled(edits.map(({ minutes, savedBy }) => store.minutes.save(minutes, { expectedVersion: 1, savedBy, at: '2026-06-12T10:05:00.000Z' })));
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(outcomes.find((outcome) => outcome.status === 'rejected')).toMatchObject({ reason: expect.any(VersionConflictError) });
    const winner = edits[outcomes.findIndex((outcome) => outcome.status === 'fulfilled')]!;
    expect(await store.minutes.findByMeeting(meetingId)).toEqual(winner.minutes);
    expect((await store.minutes.history(draft.id)).map((h) => [h.version, h.savedBy])).toEqual([[1, lead.id], [2, winner.savedBy]]);
  });

  test('a save that does not move to the next version is refused and changes nothing', async () => {
    const { store } = context;
    const { lead, meetingId, draft } = await aDraft();
    await expect(store.minutes.save({ ...draft, content: { ...draft.content, childsVoice: 'Same version' } }, { expectedVersion: 1, savedBy: lead.id, at: '2026-06-12T10:05:00.000Z' })).rejects.toThrow(InvalidInputError);
    expect(await store.minutes.findByMeeting(meetingId)).toEqual(draft);
    expect(await store.minutes.history(draft.id)).toHaveLength(1);
  });

  test('one meeting has one set of minutes: a second draft is refused', async () => {
    const { store } = context;
    const { lead, meetingId, draft } = await aDraft();
    await expect(store.minutes.createDraft({ ...draft, id: randomUUID() }, lead.id, '2026-06-12T10:01:00.000Z')).rejects.toThrow(AlreadyExistsError);
    expect(await store.minutes.findByMeeting(meetingId)).toEqual(draft);
    expect(await store.minutes.findByMeeting(randomUUID())).toBeUndefined();
  });

  test('each delivery is recorded once, in the order they happened', async () => {
    const { store } = context;
    const { teacher, parent, draft } = await aDraft();
    const toTeacher = { id: `${draft.id}-1-${teacher.id}`, minutesId: draft.id, minutesVersion: 1, memberId: teacher.id, channel: 'teams' as const, outcome: 'sent' as const, at: '2026-06-15T09:00:00.000Z' };
    const toParent = { id: `${draft.id}-1-${parent.id}`, minutesId: draft.id, minutesVersion: 1, memberId: parent.id, channel: 'email' as const, outcome: 'failed' as const, at: '2026-06-15T08:00:00.000Z', detail: 'mailbox full' };
    await store.minutes.recordDelivery(toTeacher);
    await store.minutes.recordDelivery(toTeacher);
    await store.minutes.recordDelivery(toParent);
    const { id: _teacherId, ...teacherDelivery } = toTeacher;
    const { id: _parentId, ...parentDelivery } = toParent;
    expect(await store.minutes.deliveries(draft.id)).toEqual([parentDelivery, { ...teacherDelivery, detail: undefined }]);
  });
});
