import { type ConcernTransition, isLastStep } from '../../domain/concern-steps';
import type { CoreGroup, CoreGroupMember } from '../../domain/core-group';
import { oneLineUserText, plainUserText } from '../../domain/display-text';
import { escalationRoute } from '../../domain/escalation';
import type { Words } from '../../i18n/words';
import type { ConcernDecidedMessage, ConcernRaisedMessage, Notification } from '../ports/notifier.port';
import type { Concern } from '../ports/store.port';
import { stepDoesIn, stepToIn } from './escalation-words';
import { nameAndAgency } from './member-label';
import type { RecordMail } from './teams-first';

/** One concern notice, both ways it may go: the Teams card's message, and the e-mail where Teams cannot reach the person. */
export interface ConcernNotice {
  readonly inTeams: Pick<Notification, 'summary' | 'message'>;
  readonly mail: RecordMail;
}

/** A concern notice as it is worded for its reader. */
export type ConcernNoticeIn = (words: Words) => ConcernNotice;

/**
 * The notice to a step's people: what the concern is, who raised it, and what the procedure asks
 * of them at the step it reached. The e-mail names the case by reference only and leaves out the
 * note (free text that may name the child).
 */
export const stepNotice = (options: { coreGroup: Pick<CoreGroup, 'caseReference'>; concern: Concern; step: number; members: readonly CoreGroupMember[] }): ConcernNoticeIn => (words) => {
  const { t, dates } = words;
  const { coreGroup, concern, step } = options;
  const steps = escalationRoute(concern.kind).steps;
  const raiser = options.members.find((member) => member.id === concern.raisedByMemberId);
  const message: ConcernRaisedMessage = {
    kind: 'concern-raised',
    caseReference: coreGroup.caseReference,
    concern: concern.kind,
    raisedBy: raiser ? nameAndAgency(raiser) : t('concernCard.aMember'),
    raisedOn: concern.raisedAt.slice(0, 10),
    note: concern.note ?? '',
    whatNext: stepDoesIn(words, concern.kind, step),
    ...(step > 0 ? { reached: { step: step + 1, of: steps.length } } : {}),
  };
  const said = { caseReference: oneLineUserText(coreGroup.caseReference), concern: t(`labels.concern.${concern.kind}`), raisedBy: plainUserText(message.raisedBy), raisedOn: dates.date(message.raisedOn), step: step + 1, of: steps.length, whatNext: message.whatNext };
  return {
    inTeams: { summary: t(step > 0 ? 'notice.concernEscalatedSummary' : 'notice.concernSummary'), message },
    mail: { subject: t(step > 0 ? 'notice.concernEscalatedMailSubject' : 'notice.concernMailSubject', said), bodyText: t(step > 0 ? 'notice.concernEscalatedMailBody' : 'notice.concernMailBody', said) },
  };
};

/**
 * The notice of an extra core group granted or refused (seed 001), to the member who asked and the
 * lead social worker: granted, with how to book it; refused, with the reason (in Teams only: free
 * text) and, to the member who asked, who they can take it to next.
 */
export const decisionNotice = (options: { coreGroup: Pick<CoreGroup, 'caseReference'>; concern: Concern; decision: ConcernTransition; person: CoreGroupMember; members: readonly CoreGroupMember[] }): ConcernNoticeIn => (words) => {
  const { t } = words;
  const { coreGroup, concern, decision } = options;
  const granted = decision.kind === 'granted';
  const mayTakeFurther = !granted && options.person.id === concern.raisedByMemberId && !isLastStep(concern.kind, decision.step);
  const takeFurther = mayTakeFurther ? stepToIn(words, concern.kind, decision.step + 1) : undefined;
  const message: ConcernDecidedMessage = {
    kind: 'concern-decided',
    caseReference: coreGroup.caseReference,
    decision: granted ? 'granted' : 'refused',
    decidedBy: decision.actorName ?? t('concernCard.theTeamManager'),
    ...(granted ? { scheduleCommand: `schedule ${coreGroup.caseReference}` } : { reason: decision.text }),
    ...(takeFurther ? { takeFurther } : {}),
  };
  const said = { caseReference: oneLineUserText(coreGroup.caseReference), decidedBy: plainUserText(message.decidedBy), takeFurther };
  const body = granted ? 'notice.extraGrantedMailBody' : takeFurther ? 'notice.extraRefusedTakeFurtherMailBody' : 'notice.extraRefusedMailBody';
  return {
    inTeams: { summary: t(granted ? 'notice.extraGrantedSummary' : 'notice.extraRefusedSummary'), message },
    mail: { subject: t(granted ? 'notice.extraGrantedMailSubject' : 'notice.extraRefusedMailSubject', said), bodyText: t(body, said) },
  };
};
