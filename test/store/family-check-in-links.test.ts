import { aCoreGroup } from '../support/fixtures';
import { describeEachEngine, useMigratedStore } from './each-engine';

describeEachEngine("parents' check-in links", (engine) => {
  const context = useMigratedStore(engine);

  test('a link is read back by its selector; it is spent once, with every other link for the same member, action and prompt', async () => {
    const { store } = context;
    const { coreGroup, members, parent } = aCoreGroup();
    await store.coreGroups.create(coreGroup, members);
    const link = { selector: 'selector-one', verifierHash: 'ab'.repeat(32), tenantId: coreGroup.tenantId, coreGroupId: coreGroup.id, memberId: parent.id, actionId: 'action-1', promptId: 'prompt-1', createdAt: '2026-06-15T09:00:00.000Z', expiresAt: '2026-06-22T09:00:00.000Z' };
    const resent = { ...link, selector: 'selector-two', verifierHash: 'cd'.repeat(32) };
    const otherPrompt = { ...link, selector: 'selector-three', promptId: 'prompt-2' };
    for (const each of [link, resent, otherPrompt]) await store.familyCheckInLinks.save(each);
    expect(await store.familyCheckInLinks.find('selector-one')).toEqual({ ...link, usedAt: undefined });
    expect(await store.familyCheckInLinks.find('selector-unknown')).toBeUndefined();

    const spent = await Promise.all([store.familyCheckInLinks.markUsed(link, '2026-06-16T10:00:00.000Z'), store.familyCheckInLinks.markUsed(resent, '2026-06-16T10:00:01.000Z')]);
    expect(spent.filter(Boolean)).toHaveLength(1);
    expect((await store.familyCheckInLinks.find('selector-two'))?.usedAt).toBeDefined();
    expect((await store.familyCheckInLinks.find('selector-three'))?.usedAt).toBeUndefined();
    expect(await store.familyCheckInLinks.markUsed(link, '2026-06-17T10:00:00.000Z')).toBe(false);
  });
});
