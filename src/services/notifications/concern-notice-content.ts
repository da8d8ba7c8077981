import { type ConcernTransition, isLastStep } from '../../domain/concern-steps';
import type { CoreGroup, CoreGroupMember } from '../../domain/core-group';
import { oneLineUserText, plainUserText } from '../../domain/display-text';
import { CONCERN_LABELS, escalationRoute, stepWords } from '../../domain/escalation';
import { ukDate } from '../../domain/uk-date';
import type { ConcernDecidedMessage, ConcernRaisedMessage, Notification } from '../ports/notifier.port';
import type { Concern } from '../ports/store.port';
import { nameAndAgency } from './member-label';
import type { RecordMail } from './teams-first';

/** One concern notice, both ways it may go: the Teams card's message, and the e-mail where Teams cannot reach the person. */
export interface ConcernNotice {
  readonly inTeams: Pick<Notification, 'summary' | 'message'>;
  readonly mail: RecordMail;
}

/**
 * The notice to a step's people: what the concern is, who raised it, and what the procedure asks
 * of them at the step it reached. The e-mail names the case by reference only and leaves out the
 * note (free text that may name the child).
 */
export function stepNotice(options: { coreGroup: Pick<CoreGroup, 'caseReference'>; concern: Concern; step: number; members: readonly CoreGroupMember[] }): ConcernNotice {
  const { coreGroup, concern, step } = options;
  const steps = escalationRoute(concern.kind).steps;
  const raiser = options.members.find((member) => member.id === concern.raisedByMemberId);
  const message: ConcernRaisedMessage = {
    kind: 'concern-raised',
    caseReference: coreGroup.caseReference,
    concern: concern.kind,
    raisedBy: raiser ? nameAndAgency(raiser) : 'a member',
    raisedOn: concern.raisedAt.slice(0, 10),
    note: concern.note ?? '',
    whatNext: steps[Math.min(step, steps.length - 1)]!.does,
    ...(step > 0 ? { reached: { step: step + 1, of: steps.length } } : {}),
  };
  const reference = oneLineUserText(coreGroup.caseReference);
  const climbed = step > 0 ? ` It has come to you at step ${step + 1} of ${steps.length}: it was not resolved at the step before.` : '';
  return {
    inTeams: { summary: step > 0 ? 'Core Group: a concern has been escalated to you' : 'Core Group: a concern has been raised', message },
    mail: {
      subject: `${step > 0 ? 'A concern has been escalated to you' : 'A concern has been raised'} — case ${reference}`,
      bodyText: `A concern has been raised in the core group for case ${reference}: ${CONCERN_LABELS[concern.kind]}. Raised by ${plainUserText(message.raisedBy)} on ${ukDate(message.raisedOn)}.${climbed} What the escalation procedure asks of you: ${message.whatNext}. The details are in the Core Group app; if you cannot open it, contact the lead social worker.`,
    },
  };
}

/**
 * The notice of an extra core group granted or refused (seed 001), to the member who asked and the
 * lead social worker: granted, with how to book it; refused, with the reason (in Teams only: free
 * text) and, to the member who asked, who they can take it to next.
 */
export function decisionNotice(options: { coreGroup: Pick<CoreGroup, 'caseReference'>; concern: Concern; decision: ConcernTransition; person: CoreGroupMember; members: readonly CoreGroupMember[] }): ConcernNotice {
  const { coreGroup, concern, decision } = options;
  const granted = decision.kind === 'granted';
  const mayTakeFurther = !granted && options.person.id === concern.raisedByMemberId && !isLastStep(concern.kind, decision.step);
  const takeFurther = mayTakeFurther ? stepWords(concern.kind, decision.step + 1) : undefined;
  const message: ConcernDecidedMessage = {
    kind: 'concern-decided',
    caseReference: coreGroup.caseReference,
    decision: granted ? 'granted' : 'refused',
    decidedBy: decision.actorName ?? 'the team manager',
    ...(granted ? { scheduleCommand: `schedule ${coreGroup.caseReference}` } : { reason: decision.text }),
    ...(takeFurther ? { takeFurther } : {}),
  };
  const reference = oneLineUserText(coreGroup.caseReference);
  const outcome = granted
    ? 'The lead social worker books it with the schedule command in the Core Group app.'
    : `The reason is in the Core Group app.${takeFurther ? ` If you disagree you can take it to ${takeFurther} from the dashboard.` : ''}`;
  return {
    inTeams: { summary: `Core Group: an extra core group was ${message.decision}`, message },
    mail: {
      subject: `Extra core group ${message.decision} — case ${reference}`,
      bodyText: `The request for an extra core group meeting for case ${reference} was ${message.decision} by ${plainUserText(message.decidedBy)}. ${outcome}`,
    },
  };
}
