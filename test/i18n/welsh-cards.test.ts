import { agencyReportRequestCard, conferencePackReadyCard } from '../../bot/cards/agency-report.card';
import { agendaCard, minutesReturnedCard, personalAgendaCard, signOffReminderCard } from '../../bot/cards/agenda.card';
import { bookedSeriesCard, rescheduleSlotsCard } from '../../bot/cards/booked-series.card';
import { chooseCaseCard } from '../../bot/cards/choose-case.card';
import { concernDecidedCard, concernNotificationCard, concernRaisedCard, escalateCard } from '../../bot/cards/escalate.card';
import { extraMeetingCard, extraMeetingSection } from '../../bot/cards/extra-meeting.card';
import { helpCard } from '../../bot/cards/help.card';
import { institutionTaskCard } from '../../bot/cards/institution-task.card';
import { memberWelcomeCard, membersCard } from '../../bot/cards/members.card';
import { familyVersionReadyCard, minutesCard, minutesReadyCard } from '../../bot/cards/minutes.card';
import { coreGroupCreatedCard, newCoreGroupCard } from '../../bot/cards/new-core-group.card';
import { messageCard, personalChatOnlyCard, privateDetailsCard } from '../../bot/cards/notice.card';
import { planCard, planNotReceivedCard, planReadyCard } from '../../bot/cards/plan.card';
import { reviewCard } from '../../bot/cards/review.card';
import { bookedCard, slotsCard } from '../../bot/cards/schedule.card';
import { signalCard } from '../../bot/cards/signal.card';
import { CASES_LISTED, statusCard } from '../../bot/cards/status.card';
import { tasksCard } from '../../bot/cards/tasks.card';
import { chatWelcomeCard, personalWelcomeCard } from '../../bot/cards/welcome.card';
import { renderOutboundCard } from '../../bot/outbound-cards';
import { ACTIVITY_FEED_JOB, activityFeedJob } from '../../src/contracts/jobs.contract';
import { parseCivilDate } from '../../src/domain/civil-date';
import type { ConcernTransition, ConcernTransitionKind } from '../../src/domain/concern-steps';
import { type CoreGroup, type CoreGroupMember, MEMBER_ROLES } from '../../src/domain/core-group';
import { RAISABLE_CONCERN_KINDS } from '../../src/domain/escalation';
import { INSTITUTION_KINDS } from '../../src/domain/institution-task';
import type { CoreGroupMeeting } from '../../src/domain/meeting';
import { ATTENDANCE, type Minutes } from '../../src/domain/minutes';
import { holidayDivisionOf } from '../../src/domain/nation';
import { NOTICE_KINDS } from '../../src/domain/notice-delivery';
import { computeObligations } from '../../src/domain/obligations';
import { ACTION_STATES, CHECK_IN_STATUSES, type PlanAction } from '../../src/domain/plan';
import type { ProposedSlot } from '../../src/domain/slot-finding';
import { loadWorkingDayCalendars } from '../../src/holidays/working-day-calendars';
import { translatorFor } from '../../src/i18n/translate';
import { wordsIn } from '../../src/i18n/words';
import { loadPolicyCatalogue } from '../../src/policies/policy-catalogue';
import type { ConcernNotices } from '../../src/services/concern.service';
import { createActivityFeed } from '../../src/services/notifications/activity-feed.service';
import { createAgencyReportNotices } from '../../src/services/notifications/agency-report-notices.service';
import { createCheckInNotices } from '../../src/services/notifications/check-in-notices.service';
import { createConcernNotices } from '../../src/services/notifications/concern-notices.service';
import { createConferencePackNotices } from '../../src/services/notifications/conference-pack-notices.service';
import { cp9CoveringMail } from '../../src/services/notifications/cp9-mail.service';
import { familyCheckInMail } from '../../src/services/notifications/family-check-in-mail';
import { createInstitutionTaskNotices } from '../../src/services/notifications/institution-task-notices.service';
import { createMeetingNotices } from '../../src/services/notifications/meeting-notices.service';
import { createMinutesDelivery } from '../../src/services/notifications/minutes-delivery.service';
import { createMinutesReturnedNotices } from '../../src/services/notifications/minutes-returned-notices.service';
import { createPlanDelivery } from '../../src/services/notifications/plan-delivery.service';
import { createPlanNotReceivedNotices } from '../../src/services/notifications/plan-not-received-notices.service';
import { createSignalNotices } from '../../src/services/notifications/signal-notices.service';
import { createUndeliveredNotices } from '../../src/services/notifications/undelivered-notices.service';
import { createWelcomeNotices } from '../../src/services/notifications/welcome-notices.service';
import type { Notifier } from '../../src/services/ports/notifier.port';
import type { Concern, JobQueue } from '../../src/services/ports/store.port';
import type { ActivityNotification } from '../../src/services/ports/teamwork.port';
import type { BookedSeries } from '../../src/services/scheduling.service';
import { meetingInvitation } from '../../src/services/scheduling/book-meeting';
import type { SlotOffer } from '../../src/services/scheduling/propose-slots';
import { noticeDeps } from '../services/notifications/notice-deps';
import { recordingNotifier } from '../services/notifications/recording-notifier';
import { problems } from '../support/adaptive-cards';
import { englishCatalogueTextIn, englishSentencesIn, welshTakenForEnglish } from '../support/english-left';
import { everyRuleTimeline } from '../support/fixtures';

/**
 * Every card the bot sends, built as a Welsh reader gets it, in each variant that changes its
 * words. What people wrote (names, actions, notes) is written here in Welsh, as a Welsh group
 * would write it, so that any English left is the product's.
 */
const CY = wordsIn('cy');
const d = parseCivilDate;

const APP = 'a1b2c3d4-0000-4000-8000-000000000001';
const CASE = 'CP/2026/7';
const DASHBOARD = `https://teams.microsoft.com/l/entity/${APP}/dashboard`;
const MINUTES = `https://teams.microsoft.com/l/entity/${APP}/minutes`;
const JOIN = 'https://teams.microsoft.com/l/meetup-join/x';
const CHAT = '19:meeting_x@thread.v2';

