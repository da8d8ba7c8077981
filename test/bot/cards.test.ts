import { translatorFor } from '../../src/i18n/translate';
import { wordsIn } from '../../src/i18n/words';
import { Temporal } from 'temporal-polyfill';
import { chooseCaseCard } from '../../bot/cards/choose-case.card';
import { escapeCardText } from '../../bot/cards/escape';
import { helpCard } from '../../bot/cards/help.card';
import { messageCard, privateDetailsCard } from '../../bot/cards/notice.card';
import { statusCard } from '../../bot/cards/status.card';
import { bookedCard, slotsCard } from '../../bot/cards/schedule.card';
import { concernNotificationCard, concernRaisedCard, concernStandingText, escalateCard } from '../../bot/cards/escalate.card';
import { familyVersionReadyCard, minutesCard, minutesReadyCard } from '../../bot/cards/minutes.card';
import { coreGroupCreatedCard, newCoreGroupCard } from '../../bot/cards/new-core-group.card';
import { planCard, planReadyCard } from '../../bot/cards/plan.card';
import { reviewCard } from '../../bot/cards/review.card';
import { tasksCard } from '../../bot/cards/tasks.card';
import { agendaCard, minutesReturnedCard, personalAgendaCard, signOffReminderCard } from '../../bot/cards/agenda.card';
import { signalCard } from '../../bot/cards/signal.card';
import { raiseConcernAction } from '../../src/contracts/card-actions.contract';
import { RAISABLE_CONCERN_KINDS } from '../../src/domain/escalation';
import type { Obligation } from '../../src/domain/obligations';
import type { PlanAction } from '../../src/domain/plan';
import { problems } from '../support/adaptive-cards';
import { bookedSeriesCard, rescheduleSlotsCard } from '../../bot/cards/booked-series.card';
import type { BookedSeries } from '../../src/services/scheduling.service';

/** The words of the English cards. */
const EN = wordsIn('en');

const TEAMS_APP_ID = 'a1b2c3d4-0000-4000-8000-000000000001';
const ID = '5b1d0c8e-0000-4000-8000-000000000009';
const series: BookedSeries = {
  meetingId: ID,
  next: { startMs: Date.UTC(2026, 5, 9, 13), endMs: Date.UTC(2026, 5, 9, 14, 30) },
  nextIsRecorded: true,
  joinUrl: 'https://teams.microsoft.com/l/meetup-join/x',
  chatId: '19:meeting_x@thread.v2',
  replies: [
    { memberId: 'm1', name: 'Priya [Shah](http://x)', reply: 'organiser' },
    { memberId: 'm2', name: 'Grace', reply: 'declined' },
    { memberId: 'm3', name: 'Tom', reply: 'none' },
  ],
};


const action: PlanAction = {
  id: 'action-visits', what: 'Visit weekly **and** check [home](http://x.example)', ownerMemberId: 'm1', agency: 'health visiting',
  due: Temporal.PlainDate.from('2026-06-24'), agreedOn: Temporal.PlainDate.from('2026-05-27'), progressMeasure: 'Checklist', state: 'in-progress',
};
const agenda = { meetingId: '5b1d0c8e-0000-4000-8000-000000000002', chatId: '19:meeting_x@thread.v2', date: Temporal.PlainDate.from('2026-06-09'), startsAt: '2026-06-09T13:00:00Z', endsAt: '2026-06-09T14:30:00Z', started: true };
const agendaOptions = { minutesUrl: 'https://teams.microsoft.com/l/entity/app/minutes', refreshFor: ['29:a'] };
const obligation = { id: 'first-core-group', kind: 'first-core-group', due: Temporal.PlainDate.from('2026-06-10'), status: 'overdue', daysLate: 2, rule: 'First core group within 10 working days of the ICPC', source: { citation: 'x', verified: true } } as Obligation;

/** `count` core groups' statuses, most pressing first: the first overdue, the rest due. */
const caseload = (count: number) =>
  Array.from({ length: count }, (_, index) => ({ coreGroup: { id: `c${index}`, caseReference: `TEAM-${String(index + 1).padStart(4, '0')}`, policyId: 'england' }, role: 'team-manager' as const, obligations: [{ ...obligation, status: index === 0 ? ('overdue' as const) : ('due' as const) }], signals: [], actions: [action] }));

