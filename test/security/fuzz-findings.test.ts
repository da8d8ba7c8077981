import { attack } from './support/attack';
import { DEMO_CHAT_ID, type SecuredStack, startSecuredStack } from './support/secured-stack';

/**
 * What the fuzzers found, pinned as the smallest request that shows it, so each holds (or fails)
 * on every run rather than when a random run happens on it. All come with a valid channel token:
 * the bot endpoint must answer a malformed activity with a 4xx (or a card), never a 5xx.
 */
let stack: SecuredStack;
beforeAll(async () => {
  stack = await startSecuredStack();
});
afterAll(() => stack.stop());

const checkIn = (data: Record<string, unknown>) => stack.activity('health', { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'check-in', data } } });
const command = () => stack.activity('health', { text: '/coregroup tasks' });

/** Each found request: what it is, and the activity. */
const FOUND: readonly [string, () => object][] = [
  ['a check-in whose note is not text (an array holding an object)', () => checkIn({ coreGroupId: stack.coreGroupId, actionId: 'action-visits', status: 'on-track', promptId: '5b1d0c8e-0000-4000-8000-00000000fa01', 'note-action-visits': [[{ toString: 0 }]] })],
  ['a command whose from.aadObjectId is not a string', () => ({ ...command(), from: { id: '29:x', aadObjectId: {}, name: 'Member' } })],
  ['a card action whose from.aadObjectId is not a string', () => ({ ...checkIn({ coreGroupId: stack.coreGroupId, actionId: 'action-visits', status: 'on-track', promptId: '5b1d0c8e-0000-4000-8000-00000000fa02' }), from: { id: '29:x', aadObjectId: [], name: 'Member' } })],
  ['a command whose recipient.id is not a string', () => ({ ...command(), recipient: { id: [], name: 'Core Group' } })],
  ['a command whose conversation.conversationType is not a string', () => ({ ...command(), conversation: { ...command().conversation, conversationType: {} } })],
  ['an adaptiveCard/action invoke whose value has no action', () => ({ ...checkIn({}), value: { action: null } })],
  ['an invoke of a name the bot does not handle', () => stack.activity('health', { type: 'invoke', name: 'composeExtension/query', value: {} })],
  ['a meeting-start event whose value lacks JoinUrl and StartTime', () => ({ ...stack.meetingEvent(DEMO_CHAT_ID, 'start'), value: {} })],
];

describe('the fuzzers’ findings on /api/messages', () => {
  for (const [what, activity] of FOUND) {
    attack(`fuzz finding: ${what} is answered below 500`, async () => {
      const answer = await stack.postActivity(activity());
      const invokeStatus = (answer.json as { statusCode?: number } | undefined)?.statusCode ?? 0;
      expect([answer.status, invokeStatus].filter((status) => status >= 500)).toEqual([]);
    });
  }
});