const catalogue = loadPolicyCatalogue();
const calendars = loadWorkingDayCalendars();
const wales = catalogue.get('wales');
/** Every deadline of an all-Wales case: met, due, at risk and overdue, each rule as data. */
const obligations = computeObligations({ profile: wales, calendar: calendars[holidayDivisionOf(wales.nation)], timeline: everyRuleTimeline('icpc'), asOf: d('2026-12-01') });
const overdue = obligations.find((obligation) => obligation.status === 'overdue')!;
const atRisk = { ...overdue, status: 'at-risk' as const, daysLate: 0 };
const lateButMet = { ...overdue, status: 'met' as const, daysLate: 3 };

const visit: PlanAction = {
  id: 'a1',
  outcomeId: 'o1',
  what: 'Ymweliad cartref bob wythnos',
  ownerMemberId: 'm1',
  agency: 'ymwelwyr iechyd',
  due: d('2026-06-24'),
  agreedOn: d('2026-05-27'),
  childSeenFrequency: 'bob wythnos',
  progressMeasure: 'Rhestr wirio’r cartref',
  state: 'in-progress',
};
const names = new Map([['m1', 'Grace Lindqvist (ymwelwyr iechyd)']]);

const series: BookedSeries = {
  meetingId: '5b1d0c8e-0000-4000-8000-000000000009',
  next: { startMs: Date.UTC(2026, 5, 9, 13), endMs: Date.UTC(2026, 5, 9, 14, 30) },
  nextIsRecorded: true,
  joinUrl: JOIN,
  chatId: CHAT,
  replies: (['organiser', 'accepted', 'tentative', 'declined', 'none'] as const).map((reply, index) => ({ memberId: `m${index}`, name: `Aelod ${index}`, reply })),
};

const slot = (day: number, options: Partial<ProposedSlot> = {}): ProposedSlot => ({
  startMs: Date.UTC(2026, 5, day, 13),
  endMs: Date.UTC(2026, 5, day, 14, 30),
  date: d(`2026-06-${String(day).padStart(2, '0')}`),
  beforeDeadline: true,
  tentative: [],
  reason: 'all-free',
  ...options,
});
/** Slots of every kind: free, someone tentative, past the deadline, past it with someone tentative. */
const everySlot = [slot(8), slot(9, { tentative: ['m2'], reason: 'some-tentative' }), slot(15, { beforeDeadline: false, reason: 'after-deadline' }), slot(16, { beforeDeadline: false, tentative: ['m2'], reason: 'after-deadline' })];
const offer = (options: { slots: readonly ProposedSlot[]; deadlineCanBeMet: boolean; unknown: readonly string[] }): SlotOffer => ({
  obligation: overdue,
  unknownAvailability: options.unknown,
  proposal: { slots: options.slots, deadline: overdue.due, deadlineCanBeMet: options.deadlineCanBeMet, blockers: [{ attendeeId: 'm1', blockedSlots: 4 }, { attendeeId: 'm9', blockedSlots: 1 }], unknownAvailability: options.unknown },
});
const slotNames = new Map([['m1', 'Grace'], ['m2', 'Owen'], ['m3', 'Ieuan'], ['m4', 'Priya']]);

const caseStatus = (index: number, statusOf: (typeof obligations)[number]['status'] = 'overdue') => ({
  coreGroup: { id: `c${index}`, caseReference: `CP-${String(index).padStart(4, '0')}`, policyId: 'wales' },
  role: 'team-manager' as const,
  obligations: [{ ...overdue, status: statusOf }, { ...atRisk, id: 'other' }],
  signals: [],
  actions: [visit],
});
const detailed = {
  coreGroup: { id: 'c', caseReference: CASE, policyId: 'wales' },
  transferredIn: { from: 'Cyngor Caerdydd', on: d('2026-03-25') },
  role: 'lead-social-worker' as const,
  obligations: [...obligations, lateButMet],
  signals: (['action-overdue', 'action-silent', 'member-absent', 'deadline-missed'] as const).map((kind) => ({ kind, subjectId: overdue.id, concern: 'drift-and-delay' as const, notify: [], measure: 3 })),
  actions: [visit],
  booked: series,
};

const concern = (kind: Concern['kind'], status: Concern['status'], step: number): Concern => ({ id: `k-${kind}`, coreGroupId: 'c', kind, raisedByMemberId: 'm1', step, status, raisedAt: '2026-06-03T09:30:00.000Z', stepStartedAt: '2026-06-17T09:00:00.000Z', note: 'Mae’r cynllun wedi aros yn ei unfan' });
const delivered = (channel: 'teams' | 'email', outcome: 'sent' | 'failed' | 'retrying', detail?: string) => ({ kind: 'concern' as const, subjectId: 'k', memberId: 'p', channel, outcome, detail, at: '2026-06-03T09:31:00.000Z' });
/** Where a notice stands, each way it can: queued, sent, retrying, failed for each reason a notice fails, to someone who has since left. */
const notices: ConcernNotices['notices'] = [
  { displayName: 'Tom', delivery: undefined },
  { displayName: 'Tom', delivery: delivered('teams', 'sent') },
  { displayName: 'Tom', delivery: delivered('email', 'sent') },
  { displayName: 'Tom', delivery: delivered('teams', 'retrying', 'attempt 2: DeliveryError:delivery-failed') },
  { displayName: 'Tom', delivery: delivered('email', 'retrying') },
  ...['no mailbox to send from', 'no Teams chat and no e-mail address', 'the mail service refused it', 'not sent after 1 attempts (MailError:mail-failed)', 'not sent after 2 attempts (no error recorded)', 'not sent after 8 attempts (MailError:mail-failed)'].map((reason) => ({
    displayName: 'Tom',
    delivery: delivered('email', 'failed', reason),
  })),
  { displayName: 'Tom', delivery: delivered('teams', 'failed') },
  { displayName: undefined, delivery: delivered('email', 'failed', 'the mail service refused it') },
];
const TRANSITIONS: readonly ConcernTransitionKind[] = ['raised', 'told', 'acknowledged', 'escalated', 'climbed', 'resolved', 'granted', 'refused', 'booked'];
const raised: ConcernNotices[] = [
  { concern: concern('drift-and-delay', 'open', 0), notices },
  ...TRANSITIONS.map((kind, index) => ({ concern: concern('tasks-not-done', index % 3 === 0 ? 'open' : index % 3 === 1 ? 'resolved' : 'refused', 1), lastTransition: { id: `t${index}`, concernId: 'k', step: 1, kind, at: '2026-06-17T09:00:00.000Z', ...(index % 2 === 0 ? { actorName: 'Tom Okafor' } : {}) }, notices: [] })),
];

