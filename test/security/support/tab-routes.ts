import { TAB_API, type TabApiRoute, type TabApiRouteKey } from '../../../src/contracts/tab-api.contract';
import type { MinutesState } from './secured-stack';

/** What a probe fills a route's path with: the meeting, contribution and core group it aims at. */
export interface RouteTarget {
  readonly meetingId: string;
  readonly contributionId: string;
  readonly coreGroupId: string;
  readonly chatId: string;
  /** A letter to an institution still to write, in the target group. */
  readonly institutionTaskId: string;
  /** An open concern at its first step, in the target group. */
  readonly concernId: string;
  /** A review conference booked in the target group, each reporting member's written report a complete draft at version 1. */
  readonly reviewConferenceId: string;
  /** The lead social worker's draft report for it. */
  readonly agencyReportId: string;
  /** An e-mail filed as a paper for the target meeting, and its PDF attachment. */
  readonly filedDocumentId: string;
  readonly filedAttachmentId: string;
  /** A change of chair and minute-taker among the target group's members. */
  readonly rolesChange?: { readonly chairMemberId: string; readonly minuteTakerMemberId: string };
  /** A change to the target group's plan (`PUT …/plan`): its current version with the resources changed. */
  readonly planEdit?: unknown;
  /** Distribute's confirmation of the target meeting's recipient list as it stands (signed minutes only). */
  readonly distributeConfirmation?: unknown;
}

/** One route of the tab API, ready to call. */
export interface TabRouteCase {
  readonly key: TabApiRouteKey;
  readonly method: string;
  /** Whether the route names a meeting, a contribution or a core group (in its path or query). */
  readonly takesIds: boolean;
  /** Whether the route changes something (anything but GET). */
  readonly writes: boolean;
  readonly localOnly: boolean;
  /** A body its contract accepts (undefined for a route without one). */
  readonly body: unknown;
  /** The state of the minutes in which the route does its work (amending and circulating need signed minutes, the CP9 a profile that sends one). */
  readonly needs: MinutesState;
  path(target: RouteTarget): string;
  /** The body aimed at the target: `body`, with the target's own members where the route names them. */
  bodyFor(target: RouteTarget): unknown;
}

/** A written report for the review conference with every part of the template filled in. */
export const COMPLETE_REPORT = {
  worries: 'Arguments at home when the partner visits',
  workingWell: 'Mornings are calmer and school attendance is up',
  needsToHappen: 'The routine keeps going through the holidays',
  scaling: 6,
  scalingReasons: 'Real progress, but only over six weeks',
  childsViews: 'Jordan says home feels calmer',
  actionProgress: [],
};

