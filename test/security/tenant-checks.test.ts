import { randomUUID } from 'node:crypto';
import { DEMO_TENANT_ID } from '../../src/local/demo/demo-core-group.seed';
import { attack } from './support/attack';
import { changesBetween, disclosed, OUTSIDE_TENANT_ID, type SecuredStack, startSecuredStack } from './support/secured-stack';

/**
 * Tenant checks on the bot: an activity with a valid channel token whose tenant is not on the
 * allow-list — or that names none, or that claims an allowed tenant only where the channel does
 * not put it — runs no handler: nothing sent, nothing recorded, nothing disclosed.
 */
let stack: SecuredStack;
beforeAll(async () => {
  stack = await startSecuredStack();
});
afterAll(() => stack.stop());

type Activity = Record<string, unknown> & { conversation: Record<string, unknown> };

/** How an activity's tenant is made wrong. */
const WRONG_TENANTS: readonly [string, (activity: Activity) => Activity][] = [
  ['a tenant not on the allow-list', (activity) => ({ ...activity, channelData: { tenant: { id: OUTSIDE_TENANT_ID } }, conversation: { ...activity.conversation, tenantId: OUTSIDE_TENANT_ID } })],
  ['an outside tenant in channelData and an allowed one in the conversation', (activity) => ({ ...activity, channelData: { tenant: { id: OUTSIDE_TENANT_ID } }, conversation: { ...activity.conversation, tenantId: DEMO_TENANT_ID } })],
  ['no tenant at all', (activity) => ({ ...activity, channelData: {}, conversation: { ...activity.conversation, tenantId: undefined } })],
];

const cardPress = (verb: string, data: Record<string, unknown>) => ({ type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data } } });

/** Activities each of which records or sends something when its tenant is right. */
const ACTIVITIES: readonly [string, () => Promise<Activity>][] = [
  ['a command in a 1:1 chat', async () => stack.activity('health', { text: '/coregroup tasks' })],
  ['a check-in button', async () => stack.activity('health', cardPress('check-in', { coreGroupId: stack.coreGroupId, actionId: 'action-visits', status: 'done', promptId: randomUUID() }))],
  ['a check-in by the Action.Submit fallback', async () => stack.activity('health', { value: { verb: 'check-in', coreGroupId: stack.coreGroupId, actionId: 'action-visits', status: 'at-risk', promptId: randomUUID() } })],
  ['a concern raised', async () => stack.activity('health', cardPress('raise-concern', { coreGroupId: stack.coreGroupId, requestId: randomUUID(), kind: 'drift-and-delay', note: 'Nothing moves' }))],
  ['a note in the meeting chat', async () => stack.inMeetingChat({ ...stack.activity('health', { text: '/coregroup note Mum says the heating is fixed', conversationType: 'groupChat' }), id: `activity-${randomUUID()}` })],
  ['a meeting-start event', async () => stack.meetingEvent((await stack.freshMeeting('draft')).chatId, 'start')],
  [
    'the app added to a group chat',
    async () => {
      const added = stack.activity('lead', { type: 'installationUpdate', conversationType: 'groupChat' });
      return { ...added, action: 'add', conversation: { ...added.conversation, id: `19:${randomUUID()}@thread.v2` } };
    },
  ],
];

describe('an activity from a tenant that is not allowed runs nothing', () => {
  for (const [what, make] of ACTIVITIES) {
    for (const [tenant, wrong] of WRONG_TENANTS) {
      attack(`tenant check: ${what} with ${tenant} is refused; nothing sent or recorded`, async () => {
        const activity = wrong(await make());
        const before = await stack.snapshot();
        const sent = stack.channel.sent.length;
        const answer = await stack.postActivity(activity);
        expect(answer.status).toBeLessThan(500);
        if (activity.type === 'invoke') expect(answer.status).toBe(403);
        await stack.drainJobs();
        expect(stack.channel.sent.length).toBe(sent);
        expect(changesBetween(before, await stack.snapshot())).toEqual([]);
        expect(disclosed(answer.text)).toEqual([]);
      });
    }
  }

  test('control: each activity from the allowed tenant records or sends something (so each refusal above is about the tenant)', async () => {
    const inert: string[] = [];
    for (const [what, make] of ACTIVITIES) {
      const activity = await make();
      const before = await stack.snapshot();
      const sent = stack.channel.sent.length;
      await stack.postActivity(activity);
      await stack.drainJobs();
      if (changesBetween(before, await stack.snapshot()).length === 0 && stack.channel.sent.length === sent) inert.push(what);
    }
    expect(inert).toEqual([]);
  });
});