const member = (options: Partial<CoreGroupMember>): CoreGroupMember => ({ id: 'm', displayName: 'Grace Lindqvist', role: 'professional', position: 'health-visitor', agency: 'ymwelwyr iechyd', reach: 'tenant', active: true, ...options });

const minutesOf = (options: { sent: { thisVersion: number; earlier?: { version: number; members: number } }; amended: boolean; circulation?: { status: 'met' | 'due' | 'at-risk' | 'overdue'; daysLate: number }; drafted?: boolean }) => ({
  date: d('2026-06-09'),
  drafted: options.drafted ?? true,
  chairSigned: true,
  managerSigned: false,
  sent: options.sent,
  amended: options.amended,
  circulation: options.circulation && { due: d('2026-06-16'), ...options.circulation },
});

const agenda = { meetingId: '5b1d0c8e-0000-4000-8000-000000000002', chatId: CHAT, date: d('2026-06-09'), startsAt: '2026-06-09T13:00:00Z', endsAt: '2026-06-09T14:30:00Z', started: false, language: 'cy' as const };
const PLACES = [undefined, { mode: 'online' as const }, { mode: 'in-person' as const, venue: 'Canolfan Deulu' }, { mode: 'hybrid' as const, venue: 'Canolfan Deulu' }];

/** Counts that take each of Welsh's plural forms: zero, one, two, few, many, other. */
const PLURALS = [0, 1, 2, 3, 6, 7] as const;

