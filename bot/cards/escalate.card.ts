import { RAISE_CONCERN_VERB, type RaiseConcernAction, type SubmittedCardAction } from '../../src/contracts/card-actions.contract';
import type { ConcernTransition } from '../../src/domain/concern-steps';
import { CONCERN_LABELS, type ConcernKind, RAISABLE_CONCERN_KINDS, escalationRoute, stepWords } from '../../src/domain/escalation';
import { noticeStateText } from '../../src/domain/notice-delivery';
import type { ConcernNotices } from '../../src/services/concern.service';
import type { Concern } from '../../src/services/ports/store.port';
import type { ConcernDecidedMessage, ConcernRaisedMessage } from '../../src/services/ports/notifier.port';
import { adaptiveCard, heading, line } from './card';
import { escapeCardText } from './escape';
import { ukDate } from '../../src/domain/uk-date';

/** The inputs the form adds to the button's data. */
const INPUT: { readonly [K in Exclude<keyof RaiseConcernAction, 'coreGroupId' | 'requestId'>]: K } = { kind: 'kind', note: 'note' };

/** The concerns the card lists: the caller's latest. */
export const CONCERNS_LISTED = 3;

/** What happened to a concern last, in words: "escalated by Tom Okafor on Thu 4 Jun 2026". */
const TRANSITION_WORDS: Readonly<Record<ConcernTransition['kind'], string>> = {
  raised: 'raised',
  told: 'told',
  acknowledged: 'acknowledged',
  escalated: 'escalated',
  climbed: 'climbed automatically (not resolved in time)',
  resolved: 'resolved',
  granted: 'granted',
  refused: 'refused',
  booked: 'extra core group booked',
};

/** Where a concern stands on its route: its step and who it is with, or closed; and what happened last. */
export function concernStandingText(concern: Concern, last: ConcernTransition | undefined): string {
  const steps = escalationRoute(concern.kind).steps.length;
  const where = concern.status === 'open' ? `Step ${concern.step + 1} of ${steps}: with ${stepWords(concern.kind, concern.step)}` : concern.status === 'resolved' ? 'Resolved' : 'Refused';
  if (!last) return where;
  const by = last.actorName ? ` by ${escapeCardText(last.actorName)}` : '';
  return `${where} · last: ${TRANSITION_WORDS[last.kind]}${by} on ${ukDate(last.at.slice(0, 10))}`;
}

/** The caller's latest concerns about the case, where each stands, and where each person's first notice stands. */
function raisedSection(raised: readonly ConcernNotices[]): object[] {
  if (raised.length === 0) return [];
  return [
    line('Concerns you raised', { weight: 'Bolder' }),
    ...raised.slice(0, CONCERNS_LISTED).flatMap(({ concern, lastTransition, notices }) => [
      line(`${CONCERN_LABELS[concern.kind]} — ${ukDate(concern.raisedAt.slice(0, 10))}`),
      line(concernStandingText(concern, lastTransition), { isSubtle: true }),
      ...(notices.length > 0 ? notices.map((notice) => line(`${escapeCardText(notice.displayName)}: ${escapeCardText(noticeStateText(notice.delivery))}`, { isSubtle: true })) : [line('Nobody held the role to tell first.', { isSubtle: true })]),
    ]),
  ];
}

