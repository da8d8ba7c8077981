import type { CheckIn, ChildProtectionPlan, PlanAction } from '../../src/domain/plan';
import type { PlanNotReceivedMessage, PlanReadyMessage } from '../../src/services/ports/notifier.port';
import { adaptiveCard, heading, line } from './card';
import { escapeCardText } from './escape';
import { ukDate, ukDateOfInstant } from '../../src/domain/uk-date';

type ShownAction = PlanAction & { lastCheckIn?: CheckIn | undefined };

const actionFacts = (action: ShownAction, names: ReadonlyMap<string, string>) => ({
  type: 'FactSet',
  facts: [
    { title: 'Action', value: escapeCardText(action.what) },
    { title: 'Owner', value: escapeCardText(names.get(action.ownerMemberId) ?? 'unknown') },
    { title: 'Due', value: ukDate(action.due) },
    ...(action.childSeenFrequency ? [{ title: 'Sees the child', value: escapeCardText(action.childSeenFrequency) }] : []),
    { title: 'State', value: action.state.replace(/-/g, ' ') },
    { title: 'Last check-in', value: action.lastCheckIn ? `${action.lastCheckIn.status.replace(/-/g, ' ')} (${ukDateOfInstant(action.lastCheckIn.recordedAt)})` : 'none yet' },
  ],
});

/** Actions under no outcome of the plan (agreed before outcomes were chosen at sign-off): listed, never hidden. */
const otherActions = (actions: readonly ShownAction[], outcomeIds: ReadonlySet<string>) => {
  const others = actions.filter((action) => !action.outcomeId || !outcomeIds.has(action.outcomeId));
  return others.length > 0 ? [others] : [];
};

/** The child protection plan as it stands (the version the tab and the exports show): outcomes, each action with owner, due date, how often the child is seen and last check-in, contingency, resources, monitoring. 1:1 only. */
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
        .map((action) => actionFacts(action, options.names)),
    ]),
    ...otherActions(options.actions, new Set(plan.outcomes.map((outcome) => outcome.id))).flatMap((actions) => [line('Other actions', { weight: 'Bolder', separator: true }), ...actions.map((action) => actionFacts(action, options.names))]),
    line(`Contingency: ${escapeCardText(plan.contingencyPlan)}`, { separator: true }),
    line(`Resources: ${escapeCardText(plan.resources)}`, { isSubtle: true }),
    line(`Monitoring: ${escapeCardText(plan.monitoring)}`, { isSubtle: true }),
  ]);
}

/**
 * Where a member reads the plan in Teams: a deep link to the app's personal dashboard, where the
 * plan of each of their core groups is (no case detail in the link itself).
 */
export function dashboardTabLink(teamsAppId: string): string {
  return `https://teams.microsoft.com/l/entity/${encodeURIComponent(teamsAppId)}/dashboard`;
}

/** 1:1 to a member when the plan is circulated after a core group: which case and meeting, where to read it; no content in the message itself. */
export function planReadyCard(options: Omit<PlanReadyMessage, 'kind'> & { dashboardUrl: string }): object {
  return adaptiveCard(
    [
      heading('The child protection plan has been circulated'),
      line(`Version ${options.planVersion} of the plan for case ${escapeCardText(options.caseReference)}, after the core group meeting of ${ukDate(options.meetingDate)}, has been circulated to you.`),
      line(`Read it in the Core Group dashboard, or type /coregroup plan ${escapeCardText(options.caseReference)} here.`, { isSubtle: true }),
    ],
    [{ type: 'Action.OpenUrl', title: 'Open the dashboard', url: options.dashboardUrl }],
  );
}

/** 1:1 to the lead social worker: a member says the plan has not reached them (seed 003). */
export function planNotReceivedCard(options: Omit<PlanNotReceivedMessage, 'kind'>): object {
  return adaptiveCard([
    heading('The plan has not reached a member'),
    line(`${escapeCardText(options.member)} says the plan for case ${escapeCardText(options.caseReference)}, circulated after the core group meeting of ${ukDate(options.meetingDate)}, has not reached them.`),
    line(options.resending ? 'It is being sent to them again: check in the minutes tab of that meeting that it arrives.' : 'It has not been circulated from the app yet: circulate it from the minutes tab of that meeting.', { isSubtle: true }),
  ]);
}