const CARDS: readonly (readonly [string, () => object])[] = [
  ['welcome, 1:1', () => personalWelcomeCard(translatorFor('cy'))],
  ['welcome, in a chat', () => chatWelcomeCard(translatorFor('cy'))],
  ['help, every command', () => helpCard(translatorFor('cy'))],
  ...MEMBER_ROLES.map((role) => [`help for a ${role}`, () => helpCard(translatorFor('cy'), [role])] as const),
  ['case details asked for in a group chat', () => privateDetailsCard(translatorFor('cy'))],
  ['a 1:1 card pressed in a group chat', () => personalChatOnlyCard(translatorFor('cy'))],
  ['check-in missing', () => renderOutboundCard({ kind: 'check-in-missing', caseReference: CASE, memberName: 'Grace Lindqvist', agency: 'ymwelwyr iechyd', askedOn: '2026-06-03' }, { teamsAppId: APP, words: CY })],
  ...PLURALS.map((attempts) => [`notice undelivered after ${attempts} attempts`, () => renderOutboundCard({ kind: 'notice-undelivered', caseReference: CASE, notice: CY.t('notice.kind.check-in-prompt'), member: CY.t('notice.formerMember'), attempts }, { teamsAppId: APP, words: CY })] as const),
  ['a message card', () => messageCard(CY.t('choose.noCoreGroup'))],

  ['status, no core group', () => statusCard(CY, [], APP)],
  ['status, one case in full: every deadline and signal, a late one met, transferred in, a series booked', () => statusCard(CY, [detailed], APP)],
  ['status, one case with no series booked and no signals', () => statusCard(CY, [{ ...detailed, booked: undefined, transferredIn: undefined, signals: [] }], APP)],
  ...[6, 25].map((total) => [`status of a caseload of ${total}, overdue and at risk`, () => statusCard(CY, Array.from({ length: total }, (_, index) => caseStatus(index, index % 2 === 0 ? 'overdue' : 'due')), APP)] as const),
  ['status of a caseload: at risk only, and one with nothing open', () => statusCard(CY, [caseStatus(1, 'due'), { ...caseStatus(2), obligations: [atRisk] }, { ...caseStatus(3), obligations: [{ ...overdue, status: 'due' as const }] }, { ...caseStatus(4), obligations: [] }, caseStatus(5), caseStatus(6)], APP)],
  ...PLURALS.map((pressing) => [`status of a caseload, more left out with ${pressing} pressing`, () => statusCard(CY, Array.from({ length: CASES_LISTED }, (_, index) => caseStatus(index, 'due')), APP, { total: CASES_LISTED + 7, pressing })] as const),

  ['tasks, none', () => tasksCard(CY, [], 'p')],
  [
    'tasks: no check-in yet, a check-in with and without a note, one answered, a refusal shown; two cases',
    () =>
      tasksCard(
        CY,
        [
          { coreGroupId: 'c', caseReference: CASE, action: visit },
          ...CHECK_IN_STATUSES.map((status, index) => ({ coreGroupId: 'c2', caseReference: 'CP/2026/8', action: { ...visit, id: `a-${status}`, lastCheckIn: { actionId: `a-${status}`, memberId: 'm1', status, note: index % 2 === 0 ? 'Aeth yn dda' : '', recordedAt: '2026-06-03T09:00:00.000Z' } } })),
          ...CHECK_IN_STATUSES.map((status) => ({ coreGroupId: 'c', caseReference: CASE, action: { ...visit, id: `b-${status}` }, answered: { actionId: `b-${status}`, memberId: 'm1', status, note: '', recordedAt: 'x' } })),
        ],
        'p',
        CY.t('tasks.blockedNeedsNote'),
      ),
  ],

  ['plan, none recorded', () => planCard(CY, { caseReference: CASE, names, actions: [], plan: undefined })],
  [
    'plan: every action state, an owner unknown, checked in or not, an action under no outcome',
    () => {
      const actions = ACTION_STATES.map((state, index) => ({ ...visit, id: `a-${state}`, state, ownerMemberId: index === 0 ? 'gone' : 'm1', outcomeId: index === 1 ? undefined : 'o1', ...(index % 2 === 0 ? { lastCheckIn: { actionId: `a-${state}`, memberId: 'm1', status: 'at-risk' as const, note: '', recordedAt: '2026-06-03T09:00:00.000Z' } } : {}) }));
      return planCard(CY, { caseReference: CASE, names, actions, plan: { coreGroupId: 'c', version: 3, outcomes: [{ id: 'o1', text: 'Mae’r plentyn yn byw mewn cartref diogel' }], actions, contingencyPlan: 'Trafodaeth strategaeth', resources: 'Gweithiwr cymorth i’r teulu', monitoring: 'Ymweliadau bob pythefnos' } });
    },
  ],
  ['plan circulated', () => planReadyCard(CY, { caseReference: CASE, meetingDate: '2026-06-08', planVersion: 3, dashboardUrl: DASHBOARD })],
  ...[true, false].map((resending) => [`plan not received${resending ? ', resending' : ''}`, () => planNotReceivedCard(CY, { caseReference: CASE, member: 'Grace Lindqvist (ymwelwyr iechyd)', meetingDate: '2026-06-08', resending })] as const),

  [
    'review: next due, one booked, held with every outcome, recordable',
    () =>
      reviewCard(CY, {
        coreGroup: { id: 'c', caseReference: CASE },
        canRecord: true,
        nextDue: overdue,
        reviews: [
          { id: 'r1', coreGroupId: 'c', date: d('2026-06-24'), status: 'held', outcome: 'continue', chairName: 'Tom Okafor', nextReviewOn: d('2026-11-20') },
          { id: 'r2', coreGroupId: 'c', date: d('2026-11-18'), status: 'held', outcome: 'category-changed' },
          { id: 'r3', coreGroupId: 'c', date: d('2026-12-01'), status: 'held' },
          { id: 'r4', coreGroupId: 'c', date: d('2027-05-12'), status: 'scheduled' },
        ],
      }),
  ],
  ['review: none due, none booked, none held', () => reviewCard(CY, { coreGroup: { id: 'c', caseReference: CASE }, canRecord: false, reviews: [] })],
  ['review after the plan ended', () => reviewCard(CY, { coreGroup: { id: 'c', caseReference: CASE }, canRecord: false, reviews: [{ id: 'r1', coreGroupId: 'c', date: d('2026-06-24'), status: 'held', outcome: 'end' }], planEndedOn: d('2026-06-24') })],

  ['minutes, none held or booked', () => minutesCard(CY, { caseReference: CASE, teamsAppId: APP })],
  ...PLURALS.map((members) => [`minutes sent to ${members} members, overdue by ${members} days`, () => minutesCard(CY, { caseReference: CASE, teamsAppId: APP, last: minutesOf({ sent: { thisVersion: members }, amended: false, circulation: { status: 'overdue', daysLate: members } }) })] as const),
  ...(['met', 'due', 'at-risk'] as const).map((status) => [`minutes amended and not sent, the deadline ${status}`, () => minutesCard(CY, { caseReference: CASE, teamsAppId: APP, last: minutesOf({ sent: { thisVersion: 0, earlier: { version: 5, members: 2 } }, amended: true, circulation: { status, daysLate: 0 } }), booked: series })] as const),
  ['minutes not started, the next meeting recorded', () => minutesCard(CY, { caseReference: CASE, teamsAppId: APP, last: minutesOf({ sent: { thisVersion: 0 }, amended: false, drafted: false }), next: minutesOf({ sent: { thisVersion: 0 }, amended: false, drafted: false }) })],
  ['minutes ready', () => minutesReadyCard(CY, { caseReference: CASE, meetingDate: '2026-06-08', minutesUrl: MINUTES })],
  ['family notes ready', () => familyVersionReadyCard(CY, { meetingDate: '2026-06-08', readUrl: MINUTES })],
  ...[undefined, MINUTES].map((minutesUrl) => [`minutes returned${minutesUrl ? ', with the tab' : ''}`, () => minutesReturnedCard(CY, { caseReference: CASE, meetingDate: '2026-06-08', returnedBy: 'Tom Okafor', minutesUrl })] as const),
  ...(['chair', 'minute-taker'] as const).map((meetingRole) => [`sign-off reminder to the ${meetingRole}`, () => signOffReminderCard(CY, { caseReference: CASE, meetingDate: '2026-06-09', circulationDue: '2026-06-16', meetingRole, minutesUrl: MINUTES })] as const),

  ...PLACES.flatMap((place) =>
    [false, true].map((started) => [`agenda in the meeting chat, ${place?.mode ?? 'no place'}${started ? ', started' : ''}`, () => agendaCard({ ...agenda, started, place }, { minutesUrl: MINUTES, refreshFor: ['29:a'] })] as const),
  ),
  ...ATTENDANCE.map((attendance) => [
    `agenda, one member’s own view: ${attendance}`,
    () => personalAgendaCard({ ...agenda, started: true, attendance, myActions: [{ what: 'Ymweliad cartref', due: d('2026-06-24') }, ...CHECK_IN_STATUSES.map((lastCheckIn) => ({ what: 'Ymweliad cartref', due: d('2026-06-24'), lastCheckIn }))] }, { minutesUrl: MINUTES, refreshFor: ['29:a'], viewer: 'cy' }),
  ] as const),
  ['agenda, one member’s own view with no actions', () => personalAgendaCard({ ...agenda, attendance: 'invited', myActions: [] }, { minutesUrl: MINUTES, refreshFor: ['29:a'], viewer: 'cy' })],

  ...PLURALS.map((unknown) => [
    `slots, the deadline cannot be met, availability unknown for ${unknown}`,
    () => slotsCard(CY, { coreGroupId: 'c', caseReference: CASE, names: slotNames, offer: offer({ slots: everySlot, deadlineCanBeMet: false, unknown: ['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7'].slice(0, unknown) }) }),
  ] as const),
  ['slots, none found', () => slotsCard(CY, { coreGroupId: 'c', caseReference: CASE, names: slotNames, offer: offer({ slots: [], deadlineCanBeMet: true, unknown: [] }) })],
  ...PLACES.flatMap((place) => [false, true].map((extra) => [`booked, ${place?.mode ?? 'no place'}${extra ? ', an extra core group' : ''}`, () => bookedCard(CY, { caseReference: CASE, startMs: series.next.startMs, endMs: series.next.endMs, joinUrl: JOIN, chatReady: extra, place, extra })] as const)),
  ['booked series, moved, with an extra core group to book below', () => bookedSeriesCard(CY, { coreGroupId: 'c', caseReference: CASE, series, teamsAppId: APP, note: CY.t('seriesChange.cancelledOne'), extra: extraMeetingSection(CY, { coreGroupId: 'c', offer: { concernId: 'k', grantedOn: d('2026-06-03'), within: d('2026-06-17'), proposal: offer({ slots: everySlot, deadlineCanBeMet: true, unknown: [] }).proposal, names: slotNames } }) })],
  ['booked series that has met, no links', () => bookedSeriesCard(CY, { coreGroupId: 'c', caseReference: CASE, series: { ...series, nextIsRecorded: false, joinUrl: undefined, chatId: undefined }, teamsAppId: APP })],
  ...(['one', 'series'] as const).map((scope) => [`slots to move ${scope === 'one' ? 'the next meeting' : 'the series'} to`, () => rescheduleSlotsCard(CY, { caseReference: CASE, part: { coreGroupId: 'c', meetingId: series.meetingId, scope, occurrence: String(series.next.startMs) }, currentEndMs: series.next.endMs, offer: offer({ slots: everySlot, deadlineCanBeMet: true, unknown: [] }) })] as const),
  ['no slot to move to', () => rescheduleSlotsCard(CY, { caseReference: CASE, part: { coreGroupId: 'c', meetingId: series.meetingId, scope: 'one', occurrence: String(series.next.startMs) }, currentEndMs: series.next.endMs, offer: offer({ slots: [], deadlineCanBeMet: true, unknown: [] }) })],
  ...[everySlot, []].map((slots) => [`an extra core group to book${slots.length === 0 ? ', no slot' : ''}`, () => extraMeetingCard(CY, { coreGroupId: 'c', caseReference: CASE, offer: { concernId: 'k', grantedOn: d('2026-06-03'), within: d('2026-06-17'), proposal: { ...offer({ slots, deadlineCanBeMet: true, unknown: [] }).proposal }, names: slotNames } })] as const),

  ['choose a case', () => chooseCaseCard(CY, { command: 'plan', title: CY.t('choose.which'), cases: [{ id: 'c1', caseReference: CASE, nextDeadline: overdue }, { id: 'c2', caseReference: 'CP/2026/8', nextDeadline: atRisk }, { id: 'c3', caseReference: 'CP/2026/9' }] })],
  ['did you mean', () => chooseCaseCard(CY, { command: 'status', title: CY.t('choose.didYouMean'), cases: [{ id: 'c1', caseReference: CASE }] })],

  ['escalate form, nothing raised yet', () => escalateCard(CY, { coreGroupId: 'c', caseReference: CASE, requestId: 'r' })],
  ['escalate form: each notice state and failure, a former member, each last step on the route', () => escalateCard(CY, { coreGroupId: 'c', caseReference: CASE, requestId: 'r', raised: raised.slice(0, 1) })],
  ...TRANSITIONS.map((kind, index) => [`escalate form, a concern last ${kind}`, () => escalateCard(CY, { coreGroupId: 'c', caseReference: CASE, requestId: 'r', raised: raised.slice(index + 1, index + 2) })] as const),
  ...RAISABLE_CONCERN_KINDS.map((kind) => [`concern raised: ${kind}`, () => concernRaisedCard(CY, { caseReference: CASE, kind, queuedFor: ['Tom Okafor', 'Priya Shah'] })] as const),
  ['concern raised, nobody holds the role', () => concernRaisedCard(CY, { caseReference: CASE, kind: 'increased-risk', queuedFor: [] })],
  ...[undefined, { step: 2, of: 3 }].map((reached) => [`concern notice${reached ? ', escalated' : ''}`, () => concernNotificationCard(CY, { caseReference: CASE, concern: 'drift-and-delay', raisedBy: 'Grace Lindqvist (ymwelwyr iechyd)', raisedOn: '2026-06-03', note: 'Mae’r cynllun wedi aros yn ei unfan', whatNext: CY.t('escalation.planNotWorking.0'), reached })] as const),
  ['extra core group granted', () => concernDecidedCard(CY, { caseReference: CASE, decision: 'granted', decidedBy: 'Tom Okafor', scheduleCommand: `schedule ${CASE}`, dashboardUrl: DASHBOARD })],
  ['extra core group refused, with a reason and who to take it to', () => concernDecidedCard(CY, { caseReference: CASE, decision: 'refused', decidedBy: CY.t('concernCard.theTeamManager'), reason: 'Cynhaliwyd grŵp craidd yr wythnos diwethaf', takeFurther: CY.t('escalation.to.coordinator'), dashboardUrl: DASHBOARD })],
  ...(['action-overdue', 'action-silent', 'member-absent', 'deadline-missed'] as const).flatMap((signal) =>
    PLURALS.map((measure) => [`signal ${signal}, ${measure}`, () => signalCard(CY, { signal, caseReference: CASE, measure, subject: signal === 'deadline-missed' ? undefined : 'Ymweliad cartref', person: 'Grace Lindqvist (ymwelwyr iechyd)', whatNext: CY.t('escalation.planNotWorking.0') })] as const),
  ),
  ['signal naming no action or person', () => signalCard(CY, { signal: 'action-overdue', caseReference: CASE, measure: 2, whatNext: CY.t('escalation.planNotWorking.0') })],

  ['members: by Teams and by e-mail, someone who has left', () => membersCard(CY, { coreGroupId: 'c', caseReference: CASE, notice: CY.t('members.added', { added: 'Hal, Ieuan' }), members: [member({}), member({ id: 'm2', displayName: 'Hal', position: 'housing', reach: 'email-only' }), member({ id: 'm3', displayName: 'Ieuan', active: false })] })],
  ['welcome to a core group', () => memberWelcomeCard(CY, { kind: 'member-welcome', caseReference: CASE, asPosition: CY.t('members.position.health-visitor'), leadSocialWorker: CY.t('welcomeCard.theLead') })],
  ['new core group form, with a refusal', () => newCoreGroupCard(CY, { policies: catalogue.all, requestId: 'r', error: CY.t('newGroup.notAllowed', { role: 'x' }) })],
  ...PLURALS.map((members) => [`core group created with ${members} members`, () => coreGroupCreatedCard(CY, { caseReference: CASE, members })] as const),

  ...INSTITUTION_KINDS.map((kind) => [`institution letter: ${kind}`, () => institutionTaskCard(CY, { kind: 'institution-task', caseReference: CASE, task: { person: 'ewythr ar ochr y fam', kind, institution: 'Carchar Caerdydd' } })] as const),
  ...[false, true].map((chase) => [`agency report ${chase ? 'chased' : 'asked for'}`, () => agencyReportRequestCard(CY, { caseReference: CASE, reviewOn: '2026-08-27', dueOn: '2026-08-24', chase, dashboardUrl: DASHBOARD })] as const),
  ...[true, false].map((forChair) => [`conference pack ready${forChair ? '' : ', to pass on'}`, () => conferencePackReadyCard(CY, { caseReference: CASE, reviewOn: '2026-08-27', forChair, dashboardUrl: DASHBOARD })] as const),
];