describe('every card parses as an Adaptive Card 1.5 without complaint', () => {
  test.each([
    ['help', helpCard(translatorFor('en'))],
    ['help for a professional', helpCard(translatorFor('en'), ['professional'])],
    ['help in Welsh', helpCard(translatorFor('cy'))],
    ['private details notice', privateDetailsCard(translatorFor('en'))],
    ['message', messageCard('Done')],
    ['plan with an action agreed before outcomes were chosen', planCard(EN, { caseReference: 'CP-1', names: new Map(), actions: [action], plan: { coreGroupId: 'c', version: 3, outcomes: [{ id: 'o1', text: 'Safe home' }], actions: [action], contingencyPlan: 'x', resources: 'y', monitoring: 'z' } })],
    ['review conferences', reviewCard(EN, { coreGroup: { id: ID, caseReference: 'CP-1' }, canRecord: true, reviews: [] })],
    ['status', statusCard(EN, [{ coreGroup: { id: 'c', caseReference: 'CP-1', policyId: 'england' }, role: 'lead-social-worker', obligations: [obligation], signals: [], actions: [action] }], TEAMS_APP_ID)],
    ['status, with a series booked', statusCard(EN, [{ coreGroup: { id: 'c', caseReference: 'CP-1', policyId: 'england' }, role: 'lead-social-worker', obligations: [obligation], signals: [], actions: [action], booked: series }], TEAMS_APP_ID)],
    ['status, no core groups', statusCard(EN, [], TEAMS_APP_ID)],
    ['status of a case that transferred in', statusCard(EN, [{ coreGroup: { id: 'c', caseReference: 'CP-1', policyId: 'england' }, transferredIn: { from: 'Leeds', on: Temporal.PlainDate.from('2026-06-01') }, role: 'lead-social-worker', obligations: [obligation], signals: [], actions: [action] }], TEAMS_APP_ID)],
    ['status of a caseload (a line a case)', statusCard(EN, caseload(7), TEAMS_APP_ID)],
    ['booked series, to move or cancel', bookedSeriesCard(EN, { coreGroupId: ID, caseReference: 'CP-1', series, teamsAppId: TEAMS_APP_ID, note: '✔ Moved' })],
    ['booked series that has met (no moving it whole)', bookedSeriesCard(EN, { coreGroupId: ID, caseReference: 'CP-1', series: { ...series, nextIsRecorded: false, joinUrl: undefined, chatId: undefined }, teamsAppId: TEAMS_APP_ID })],
    ['reschedule slots', rescheduleSlotsCard(EN, { caseReference: 'CP-1', part: { coreGroupId: ID, meetingId: ID, scope: 'one', occurrence: String(series.next.startMs) }, currentEndMs: series.next.endMs, offer: { obligation: { id: 'core-group', due: Temporal.PlainDate.from('2026-07-10'), rule: 'Every 4 weeks', status: 'due' }, unknownAvailability: [], proposal: { slots: [{ startMs: Date.UTC(2026, 5, 10, 13), endMs: Date.UTC(2026, 5, 10, 14, 30), date: Temporal.PlainDate.from('2026-06-10'), beforeDeadline: true, tentative: [], reason: 'all-free' }], deadline: Temporal.PlainDate.from('2026-07-10'), deadlineCanBeMet: true, blockers: [], unknownAvailability: [] } } })],
    ['tasks', tasksCard(wordsIn('en'), [{ coreGroupId: 'c', caseReference: 'CP-1', action }], '5b1d0c8e-0000-4000-8000-000000000001')],
    ['slots', slotsCard(EN, { coreGroupId: 'c', caseReference: 'CP-1', names: new Map([['m1', 'Grace']]), offer: { obligation: { id: 'first-core-group', due: Temporal.PlainDate.from('2026-06-10'), rule: 'First core group within 10 working days of the ICPC', status: 'due' }, unknownAvailability: ['m9'], proposal: { slots: [{ startMs: Date.UTC(2026, 5, 9, 13), endMs: Date.UTC(2026, 5, 9, 14, 30), date: Temporal.PlainDate.from('2026-06-09'), beforeDeadline: true, tentative: [], reason: 'all-free' }], deadline: Temporal.PlainDate.from('2026-06-10'), deadlineCanBeMet: false, blockers: [{ attendeeId: 'm1', blockedSlots: 4 }], unknownAvailability: ['m9'] } } })],
    ['booked', bookedCard(EN, { caseReference: 'CP-1', startMs: Date.UTC(2026, 5, 9, 13), endMs: Date.UTC(2026, 5, 9, 14, 30), joinUrl: 'https://teams.microsoft.com/l/meetup-join/x', chatReady: true })],
    ['plan', planCard(EN, { caseReference: 'CP-1', names: new Map([['m1', 'Grace (health visiting)']]), actions: [{ ...action, outcomeId: 'o1' }], plan: { coreGroupId: 'c', version: 2, outcomes: [{ id: 'o1', text: 'Safe home' }], actions: [{ ...action, outcomeId: 'o1' }], contingencyPlan: 'Strategy discussion', resources: 'Support worker', monitoring: 'Fortnightly visits' } })],
    ['escalate form', escalateCard(EN, { coreGroupId: 'c', caseReference: 'CP-1', requestId: 'r' })],
    [
      'escalate form, under the concerns raised and where their notices stand',
      escalateCard(EN, {
        coreGroupId: 'c',
        caseReference: 'CP-1',
        requestId: 'r',
        raised: [
          {
            concern: { id: 'k', coreGroupId: 'c', kind: 'drift-and-delay', raisedByMemberId: 'm', step: 0, status: 'open', raisedAt: '2026-06-03T09:30:00.000Z', stepStartedAt: '2026-06-03T09:30:00.000Z' },
            notices: [
              { displayName: 'Tom Okafor', delivery: undefined },
              { displayName: 'Priya Shah', delivery: { kind: 'concern', subjectId: 'k', memberId: 'p', channel: 'email', outcome: 'failed', detail: 'no Teams chat and no e-mail address', at: '2026-06-03T09:31:00.000Z' } },
            ],
          },
        ],
      }),
    ],
    ['concern raised', concernRaisedCard(EN, { caseReference: 'CP-1', kind: 'increased-risk', queuedFor: ['Priya Shah'] })],
    ['concern notification', concernNotificationCard(EN, { caseReference: 'CP-1', concern: 'increased-risk', raisedBy: 'Grace (health visiting)', raisedOn: '2026-06-03', note: 'Bruise seen [photo](http://x)', whatNext: 'decide on protective action' })],
    ['minutes', minutesCard(EN, { caseReference: 'CP-1', teamsAppId: TEAMS_APP_ID, last: { date: Temporal.PlainDate.from('2026-06-09'), drafted: true, chairSigned: true, managerSigned: false, sent: { thisVersion: 0 }, amended: false, circulation: { due: Temporal.PlainDate.from('2026-06-16'), status: 'overdue', daysLate: 2 } } })],
    [
      'minutes, amended after they went out',
      minutesCard(EN, { caseReference: 'CP-1', teamsAppId: TEAMS_APP_ID, last: { date: Temporal.PlainDate.from('2026-06-09'), drafted: true, chairSigned: false, managerSigned: false, sent: { thisVersion: 0, earlier: { version: 5, members: 7 } }, amended: true, circulation: { due: Temporal.PlainDate.from('2026-06-16'), status: 'met', daysLate: 0 } } }),
    ],
    ['minutes, with a series booked', minutesCard(EN, { caseReference: 'CP-1', teamsAppId: TEAMS_APP_ID, booked: series })],
    ['new core group form', newCoreGroupCard(EN, { policies: [{ id: 'england', name: 'England' }], requestId: 'r', error: 'member line 1: bad role' })],
    ['core group created', coreGroupCreatedCard(EN, { caseReference: 'CP-1', members: 5 })],
    ['tasks, answered', tasksCard(wordsIn('en'), [{ coreGroupId: 'c', caseReference: 'CP-1', action, answered: { actionId: action.id, memberId: 'm1', status: 'done', note: '', recordedAt: 'x' } }], '5b1d0c8e-0000-4000-8000-000000000001')],
    ['agenda, booked', agendaCard({ ...agenda, started: false }, agendaOptions)],
    ['agenda, meeting started', agendaCard(agenda, agendaOptions)],
    ['agenda, hybrid', agendaCard({ ...agenda, place: { mode: 'hybrid', venue: 'Family Centre, Room 2' } }, agendaOptions)],
    ['agenda, one member’s view', personalAgendaCard({ ...agenda, attendance: 'present', myActions: [{ what: 'Visit [weekly](http://x)', due: Temporal.PlainDate.from('2026-06-24'), lastCheckIn: 'at-risk' }] }, { ...agendaOptions, viewer: 'en' })],
    ...(['action-overdue', 'action-silent', 'member-absent', 'deadline-missed'] as const).map((kind) => [`signal: ${kind}`, signalCard(wordsIn('en'), { signal: kind, caseReference: 'CP-1', measure: 3, subject: 'Visit [weekly](http://x)', person: 'Grace (health visiting)', whatNext: 'discuss' })] as [string, object]),
    ['choose a case', chooseCaseCard(EN, { command: 'plan', title: 'Which case?', cases: [{ id: '5b1d0c8e-0000-4000-8000-000000000001', caseReference: 'CP-[1](http://x)', nextDeadline: { due: obligation.due, status: 'at-risk', rule: obligation.rule } }, { id: '5b1d0c8e-0000-4000-8000-000000000002', caseReference: 'CP-2' }] })],
    ['sign-off reminder', signOffReminderCard(wordsIn('en'), { caseReference: 'CP-1', meetingDate: '2026-06-09', circulationDue: '2026-06-16', meetingRole: 'chair', minutesUrl: agendaOptions.minutesUrl })],
  ])('%s', (_name, card) => {
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    expect(problems(card)).toEqual([]);
  });
});

