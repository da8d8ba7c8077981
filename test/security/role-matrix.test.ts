import type { TabApiRouteKey } from '../../src/contracts/tab-api.contract';
import { attack } from './support/attack';
import { type MinutesState, changesBetween, type Person, type SecuredStack, startSecuredStack } from './support/secured-stack';
import { PRODUCTION_TAB_ROUTES, type TabRouteCase } from './support/tab-routes';

/**
 * The role matrix: each write of the tab API by each kind of person, at a fresh meeting of the
 * demo core group where the lead social worker chairs and the health visitor takes the minutes.
 * Who may do what is written here from DESIGN.md, not read from the code: a refusal must be a
 * 403/404 that changes nothing; where DESIGN.md allows it, the write goes through.
 */
let stack: SecuredStack;
beforeAll(async () => {
  stack = await startSecuredStack();
});
afterAll(() => stack.stop());

/** Who is who at the meeting, by the standing DESIGN.md §3 names. */
const ROLES: readonly [Person, string][] = [
  ['lead', 'the lead social worker (chair)'],
  ['manager', 'the team manager'],
  ['health', 'the health visitor (minute-taker)'],
  ['school', 'the school (guest professional)'],
  ['police', 'the police (guest professional)'],
  ['iro', 'the conference chair'],
  ['family', 'a family member (guest)'],
  ['coordinator', 'the co-ordinator, Children Services'],
  ['stranger', 'a same-tenant non-member'],
];

interface Write {
  readonly route: TabApiRouteKey;
  readonly label: string;
  readonly body?: unknown;
  readonly may: readonly Person[];
  /** Where DESIGN.md says so. */
  readonly why: string;
  /** The state of the minutes it is pressed on, when not the route's own (the team manager signs after the chair). */
  readonly needs?: MinutesState;
}

const MINUTE_WRITERS: readonly Person[] = ['lead', 'health'];

