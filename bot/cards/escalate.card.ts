import { RAISE_CONCERN_VERB, type RaiseConcernAction, type SubmittedCardAction } from '../../src/contracts/card-actions.contract';
import type { ConcernTransition } from '../../src/domain/concern-steps';
import { type ConcernKind, RAISABLE_CONCERN_KINDS, escalationRoute } from '../../src/domain/escalation';
import { type NoticeDelivery, type NoticeReason, noticeReasonOf } from '../../src/domain/notice-delivery';
import type { Words } from '../../src/i18n/words';
import type { ConcernNotices } from '../../src/services/concern.service';
import { stepToIn } from '../../src/services/notifications/escalation-words';
import type { Concern } from '../../src/services/ports/store.port';
import type { ConcernDecidedMessage, ConcernRaisedMessage } from '../../src/services/ports/notifier.port';
import { adaptiveCard, heading, line } from './card';
import { escapeCardText } from './escape';

/** The inputs the form adds to the button's data. */
const INPUT: { readonly [K in Exclude<keyof RaiseConcernAction, 'coreGroupId' | 'requestId'>]: K } = { kind: 'kind', note: 'note' };

/** The concerns the card lists: the caller's latest. */
export const CONCERNS_LISTED = 3;

/**
 * Where a concern stands on its route, in the reader's language: its step and who it is with, or
 * closed; and what happened last ("escalated by Tom Okafor on Thu 4 Jun 2026").
 */
export function concernStandingText(words: Words, concern: Concern, last: ConcernTransition | undefined): string {
  const { t, dates } = words;
  const steps = escalationRoute(concern.kind).steps.length;
  const where = concern.status === 'open' ? t('escalate.atStep', { step: concern.step + 1, steps, who: stepToIn(words, concern.kind, concern.step) }) : t(`escalate.closed.${concern.status}`);
  if (!last) return where;
  const values = { where, what: t(`escalate.transition.${last.kind}`), date: dates.date(last.at.slice(0, 10)) };
  return last.actorName ? t('escalate.lastBy', { ...values, actor: escapeCardText(last.actorName) }) : t('escalate.last', values);
}

/** Why a notice did not go, in the reader's language; a reason stored in no known form, as it was stored. */
function noticeReasonText({ t }: Words, reason: NoticeReason): string {
  switch (reason.code) {
    case 'attempt-failed':
      return t('escalate.noticeReason.attempt-failed', { attempt: reason.attempt, error: reason.error });
    case 'gave-up':
      return reason.error === undefined ? t('escalate.noticeReason.gave-upNoError', { count: reason.attempts }) : t('escalate.noticeReason.gave-up', { count: reason.attempts, error: reason.error });
    case 'as-recorded':
      return reason.text;
    default:
      return t(`escalate.noticeReason.${reason.code}`);
  }
}

/**
 * Where a notice stands, in the reader's language: queued, queued and retrying, sent by Teams or
 * by e-mail, or failed, with why (worded from the reason's facts).
 */
export function noticeState(words: Words, delivery: Pick<NoticeDelivery, 'channel' | 'outcome' | 'detail'> | undefined): string {
  const { t } = words;
  if (!delivery) return t('escalate.notice.queued');
  const reason = delivery.detail === undefined ? t('escalate.notice.noReason') : noticeReasonText(words, noticeReasonOf(delivery.detail));
  if (delivery.outcome === 'failed') return t('escalate.notice.failed', { reason });
  if (delivery.outcome === 'retrying') return t(delivery.channel === 'teams' ? 'escalate.notice.retryingTeams' : 'escalate.notice.retryingEmail', { reason });
  return t(delivery.channel === 'teams' ? 'escalate.notice.sentTeams' : 'escalate.notice.sentEmail');
}

/** The caller's latest concerns about the case, where each stands, and where each person's first notice stands. */
function raisedSection(words: Words, raised: readonly ConcernNotices[]): object[] {
  const { t, dates } = words;
  if (raised.length === 0) return [];
  return [
    line(t('escalate.youRaised'), { weight: 'Bolder' }),
    ...raised.slice(0, CONCERNS_LISTED).flatMap(({ concern, lastTransition, notices }) => [
      line(t('escalate.raisedOn', { concern: t(`labels.concern.${concern.kind}`), date: dates.date(concern.raisedAt.slice(0, 10)) })),
      line(concernStandingText(words, concern, lastTransition), { isSubtle: true }),
      ...(notices.length > 0
        ? notices.map((notice) => {
            const state = escapeCardText(noticeState(words, notice.delivery));
            return line(notice.displayName === undefined ? t('escalate.noticeToFormer', { state }) : t('escalate.noticeTo', { name: escapeCardText(notice.displayName), state }), { isSubtle: true });
          })
        : [line(t('escalate.nobodyToTell'), { isSubtle: true })]),
    ]),
  ];
}

