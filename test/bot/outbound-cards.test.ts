import { institutionTaskCard } from '../../bot/cards/institution-task.card';
import { wordsIn } from '../../src/i18n/words';
import { agencyReportRequestCard } from '../../bot/cards/agency-report.card';
import { Temporal } from 'temporal-polyfill';
import type { z } from 'zod';
import { minutesTabLink } from '../../src/contracts/teams-links.contract';
import { agendaCard, signOffReminderCard } from '../../bot/cards/agenda.card';
import { chooseCaseCard } from '../../bot/cards/choose-case.card';
import { concernNotificationCard, escalateCard } from '../../bot/cards/escalate.card';
import { membersCard } from '../../bot/cards/members.card';
import { familyVersionReadyCard, minutesReadyCard } from '../../bot/cards/minutes.card';
import { newCoreGroupCard } from '../../bot/cards/new-core-group.card';
import { planNotReceivedCard, planReadyCard } from '../../bot/cards/plan.card';
import { slotsCard } from '../../bot/cards/schedule.card';
import { bookedSeriesCard, rescheduleSlotsCard } from '../../bot/cards/booked-series.card';
import { extraMeetingCard, extraMeetingSection } from '../../bot/cards/extra-meeting.card';
import { signalCard } from '../../bot/cards/signal.card';
import { tasksCard } from '../../bot/cards/tasks.card';
import { renderOutboundCard } from '../../bot/outbound-cards';
import {
  ADD_MEMBERS_VERB,
  AGENDA_VIEW_VERB,
  BOOK_EXTRA_MEETING_VERB,
  BOOK_SLOT_VERB,
  CANCEL_MEETING_VERB,
  CARD_VERBS,
  CHECK_IN_VERB,
  CHOOSE_CASE_VERB,
  CREATE_CORE_GROUP_VERB,
  type CardVerb,
  MARK_PRESENT_VERB,
  RAISE_CONCERN_VERB,
  REMOVE_MEMBER_VERB,
  addMembersAction,
  RESCHEDULE_MEETING_VERB,
  RESCHEDULE_OFFER_VERB,
  agendaAction,
  bookExtraMeetingAction,
  bookSlotAction,
  cancelMeetingAction,
  checkInAction,
  chooseCaseAction,
  createCoreGroupAction,
  raiseConcernAction,
  removeMemberAction,
  rescheduleMeetingAction,
  rescheduleOfferAction,
} from '../../src/contracts/card-actions.contract';
import type { PlanAction } from '../../src/domain/plan';
import type { OutboundMessage } from '../../src/services/ports/notifier.port';
import { problems } from '../support/adaptive-cards';

/** The words of the English cards. */
const EN = wordsIn('en');

const action: PlanAction = {
  id: 'action-visits', what: 'Visit weekly', ownerMemberId: 'm1', agency: 'health visiting',
  due: Temporal.PlainDate.from('2026-06-24'), agreedOn: Temporal.PlainDate.from('2026-05-27'), progressMeasure: 'Checklist', state: 'in-progress',
};
const view = { meetingId: '5b1d0c8e-0000-4000-8000-000000000002', chatId: '19:meeting_x@thread.v2', date: Temporal.PlainDate.from('2026-06-09'), startsAt: '2026-06-09T13:00:00Z', endsAt: '2026-06-09T14:30:00Z', started: true };
const ID = '5b1d0c8e-0000-4000-8000-000000000001';
const context = { teamsAppId: 'teams-app', words: wordsIn('en') };
const link = minutesTabLink('teams-app', view.chatId);