test('the escalate form never offers a significant disagreement, and the action refuses it: it comes from the signed minutes', () => {
  const form = escalateCard(EN, { coreGroupId: ID, caseReference: 'CP-1', requestId: ID }) as { body: { type: string; choices?: { value: string }[] }[] };
  const offered = form.body.find((element) => element.type === 'Input.ChoiceSet')!.choices!.map((choice) => choice.value);
  expect(offered).toEqual([...RAISABLE_CONCERN_KINDS]);
  expect(offered).not.toContain('significant-disagreement');
  expect(raiseConcernAction.safeParse({ coreGroupId: ID, requestId: ID, kind: 'significant-disagreement', note: 'x' }).success).toBe(false);
  expect(raiseConcernAction.safeParse({ coreGroupId: ID, requestId: ID, kind: 'professional-disagreement', note: 'x' }).success).toBe(true);
});

test('slots read in UK time, across the clock change', () => {
  expect(EN.dates.timeSpan(Date.UTC(2026, 2, 30, 8), Date.UTC(2026, 2, 30, 9, 30))).toBe('Mon 30 Mar 2026, 09:00–10:30');
  expect(EN.dates.timeSpan(Date.UTC(2026, 9, 26, 9), Date.UTC(2026, 9, 26, 10, 30))).toBe('Mon 26 Oct 2026, 09:00–10:30');
});

