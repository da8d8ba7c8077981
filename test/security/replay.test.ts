import { randomUUID } from 'node:crypto';
import { attack } from './support/attack';
import { type MinutesState, changesBetween, type Person, type SecuredStack, type Snapshot, startSecuredStack } from './support/secured-stack';
import { PRODUCTION_TAB_ROUTES } from './support/tab-routes';

/**
 * Replay: Teams delivers the same activity twice (the same id, or again with a new id — DESIGN.md
 * §5), and a tab write is sent twice. The first delivery changes something; the second changes
 * nothing more and is never a 5xx. Booking a slot twice is attacked where a case without a series
 * can be booked: `bot-card-actions` (the same id) and the bot endpoint test (a new id each press).
 */
let stack: SecuredStack;
beforeAll(async () => {
  stack = await startSecuredStack();
});
afterAll(() => stack.stop());

const cardPress = (verb: string, data: Record<string, unknown>) => ({ type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data } } });

const inChat = (chatId: string, activity: Record<string, unknown> & { conversation: object }) => ({ ...activity, conversation: { ...activity.conversation, id: chatId, conversationType: 'groupChat' } });

/** Activities that record something, as Teams would deliver them. */
const ACTIVITIES: readonly [string, () => Promise<Record<string, unknown>>][] = [
  ['a note in the meeting chat', async () => stack.inMeetingChat({ ...stack.activity('health', { text: '/coregroup note Mum says the heating is fixed', conversationType: 'groupChat' }), id: `activity-${randomUUID()}` })],
  ['a decision in the meeting chat', async () => stack.inMeetingChat({ ...stack.activity('health', { text: '/coregroup decision School shares attendance weekly', conversationType: 'groupChat' }), id: `activity-${randomUUID()}` })],
  ['a check-in button', async () => stack.activity('health', cardPress('check-in', { coreGroupId: stack.coreGroupId, actionId: 'action-visits', status: 'at-risk', promptId: randomUUID(), 'note-action-visits': 'Missed one visit' }))],
  ['a check-in by the Action.Submit fallback', async () => stack.activity('school', { value: { verb: 'check-in', coreGroupId: stack.coreGroupId, actionId: 'action-attendance', status: 'on-track', promptId: randomUUID() } })],
  ['a concern raised', async () => stack.activity('health', cardPress('raise-concern', { coreGroupId: stack.coreGroupId, requestId: randomUUID(), kind: 'drift-and-delay', note: 'Nothing moves' }))],
  [
    'a core group set up',
    async () =>
      stack.activity('manager', cardPress('create-core-group', {
        requestId: randomUUID(),
        caseReference: `CP-REPLAY-${randomUUID().slice(0, 4)}`,
        childName: 'Invented Child',
        icpcDate: '2026-06-01',
        policyId: 'wales',
        creatorRole: 'team-manager',
        membersText: 'lead-social-worker | children’s social care | Priya Shah | priya.shah@demo.example',
        outcomesText: 'Safe at home',
      })),
  ],
  [
    '“I’m here” on the agenda',
    async () => {
      const { meetingId, chatId } = await stack.freshMeeting('draft');
      return inChat(chatId, stack.activity('police', { ...cardPress('mark-present', { meetingId, started: true }), conversationType: 'groupChat' }));
    },
  ],
  ['a meeting-start event', async () => stack.meetingEvent((await stack.freshMeeting('draft')).chatId, 'start')],
  ['a meeting-end event', async () => stack.meetingEvent((await stack.freshMeeting('draft')).chatId, 'end')],
];

/** Delivers an activity and runs what it queued; the store as it then stands. */
async function deliver(activity: Record<string, unknown>): Promise<{ status: number; state: Snapshot }> {
  const { status } = await stack.postActivity(activity);
  await stack.drainJobs();
  return { status, state: await stack.snapshot() };
}

/** A message sent again with a new id is a second message; a button press or a Teams event is the same one (DESIGN.md §5). */
const isMessage = (what: string) => what.includes('meeting chat');

describe('the same activity twice records once', () => {
  for (const [what, make] of ACTIVITIES) {
    for (const again of isMessage(what) ? (['with the same id'] as const) : (['with the same id', 'with a new id'] as const)) {
      attack(`replay: ${what} delivered twice (${again}) records once`, async () => {
        const activity = await make();
        const before = await stack.snapshot();
        const first = await deliver(activity);
        expect(first.status).toBe(200);
        expect(changesBetween(before, first.state)).not.toEqual([]);
        const second = await deliver(again === 'with a new id' ? { ...activity, id: randomUUID() } : activity);
        expect(second.status).toBeLessThan(500);
        expect(changesBetween(first.state, second.state)).toEqual([]);
      });
    }
  }
});