describe('each outbound message kind renders as its card', () => {
  const cases: [OutboundMessage, object][] = [
    [{ kind: 'check-in-prompt', actions: [{ coreGroupId: ID, caseReference: 'CP-1', action }], promptId: ID }, tasksCard(wordsIn('en'), [{ coreGroupId: ID, caseReference: 'CP-1', action }], ID)],
    [
      { kind: 'concern-raised', caseReference: 'CP-1', concern: 'increased-risk', raisedBy: 'Grace (health visiting)', raisedOn: '2026-06-03', note: 'Bruise seen', whatNext: 'decide' },
      concernNotificationCard(EN, { caseReference: 'CP-1', concern: 'increased-risk', raisedBy: 'Grace (health visiting)', raisedOn: '2026-06-03', note: 'Bruise seen', whatNext: 'decide' }),
    ],
    [{ kind: 'signal', signal: 'action-overdue', caseReference: 'CP-1', measure: 3, subject: 'Visit weekly', person: 'Grace (health visiting)', whatNext: 'discuss' }, signalCard(wordsIn('en'), { signal: 'action-overdue', caseReference: 'CP-1', measure: 3, subject: 'Visit weekly', person: 'Grace (health visiting)', whatNext: 'discuss' })],
    [{ kind: 'agenda', view, refreshFor: ['29:a'] }, agendaCard(view, { minutesUrl: link, refreshFor: ['29:a'] })],
    [
      { kind: 'sign-off-reminder', caseReference: 'CP-1', meetingDate: '2026-06-09', circulationDue: '2026-06-16', meetingRole: 'chair', chatId: view.chatId },
      signOffReminderCard(wordsIn('en'), { caseReference: 'CP-1', meetingDate: '2026-06-09', circulationDue: '2026-06-16', meetingRole: 'chair', minutesUrl: link }),
    ],
    [{ kind: 'minutes-ready', caseReference: 'CP-1', meetingDate: '2026-06-09', chatId: view.chatId }, minutesReadyCard(wordsIn('en'), { caseReference: 'CP-1', meetingDate: '2026-06-09', minutesUrl: link })],
    [{ kind: 'minutes-ready', caseReference: 'CP-1', meetingDate: '2026-06-09' }, minutesReadyCard(wordsIn('en'), { caseReference: 'CP-1', meetingDate: '2026-06-09', minutesUrl: undefined })],
    [{ kind: 'family-version-ready', meetingDate: '2026-06-09', chatId: view.chatId }, familyVersionReadyCard(wordsIn('en'), { meetingDate: '2026-06-09', readUrl: link })],
    [{ kind: 'institution-task', caseReference: 'CP-1', task: { person: 'father', kind: 'prison', institution: 'HMP Leeds' } }, institutionTaskCard(EN, { kind: 'institution-task', caseReference: 'CP-1', task: { person: 'father', kind: 'prison', institution: 'HMP Leeds' } })],
    [
      { kind: 'agency-report-request', caseReference: 'CP-1', reviewOn: '2026-07-09', dueOn: '2026-07-02', chase: false },
      agencyReportRequestCard(EN, { caseReference: 'CP-1', reviewOn: '2026-07-09', dueOn: '2026-07-02', chase: false, dashboardUrl: 'https://teams.microsoft.com/l/entity/teams-app/dashboard' }),
    ],
    [{ kind: 'plan-ready', caseReference: 'CP-1', meetingDate: '2026-06-09', planVersion: 3 }, planReadyCard(wordsIn('en'), { caseReference: 'CP-1', meetingDate: '2026-06-09', planVersion: 3, dashboardUrl: 'https://teams.microsoft.com/l/entity/teams-app/dashboard' })],
    [
      { kind: 'plan-not-received', caseReference: 'CP-1', member: 'Grace (health visiting)', meetingDate: '2026-06-09', resending: true },
      planNotReceivedCard(EN, { caseReference: 'CP-1', member: 'Grace (health visiting)', meetingDate: '2026-06-09', resending: true }),
    ],
  ];
  test.each(cases.map(([message, card]) => [message.kind, message, card] as const))('%s', (_kind, message, card) => {
    expect(renderOutboundCard(message, context)).toEqual(card);
    expect(problems(card)).toEqual([]);
  });

  test('the family version’s card to a family member says only that the notes are ready: no content, no case reference, no name', () => {
    const card = renderOutboundCard({ kind: 'family-version-ready', meetingDate: '2026-06-09', chatId: view.chatId }, context);
    const text = JSON.stringify(card);
    expect(text).toContain('The notes of the core group meeting of Tue 9 Jun 2026, written for you, are ready.');
    expect(text).not.toMatch(/case|CP-/);
  });

  test('a request for a written report names the case, the review and the due date, and where to write it; a chase says it is still to come', () => {
    const asked = JSON.stringify(renderOutboundCard({ kind: 'agency-report-request', caseReference: 'CP-1', reviewOn: '2026-07-09', dueOn: '2026-07-02', chase: false }, context));
    expect(asked).toContain('A written report for the review conference — case CP-1');
    expect(asked).toContain('The review child protection conference is on Thu 9 Jul 2026. Your agency');
    expect(asked).toContain('is due by Thu 2 Jul 2026.');
    expect(JSON.stringify(renderOutboundCard({ kind: 'agency-report-request', caseReference: 'CP-1', reviewOn: '2026-07-09', dueOn: '2026-07-02', chase: true }, context))).toContain('Your written report is still to come — case CP-1');
  });

  test('a letter to write names the case and the task, with typed text made inert', () => {
    const card = renderOutboundCard({ kind: 'institution-task', caseReference: 'CP-1', task: { person: 'father', kind: 'prison', institution: '[HMP](http://x) Leeds' } }, context);
    expect(JSON.stringify(card)).toContain('A letter to write — case CP-1');
    expect(JSON.stringify(card)).toContain("Write to the head of [\u200bHMP\u200b]\u200b(http\u200b:/\u200b/x) Leeds (prison) about the child's father: the relevant details");
  });

  test('the plan circulated says which case, meeting and version, and links to the dashboard; nothing of the plan itself', () => {
    const text = JSON.stringify(renderOutboundCard({ kind: 'plan-ready', caseReference: 'CP-[1](http://x)', meetingDate: '2026-06-09', planVersion: 3 }, context));
    expect(text).toContain('Version 3 of the plan for case CP-[\u200b1\u200b]\u200b(http\u200b:/\u200b/x), after the core group meeting of Tue 9 Jun 2026, has been circulated to you.');
    expect(text).toContain('"url":"https://teams.microsoft.com/l/entity/teams-app/dashboard"');
  });

  test('a plan that did not arrive names the member to the lead social worker, and what happens next', () => {
    const again = JSON.stringify(renderOutboundCard({ kind: 'plan-not-received', caseReference: 'CP-1', member: 'Dr [Who](http://x) (GP)', meetingDate: '2026-06-09', resending: true }, context));
    expect(again).toContain('Dr [\u200bWho\u200b]\u200b(http\u200b:/\u200b/x) (GP) says the plan for case CP-1, circulated after the core group meeting of Tue 9 Jun 2026, has not reached them.');
    expect(again).toContain('It is being sent to them again');
    expect(JSON.stringify(renderOutboundCard({ kind: 'plan-not-received', caseReference: 'CP-1', member: 'Grace (health visiting)', meetingDate: '2026-06-09', resending: false }, context))).toContain('It has not been circulated from the app yet');
  });

  test('an extra core group refused: the reason (made inert) and who to take it to; granted: how to book it, and no reason', () => {
    const refused = renderOutboundCard({ kind: 'concern-decided', caseReference: 'CP-1', decision: 'refused', decidedBy: 'Tom [Okafor](http://x)', reason: 'Seen <at>next</at> week', takeFurther: 'the Children Services co-ordinator' }, context);
    expect(problems(refused)).toEqual([]);
    const text = JSON.stringify(refused);
    expect(text).toContain('Extra core group refused — case CP-1');
    expect(text).not.toContain('[Okafor](http://x)');
    expect(text).not.toContain('<at>');
    expect(text).toContain('take it to the Children Services co-ordinator');
    const granted = JSON.stringify(renderOutboundCard({ kind: 'concern-decided', caseReference: 'CP-1', decision: 'granted', decidedBy: 'Tom Okafor', scheduleCommand: 'schedule CP-1' }, context));
    expect(granted).toContain('schedule CP-1');
    expect(granted).toContain('https://teams.microsoft.com/l/entity/teams-app/dashboard');
    expect(granted).not.toContain('Reason');
  });

  test('a missing check-in names the member and the case, with typed text made inert', () => {
    const card = renderOutboundCard({ kind: 'check-in-missing', caseReference: 'CP-1', memberName: 'Dr [Who](http://x)', agency: 'GP', askedOn: '2026-06-05' }, context);
    expect(problems(card)).toEqual([]);
    const text = JSON.stringify(card);
    expect(text).toContain('No check-in yet from Dr [\u200bWho\u200b]\u200b(http\u200b:/\u200b/x) (GP) on their actions in case CP-1, asked on Fri 5 Jun 2026.');
  });

  test('a notice never delivered names its kind, the member and the case, typed text made inert, and says it went by neither channel', () => {
    const card = renderOutboundCard({ kind: 'notice-undelivered', caseReference: 'CP-1', notice: 'a check-in prompt', member: 'Dr [Who](http://x) (GP)', attempts: 8 }, context);
    expect(problems(card)).toEqual([]);
    const text = JSON.stringify(card);
    expect(text).toContain('Core Group could not deliver a check-in prompt to Dr [\u200bWho\u200b]\u200b(http\u200b:/\u200b/x) (GP) in case CP-1: not sent after 8 attempts, by Teams or by e-mail.');
  });
});

