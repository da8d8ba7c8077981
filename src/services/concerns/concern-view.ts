import type { CivilDate } from '../../domain/civil-date';
import { type ConcernDecision, type ConcernStanding, type ConcernTransition, decisionsOpenTo, routeNameOf, stepClock } from '../../domain/concern-steps';
import type { CoreGroup, MemberRole } from '../../domain/core-group';
import { type Recipient, escalationRoute, recipientsAtStep } from '../../domain/escalation';
import { can, type CaseAction } from '../../domain/permissions';
import type { EscalationRouteName } from '../../domain/policy';
import { type PolicyDeps, policyOf } from '../policy-calendar';
import type { Clock } from '../ports/clock.port';
import type { Concern } from '../ports/store.port';

/** A concern as its people see it: where it stands on its route, its clock, what they may decide, and its history. */
export interface ConcernView {
  readonly concern: Concern;
  readonly caseReference: string;
  readonly steps: number;
  /** The route the concern is on (what each step asks is the procedure's, by route and step), and who its current step goes to. */
  readonly route: EscalationRouteName;
  readonly stepTo: readonly Recipient[];
  readonly respondBy: CivilDate;
  readonly overdue: boolean;
  readonly decisions: readonly ConcernDecision[];
  readonly history: readonly ConcernTransition[];
}

/** The permission each decision takes, on top of the caller's standing at the concern. */
export const DECISION_ACTION: Readonly<Record<ConcernDecision, CaseAction>> = {
  acknowledge: 'act-on-concern',
  resolve: 'act-on-concern',
  escalate: 'act-on-concern',
  grant: 'decide-extra-meeting',
  refuse: 'decide-extra-meeting',
  'take-to-next-step': 'request-extra-meeting',
};

/** What this person may decide now: what their standing opens, that their role allows. */
export function decisionsFor(concern: Concern, who: { standing: ConcernStanding; role: MemberRole }): ConcernDecision[] {
  return decisionsOpenTo(concern, who.standing).filter((decision) => can({ role: who.role }, DECISION_ACTION[decision]));
}

/** Builds the view of a concern for one person, on the clock of its group's area. */
export function concernView(deps: PolicyDeps & { clock: Clock }, options: { concern: Concern; coreGroup: Pick<CoreGroup, 'caseReference' | 'policyId'>; who: { standing: ConcernStanding; role: MemberRole }; history: readonly ConcernTransition[] }): ConcernView {
  const { concern } = options;
  const { profile, calendar } = policyOf(deps, options.coreGroup);
  const clock = stepClock({ profile, calendar, concern, asOf: deps.clock.today() });
  const steps = escalationRoute(concern.kind).steps;
  return {
    concern,
    caseReference: options.coreGroup.caseReference,
    steps: steps.length,
    route: routeNameOf(concern.kind),
    stepTo: recipientsAtStep(concern.kind, concern.step),
    respondBy: clock.respondBy,
    overdue: clock.overdue,
    decisions: decisionsFor(concern, options.who),
    history: options.history,
  };
}