/** From DESIGN.md. A write route of TAB_API missing here fails the file: add its row. */
const WRITES: readonly Write[] = [
  { route: 'PATCH /api/meetings/:meetingId/minutes', label: 'saving a section of the minutes', may: MINUTE_WRITERS, why: '§1 (3): the chair fills the minutes tab; §2: chair ≠ minute-taker' },
  { route: 'POST /api/meetings/:meetingId/minutes/contributions/:contributionId', label: 'taking a chat contribution into the minutes', may: MINUTE_WRITERS, why: 'the same: the chair and the minute-taker write the minutes' },
  { route: 'PUT /api/meetings/:meetingId/roles', label: 'naming the chair and minute-taker', may: ['lead', 'manager'], why: '§1 (1) and §2 "who chairs": the lead social worker arranges the meeting; the team manager chairs the first' },
  { route: 'POST /api/meetings/:meetingId/minutes/sign-off', label: 'signing the minutes as chair', body: { as: 'chair' }, may: ['lead'], why: '§2 minutes: signed by the chair' },
  { route: 'POST /api/meetings/:meetingId/minutes/sign-off', label: 'signing the minutes as team manager', body: { as: 'team-manager' }, may: ['manager'], why: '§2 minutes: signed by the team manager', needs: 'chair-signed' },
  { route: 'POST /api/meetings/:meetingId/minutes/return', label: 'returning the chair’s signed minutes with comments', may: ['manager'], why: 'issue 15: the team manager signs, or sends the minutes back to the chair with comments' },
  { route: 'POST /api/meetings/:meetingId/outcome', label: 'recording whether the meeting took place', may: ['lead', 'manager'], why: 'issue 13: the chair (here the lead social worker) confirms it took place; the team manager may record it' },
  { route: 'PUT /api/core-groups/:coreGroupId/review-conferences/:reviewConferenceId/agency-reports/mine', label: 'saving their own written report for the review conference', may: ['lead', 'health', 'school', 'police'], why: 'issue 15 (seeds 000, 002, 004): each agency writes its report; the lead social worker writes children’s social care’s' },
  { route: 'POST /api/core-groups/:coreGroupId/review-conferences/:reviewConferenceId/agency-reports/mine/submit', label: 'submitting their own written report', may: ['lead', 'health', 'school', 'police'], why: 'the same: each agency submits its own report' },
  { route: 'POST /api/core-groups/:coreGroupId/filed-documents', label: 'filing an e-mail from Outlook as a paper for the meeting', may: ['lead', 'manager', 'health', 'school', 'police'], why: 'issue 15: a member files e-mailed reports and papers to one of their cases; the family, the conference chair and the co-ordinator file nothing' },
  { route: 'POST /api/core-groups/:coreGroupId/review-conferences', label: 'booking the review conference', may: ['lead', 'manager', 'iro'], why: 'issue 13: the lead social worker, team manager or conference chair records review conferences' },
  { route: 'POST /api/core-groups/:coreGroupId/review-conferences/held', label: 'recording a review conference held', may: ['lead', 'manager', 'iro'], why: 'the same' },
  { route: 'PUT /api/core-groups/:coreGroupId/plan', label: 'changing the child protection plan', may: ['lead', 'manager'], why: 'issue 13: the lead social worker and the team manager keep the plan; the conference chair and the professionals read it' },
  { route: 'POST /api/core-groups/:coreGroupId/transfer-out', label: 'transferring the case out to another area', may: ['lead', 'manager'], why: 'issue 13: the lead social worker or team manager closes the case here' },
  { route: 'POST /api/core-groups/:coreGroupId/institution-tasks', label: 'recording a relative in prison or hospital', may: ['lead', 'manager'], why: 'issue 13 (seed 001): the lead social worker records it; the team manager may act for them' },
  { route: 'POST /api/concerns/:concernId/decisions', label: 'acknowledging a concern at its first step', may: ['lead', 'manager'], why: 'issue 14 (seed 003): a concern that the plan is not working goes first to the lead social worker and team manager; the next step (the conference chair) only once it climbs' },
  { route: 'POST /api/institution-tasks/:taskId/letter-sent', label: 'marking the letter to the institution sent', may: ['coordinator'], why: '§2 "relative in prison/hospital" (seed 001): the co-ordinator writes to the head of the institution' },
  { route: 'POST /api/meetings/:meetingId/minutes/amend', label: 'amending signed minutes', may: MINUTE_WRITERS, why: 'an amendment is writing the minutes again (chair, minute-taker)' },
  { route: 'POST /api/meetings/:meetingId/series/move', label: 'moving the booked meetings', may: ['lead', 'manager'], why: '§1 (1): the lead social worker arranges the meetings; the team manager may act for them' },
  { route: 'POST /api/meetings/:meetingId/series/cancel', label: 'cancelling the booked meetings', may: ['lead', 'manager'], why: 'the same; seed 000: cancelled only as a last resort, with a reason' },
  { route: 'POST /api/meetings/:meetingId/minutes/distribute', label: 'circulating signed minutes', may: ['lead', 'manager'], why: '§2: the lead social worker (here the chair) circulates; members tell the lead social worker when it has not arrived' },
  { route: 'PUT /api/meetings/:meetingId/family-version', label: 'reviewing the family version', may: ['lead'], why: 'issue 14 item 6: the chair (here the lead social worker) or the lead social worker reviews what the family receives' },
  { route: 'POST /api/meetings/:meetingId/family-version/sign-off', label: 'signing off the family version', may: ['lead'], why: 'the same: it is signed off by who reviewed it, then sent' },
  { route: 'POST /api/meetings/:meetingId/plan-circulation', label: 'circulating the plan', may: ['lead', 'manager'], why: 'issue 13 item 2: the lead social worker or team manager circulates; seed 001: the chair (here the lead social worker) sees that everyone has it' },
  { route: 'POST /api/meetings/:meetingId/cp9', label: 'sending the CP9 to the co-ordinator', may: ['lead', 'manager'], why: 'issue 13 item 2: the lead social worker or team manager sends it (seed 001)' },
  { route: 'PUT /api/me/language', label: 'choosing their own language', may: ['lead', 'manager', 'health', 'school', 'police', 'iro', 'family', 'coordinator', 'stranger'], why: 'issue 17: a person’s language is theirs alone, chosen from their verified identity; it names no case' },
  { route: 'PUT /api/core-groups/:coreGroupId/document-language', label: 'choosing the language of the group’s documents', may: ['lead', 'manager'], why: 'issue 17: documents follow the group’s chosen language; the lead social worker and the team manager keep the group’s plan and records' },
  { route: 'POST /api/core-groups/:coreGroupId/plan/not-received', label: 'saying the plan has not arrived', may: ['lead', 'manager', 'health', 'school', 'police', 'iro'], why: '§2, seed 003: members tell the lead social worker if the plan has not arrived; the family are not sent it unless shared, and tell the lead social worker directly' },
];

const WRITE_ROUTES = PRODUCTION_TAB_ROUTES.filter((route) => route.writes);

test('every write route of TAB_API has its row in the role matrix', () => {
  expect(WRITE_ROUTES.map((route) => route.key).filter((key) => !WRITES.some((write) => write.route === key))).toEqual([]);
});

const routeOf = (key: TabApiRouteKey): TabRouteCase => WRITE_ROUTES.find((route) => route.key === key)!;

async function press(write: Write, person: Person) {
  const route = routeOf(write.route);
  const target = await stack.freshMeeting(write.needs ?? route.needs);
  const before = await stack.snapshot();
  const answer = await stack.call(route.method, route.path(target), { token: await stack.as(person), body: write.body ?? route.bodyFor(target) });
  return { answer, changed: changesBetween(before, await stack.snapshot()).length > 0 };
}

describe('the role matrix on every write', () => {
  for (const write of WRITES) {
    for (const [person, standing] of ROLES) {
      if (write.may.includes(person)) {
        test(`${standing} may go on ${write.label} (${write.why})`, async () => {
          const { answer, changed } = await press(write, person);
          expect(answer.status).toBeLessThan(300);
          expect(changed).toBe(true);
        });
      } else {
        attack(`role matrix: ${standing} ${write.label} (${write.route}) is refused and changes nothing`, async () => {
          const { answer, changed } = await press(write, person);
          expect([403, 404]).toContain(answer.status);
          expect(changed).toBe(false);
        });
      }
    }
  }
});
