import { Temporal } from 'temporal-polyfill';
import { wordsIn } from '../../src/i18n/words';
import { personalAgendaCard } from '../../bot/cards/agenda.card';
import { concernDecidedCard, concernNotificationCard, concernRaisedCard, escalateCard } from '../../bot/cards/escalate.card';
import { newCoreGroupCard } from '../../bot/cards/new-core-group.card';
import { planCard } from '../../bot/cards/plan.card';
import { reviewCard } from '../../bot/cards/review.card';
import { slotsCard } from '../../bot/cards/schedule.card';
import { signalCard } from '../../bot/cards/signal.card';
import { tasksCard } from '../../bot/cards/tasks.card';
import { renderOutboundCard } from '../../bot/outbound-cards';
import { plainUserText } from '../../src/domain/display-text';
import type { CheckIn, PlanAction } from '../../src/domain/plan';
import { problems } from '../support/adaptive-cards';
import { attack } from './support/attack';
import { DIRECTIONAL, LONG_WORD, MARKUP } from './support/hostile-record';

/** The words of the English cards. */
const EN = wordsIn('en');

/** Links Teams could make from text: other schemes, protocol-relative, bare domains and e-mail addresses, a list, a heading. */
const LINKS = 'ftp://evil.example/x //evil.example/y evil.example.com/login javascript:alert(1) msteams:/l/chat/0/0?users=x grace@nhs.example\n- item\n# heading';
/** Markup, templates and links, and a word wider than any card. */
const ACTIVE_TEXT = `${MARKUP} ${LINKS} ${LONG_WORD}`;
/** A right-to-left name with directional formatting around "owner" and "due", meant to make a line read otherwise. */
const REORDERING = `אליס ${DIRECTIONAL} owner \u202Edue 2026-01-05`;

/** Every piece of text a card shows: TextBlock text, FactSet titles and values, choice titles. */
function shownTexts(card: unknown): string[] {
  if (Array.isArray(card)) return card.flatMap(shownTexts);
  if (!card || typeof card !== 'object') return [];
  const element = card as Record<string, unknown>;
  const own = ['text', 'value', 'title'].map((key) => element[key]).filter((value): value is string => typeof value === 'string');
  return [...own, ...Object.values(element).flatMap(shownTexts)];
}