/** Who makes each tab write at a fresh meeting (the chair, the minute-taker, the team manager). */
const WRITERS: Readonly<Record<string, { person: Person; body?: unknown; needs?: MinutesState }[]>> = {
  'PATCH /api/meetings/:meetingId/minutes': [{ person: 'health' }],
  'POST /api/meetings/:meetingId/minutes/contributions/:contributionId': [{ person: 'lead' }],
  'PUT /api/meetings/:meetingId/roles': [{ person: 'lead' }],
  'POST /api/meetings/:meetingId/minutes/sign-off': [
    { person: 'lead', body: { as: 'chair' } },
    { person: 'manager', body: { as: 'team-manager' }, needs: 'chair-signed' },
  ],
  'POST /api/meetings/:meetingId/minutes/amend': [{ person: 'lead' }],
  'POST /api/meetings/:meetingId/minutes/return': [{ person: 'manager' }],
  'POST /api/core-groups/:coreGroupId/review-conferences': [{ person: 'lead' }],
  'POST /api/core-groups/:coreGroupId/review-conferences/held': [{ person: 'iro' }, { person: 'manager', body: { heldOn: '2026-06-05', outcome: 'end', chairName: 'Ann Okoro (IRO)' } }],
  'POST /api/core-groups/:coreGroupId/transfer-out': [{ person: 'manager' }],
  'POST /api/core-groups/:coreGroupId/institution-tasks': [{ person: 'lead' }],
  'POST /api/institution-tasks/:taskId/letter-sent': [{ person: 'coordinator' }],
  'POST /api/concerns/:concernId/decisions': [{ person: 'manager' }, { person: 'lead', body: { decision: 'escalate', text: 'The chair must see this now', requestId: '00000000-0000-4000-8000-00000000e5c1' } }],
  'PUT /api/core-groups/:coreGroupId/plan': [{ person: 'lead' }],
  'POST /api/meetings/:meetingId/outcome': [{ person: 'lead' }, { person: 'manager', body: { happened: false, reason: 'The family did not come and nobody else could' } }],
  'POST /api/meetings/:meetingId/minutes/distribute': [{ person: 'lead' }],
  'PUT /api/meetings/:meetingId/family-version': [{ person: 'lead' }],
  'POST /api/meetings/:meetingId/family-version/sign-off': [{ person: 'lead' }],
  'POST /api/meetings/:meetingId/plan-circulation': [{ person: 'lead' }, { person: 'manager' }],
  'POST /api/meetings/:meetingId/cp9': [{ person: 'manager' }],
  'POST /api/core-groups/:coreGroupId/plan/not-received': [{ person: 'school' }],
  'POST /api/meetings/:meetingId/series/move': [{ person: 'lead' }],
  'POST /api/meetings/:meetingId/series/cancel': [{ person: 'manager' }],
  'PUT /api/core-groups/:coreGroupId/review-conferences/:reviewConferenceId/agency-reports/mine': [{ person: 'health' }],
  'POST /api/core-groups/:coreGroupId/review-conferences/:reviewConferenceId/agency-reports/mine/submit': [{ person: 'school' }],
  'POST /api/core-groups/:coreGroupId/filed-documents': [{ person: 'school' }, { person: 'manager' }],
  'PUT /api/me/language': [{ person: 'family' }],
  'PUT /api/core-groups/:coreGroupId/document-language': [{ person: 'manager' }],
};

describe('the same tab write twice changes things once', () => {
  const writes = PRODUCTION_TAB_ROUTES.filter((route) => route.writes);
  test('every write route of TAB_API is replayed here', () => {
    expect(writes.map((route) => route.key).filter((key) => !WRITERS[key])).toEqual([]);
  });
  for (const route of writes) {
    for (const { person, body, needs } of WRITERS[route.key] ?? []) {
      attack(`replay: ${route.key}${body ? ` ${JSON.stringify(body)}` : ''} sent twice by ${person} changes things once`, async () => {
        const target = await stack.freshMeeting(needs ?? route.needs);
        const send = async () => {
          const answer = await stack.call(route.method, route.path(target), { token: await stack.as(person), body: body ?? route.bodyFor(target) });
          await stack.drainJobs();
          return { status: answer.status, state: await stack.snapshot() };
        };
        const before = await stack.snapshot();
        const first = await send();
        expect(first.status).toBeLessThan(300);
        expect(changesBetween(before, first.state)).not.toEqual([]);
        const second = await send();
        expect(second.status).toBeLessThan(500);
        expect(changesBetween(first.state, second.state)).toEqual([]);
      });
    }
  }
});