describe('the notice cards in a Welsh recipient’s language', () => {
  const welsh = { teamsAppId: 'teams-app', words: wordsIn('cy') };
  const cards: [string, OutboundMessage, readonly string[]][] = [
    [
      'concern raised',
      { kind: 'concern-raised', caseReference: 'CP-1', concern: 'increased-risk', raisedBy: 'Grace (health visiting)', raisedOn: '2026-06-03', note: 'Bruise seen', whatNext: 'penderfynu' },
      ['Pryder wedi\'i godi — achos CP-1', "Nid yw'r cynllun yn lleihau'r risg", 'Codwyd gan Grace (health visiting) ar Mer, 3 Meh 2026.', 'Bruise seen', "Yr hyn y mae'r drefn yn ei ofyn gennych: penderfynu."],
    ],
    [
      'concern escalated to a later step',
      { kind: 'concern-raised', caseReference: 'CP-1', concern: 'tasks-not-done', raisedBy: 'aelod', raisedOn: '2026-06-03', note: 'Visits missed', whatNext: 'x', reached: { step: 2, of: 3 } },
      ["Pryder wedi'i uwchgyfeirio — achos CP-1", 'Mae wedi dod atoch ar gam 2 o 3: ni chafodd ei ddatrys ar y cam blaenorol.', 'Codwyd gan aelod ar'],
    ],
    [
      'extra core group refused',
      { kind: 'concern-decided', caseReference: 'CP-1', decision: 'refused', decidedBy: 'Tom Okafor', reason: 'Seen next week', takeFurther: 'cydlynydd y Gwasanaethau Plant' },
      ['Gwrthodwyd grŵp craidd ychwanegol — achos CP-1', 'Gwrthodwyd gan Tom Okafor.', 'Rheswm: Seen next week', 'gallwch fynd ag ef ymhellach at y cam nesaf (cydlynydd y Gwasanaethau Plant)', 'Mynd ag ef ymhellach', 'Agor y dangosfwrdd'],
    ],
    [
      'extra core group granted',
      { kind: 'concern-decided', caseReference: 'CP-1', decision: 'granted', decidedBy: 'y rheolwr tîm', scheduleCommand: 'schedule CP-1' },
      ['Caniatawyd grŵp craidd ychwanegol — achos CP-1', 'Caniatawyd gan y rheolwr tîm.', "I'w drefnu, anfonwch `schedule CP-1` at ap Core Group.", 'Agor y dangosfwrdd'],
    ],
    [
      'welcome',
      { kind: 'member-welcome', caseReference: 'CP-1', asPosition: 'ymwelydd iechyd', leadSocialWorker: "Priya Shah (children's social care)" },
      ['Rydych wedi cael eich ychwanegu at grŵp craidd — achos CP-1', "Rydych ynddo fel ymwelydd iechyd. Arweinir y grŵp gan Priya Shah (children's social care).", 'Teipiwch /coregroup status CP-1 i weld ei derfynau amser'],
    ],
    [
      'plan not received, sent again',
      { kind: 'plan-not-received', caseReference: 'CP-1', member: 'Grace (health visiting)', meetingDate: '2026-06-09', resending: true },
      ["Nid yw'r cynllun wedi cyrraedd aelod", 'Mae Grace (health visiting) yn dweud nad yw\'r cynllun ar gyfer achos CP-1, a ddosbarthwyd ar ôl cyfarfod y grŵp craidd ar Maw, 9 Meh 2026, wedi\'u cyrraedd.', "Mae'n cael ei anfon atynt eto"],
    ],
    [
      'plan not received, never circulated',
      { kind: 'plan-not-received', caseReference: 'CP-1', member: 'Grace (health visiting)', meetingDate: '2026-06-09', resending: false },
      ["Nid yw wedi'i ddosbarthu o'r ap eto: dosbarthwch ef o dab cofnodion y cyfarfod hwnnw."],
    ],
    [
      'report request',
      { kind: 'agency-report-request', caseReference: 'CP-1', reviewOn: '2026-07-09', dueOn: '2026-07-02', chase: false },
      ['Adroddiad ysgrifenedig ar gyfer y gynhadledd adolygu — achos CP-1', "Mae'r gynhadledd adolygu amddiffyn plant ar Iau, 9 Gorff 2026.", 'i fod erbyn Iau, 2 Gorff 2026.', 'Arwyddion Diogelwch', 'Agor y dangosfwrdd'],
    ],
    ['report chased', { kind: 'agency-report-request', caseReference: 'CP-1', reviewOn: '2026-07-09', dueOn: '2026-07-02', chase: true }, ['Mae eich adroddiad ysgrifenedig eto i ddod — achos CP-1']],
    [
      'conference pack, to the chair',
      { kind: 'conference-pack-ready', caseReference: 'CP-1', reviewOn: '2026-07-09', forChair: true },
      ['Mae pecyn y gynhadledd yn barod — achos CP-1', 'ar Iau, 9 Gorff 2026 yn barod', 'Lawrlwythwch ef fel PDF neu DOCX', 'Agor y dangosfwrdd'],
    ],
    ['conference pack, to pass on', { kind: 'conference-pack-ready', caseReference: 'CP-1', reviewOn: '2026-07-09', forChair: false }, ["a'i anfon at y cadeirydd"]],
    [
      'institution letter',
      { kind: 'institution-task', caseReference: 'CP-1', task: { person: 'father', kind: 'hospital', institution: 'Ysbyty [Gwynedd](http://x)' } },
      ["Llythyr i'w ysgrifennu — achos CP-1", 'Ysgrifennwch at bennaeth Ysbyty [\u200bGwynedd\u200b]\u200b(http\u200b:/\u200b/x) (ysbyty) am berthynas y plentyn (father)', "nodwch ar ddangosfwrdd Core Group fod y dasg wedi'i gwneud"],
    ],
  ];

  test.each(cards)('%s: a valid card, in Welsh, with no key left untranslated', (_name, message, words) => {
    const card = renderOutboundCard(message, welsh);
    expect(problems(card)).toEqual([]);
    const text = JSON.stringify(card);
    for (const expected of words) expect(text).toContain(expected);
    expect(text).not.toMatch(/\b(?:concernCard|welcomeCard|planNotReceivedCard|reportRequestCard|packReadyCard|institutionTaskCard|labels|readyCards)\.[a-zA-Z-]+|\{\{/);
    expect(text).not.toMatch(/\b(?:case|Case|Raised by|Granted|Refused|Reason|You are|Type|The plan|Your|Write|Download|Nobody|Once|Open the dashboard|Mon|Tue|Wed|Thu|Fri|Jun|Jul) /);
  });
});

type Element = { type?: string; id?: string; verb?: string; data?: Record<string, unknown>; fallback?: { type: string; data: Record<string, unknown> }; [key: string]: unknown };

/** Every element of a card, depth first. */
function elementsOf(value: unknown): Element[] {
  if (Array.isArray(value)) return value.flatMap(elementsOf);
  if (!value || typeof value !== 'object') return [];
  const element = value as Element;
  return [element, ...Object.values(element).flatMap(elementsOf)];
}

const SCHEMAS: Record<CardVerb, z.ZodObject> = {
  [CHECK_IN_VERB]: checkInAction,
  [BOOK_SLOT_VERB]: bookSlotAction,
  [RAISE_CONCERN_VERB]: raiseConcernAction,
  [CREATE_CORE_GROUP_VERB]: createCoreGroupAction,
  [AGENDA_VIEW_VERB]: agendaAction,
  [MARK_PRESENT_VERB]: agendaAction,
  [CHOOSE_CASE_VERB]: chooseCaseAction,
  [ADD_MEMBERS_VERB]: addMembersAction,
  [REMOVE_MEMBER_VERB]: removeMemberAction,
  [RESCHEDULE_OFFER_VERB]: rescheduleOfferAction,
  [RESCHEDULE_MEETING_VERB]: rescheduleMeetingAction,
  [CANCEL_MEETING_VERB]: cancelMeetingAction,
  [BOOK_EXTRA_MEETING_VERB]: bookExtraMeetingAction,
};
const series = { meetingId: ID, next: { startMs: Date.UTC(2026, 5, 8, 13), endMs: Date.UTC(2026, 5, 8, 14, 30) }, nextIsRecorded: true, joinUrl: 'https://teams.microsoft.com/l/meetup-join/x', chatId: view.chatId, replies: [] };
/** Fields a card writes for some data only: the calendar's id of a series' next meeting, when it is not the one the meeting records. */
const WRITTEN_FOR_SOME = new Set(['occurrenceId']);

describe('what card actions carry is what the card-action contract reads', () => {
  const offer = { obligation: { id: 'first-core-group', due: Temporal.PlainDate.from('2026-06-10'), rule: 'r', status: 'due' }, unknownAvailability: [], proposal: { slots: [{ startMs: Date.UTC(2026, 5, 9, 13), endMs: Date.UTC(2026, 5, 9, 14), date: Temporal.PlainDate.from('2026-06-09'), beforeDeadline: true, tentative: [], reason: 'all-free' }], deadline: Temporal.PlainDate.from('2026-06-10'), deadlineCanBeMet: true, blockers: [], unknownAvailability: [] } } as never;
  const slots = slotsCard(EN, { coreGroupId: ID, caseReference: 'CP-1', names: new Map(), offer });
  const extraOffer = { ...(offer as object), concernId: ID, grantedOn: Temporal.PlainDate.from('2026-06-03'), within: Temporal.PlainDate.from('2026-06-17'), names: new Map() } as never;
  test.each([
    ['tasks', tasksCard(wordsIn('en'), [{ coreGroupId: ID, caseReference: 'CP-1', action }], ID)],
    ['slots', slots],
    ['escalate', escalateCard(EN, { coreGroupId: ID, caseReference: 'CP-1', requestId: ID })],
    ['new core group', newCoreGroupCard(EN, { policies: [{ id: 'england', name: 'England' }], requestId: ID })],
    ['agenda', agendaCard(view, { minutesUrl: link, refreshFor: [] })],
    ['members', membersCard(EN, { coreGroupId: ID, caseReference: 'CP-1', members: [{ id: ID, displayName: 'Grace', role: 'professional', position: 'health-visitor', agency: 'health visiting', reach: 'tenant', active: true }] })],
    ['choose a case', chooseCaseCard(EN, { command: 'plan', title: 'Which case?', cases: [{ id: ID, caseReference: 'CP-1', nextDeadline: { due: Temporal.PlainDate.from('2026-06-10'), status: 'due', rule: 'r' } }, { id: ID, caseReference: 'CP-2' }] })],
    ['booked series', bookedSeriesCard(EN, { coreGroupId: ID, caseReference: 'CP-1', series, teamsAppId: 'teams-app' })],
    ['booked series, its next meeting after the one recorded', bookedSeriesCard(EN, { coreGroupId: ID, caseReference: 'CP-1', series: { ...series, next: { ...series.next, occurrenceId: 'AAMkAGI2-occurrence=' }, nextIsRecorded: false }, teamsAppId: 'teams-app' })],
    ['booked series, with the extra core group granted below it', bookedSeriesCard(EN, { coreGroupId: ID, caseReference: 'CP-1', series, teamsAppId: 'teams-app', extra: extraMeetingSection(EN, { coreGroupId: ID, offer: extraOffer }) })],
    ['the extra core group alone', extraMeetingCard(EN, { coreGroupId: ID, caseReference: 'CP-1', offer: extraOffer })],
    ['reschedule slots', rescheduleSlotsCard(EN, { caseReference: 'CP-1', part: { coreGroupId: ID, meetingId: ID, scope: 'series', occurrence: String(series.next.startMs) }, currentEndMs: series.next.endMs, offer })],
  ])('%s: each action’s data, with the card’s inputs, is exactly its verb’s schema; its fallback says the verb', (_name, card) => {
    const elements = elementsOf(card);
    const inputIds = new Set(elements.filter((element) => element.type?.startsWith('Input.')).map((element) => element.id));
    const actions = elements.filter((element) => element.type === 'Action.Execute');
    expect(actions.length).toBeGreaterThan(0);
    for (const executed of actions) {
      const verb = executed.verb as CardVerb;
      expect(CARD_VERBS).toContain(verb);
      const schema = SCHEMAS[verb];
      const fields = Object.keys(schema.shape);
      // What the card writes is some of the schema's fields; the card's inputs supply the rest.
      expect(fields).toEqual(expect.arrayContaining(Object.keys(executed.data ?? {})));
      expect(fields.filter((field) => !(field in (executed.data ?? {})) && !inputIds.has(field) && !WRITTEN_FOR_SOME.has(field))).toEqual([]);
      const written = schema.pick(Object.fromEntries(Object.keys(executed.data ?? {}).map((key) => [key, true])) as Record<string, true>).strict();
      expect(written.safeParse(executed.data).success).toBe(true);
      if (executed.fallback) expect(executed.fallback).toMatchObject({ type: 'Action.Submit', data: { ...executed.data, verb } });
    }
  });
});