const DIRECTIONAL_CHARACTER = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/;
/** A FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE span with no other directional character inside. */
const ISOLATED = /\u2068[^\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]*\u2069/g;
const ID = '5b1d0c8e-0000-4000-8000-000000000001';
/** What would make typed text active in a Teams card. */
const ACTIVE: readonly [string, RegExp][] = [
  ['a markdown link or image', /\]\(/],
  ['emphasis', /\*\*|(^|\s)_\S/],
  ['a mention or HTML', /<(at|script)/i],
  ['a template function or expression', /{{|\$\{/],
  ['a URL with a scheme', /[a-z]:\/?\/?[a-z]/i],
  ['a protocol-relative URL', /(^|\s)\/\/[a-z]/i],
  ['a bare domain or e-mail address', /[a-z0-9]\.[a-z]{2,}/i],
  ['a list or heading', /^\s*([-+*#]|\d+\.)\s/m],
];

/** Each card that shows user text, with `hostile` as every piece of it. */
function cardsShowing(hostile: string): readonly [string, object][] {
  const action: PlanAction & { lastCheckIn: CheckIn } = {
    id: 'a1', outcomeId: 'o1', what: hostile, ownerMemberId: 'm1', agency: hostile, due: Temporal.PlainDate.from('2026-06-24'), agreedOn: Temporal.PlainDate.from('2026-05-27'), progressMeasure: hostile, state: 'in-progress',
    lastCheckIn: { actionId: 'a1', memberId: 'm1', status: 'at-risk', note: hostile, recordedAt: '2026-06-01T10:00:00Z' },
  };
  const names = new Map([['m1', hostile]]);
  const offer = { obligation: { id: 'core-group', due: Temporal.PlainDate.from('2026-06-10'), rule: 'Core group within 10 working days', status: 'due' }, unknownAvailability: [], proposal: { slots: [], deadline: Temporal.PlainDate.from('2026-06-10'), deadlineCanBeMet: false, blockers: [{ attendeeId: 'm1', blockedSlots: 4 }], unknownAvailability: [] } };
  return [
    ['tasks (check-in prompt)', tasksCard(wordsIn('en'), [{ coreGroupId: ID, caseReference: 'CP-1', action }], ID)],
    ['plan', planCard(EN, { caseReference: 'CP-1', names, actions: [action], plan: { coreGroupId: ID, version: 2, outcomes: [{ id: 'o1', text: hostile }], actions: [action], contingencyPlan: hostile, resources: hostile, monitoring: hostile } })],
    ['review conferences (who chaired)', reviewCard(EN, { coreGroup: { id: ID, caseReference: 'CP-1' }, canRecord: true, reviews: [{ id: ID, coreGroupId: ID, date: Temporal.PlainDate.from('2026-06-01'), status: 'held', outcome: 'continue', chairName: hostile, nextReviewOn: Temporal.PlainDate.from('2026-11-20') }] })],
    ['signal', signalCard(wordsIn('en'), { signal: 'action-overdue', caseReference: 'CP-1', measure: 3, subject: hostile, person: hostile, whatNext: 'discuss it' })],
    ['concern notification', concernNotificationCard(EN, { caseReference: 'CP-1', concern: 'increased-risk', raisedBy: hostile, raisedOn: '2026-06-03', note: hostile, whatNext: 'decide' })],
    ['concern escalated to a later step', concernNotificationCard(EN, { caseReference: 'CP-1', concern: 'increased-risk', raisedBy: hostile, raisedOn: '2026-06-03', note: hostile, whatNext: 'decide', reached: { step: 2, of: 2 } })],
    ['extra core group refused', concernDecidedCard(EN, { caseReference: 'CP-1', decision: 'refused', decidedBy: hostile, reason: hostile, takeFurther: 'the Children Services co-ordinator', dashboardUrl: 'https://teams.microsoft.com/l/entity/app/dashboard' })],
    ['extra core group granted', concernDecidedCard(EN, { caseReference: 'CP-1', decision: 'granted', decidedBy: hostile, scheduleCommand: 'schedule CP-1', dashboardUrl: 'https://teams.microsoft.com/l/entity/app/dashboard' })],
    ['concern raised (whose notice is queued)', concernRaisedCard(EN, { caseReference: 'CP-1', kind: 'increased-risk', queuedFor: [hostile, hostile] })],
    [
      'escalate form (where each notice stands)',
      escalateCard(EN, {
        coreGroupId: ID,
        caseReference: 'CP-1',
        requestId: ID,
        raised: [{ concern: { id: ID, coreGroupId: ID, kind: 'increased-risk', raisedByMemberId: 'm1', step: 0, status: 'open', raisedAt: '2026-06-03T09:30:00.000Z', stepStartedAt: '2026-06-03T09:30:00.000Z' }, lastTransition: { id: ID, concernId: ID, step: 0, kind: 'acknowledged', actorName: hostile, at: '2026-06-04T09:00:00.000Z' }, notices: [{ displayName: hostile, delivery: { kind: 'concern', subjectId: ID, memberId: 'm1', channel: 'email', outcome: 'failed', detail: hostile, at: '2026-06-03T09:31:00.000Z' } }] }],
      }),
    ],
    ['member’s own agenda view', personalAgendaCard({ meetingId: ID, chatId: '19:x@thread.v2', date: Temporal.PlainDate.from('2026-06-09'), started: true, attendance: 'present', myActions: [{ what: hostile, due: Temporal.PlainDate.from('2026-06-24') }] }, { minutesUrl: 'https://teams.microsoft.com/l/entity/app/minutes', refreshFor: [], viewer: 'en' })],
    ['slots (who blocks them)', slotsCard(EN, { coreGroupId: ID, caseReference: 'CP-1', names, offer } as never)],
    ['set-up form (an error quoting the input)', newCoreGroupCard(EN, { policies: [{ id: 'england', name: 'England' }], requestId: ID, error: hostile })],
    ['check-in missing', renderOutboundCard({ kind: 'check-in-missing', caseReference: 'CP-1', memberName: hostile, agency: hostile, askedOn: '2026-06-05' }, { teamsAppId: 'app', words: wordsIn('en') })],
    ['institution letter (who and where)', renderOutboundCard({ kind: 'institution-task', caseReference: 'CP-1', task: { person: hostile, kind: 'prison', institution: hostile } }, { teamsAppId: 'app', words: wordsIn('cy') })],
    ['welcome (the lead social worker)', renderOutboundCard({ kind: 'member-welcome', caseReference: 'CP-1', asPosition: 'health visitor', leadSocialWorker: hostile }, { teamsAppId: 'app', words: wordsIn('cy') })],
    ['plan not received (who says so)', renderOutboundCard({ kind: 'plan-not-received', caseReference: 'CP-1', member: hostile, meetingDate: '2026-06-09', resending: false }, { teamsAppId: 'app', words: wordsIn('cy') })],
  ];
}

/** A card's text as a reader sees it: without the invisible breaks and isolates. */
const read = (text: string) => text.replace(/[\u200B\u2068\u2069]/g, '');

describe('user text in Adaptive Cards', () => {
  for (const [name, card] of cardsShowing(REORDERING)) {
    attack(`directional overrides, embeddings and isolates in user text cannot reorder the ${name} card's text around them: each piece is isolated and carries none of its own`, () => {
      const texts = shownTexts(card);
      expect(problems(card)).toEqual([]);
      expect(texts.filter((text) => DIRECTIONAL_CHARACTER.test(text.replace(ISOLATED, '')))).toEqual([]);
      expect(texts.filter((text) => text.match(ISOLATED)?.some((span) => read(span).includes(plainUserText(REORDERING))))).not.toEqual([]);
    });
  }

  for (const [name, card] of cardsShowing(ACTIVE_TEXT)) {
    attack(`markdown, mentions, templates, other URL schemes, bare domains and addresses in user text stay inert in the ${name} card, and read as typed`, () => {
      const showingIt = shownTexts(card).filter((text) => read(text).includes(ACTIVE_TEXT));
      expect(problems(card)).toEqual([]);
      expect(showingIt).not.toEqual([]);
      expect(ACTIVE.filter(([, pattern]) => showingIt.some((text) => pattern.test(text))).map(([what]) => what)).toEqual([]);
    });
  }
});