describe('every card, built for a Welsh reader, is wholly Welsh', () => {
  test.each(CARDS)('%s', (_name, build) => {
    const card = build();
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    expect(problems(card)).toEqual([]);
    expect(englishCatalogueTextIn(JSON.stringify(card))).toEqual([]);
    expect(englishSentencesIn(JSON.stringify(card))).toEqual([]);
  });
});

test('the check for English sentences takes no Welsh catalogue text for English', () => {
  expect(welshTakenForEnglish()).toEqual([]);
});

/** The group the notices are about, its members writing in Welsh; the child is named only in its record. */
const GROUP: CoreGroup = { id: '11111111-1111-4111-8111-111111111111', caseReference: CASE, childName: 'Invented Child', tenantId: 't', policyId: 'wales', icpcDate: d('2026-06-01'), createdAt: '2026-06-01T09:00:00Z' };
const inGroup = (key: string, options: Pick<CoreGroupMember, 'displayName' | 'role'> & Partial<CoreGroupMember>): CoreGroupMember => ({
  id: `${key}0000-0000-4000-8000-000000000000`.slice(-36),
  agency: 'gofal cymdeithasol plant',
  email: `${key}@cyngor.example`,
  aadObjectId: `${key}-oid`,
  reach: 'tenant',
  active: true,
  ...options,
});
const lead = inGroup('lead', { displayName: 'Priya Shah', role: 'lead-social-worker' });
const manager = inGroup('manager', { displayName: 'Tom Okafor', role: 'team-manager' });
const chair = inGroup('chair', { displayName: 'Ieuan Rhys', role: 'conference-chair' });
const coordinator = inGroup('coordinator', { displayName: 'Siân Evans', role: 'coordinator' });
const health = inGroup('health', { displayName: 'Grace Lindqvist', role: 'professional', position: 'health-visitor', agency: 'ymwelwyr iechyd' });
const parent = inGroup('parent', { displayName: 'Pat Parry', role: 'family-member', agency: 'teulu', aadObjectId: undefined, reach: 'email-only' });
const MEMBERS = [lead, manager, chair, coordinator, health, parent];
const coreGroups = (members: readonly CoreGroupMember[] = MEMBERS) => ({ findById: async () => GROUP, members: async () => [...members] });