/** The form for raising a concern about a core group (1:1), under the caller's latest concerns and where their notices stand. */
export function escalateCard(options: { coreGroupId: string; caseReference: string; requestId: string; raised?: readonly ConcernNotices[] }): object {
  const data: Pick<RaiseConcernAction, 'coreGroupId' | 'requestId'> = { coreGroupId: options.coreGroupId, requestId: options.requestId };
  const submitted: SubmittedCardAction<typeof data> = { ...data, verb: RAISE_CONCERN_VERB };
  return adaptiveCard(
    [
      heading(`Raise a concern — case ${escapeCardText(options.caseReference)}`),
      line('It is recorded, and a notice is queued for each person the escalation procedure names (by Teams, or by e-mail where Teams cannot reach them).', { isSubtle: true }),
      ...raisedSection(options.raised ?? []),
      {
        type: 'Input.ChoiceSet',
        id: INPUT.kind,
        label: 'What is the concern?',
        isRequired: true,
        errorMessage: 'Choose what the concern is about',
        choices: RAISABLE_CONCERN_KINDS.map((value) => ({ title: CONCERN_LABELS[value], value })),
      },
      { type: 'Input.Text', id: INPUT.note, label: 'What is happening?', isMultiline: true, isRequired: true, maxLength: 1000, errorMessage: 'Say briefly what is happening' },
    ],
    [
      {
        type: 'Action.Execute',
        verb: RAISE_CONCERN_VERB,
        title: 'Raise the concern',
        data,
        associatedInputs: 'auto',
        fallback: { type: 'Action.Submit', title: 'Raise the concern', data: submitted },
      },
    ],
  );
}

/** The answer to the person who raised it: recorded, and whose notice is queued (not yet sent: a job sends each). */
export function concernRaisedCard(options: { caseReference: string; kind: ConcernKind; queuedFor: readonly string[] }): object {
  return adaptiveCard([
    heading(`Concern raised — case ${escapeCardText(options.caseReference)}`),
    line(`✔ ${CONCERN_LABELS[options.kind]}. It is recorded.`),
    line(
      options.queuedFor.length > 0
        ? `Queued for: ${options.queuedFor.map(escapeCardText).join(', ')} — each is sent by Teams, or by e-mail where Teams cannot reach them.`
        : 'Nobody in the core group holds the role to tell first; please contact the team manager directly.',
      { isSubtle: true },
    ),
  ]);
}

/** Why a concern reached someone at a later step of its route. */
function reachedLine(reached: NonNullable<ConcernRaisedMessage['reached']>): object {
  return line(`It has come to you at step ${reached.step} of ${reached.of}: it was not resolved at the step before.`, { weight: 'Bolder' });
}

/** The 1:1 card to someone a concern is routed to: raised, or climbed to their step. */
export function concernNotificationCard(options: Omit<ConcernRaisedMessage, 'kind'>): object {
  return adaptiveCard([
    heading(`${options.reached ? 'Concern escalated' : 'Concern raised'} — case ${escapeCardText(options.caseReference)}`),
    line(CONCERN_LABELS[options.concern], { weight: 'Bolder' }),
    ...(options.reached ? [reachedLine(options.reached)] : []),
    line(`Raised by ${escapeCardText(options.raisedBy)} on ${ukDate(options.raisedOn)}.`, { isSubtle: true }),
    line(escapeCardText(options.note)),
    line(`What the procedure asks of you: ${escapeCardText(options.whatNext)}.`, { isSubtle: true }),
  ]);
}

/**
 * The 1:1 card to the member who asked for an extra core group, and the lead social worker: granted
 * (with how to book it: the schedule command) or refused, with the
 * reason and who the refusal may be taken to (seed 001: the co-ordinator, from the dashboard).
 */
export function concernDecidedCard(options: Omit<ConcernDecidedMessage, 'kind'> & { dashboardUrl: string }): object {
  const granted = options.decision === 'granted';
  const body = [
    heading(`Extra core group ${granted ? 'granted' : 'refused'} — case ${escapeCardText(options.caseReference)}`),
    line(`${granted ? 'Granted' : 'Refused'} by ${escapeCardText(options.decidedBy)}.`, { isSubtle: true }),
    ...(options.reason ? [line(`Reason: ${escapeCardText(options.reason)}`)] : []),
    ...(options.scheduleCommand ? [line(`To book it, send \`${escapeCardText(options.scheduleCommand)}\` to the Core Group app.`)] : []),
    ...(options.takeFurther ? [line(`If you disagree you can take it to ${escapeCardText(options.takeFurther)}: use "Take it further" on the dashboard.`)] : []),
  ];
  return adaptiveCard(body, [{ type: 'Action.OpenUrl', title: 'Open the dashboard', url: options.dashboardUrl }]);
}