/** The form for raising a concern about a core group (1:1), in the reader's language, under the caller's latest concerns and where their notices stand. */
export function escalateCard(words: Words, options: { coreGroupId: string; caseReference: string; requestId: string; raised?: readonly ConcernNotices[] }): object {
  const { t } = words;
  const data: Pick<RaiseConcernAction, 'coreGroupId' | 'requestId'> = { coreGroupId: options.coreGroupId, requestId: options.requestId };
  const submitted: SubmittedCardAction<typeof data> = { ...data, verb: RAISE_CONCERN_VERB };
  return adaptiveCard(
    [
      heading(t('escalate.title', { caseReference: escapeCardText(options.caseReference) })),
      line(t('escalate.intro'), { isSubtle: true }),
      ...raisedSection(words, options.raised ?? []),
      {
        type: 'Input.ChoiceSet',
        id: INPUT.kind,
        label: t('escalate.kindLabel'),
        isRequired: true,
        errorMessage: t('escalate.kindError'),
        choices: RAISABLE_CONCERN_KINDS.map((value) => ({ title: t(`labels.concern.${value}`), value })),
      },
      { type: 'Input.Text', id: INPUT.note, label: t('escalate.noteLabel'), isMultiline: true, isRequired: true, maxLength: 1000, errorMessage: t('escalate.noteError') },
    ],
    [
      {
        type: 'Action.Execute',
        verb: RAISE_CONCERN_VERB,
        title: t('escalate.raise'),
        data,
        associatedInputs: 'auto',
        fallback: { type: 'Action.Submit', title: t('escalate.raise'), data: submitted },
      },
    ],
  );
}

/** The answer to the person who raised it, in their language: recorded, and whose notice is queued (not yet sent: a job sends each). */
export function concernRaisedCard(words: Words, options: { caseReference: string; kind: ConcernKind; queuedFor: readonly string[] }): object {
  const { t } = words;
  return adaptiveCard([
    heading(t('escalate.raisedTitle', { caseReference: escapeCardText(options.caseReference) })),
    line(t('escalate.recorded', { concern: t(`labels.concern.${options.kind}`) })),
    line(options.queuedFor.length > 0 ? t('escalate.queuedFor', { names: options.queuedFor.map(escapeCardText).join(', ') }) : t('escalate.nobodyHoldsRole'), { isSubtle: true }),
  ]);
}

/**
 * The 1:1 card to someone a concern is routed to, in their language: raised, or climbed to their
 * step (and why it reached them).
 */
export function concernNotificationCard({ t, dates }: Words, options: Omit<ConcernRaisedMessage, 'kind'>): object {
  const caseReference = escapeCardText(options.caseReference);
  return adaptiveCard([
    heading(t(options.reached ? 'concernCard.escalatedHeading' : 'concernCard.raisedHeading', { caseReference })),
    line(t(`labels.concern.${options.concern}`), { weight: 'Bolder' }),
    ...(options.reached ? [line(t('concernCard.reached', { step: options.reached.step, of: options.reached.of }), { weight: 'Bolder' })] : []),
    line(t('concernCard.raisedBy', { raisedBy: escapeCardText(options.raisedBy), date: dates.date(options.raisedOn) }), { isSubtle: true }),
    line(escapeCardText(options.note)),
    line(t('concernCard.whatNext', { whatNext: escapeCardText(options.whatNext) }), { isSubtle: true }),
  ]);
}

/**
 * The 1:1 card to the member who asked for an extra core group, and the lead social worker, in
 * their language: granted (with how to book it: the schedule command) or refused, with the
 * reason and who the refusal may be taken to (seed 001: the co-ordinator, from the dashboard).
 */
export function concernDecidedCard({ t }: Words, options: Omit<ConcernDecidedMessage, 'kind'> & { dashboardUrl: string }): object {
  const granted = options.decision === 'granted';
  const decidedBy = escapeCardText(options.decidedBy);
  const body = [
    heading(t(granted ? 'concernCard.grantedHeading' : 'concernCard.refusedHeading', { caseReference: escapeCardText(options.caseReference) })),
    line(t(granted ? 'concernCard.grantedBy' : 'concernCard.refusedBy', { decidedBy }), { isSubtle: true }),
    ...(options.reason ? [line(t('concernCard.reason', { reason: escapeCardText(options.reason) }))] : []),
    ...(options.scheduleCommand ? [line(t('concernCard.toBook', { command: escapeCardText(options.scheduleCommand) }))] : []),
    ...(options.takeFurther ? [line(t('concernCard.takeFurther', { takeFurther: escapeCardText(options.takeFurther) }))] : []),
  ];
  return adaptiveCard(body, [{ type: 'Action.OpenUrl', title: t('readyCards.openDashboard'), url: options.dashboardUrl }]);
}
