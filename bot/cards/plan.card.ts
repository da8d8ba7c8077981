import type { CheckIn, ChildProtectionPlan, PlanAction } from '../../src/domain/plan';
import { adaptiveCard, heading, line } from './card';
import { escapeCardText } from './escape';
import { ukDate, ukDateOfInstant } from '../../src/domain/uk-date';

/** The child protection plan as it stands: outcomes, each action with owner, due date and last check-in, contingency. 1:1 only. */
export function planCard(options: {
  caseReference: string;
  plan: ChildProtectionPlan | undefined;
  actions: readonly (PlanAction & { lastCheckIn?: CheckIn | undefined })[];
  names: ReadonlyMap<string, string>;
}): object {
  if (!options.plan) return adaptiveCard([heading(`Case ${escapeCardText(options.caseReference)}`), line('There is no plan recorded yet.')]);
  const { plan } = options;
  return adaptiveCard([
    heading(`Child protection plan — case ${escapeCardText(options.caseReference)} (version ${plan.version})`),
    ...plan.outcomes.flatMap((outcome) => [
      line(`Outcome: ${escapeCardText(outcome.text)}`, { weight: 'Bolder', separator: true }),
      ...options.actions
        .filter((action) => action.outcomeId === outcome.id)
        .map((action) => ({
          type: 'FactSet',
          facts: [
            { title: 'Action', value: escapeCardText(action.what) },
            { title: 'Owner', value: escapeCardText(options.names.get(action.ownerMemberId) ?? 'unknown') },
            { title: 'Due', value: ukDate(action.due) },
            { title: 'State', value: action.state.replace(/-/g, ' ') },
            { title: 'Last check-in', value: action.lastCheckIn ? `${action.lastCheckIn.status.replace(/-/g, ' ')} (${ukDateOfInstant(action.lastCheckIn.recordedAt)})` : 'none yet' },
          ],
        })),
    ]),
    line(`Contingency: ${escapeCardText(plan.contingencyPlan)}`, { separator: true }),
    line(`Resources: ${escapeCardText(plan.resources)}`, { isSubtle: true }),
  ]);
}