const MEETING = '22222222-2222-4222-8222-222222222222';
const REVIEW = '33333333-3333-4333-8333-333333333333';
const meeting: CoreGroupMeeting = { id: MEETING, coreGroupId: GROUP.id, date: d('2026-06-08'), status: 'held', booking: { organiser: 'cyfarfodydd@cyngor.example', eventId: 'e', joinUrl: JOIN, chatId: CHAT } };
const review = { id: REVIEW, coreGroupId: GROUP.id, date: d('2026-08-27'), status: 'scheduled' as const };
const welshPdf = { file: Buffer.from('%PDF-1.7'), fileName: 'cofnod.pdf', language: 'cy' as const };
const RETURNED_AT = '2026-06-10T09:00:00.000Z';
const promptJob = { tenantId: GROUP.tenantId, coreGroupId: GROUP.id, memberId: health.id, aadObjectId: health.aadObjectId, promptId: '44444444-4444-4444-8444-444444444444', promptedAt: '2026-06-05T07:00:00.000Z' };
const view = { ...agenda, meetingId: MEETING };

const concernOf = (kind: Concern['kind'], step: number): Concern => ({ ...concern(kind, 'open', step), id: '55555555-5555-4555-8555-555555555555', coreGroupId: GROUP.id, raisedByMemberId: health.id });
const decision = (kind: 'granted' | 'refused', actorName?: string): ConcernTransition => ({ id: '66666666-6666-4666-8666-666666666666', concernId: '55555555-5555-4555-8555-555555555555', step: 0, kind, actorName, text: 'Cynhaliwyd grŵp craidd yr wythnos diwethaf', at: RETURNED_AT });

/** What a notice's use case needs of the delivery policy, to someone who chose Welsh. */
type PolicyDeps = ReturnType<typeof noticeDeps>['deps'] & { notifier: Notifier; feedJobs: Pick<JobQueue, 'enqueue'>; languages: { of: () => Promise<'cy'> }; organiserMailbox: string };