describe('check-in buttons', () => {
  const card = tasksCard(wordsIn('en'), [{ coreGroupId: 'c', caseReference: 'CP-1', action }], 'p') as { body: { items?: { type: string; actions?: { type: string; verb: string; data: object; fallback: { type: string } }[] }[] }[] };
  const buttons = card.body[1]!.items!.find((item) => item.type === 'ActionSet')!.actions!;

  test('are Universal Actions with an Action.Submit fallback, carrying ids but no personal data', () => {
    expect(buttons.map((button) => button.type)).toEqual(['Action.Execute', 'Action.Execute', 'Action.Execute', 'Action.Execute']);
    expect(buttons.every((button) => button.fallback.type === 'Action.Submit')).toBe(true);
    expect(buttons[0]!.data).toEqual({ coreGroupId: 'c', actionId: 'action-visits', status: 'on-track', promptId: 'p', scope: 'case' });
  });

  test('the note is limited in length', () => {
    expect(card.body[1]!.items!.find((item) => item.type === 'Input.Text')).toMatchObject({ maxLength: 500 });
  });
});

describe('user text in cards', () => {
  test.each([
    ['a markdown link', '[click](https://evil.example)', /\]\(/],
    ['a bare URL', 'see https://evil.example', /https:\/\//],
    ['emphasis', '**shout**', /\*\*/],
    ['a mention', '<at>Priya</at>', /<at>/],
    ['a template function', '{{DATE(2026-06-01T09:00:00Z)}}', /{{/],
    ['a list', '- one\n1. two', /^(-|1\.) /m],
  ])('%s cannot take effect', (_case, text, pattern) => {
    expect(escapeCardText(text)).not.toMatch(pattern);
  });

  test('reads the same once the invisible breaks are removed', () => {
    const text = 'Visited [Tuesday] — mum **upset**; see https://x.example {{DATE()}} <at>x</at>';
    expect(escapeCardText(text).replace(/\u200B/g, '')).toBe(text);
  });
});

describe('the agenda card in the meeting chat', () => {
  test('refreshes automatically for at most 60 members, and escapes a member’s action text in their own view', () => {
    const many = Array.from({ length: 75 }, (_, index) => `29:user-${index}`);
    expect((agendaCard(agenda, { ...agendaOptions, refreshFor: many }) as { refresh: { userIds: string[] } }).refresh.userIds).toHaveLength(60);
    const mine = JSON.stringify(personalAgendaCard({ ...agenda, attendance: 'invited', myActions: [{ what: 'See [link](http://evil.example)', due: Temporal.PlainDate.from('2026-06-24') }] }, { ...agendaOptions, viewer: 'en' }));
    expect(mine).not.toContain('[link](http://evil.example)');
    expect(mine).toContain('mark-present');
  });
});

test('help shows its placeholders: "<what>" and "<date>" survive Teams, which drops text that looks like an HTML tag', () => {
  const titles = (helpCard(translatorFor('en')) as { body: { facts?: { title: string }[] }[] }).body.flatMap((element) => element.facts ?? []).map((fact) => fact.title);
  const action = titles.find((title) => title.startsWith('/coregroup action'))!;
  expect(action.replaceAll('\u200B', '')).toBe('/coregroup action <what> @owner by <date>');
  expect(titles.join(' ')).not.toMatch(/<[a-z]/i);
});

test('the slots card names the invitees whose availability is unknown, escaped', () => {
  const offer = { obligation: { id: 'first-core-group', due: Temporal.PlainDate.from('2026-06-10'), rule: 'First core group', status: 'due' as const }, unknownAvailability: ['m2', 'm3'], proposal: { slots: [], deadline: Temporal.PlainDate.from('2026-06-10'), deadlineCanBeMet: true, blockers: [], unknownAvailability: ['m2', 'm3'] } };
  const card = JSON.stringify(slotsCard(EN, { coreGroupId: 'c', caseReference: 'CP-1', names: new Map([['m2', 'Owen Price'], ['m3', 'Jordan [Ellis](http://x)']]), offer }));
  expect(card).toContain('Availability unknown for Owen Price and ');
  expect(card).not.toContain('[Ellis](http');
});

describe('the status card for a caseload', () => {
  test('a few cases in full; beyond five, a line a case with what is overdue and next', () => {
    expect(JSON.stringify(statusCard(EN, caseload(5), TEAMS_APP_ID))).toContain('No core group meeting is booked.');
    const text = JSON.stringify(statusCard(EN, caseload(6), TEAMS_APP_ID));
    expect(text).toContain('Your 6 core groups, most pressing first');
    expect(text).toContain('1 overdue · next: First core group within 10 working days of the ICPC by Wed 10 Jun 2026');
    expect(text).not.toContain('No core group meeting is booked.');
  });

  test('a team manager’s 150 cases: the 20 most pressing listed, the rest counted with how many of them are pressing too', () => {
    const text = JSON.stringify(statusCard(EN, caseload(150), TEAMS_APP_ID));
    expect(Buffer.byteLength(text)).toBeLessThan(28 * 1024);
    expect(text).toContain('TEAM-0020');
    expect(text).not.toContain('TEAM-0021');
    expect(text).toContain("And 130 more (none with a deadline overdue or at risk): the dashboard's team view lists every case.");
    const pressingLeftOut = caseload(150).map((status, index) => (index === 30 ? { ...status, obligations: [{ ...obligation, status: 'at-risk' as const }] } : status));
    expect(JSON.stringify(statusCard(EN, pressingLeftOut, TEAMS_APP_ID))).toContain('And 130 more (1 of them with a deadline overdue or at risk)');
    expect(JSON.stringify(statusCard(EN, caseload(20), TEAMS_APP_ID, { total: 150, pressing: 130 }))).toContain('And 130 more (all with a deadline overdue or at risk)');
  });
});

test('the status card says a case transferred in, from where and when, escaped', () => {
  const card = JSON.stringify(statusCard(EN, [{ coreGroup: { id: 'c', caseReference: 'CP-1', policyId: 'england' }, transferredIn: { from: 'Leeds [City](http://x) Council', on: Temporal.PlainDate.from('2026-06-01') }, role: 'lead-social-worker', obligations: [obligation], signals: [], actions: [action] }], TEAMS_APP_ID));
  expect(card).toContain(`Transferred in from ${escapeCardText('Leeds [City](http://x) Council')} on Mon 1 Jun 2026 (transfer-in conference).`);
  expect(JSON.stringify(statusCard(EN, [{ coreGroup: { id: 'c', caseReference: 'CP-1', policyId: 'england' }, role: 'lead-social-worker', obligations: [obligation], signals: [], actions: [action] }], TEAMS_APP_ID))).not.toContain('Transferred in');
});

test('the plan card never hides an action: one under no outcome of the plan is listed under "Other actions"', () => {
  const card = JSON.stringify(planCard(EN, { caseReference: 'CP-1', names: new Map(), actions: [{ ...action, what: 'Unfiled action' }], plan: { coreGroupId: 'c', version: 3, outcomes: [{ id: 'o1', text: 'Safe home' }], actions: [], contingencyPlan: 'x', resources: 'y', monitoring: 'z' } }));
  expect(card.indexOf('Other actions')).toBeGreaterThan(card.indexOf('Safe home'));
  expect(card).toContain('Unfiled action');
});

test('the agenda says where people meet: the venue of a meeting in person or hybrid, escaped; on Teams otherwise', () => {
  const hybrid = JSON.stringify(agendaCard({ ...agenda, place: { mode: 'hybrid', venue: 'Family Centre **Room 2**' } }, agendaOptions));
  expect(hybrid).not.toContain('**Room');
  expect(hybrid.replace(/\u200B/g, '')).toContain('Where: Family Centre **Room 2** and on Teams');
  expect(JSON.stringify(agendaCard(agenda, agendaOptions))).toContain('Where: on Teams');
});

describe('what the cards say about concern notices', () => {
  test('raising a concern says whose notice is queued and how it goes, never that they were told', () => {
    const card = JSON.stringify(concernRaisedCard(EN, { caseReference: 'CP-1', kind: 'drift-and-delay', queuedFor: ['Tom Okafor', 'Priya Shah'] }));
    expect(card).toContain('Queued for: Tom Okafor, Priya Shah — each is sent by Teams, or by e-mail where Teams cannot reach them.');
    expect(card).not.toMatch(/told/i);
  });

  test('the escalate list says where each concern stands on its route and what happened last, names made inert', () => {
    const concern = { id: 'k', coreGroupId: 'c', kind: 'tasks-not-done' as const, raisedByMemberId: 'm', step: 1, status: 'open' as const, raisedAt: '2026-06-03T09:30:00.000Z', stepStartedAt: '2026-06-17T09:00:00.000Z' };
    expect(concernStandingText(EN, concern, { id: 't', concernId: 'k', step: 1, kind: 'climbed', at: '2026-06-17T09:00:00.000Z' })).toBe('Step 2 of 3: with the agency managers or designated professionals · last: climbed automatically (not resolved in time) on Wed 17 Jun 2026');
    expect(concernStandingText(EN, { ...concern, status: 'refused', kind: 'extra-meeting-request', step: 0 }, { id: 't', concernId: 'k', step: 0, kind: 'refused', actorName: 'Tom [O](http://x)', at: '2026-06-04T09:00:00.000Z' })).not.toContain('[O](http');
    expect(concernStandingText(EN, { ...concern, status: 'resolved' }, undefined)).toBe('Resolved');
  });
});

describe('the minutes card counts what was sent', () => {
  test('an amended version nobody has had yet says so, and how far the earlier version went; the deadline met by it says the amendment is still to go', () => {
    const text = JSON.stringify(
      minutesCard(EN, { caseReference: 'CP-1', teamsAppId: TEAMS_APP_ID, last: { date: Temporal.PlainDate.from('2026-06-09'), drafted: true, chairSigned: false, managerSigned: false, sent: { thisVersion: 0, earlier: { version: 5, members: 7 } }, amended: true, circulation: { due: Temporal.PlainDate.from('2026-06-16'), status: 'met', daysLate: 0 } } }),
    );
    expect(text).toContain('the amended minutes: nobody yet (version 5 went to 7 members)');
    expect(text).toContain('Tue 16 Jun 2026 (met; the amended version is still to be circulated)');
    expect(text).not.toContain('0 member');
  });

  test('a version sent says to how many', () => {
    const text = JSON.stringify(minutesCard(EN, { caseReference: 'CP-1', teamsAppId: TEAMS_APP_ID, last: { date: Temporal.PlainDate.from('2026-06-09'), drafted: true, chairSigned: true, managerSigned: true, sent: { thisVersion: 7 }, amended: false } }));
    expect(text).toContain('"value":"7 members"');
  });
});

describe('the agenda in the group’s language', () => {
  test('a group writing in both: the shared card in Welsh then English, buttons saying both; one member’s own view in their language', () => {
    const shared = JSON.stringify(agendaCard({ ...agenda, place: { mode: 'hybrid', venue: 'Canolfan Deulu' }, language: 'both' }, agendaOptions));
    expect(shared.indexOf("Cyfarfod y grŵp craidd: mae'r cofnodion drafft ar agor")).toBeGreaterThan(-1);
    expect(shared.indexOf("Cyfarfod y grŵp craidd: mae'r cofnodion drafft ar agor")).toBeLessThan(shared.indexOf('Core group meeting: the draft minutes are open'));
    expect(shared).toContain('Ble: Canolfan Deulu ac ar Teams');
    expect(shared).toContain('Rwyf yma / I’m here');
    expect(shared).toContain('Agor y cofnodion / Open the minutes');
    const mine = JSON.stringify(personalAgendaCard({ ...agenda, language: 'both', attendance: 'present', myActions: [{ what: 'Ymweliad cartref', due: Temporal.PlainDate.from('2026-06-24'), lastCheckIn: 'on-track' }] }, { ...agendaOptions, viewer: 'cy' }));
    expect(mine).toContain("Dim ond chi sy'n gweld y rhan hon");
    expect(mine).toContain('Eich presenoldeb: yn bresennol');
    expect(mine).toMatch(/Ymweliad cartref — dyddiad dyledus Mer\W+24 Meh 2026, y diweddariad diwethaf ar y trywydd iawn/);
    expect(mine).not.toContain('Core group meeting');
    expect(problems(JSON.parse(shared) as object)).toEqual([]);
  });
});

describe('the notice cards in the reader’s language', () => {
  test('minutes, family notes and plan circulated, minutes returned and the sign-off reminder, in Welsh', () => {
    const welsh = wordsIn('cy');
    const cards = [
      minutesReadyCard(welsh, { caseReference: 'CP-1', meetingDate: '2026-06-08', minutesUrl: 'https://teams.microsoft.com/l/entity/app/minutes' }),
      familyVersionReadyCard(welsh, { meetingDate: '2026-06-08' }),
      planReadyCard(welsh, { caseReference: 'CP-1', meetingDate: '2026-06-08', planVersion: 3, dashboardUrl: 'https://teams.microsoft.com/l/entity/app/dashboard' }),
      minutesReturnedCard(welsh, { caseReference: 'CP-1', meetingDate: '2026-06-08', returnedBy: 'Tom Okafor', minutesUrl: undefined }),
      signOffReminderCard(welsh, { caseReference: 'CP-1', meetingDate: '2026-06-08', circulationDue: '2026-06-15', meetingRole: 'chair', minutesUrl: 'https://teams.microsoft.com/l/entity/app/minutes' }),
    ].map((card) => JSON.stringify(card));
    expect(cards[0]).toContain('Mae cofnodion y grŵp craidd yn barod');
    expect(cards[0]).toMatch(/cyfarfod y grŵp craidd ar Llun\W+8 Meh 2026/);
    expect(cards[1]).toContain('Nodiadau cyfarfod y grŵp craidd');
    expect(cards[2]).toContain('Mae fersiwn 3 o\'r cynllun ar gyfer achos CP-1');
    expect(cards[3]).toContain('anfonodd Tom Okafor y cofnodion yn ôl');
    expect(cards[4]).toContain('Mae cyfarfod y grŵp craidd wedi dod i ben');
    for (const card of cards) expect(card).not.toMatch(/ the (minutes|plan|notes) /);
  });
});
