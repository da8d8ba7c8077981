import { randomUUID } from 'node:crypto';
import { parseCivilDate } from '../../src/domain/civil-date';
import { VersionConflictError } from '../../src/domain/errors';
import { type FamilyVersion, reviewFamilyVersion, signOffFamilyVersion } from '../../src/domain/family-version';
import { type Minutes, emptyMinutesContent } from '../../src/domain/minutes';
import { aCoreGroup } from '../support/fixtures';
import { describeEachEngine, useMigratedStore } from './each-engine';

describeEachEngine('family versions', (engine) => {
  const context = useMigratedStore(engine);

  test('each version is kept once; a second save of the same version is a conflict; the latest is current, with its sign-off', async () => {
    const { store } = context;
    const { coreGroup, members, lead, manager } = aCoreGroup();
    await store.coreGroups.create(coreGroup, members);
    const meetingId = `${coreGroup.id}-m1`;
    await store.meetings.create({ id: meetingId, coreGroupId: coreGroup.id, date: parseCivilDate('2026-06-12'), status: 'held' });
    const minutes: Minutes = { id: randomUUID(), meetingId, coreGroupId: coreGroup.id, version: 1, content: emptyMinutesContent(members) };
    await store.minutes.createDraft(minutes, lead.id, '2026-06-12T10:00:00.000Z');
    const prepared: FamilyVersion = { meetingId, minutesId: minutes.id, minutesVersion: 3, planVersion: undefined, version: 0, summary: '', items: [{ id: 'decisions:0', section: 'decisions', text: 'Stay on the plan', removed: false }, { id: 'nextMeeting:0', section: 'nextMeeting', line: { kind: 'next-meeting', on: '2026-07-10' }, removed: false }] };
    expect(await store.familyVersions.current(meetingId)).toBeUndefined();
    const reviewed = reviewFamilyVersion(prepared, { basedOnVersion: 0, summary: 'Things are a little better.', items: [{ id: 'decisions:0', text: 'You stay on the plan.', removed: false }] });
    await store.familyVersions.save(reviewed, { savedBy: lead.id, at: '2026-06-13T09:00:00.000Z' });
    await expect(store.familyVersions.save({ ...reviewed, summary: 'Other' }, { savedBy: manager.id, at: '2026-06-13T09:01:00.000Z' })).rejects.toThrow(VersionConflictError);
    const signedOff = signOffFamilyVersion(reviewed, { memberId: lead.id, at: '2026-06-13T10:00:00.000Z', version: 1 });
    await store.familyVersions.save(signedOff, { savedBy: lead.id, at: '2026-06-13T10:00:00.000Z' });
    expect(await store.familyVersions.current(meetingId)).toEqual(signedOff);
  });
});
