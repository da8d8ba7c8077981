import { type ConcernKind, escalationRoute, recipientsAtStep } from '../../domain/escalation';
import type { Words } from '../../i18n/words';

/** The catalogue's name for a concern's route: its family, except the two routes of their own. */
function routeKey(concern: ConcernKind): string {
  if (concern === 'significant-disagreement') return 'significantDisagreement';
  const { family } = escalationRoute(concern);
  return family === 'plan-not-working' ? 'planNotWorking' : family === 'group-not-working' ? 'groupNotWorking' : 'extraMeeting';
}

/** What the escalation procedure asks at a step of a concern's route (the last step past its end), in the reader's words. */
export function stepDoesIn(words: Words, concern: ConcernKind, step: number): string {
  const last = escalationRoute(concern).steps.length - 1;
  return words.t(`escalation.${routeKey(concern)}.${Math.min(step, last)}`);
}

/** Who a step of a concern's route goes to, in the reader's words: "the team manager and the conference chair / IRO" (each set of people a route names has its phrase in the catalogue). */
export function stepToIn(words: Words, concern: ConcernKind, step: number): string {
  return words.t(`escalation.to.${recipientsAtStep(concern, step).join('+')}`);
}
