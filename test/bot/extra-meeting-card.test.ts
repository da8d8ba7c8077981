import { Temporal } from 'temporal-polyfill';
import { bookedSeriesCard } from '../../bot/cards/booked-series.card';
import { extraMeetingCard, extraMeetingSection } from '../../bot/cards/extra-meeting.card';
import { bookedCard } from '../../bot/cards/schedule.card';
import { BOOK_EXTRA_MEETING_VERB, bookExtraMeetingAction } from '../../src/contracts/card-actions.contract';
import { wordsIn } from '../../src/i18n/words';
import type { BookedSeries, ExtraMeetingOffer } from '../../src/services/scheduling.service';
import { problems } from '../support/adaptive-cards';

const EN = wordsIn('en');
const TEAMS_APP_ID = 'a1b2c3d4-0000-4000-8000-000000000001';
const CORE_GROUP = '5b1d0c8e-0000-4000-8000-000000000001';
const CONCERN = '5b1d0c8e-0000-4000-8000-000000000007';
const series: BookedSeries = {
  meetingId: '5b1d0c8e-0000-4000-8000-000000000009',
  next: { startMs: Date.UTC(2026, 5, 9, 13), endMs: Date.UTC(2026, 5, 9, 14, 30) },
  nextIsRecorded: true,
  joinUrl: 'https://teams.microsoft.com/l/meetup-join/x',
  chatId: '19:meeting_x@thread.v2',
  replies: [{ memberId: 'm1', name: 'Priya Shah', reply: 'organiser' }],
};
const slot = (day: number, beforeDeadline = true) => ({ startMs: Date.UTC(2026, 5, day, 9), endMs: Date.UTC(2026, 5, day, 10, 30), date: Temporal.PlainDate.from(`2026-06-${String(day).padStart(2, '0')}`), beforeDeadline, tentative: [], reason: 'all-free' as const });
const offer = (slots: ReturnType<typeof slot>[]): ExtraMeetingOffer => ({
  concernId: CONCERN,
  grantedOn: Temporal.PlainDate.from('2026-06-03'),
  within: Temporal.PlainDate.from('2026-06-17'),
  proposal: { slots, deadline: Temporal.PlainDate.from('2026-06-17'), deadlineCanBeMet: slots.some((each) => each.beforeDeadline), blockers: [], unknownAvailability: [] },
  names: new Map(),
});

/** Every element of a card, depth first. */
const elements = (node: unknown): Record<string, unknown>[] => {
  if (Array.isArray(node)) return node.flatMap(elements);
  if (!node || typeof node !== 'object') return [];
  return [node as Record<string, unknown>, ...Object.values(node).flatMap(elements)];
};

describe('the extra core group on /coregroup schedule', () => {
  test.each([
    ['below the booked series', bookedSeriesCard(EN, { coreGroupId: CORE_GROUP, caseReference: 'CP-1', series, teamsAppId: TEAMS_APP_ID, extra: extraMeetingSection(EN, { coreGroupId: CORE_GROUP, offer: offer([slot(4), slot(5)]) }) })],
    ['alone, no series running', extraMeetingCard(EN, { coreGroupId: CORE_GROUP, caseReference: 'CP-[1](http://x)', offer: offer([slot(4)]) })],
    ['nothing free', extraMeetingCard(EN, { coreGroupId: CORE_GROUP, caseReference: 'CP-1', offer: offer([]) })],
    ['booked', bookedCard(EN, { caseReference: 'CP-1', startMs: Date.UTC(2026, 5, 4, 9), endMs: Date.UTC(2026, 5, 4, 10, 30), chatReady: true, extra: true })],
  ])('%s parses as an Adaptive Card 1.5', (_name, card) => {
    expect(problems(card)).toEqual([]);
  });

  test('under the series: its buttons stay with it, then the grant, the slots soonest first and a Book button that carries the grant', () => {
    const card = bookedSeriesCard(EN, { coreGroupId: CORE_GROUP, caseReference: 'CP-1', series, teamsAppId: TEAMS_APP_ID, extra: extraMeetingSection(EN, { coreGroupId: CORE_GROUP, offer: offer([slot(4), slot(18, false)]) }) }) as { body: Record<string, unknown>[]; actions?: unknown };
    expect(card.actions).toBeUndefined();
    const texts = card.body.filter((element) => element.type === 'TextBlock').map((element) => element.text);
    expect(texts).toContain('Extra core group granted on Wed 3 Jun 2026: choose a slot');
    expect(card.body.findIndex((element) => element.type === 'ActionSet')).toBeLessThan(card.body.findIndex((element) => element.text === 'Extra core group granted on Wed 3 Jun 2026: choose a slot'));
    const choices = elements(card).find((element) => element.type === 'Input.ChoiceSet' && element.id === 'slot')!;
    expect(choices).toMatchObject({ value: String(Date.UTC(2026, 5, 4, 9)), choices: [{ title: 'Thu 4 Jun 2026, 10:00–11:30' }, { title: 'Thu 18 Jun 2026, 10:00–11:30 — after Wed 17 Jun 2026' }] });
    const book = elements(card).find((element) => element.type === 'Action.Execute' && element.verb === BOOK_EXTRA_MEETING_VERB)!;
    expect(book).toMatchObject({ title: 'Book the extra core group', data: { coreGroupId: CORE_GROUP, concernId: CONCERN }, associatedInputs: 'auto' });
    expect(bookExtraMeetingAction.parse({ ...(book.data as object), slot: String(Date.UTC(2026, 5, 4, 9)), mode: 'online' })).toMatchObject({ concernId: CONCERN });
  });

  test('alone: the case reference escaped; with nothing free, no button', () => {
    expect(JSON.stringify(extraMeetingCard(EN, { coreGroupId: CORE_GROUP, caseReference: 'CP-[1](http://x)', offer: offer([slot(4)]) }))).not.toContain('](http://x)');
    const empty = extraMeetingCard(EN, { coreGroupId: CORE_GROUP, caseReference: 'CP-1', offer: offer([]) });
    expect(elements(empty).filter((element) => element.type === 'Action.Execute')).toEqual([]);
  });

  test('booked: a single meeting, the series left as it is', () => {
    const card = JSON.stringify(bookedCard(EN, { caseReference: 'CP-1', startMs: Date.UTC(2026, 5, 4, 9), endMs: Date.UTC(2026, 5, 4, 10, 30), chatReady: true, extra: true }));
    expect(card).toContain('Extra core group booked — case CP-1');
    expect(card).toContain('it is a single meeting, and the series stays as it is');
    expect(card).not.toContain('repeats');
  });
});
