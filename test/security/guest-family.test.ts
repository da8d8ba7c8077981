import { DEMO_TENANT_ID } from '../../src/local/demo/demo-core-group.seed';
import { createStore } from '../../src/store/store';
import { giveFamilyAction } from '../support/fixtures';
import { PEOPLE, type SecuredStack, startSecuredStack } from './support/secured-stack';

const ACTION = 'action-guest-parent';
const ACTION_TEXT = 'Go to the parenting course on Thursdays';
const HOME_TENANT = '44444444-5555-4666-8777-888888888888';

/**
 * Issue 14, item 6: a parent the organisation invited as a Teams guest (reach `guest`, an Entra
 * object id in this tenant) is authorised exactly as a member with the same role is — by tab
 * sign-in and in the bot — from the verified identity, and gains nothing for being a guest.
 */
describe('a family member invited as a Teams guest', () => {
  let stack: SecuredStack;
  let parentId: string;
  /** A Teams SSO token as Entra issues it to a guest: this tenant's `tid` and issuer, their object id here, `acct` 1 and their home tenant as `idp`. */
  const guestToken = () =>
    stack.tabToken({ tid: DEMO_TENANT_ID, oid: PEOPLE.family.aadObjectId, extraClaims: { acct: 1, idp: `https://sts.windows.net/${HOME_TENANT}/`, upn: 'sam_family.example#EXT#@demo.onmicrosoft.com' } });

  beforeAll(async () => {
    stack = await startSecuredStack();
    const store = createStore(stack.database);
    const member = stack.member('family')!;
    expect(member).toMatchObject({ role: 'family-member', reach: 'guest' });
    parentId = member.id;
    const coreGroupId = stack.groups.demo.coreGroupId;
    await giveFamilyAction(store.plans, { coreGroupId, id: ACTION, what: ACTION_TEXT, ownerMemberId: parentId, due: '2026-06-25', agreedOn: '2026-06-01', authorMemberId: stack.groups.demo.chairMemberId, at: '2026-06-01T09:00:00.000Z' });
  });
  afterAll(() => stack.stop());

  test('signs in to the tab with a guest token and sees their own action on the dashboard, as a member would', async () => {
    const me = await stack.call('GET', '/api/me', { token: await guestToken() });
    expect(me).toMatchObject({ status: 200, json: { tenantId: DEMO_TENANT_ID, aadObjectId: PEOPLE.family.aadObjectId } });
    const dashboard = await stack.call('GET', '/api/dashboard', { token: await guestToken() });
    expect(dashboard.status).toBe(200);
    expect((dashboard.json as { myActions: { id: string }[] }).myActions.map((action) => action.id)).toEqual([ACTION]);
  });

  test('in the bot, /coregroup tasks lists their action, and their check-in is recorded and audited as them', async () => {
    const coreGroupId = stack.groups.demo.coreGroupId;
    await stack.postActivity(stack.activity('family', { text: '/coregroup tasks' }));
    expect(JSON.stringify(stack.channel.sent.at(-1)?.body)).toContain(ACTION_TEXT);
    const press = stack.activity('family', {
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: 'check-in', data: { coreGroupId, actionId: ACTION, status: 'on-track', promptId: '5b1d0c8e-0000-4000-8000-0000000000f1', [`note-${ACTION}`]: 'Went this week' } }, trigger: 'manual' },
    });
    const answer = await stack.postActivity(press);
    expect(answer.text).toContain('Recorded: on track');
    const store = createStore(stack.database);
    expect(await store.checkIns.listByCoreGroup(coreGroupId)).toContainEqual(expect.objectContaining({ actionId: ACTION, memberId: parentId, status: 'on-track', note: 'Went this week' }));
    expect(await store.auditLog.listByCoreGroup(coreGroupId)).toContainEqual(expect.objectContaining({ actor: PEOPLE.family.aadObjectId, action: 'check-in-own-action', targetId: ACTION, outcome: 'allowed' }));
  });

  // Last: a fresh meeting puts the plan back to the ICPC's version.
  test('a guest token gets no more than a family member has: no draft minutes', async () => {
    const meeting = await stack.freshMeeting('draft');
    const draft = await stack.call('GET', `/api/meetings/${meeting.meetingId}/minutes`, { token: await guestToken() });
    expect(draft.status).toBe(403);
    expect(draft.text).not.toContain('DRAFT-CHILDS-VOICE');
  });
});
