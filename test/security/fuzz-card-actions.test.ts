import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { CARD_ACTIONS } from '../../bot/actions/action-table';
import type { CardVerb } from '../../src/contracts/card-actions.contract';
import { attack } from './support/attack';
import { anythingHostile, hostileJson, hostileText, mutated, problemsWith, withHostileStrings } from './support/hostile-input';
import { type Answer, type Person, type SecuredStack, startSecuredStack } from './support/secured-stack';

/**
 * Property-based fuzzing of every card verb in CARD_ACTIONS, by Universal Action
 * (`Action.Execute` invoke) and by the `Action.Submit` fallback (a message whose value is the
 * data): arbitrary data, the verb's valid data with hostile text, and its valid data made wrong in
 * one place. The answer is never a 5xx (nor an invoke answering a 5xx inside a 200), no log line
 * carries the input, `Object.prototype` stays as it was. Each property is one attack.
 */
const RUNS = 40;
const TIMEOUT_MS = 120_000;

let stack: SecuredStack;
beforeAll(async () => {
  stack = await startSecuredStack();
});
afterAll(() => stack.stop());

/** Who presses each verb's button, where, and with what valid data. A verb added to CARD_ACTIONS without a row fails the file. */
/** `freeText`: the inputs people type into (hostile text goes there; elsewhere it replaces every string). */
const PRESSES: Record<CardVerb, { person: Person; inMeetingChat: boolean; freeText?: readonly string[]; data: () => Record<string, unknown> }> = {
  'check-in': { person: 'health', inMeetingChat: false, freeText: ['note-action-visits'], data: () => ({ coreGroupId: stack.coreGroupId, actionId: 'action-visits', status: 'on-track', promptId: randomUUID(), 'note-action-visits': 'Visited on Tuesday' }) },
  'book-slot': { person: 'lead', inMeetingChat: false, data: () => ({ coreGroupId: stack.coreGroupId, slot: String(Date.parse('2026-06-10T13:00:00Z')) }) },
  'raise-concern': { person: 'health', inMeetingChat: false, freeText: ['note'], data: () => ({ coreGroupId: stack.coreGroupId, requestId: randomUUID(), kind: 'drift-and-delay', note: 'Nothing moves' }) },
  'create-core-group': {
    person: 'manager',
    inMeetingChat: false,
    freeText: ['caseReference', 'childName', 'icpcDate', 'transferredInFrom', 'membersText', 'outcomesText'],
    data: () => ({
      requestId: randomUUID(),
      caseReference: 'CP-FUZZ',
      childName: 'Invented Child',
      icpcDate: '2026-06-01',
      transferredInFrom: '',
      policyId: 'wales',
      creatorRole: 'team-manager',
      membersText: 'lead-social-worker | children’s social care | Priya Shah | priya.shah@demo.example\nfamily-member | family | Sam Parent | sam@family.example',
      outcomesText: 'Safe at home',
    }),
  },
  'agenda-view': { person: 'police', inMeetingChat: true, data: () => ({ meetingId: stack.meetingId, started: true }) },
  'mark-present': { person: 'police', inMeetingChat: true, data: () => ({ meetingId: stack.meetingId, started: true }) },
  'choose-case': { person: 'lead', inMeetingChat: false, data: () => ({ command: 'plan', coreGroupId: stack.coreGroupId }) },
  'add-members': { person: 'lead', inMeetingChat: false, freeText: ['memberText'], data: () => ({ coreGroupId: stack.coreGroupId, memberText: 'housing | housing association | Hal Housing | hal@housing.example' }) },
  'remove-member': { person: 'manager', inMeetingChat: false, data: () => ({ coreGroupId: stack.coreGroupId, memberId: randomUUID() }) },
  'reschedule-offer': { person: 'lead', inMeetingChat: false, data: () => ({ coreGroupId: stack.coreGroupId, meetingId: stack.meetingId, scope: 'one', occurrence: String(Date.parse('2026-06-08T09:00:00Z')) }) },
  'reschedule-meeting': { person: 'lead', inMeetingChat: false, data: () => ({ coreGroupId: stack.coreGroupId, meetingId: stack.meetingId, scope: 'series', occurrence: String(Date.parse('2026-06-08T09:00:00Z')), slot: String(Date.parse('2026-06-10T13:00:00Z')) }) },
  'cancel-meeting': { person: 'lead', inMeetingChat: false, freeText: ['reason'], data: () => ({ coreGroupId: stack.coreGroupId, meetingId: stack.meetingId, scope: 'one', occurrence: String(Date.parse('2026-06-08T09:00:00Z')), reason: 'Clash with a court hearing' }) },
  'book-extra-meeting': { person: 'lead', inMeetingChat: false, freeText: ['venue'], data: () => ({ coreGroupId: stack.coreGroupId, concernId: randomUUID(), slot: String(Date.parse('2026-06-10T13:00:00Z')), mode: 'in-person', venue: 'Family Centre, Room 2' }) },
};

test('every card verb of CARD_ACTIONS is fuzzed here', () => {
  expect(Object.keys(PRESSES).sort()).toEqual(Object.keys(CARD_ACTIONS).sort());
});

/** Presses a button with this data, by Universal Action or by the Submit fallback; fails on a 5xx, the input in a log line or pollution. */
async function press(verb: CardVerb, data: unknown, by: 'invoke' | 'submit'): Promise<Answer> {
  const { person, inMeetingChat } = PRESSES[verb];
  const conversationType = inMeetingChat ? 'groupChat' : 'personal';
  const activity =
    by === 'invoke'
      ? stack.activity(person, { type: 'invoke', name: 'adaptiveCard/action', conversationType, value: { action: { type: 'Action.Execute', verb, data } } })
      : stack.activity(person, { conversationType, value: { ...(data !== null && typeof data === 'object' ? data : { data }), verb } });
  stack.log.clear();
  const answer = await stack.postActivity(inMeetingChat ? stack.inMeetingChat(activity) : activity);
  expect(problemsWith(answer, stack.log.lines())).toEqual([]);
  return answer;
}

/** The verb's valid data with hostile text in what people type (or in every string, for a verb with no typed input). */
function withHostileText(verb: CardVerb): fc.Arbitrary<unknown> {
  const { data, freeText } = PRESSES[verb];
  if (!freeText) return withHostileStrings(data());
  return fc.tuple(fc.array(hostileText, { minLength: freeText.length, maxLength: freeText.length }), fc.constant(null)).map(([texts]) => ({ ...data(), ...Object.fromEntries(freeText.map((key, index) => [key, texts[index]])) }));
}

describe('every card verb, by Universal Action and by the Submit fallback', () => {
  for (const verb of Object.keys(PRESSES) as CardVerb[]) {
    for (const by of ['invoke', 'submit'] as const) {
      const kinds: readonly [string, () => fc.Arbitrary<unknown>][] = [
        ['arbitrary data', () => fc.oneof(hostileJson, anythingHostile)],
        ['its valid data with hostile text', () => withHostileText(verb)],
        ['its valid data made wrong in one place', () => mutated(PRESSES[verb].data())],
      ];
      for (const [what, data] of kinds) {
        attack(
          `fuzz: card verb ${verb} by ${by === 'invoke' ? 'Action.Execute' : 'the Action.Submit fallback'} with ${what} is never a 5xx, never logged`,
          async () => {
            await fc.assert(
              fc.asyncProperty(data(), async (value) => {
                await press(verb, value, by);
              }),
              { numRuns: RUNS },
            );
            expect((await fetch(`${stack.base}/healthz`)).status).toBe(200);
          },
          TIMEOUT_MS,
        );
      }
    }
  }
});