/** Each notice to a person, by its use case, as the job runner sends it. */
const NOTICES: readonly (readonly [string, (deps: PolicyDeps) => Promise<void>])[] = [
  ['check-in prompt', (deps) => createCheckInNotices({ ...deps, status: { myActions: async () => [{ coreGroupId: GROUP.id, caseReference: CASE, action: visit }] }, coreGroups: coreGroups(), checkIns: { listByCoreGroup: async () => [] } }).prompt(promptJob)],
  ['check-in missing, to the lead social worker', (deps) => createCheckInNotices({ ...deps, status: { myActions: async () => [] }, coreGroups: coreGroups(), checkIns: { listByCoreGroup: async () => [] } }).chase(promptJob)],
  ...[0, 1].map((step) => [
    `a concern ${step === 0 ? 'raised' : 'escalated'}`,
    (deps: PolicyDeps) =>
      createConcernNotices({ ...deps, coreGroups: coreGroups(), concerns: { listByCoreGroup: async () => [concernOf('drift-and-delay', step)] }, concernHistory: { find: async () => undefined, record: async () => ({ created: true }) }, areaContacts: { list: async () => [] } }).notify({
        tenantId: GROUP.tenantId,
        coreGroupId: GROUP.id,
        concernId: concernOf('drift-and-delay', step).id,
        recipientMemberId: manager.id,
        step,
      }),
  ] as const),
  ...([
    ['an extra core group granted', decision('granted', 'Tom Okafor'), health],
    ['an extra core group refused, to the member who asked (who may take it further)', decision('refused', 'Tom Okafor'), health],
    ['an extra core group refused by someone unnamed, to the lead social worker', decision('refused'), lead],
  ] as const).map(([name, decided, to]) => [
    name,
    (deps: PolicyDeps) =>
      createConcernNotices({ ...deps, coreGroups: coreGroups(), concerns: { listByCoreGroup: async () => [concernOf('extra-meeting-request', 0)] }, concernHistory: { find: async () => decided, record: async () => ({ created: true }) }, areaContacts: { list: async () => [] } }).notify({
        tenantId: GROUP.tenantId,
        coreGroupId: GROUP.id,
        concernId: decided.concernId,
        recipientMemberId: to.id,
        transitionId: decided.id,
      }),
  ] as const),
  ...(['action-overdue', 'action-silent', 'member-absent', 'deadline-missed'] as const).map((kind) => [
    `a signal: ${kind}`,
    (deps: PolicyDeps) =>
      createSignalNotices({ ...deps, coreGroups: coreGroups(), plans: { current: async () => ({ coreGroupId: GROUP.id, version: 1, outcomes: [], actions: [visit], contingencyPlan: '', resources: '', monitoring: '' }) } }).notify({
        tenantId: GROUP.tenantId,
        coreGroupId: GROUP.id,
        kind,
        concern: 'drift-and-delay',
        subjectId: kind === 'deadline-missed' ? overdue.id : visit.id,
        measure: 3,
        memberId: health.id,
        ...(kind === 'deadline-missed' ? { rule: overdue.rule, wording: overdue.wording } : {}),
        recipientMemberId: lead.id,
      }),
  ] as const),
  ...(['chair', 'minute-taker'] as const).map((meetingRole) => [
    `sign-off reminder to the ${meetingRole}`,
    (deps: PolicyDeps) =>
      createMeetingNotices({ ...deps, meetingEvents: { agendaOf: async () => view, attendeeIdentities: async () => [] }, conversations: { channelUserIds: async () => [] }, coreGroups: coreGroups(), meetings: { findById: async () => meeting } }).remindSignOff({
        tenantId: GROUP.tenantId,
        meetingId: MEETING,
        aadObjectId: chair.aadObjectId!,
        meetingRole,
        caseReference: CASE,
        meetingDate: '2026-06-08',
        circulationDue: '2026-06-15',
      }),
  ] as const),
  ...[health, parent].map((member) => [
    member === parent ? 'the family notes circulated' : 'signed minutes circulated',
    (deps: PolicyDeps) =>
      createMinutesDelivery({
        ...deps,
        distribution: { deliveryOf: async () => ({ member, caseReference: CASE, meetingDate: '2026-06-08', chatId: CHAT, familyVersion: member === parent }), recordOutcome: async () => undefined },
        exports: { minutesFile: async () => welshPdf },
        familyNotes: { fileForDelivery: async () => welshPdf },
      }).deliver({ tenantId: GROUP.tenantId, meetingId: MEETING, minutesId: MEETING, minutesVersion: 1, memberId: member.id }),
  ] as const),
  ...[health, parent].map((member) => [
    `the plan circulated${member === parent ? ' to the family' : ''}`,
    (deps: PolicyDeps) =>
      createPlanDelivery({
        ...deps,
        circulation: { deliveryOf: async () => ({ member, coreGroupId: GROUP.id, caseReference: CASE, meetingDate: '2026-06-08' }), recordOutcome: async () => undefined },
        exports: { planFile: async () => welshPdf, familyPlanFile: async () => welshPdf },
      }).deliver({ tenantId: GROUP.tenantId, meetingId: MEETING, planVersion: 2, memberId: member.id, resent: false, attempt: 0 }),
  ] as const),
  ...[false, true].map((resending) => [
    `the plan not received${resending ? ', resending' : ''}`,
    (deps: PolicyDeps) => createPlanNotReceivedNotices({ ...deps, coreGroups: coreGroups(), meetings: { findById: async () => meeting } }).notify({ tenantId: GROUP.tenantId, meetingId: MEETING, planVersion: 2, memberId: health.id, resending }),
  ] as const),
  ...[MEMBERS, [health]].map((members) => [
    `a welcome${members.length === 1 ? ', in a group with no lead social worker' : ''}`,
    (deps: PolicyDeps) => createWelcomeNotices({ ...deps, coreGroups: coreGroups(members) }).welcome({ tenantId: GROUP.tenantId, coreGroupId: GROUP.id, memberId: health.id }),
  ] as const),
  ...INSTITUTION_KINDS.map((kind) => [
    `an institution letter to write: ${kind}`,
    (deps: PolicyDeps) =>
      createInstitutionTaskNotices({ ...deps, coreGroups: coreGroups(), institutionTasks: { findById: async (id) => ({ id, coreGroupId: GROUP.id, person: 'ewythr ar ochr y fam', kind, institution: 'Carchar Caerdydd', recordedByMemberId: lead.id, recordedAt: RETURNED_AT }) } }).notify({
        tenantId: GROUP.tenantId,
        coreGroupId: GROUP.id,
        taskId: '77777777-7777-4777-8777-777777777777',
        memberId: coordinator.id,
      }),
  ] as const),
  ...[false, true].map((chase) => [
    `an agency report ${chase ? 'chased' : 'asked for'}`,
    (deps: PolicyDeps) =>
      createAgencyReportNotices({ ...deps, coreGroups: coreGroups(), meetings: { reviewConferences: async () => [review] }, agencyReports: { listByReview: async () => [] } }).notify({
        tenantId: GROUP.tenantId,
        coreGroupId: GROUP.id,
        reviewConferenceId: REVIEW,
        reviewOn: '2026-08-27',
        dueOn: '2026-08-24',
        memberId: health.id,
        chase,
      }),
  ] as const),
  ...[chair, lead].map((to) => [
    `the conference pack${to === lead ? ', to pass on' : ''}`,
    (deps: PolicyDeps) =>
      createConferencePackNotices({ ...deps, coreGroups: coreGroups(), meetings: { reviewConferences: async () => [review] }, conferencePacks: { fileForDelivery: async () => welshPdf } }).deliver({
        tenantId: GROUP.tenantId,
        coreGroupId: GROUP.id,
        reviewConferenceId: REVIEW,
        reviewOn: '2026-08-27',
        memberId: to.id,
        forChair: to === chair,
      }),
  ] as const),
  ...[manager.id, 'gone'].map((returnedBy) => [
    `minutes sent back${returnedBy === 'gone' ? ' by someone the group no longer lists' : ''}`,
    (deps: PolicyDeps) =>
      createMinutesReturnedNotices({ ...deps, coreGroups: coreGroups(), meetings: { findById: async () => meeting }, minutes: { findByMeeting: async () => ({ returned: { memberId: returnedBy, at: RETURNED_AT, comments: 'Gweler y sylwadau' } }) as Minutes } }).deliver({
        tenantId: GROUP.tenantId,
        coreGroupId: GROUP.id,
        meetingId: MEETING,
        memberId: chair.id,
        returnedAt: RETURNED_AT,
      }),
  ] as const),
  ...NOTICE_KINDS.map((noticeKind, index) => [
    `a notice undelivered: ${noticeKind}, after ${PLURALS[index % PLURALS.length]} attempts`,
    (deps: PolicyDeps) =>
      createUndeliveredNotices({ ...deps, coreGroups: coreGroups() }).notify({ tenantId: GROUP.tenantId, coreGroupId: GROUP.id, noticeKind, memberId: index % 2 === 0 ? health.id : 'gone', deadJobId: `job-${noticeKind}`, attempts: PLURALS[index % PLURALS.length]! }),
  ] as const),
];