/** An e-mail with a small PDF, filed as a paper for a meeting (the probe aims it at the target meeting). */
const FILED_PAPER = (meetingId: string) => ({
  messageId: '<attendance-0001@school.example>',
  subject: 'Attendance this half term',
  sender: 'School office <office@school.example>',
  receivedAt: '2026-06-01T09:30:00Z',
  body: 'Please find attendance attached.',
  to: { kind: 'meeting-paper', meetingId },
  attachments: [{ name: 'attendance.pdf', content: Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64') }],
});

/**
 * A body each route's contract accepts, as the tab would send it. A route added to `TAB_API`
 * with a body but no sample here fails every matrix at once, so it cannot go unattacked.
 */
const VALID_BODIES: Partial<Record<TabApiRouteKey, unknown>> = {
  'PATCH /api/meetings/:meetingId/minutes': { baseVersion: 1, section: 'childsVoice', value: 'Jordan says school is better' },
  'POST /api/meetings/:meetingId/minutes/contributions/:contributionId': { decision: 'accept' },
  'PUT /api/meetings/:meetingId/roles': { chairMemberId: 'set-by-the-probe', minuteTakerMemberId: 'set-by-the-probe' },
  'POST /api/meetings/:meetingId/minutes/sign-off': { as: 'chair' },
  'POST /api/meetings/:meetingId/minutes/amend': { reason: 'Wrong date for the school visit' },
  'POST /api/meetings/:meetingId/minutes/return': { comments: 'Add the school’s update on attendance' },
  'POST /api/meetings/:meetingId/minutes/distribute': { listHash: '0'.repeat(64) },
  'PUT /api/meetings/:meetingId/family-version': { baseVersion: 1, summary: 'Things are a little better at home, and the plan goes on.', items: [] },
  'POST /api/meetings/:meetingId/family-version/sign-off': { version: 1 },
  'POST /api/meetings/:meetingId/outcome': { happened: true },
  'POST /api/dev/sign-in': { aadObjectId: '00000000-0000-4000-8000-6c6561640000' },
  'POST /api/meetings/:meetingId/series/move': { date: '2026-07-07', time: '10:00' },
  'POST /api/meetings/:meetingId/series/cancel': { reason: 'The family moved out of the area' },
  'POST /api/core-groups/:coreGroupId/review-conferences': { date: '2026-07-07' },
  'POST /api/core-groups/:coreGroupId/transfer-out': { on: '2026-06-08', to: 'Leeds City Council' },
  'POST /api/core-groups/:coreGroupId/institution-tasks': { person: 'father', kind: 'prison', institution: 'HMP Leeds' },
  'POST /api/institution-tasks/:taskId/letter-sent': { on: '2026-06-08' },
  'POST /api/concerns/:concernId/decisions': { decision: 'acknowledge', requestId: '00000000-0000-4000-8000-00000000c0c0' },
  'POST /api/core-groups/:coreGroupId/review-conferences/held': { heldOn: '2026-06-08', outcome: 'continue', chairName: 'Ann Okoro (IRO)', nextReviewOn: '2026-12-01' },
  'PUT /api/core-groups/:coreGroupId/review-conferences/:reviewConferenceId/agency-reports/mine': { baseVersion: 1, content: COMPLETE_REPORT },
  'POST /api/core-groups/:coreGroupId/review-conferences/:reviewConferenceId/agency-reports/mine/submit': { version: 1 },
  'POST /api/core-groups/:coreGroupId/filed-documents': FILED_PAPER('00000000-0000-4000-8000-00000000f11e'),
  'PUT /api/me/language': { language: 'cy' },
  'PUT /api/core-groups/:coreGroupId/document-language': { language: 'both' },
  'PUT /api/core-groups/:coreGroupId/plan': {
    baseVersion: 1,
    reason: 'The core group agreed more support',
    outcomes: [{ id: 'o1', text: 'The child lives in a safe, warm home' }],
    actions: [{ id: 'a1', outcomeId: 'o1', what: 'Weekly home visit', ownerMemberId: 'set-by-the-probe', due: '2026-07-01', progressMeasure: 'Home conditions checklist', dropped: false }],
    contingencyPlan: 'Strategy discussion if no progress in 4 weeks',
    resources: 'Respite care twice a month',
    monitoring: 'Fortnightly home visits',
  },
};

const ROLES = 'PUT /api/meetings/:meetingId/roles';
const PLAN = 'PUT /api/core-groups/:coreGroupId/plan';
const DISTRIBUTE = 'POST /api/meetings/:meetingId/minutes/distribute';
const FILE_EMAIL = 'POST /api/core-groups/:coreGroupId/filed-documents';
/** Routes that do their work once the meeting is held with signed minutes. */
const NEEDS_SIGNED: readonly TabApiRouteKey[] = [
  'POST /api/meetings/:meetingId/minutes/amend',
  'POST /api/meetings/:meetingId/minutes/distribute',
  'GET /api/meetings/:meetingId/minutes/recipients',
  'GET /api/meetings/:meetingId/family-version',
  'PUT /api/meetings/:meetingId/family-version',
  'POST /api/meetings/:meetingId/family-version/sign-off',
  'POST /api/meetings/:meetingId/plan-circulation',
  'POST /api/core-groups/:coreGroupId/plan/not-received',
];
/** Routes that do their work on minutes the chair has signed and the team manager not yet. */
const NEEDS_CHAIR_SIGNED: readonly TabApiRouteKey[] = ['POST /api/meetings/:meetingId/minutes/return'];
/** Routes that read the family version as signed off. */
const NEEDS_FAMILY_SIGNED_OFF: readonly TabApiRouteKey[] = ['GET /api/meetings/:meetingId/family-version/reading', 'GET /api/meetings/:meetingId/family-version/export.:format'];
/** Routes that also need a profile that sends CP9 to the co-ordinator. */
const NEEDS_CP9: readonly TabApiRouteKey[] = ['POST /api/meetings/:meetingId/cp9'];

/** Path parameters the matrix knows how to aim; a new one fails loudly until it is added. */
const PARAMETERS: Record<string, (target: RouteTarget) => string> = {
  meetingId: (target) => target.meetingId,
  contributionId: (target) => target.contributionId,
  coreGroupId: (target) => target.coreGroupId,
  taskId: (target) => target.institutionTaskId,
  concernId: (target) => target.concernId,
  reviewConferenceId: (target) => target.reviewConferenceId,
  reportId: (target) => target.agencyReportId,
  documentId: (target) => target.filedDocumentId,
  attachmentId: (target) => target.filedAttachmentId,
  format: () => 'docx',
};

/** Query parameters that name something, filled the same way. */
const QUERY_IDS: Record<string, (target: RouteTarget) => string> = {
  chatId: (target) => target.chatId,
};

/** Query parameters that name nothing, filled with a value the route takes. */
const QUERY_VALUES: Record<string, () => string> = {
  format: () => 'docx',
};

function queryKeysOf(route: TabApiRoute): string[] {
  const shape = (route.query as { shape?: Record<string, unknown> } | undefined)?.shape;
  return shape ? Object.keys(shape) : [];
}

function caseOf(key: TabApiRouteKey): TabRouteCase {
  const route: TabApiRoute = TAB_API[key];
  const [method, template] = key.split(' ') as [string, string];
  const parameters = [...template.matchAll(/:(\w+)/g)].map((match) => match[1]!);
  for (const parameter of parameters) {
    if (!PARAMETERS[parameter]) throw new Error(`${key}: the attack matrix cannot aim :${parameter}; add it to PARAMETERS in test/security/support/tab-routes.ts`);
  }
  const queryIds = queryKeysOf(route).filter((name) => QUERY_IDS[name]);
  const queryValues = queryKeysOf(route).filter((name) => QUERY_VALUES[name]);
  if (route.body && !(key in VALID_BODIES)) throw new Error(`${key} takes a body: add a valid one to VALID_BODIES in test/security/support/tab-routes.ts`);
  const body = VALID_BODIES[key];
  if (route.body && !route.body.safeParse(body).success) throw new Error(`${key}: the sample body in VALID_BODIES no longer fits its contract`);
  return {
    key,
    method,
    takesIds: parameters.some((parameter) => parameter !== 'format') || queryIds.length > 0,
    writes: method !== 'GET',
    localOnly: route.localOnly === true,
    body,
    needs: NEEDS_CP9.includes(key) ? 'signed-cp9' : NEEDS_FAMILY_SIGNED_OFF.includes(key) ? 'family-version-signed-off' : NEEDS_SIGNED.includes(key) ? 'signed' : NEEDS_CHAIR_SIGNED.includes(key) ? 'chair-signed' : 'draft',
    bodyFor: (target) => {
      if (key === ROLES && target.rolesChange) return target.rolesChange;
      if (key === PLAN && target.planEdit) return target.planEdit;
      if (key === DISTRIBUTE && target.distributeConfirmation) return target.distributeConfirmation;
      if (key === FILE_EMAIL) return FILED_PAPER(target.meetingId);
      return body;
    },
    path(target) {
      const path = template.replace(/:(\w+)/g, (_whole, parameter: string) => encodeURIComponent(PARAMETERS[parameter]!(target)));
      const query = [...queryIds.map((name) => `${name}=${encodeURIComponent(QUERY_IDS[name]!(target))}`), ...queryValues.map((name) => `${name}=${QUERY_VALUES[name]!()}`)].join('&');
      return query ? `${path}?${query}` : path;
    },
  };
}

/** Every route of the tab API (src/contracts/tab-api.contract.ts), so a route added there is attacked here. */
export const TAB_ROUTES: readonly TabRouteCase[] = (Object.keys(TAB_API) as TabApiRouteKey[]).map(caseOf);

/** The routes production serves (the dev sign-in is local mode only). */
export const PRODUCTION_TAB_ROUTES = TAB_ROUTES.filter((route) => !route.localOnly);