/** One run of a notice: Teams reaching the person, or not (they never opened a chat with the app). */
async function sendNotice(send: (deps: PolicyDeps) => Promise<void>, teamsReaches: boolean) {
  const teams = recordingNotifier();
  if (!teamsReaches) teams.refuse(404);
  const { deps, mails, queued } = noticeDeps();
  await send({ ...deps, notifier: teams.notifier, feedJobs: deps.jobs, languages: { of: async () => 'cy' }, organiserMailbox: 'cyfarfodydd@cyngor.example' });
  const posted: ActivityNotification[] = [];
  const feed = createActivityFeed({ teamwork: { sendActivity: async (notification) => void posted.push(notification) }, coreGroups: coreGroups(), teamsAppId: APP });
  for (const job of queued.filter((queuedJob) => queuedJob.kind === ACTIVITY_FEED_JOB)) await feed.post(activityFeedJob.parse(job.payload));
  return { sent: teams.sent, mails, posted };
}

/** Everything a person reads of one notice, as `what: text`: the preview, the card, the feed item, the e-mail. */
async function whatTheyRead(send: (deps: PolicyDeps) => Promise<void>): Promise<{ inTeams: string[]; byMail: string[] }> {
  const teams = await sendNotice(send, true);
  const mail = await sendNotice(send, false);
  const cards = teams.sent.map((notification) => renderOutboundCard(notification.message, { teamsAppId: APP, words: wordsIn(notification.language ?? 'en') }));
  return {
    inTeams: [...teams.sent.map((notification) => notification.summary), ...cards.map((card) => JSON.stringify(card)), ...teams.posted.flatMap((item) => [item.previewText, item.topic.text]), ...teams.mails.flatMap((sent) => [sent.subject, sent.bodyText])],
    byMail: mail.mails.flatMap((sent) => [sent.subject, sent.bodyText]),
  };
}

const english = (text: string) => [...englishCatalogueTextIn(text), ...englishSentencesIn(text)];

describe('every notice to someone who chose Welsh is wholly Welsh: its preview, card, activity-feed item and e-mail', () => {
  test.each(NOTICES)('%s', async (_name, send) => {
    const { inTeams, byMail } = await whatTheyRead(send);
    expect(inTeams.length).toBeGreaterThan(0);
    expect(byMail.length).toBe(2);
    for (const text of [...inTeams, ...byMail]) {
      expect(english(text)).toEqual([]);
      expect(text).not.toContain(GROUP.childName);
    }
  });

  test('a feed item names the case in Welsh, and shows the notice’s Welsh preview', async () => {
    const { posted } = await sendNotice(NOTICES[0]![1], true);
    expect(posted.map((item) => [item.topic.text, item.previewText])).toEqual([[`Achos ${CASE}`, CY.t('notice.checkInSummary')]]);
  });
});

describe('what goes to a group chat, for a group that writes in Welsh: no English, no child', () => {
  test.each([false, true])('the agenda posted (meeting started: %s): its preview and its card', async (started) => {
    const teams = recordingNotifier();
    await createMeetingNotices({ ...noticeDeps().deps, notifier: teams.notifier, meetingEvents: { agendaOf: async () => ({ ...view, started }), attendeeIdentities: async () => [] }, conversations: { channelUserIds: async () => [] }, coreGroups: coreGroups(), meetings: { findById: async () => meeting } }).postAgenda({
      tenantId: GROUP.tenantId,
      meetingId: MEETING,
      chatId: CHAT,
      started,
    });
    const [posted] = teams.sent;
    const shown = [posted!.summary, JSON.stringify(renderOutboundCard(posted!.message, { teamsAppId: APP, words: CY }))];
    for (const text of shown) {
      expect(english(text)).toEqual([]);
      expect(text).not.toContain(GROUP.childName);
      expect(text).not.toContain(CASE);
    }
  });
});

describe('the e-mails no notice policy sends: in Welsh for a group that writes in Welsh', () => {
  const expiresAt = Date.UTC(2026, 5, 17, 9);
  test.each([
    ['a parent’s check-in e-mail, one link', () => familyCheckInMail({ reference: CASE, links: ['https://cyngor.example/family/check-in/a'], days: 14, expiresAt, language: 'cy' })],
    ['a parent’s check-in e-mail, two links', () => familyCheckInMail({ reference: CASE, links: ['https://cyngor.example/family/check-in/a', 'https://cyngor.example/family/check-in/b'], days: 14, expiresAt, language: 'cy' })],
    ['the CP9’s covering e-mail', () => cp9CoveringMail({ caseReference: CASE, meetingDate: '2026-06-08', language: 'cy' })],
    ['the meeting invitation', () => meetingInvitation({ caseReference: CASE, extra: false, language: 'cy' })],
    ['the invitation to an extra core group', () => meetingInvitation({ caseReference: CASE, extra: true, language: 'cy' })],
  ])('%s', (_name, write) => {
    const { subject, bodyText } = write();
    for (const text of [subject, bodyText]) {
      expect(text).toContain(CASE);
      expect(english(text)).toEqual([]);
    }
  });
});
