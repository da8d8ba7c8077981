import type { CheckIn, ChildProtectionPlan, PlanAction } from '../../src/domain/plan';
import type { Words } from '../../src/i18n/words';
import type { PlanNotReceivedMessage, PlanReadyMessage } from '../../src/services/ports/notifier.port';
import { adaptiveCard, heading, line } from './card';
import { escapeCardText } from './escape';

type ShownAction = PlanAction & { lastCheckIn?: CheckIn | undefined };

const actionFacts = ({ t, dates }: Words, action: ShownAction, names: ReadonlyMap<string, string>) => ({
  type: 'FactSet',
  facts: [
    { title: t('plan.fact.action'), value: escapeCardText(action.what) },
    { title: t('plan.fact.owner'), value: escapeCardText(names.get(action.ownerMemberId) ?? t('plan.unknownOwner')) },
    { title: t('plan.fact.due'), value: dates.date(action.due) },
    ...(action.childSeenFrequency ? [{ title: t('plan.fact.seesChild'), value: escapeCardText(action.childSeenFrequency) }] : []),
    { title: t('plan.fact.state'), value: t(`plan.state.${action.state}`) },
    { title: t('plan.fact.lastCheckIn'), value: action.lastCheckIn ? t('plan.checkInOn', { status: t(`tasks.status.${action.lastCheckIn.status}`), date: dates.dateOfInstant(action.lastCheckIn.recordedAt) }) : t('plan.noCheckIn') },
  ],
});

/** Actions under no outcome of the plan (agreed before outcomes were chosen at sign-off): listed, never hidden. */
const otherActions = (actions: readonly ShownAction[], outcomeIds: ReadonlySet<string>) => {
  const others = actions.filter((action) => !action.outcomeId || !outcomeIds.has(action.outcomeId));
  return others.length > 0 ? [others] : [];
};

/** The child protection plan as it stands (the version the tab and the exports show), in the reader's language: outcomes, each action with owner, due date, how often the child is seen and last check-in, contingency, resources, monitoring. 1:1 only. */
export function planCard(
  words: Words,
  options: {
    caseReference: string;
    plan: ChildProtectionPlan | undefined;
    actions: readonly (PlanAction & { lastCheckIn?: CheckIn | undefined })[];
    names: ReadonlyMap<string, string>;
  },
): object {
  const { t } = words;
  const caseReference = escapeCardText(options.caseReference);
  if (!options.plan) return adaptiveCard([heading(t('caseCard.case', { caseReference })), line(t('plan.none'))]);
  const { plan } = options;
  return adaptiveCard([
    heading(t('plan.title', { caseReference, version: plan.version })),
    ...plan.outcomes.flatMap((outcome) => [
      line(t('plan.outcome', { text: escapeCardText(outcome.text) }), { weight: 'Bolder', separator: true }),
      ...options.actions
        .filter((action) => action.outcomeId === outcome.id)
        .map((action) => actionFacts(words, action, options.names)),
    ]),
    ...otherActions(options.actions, new Set(plan.outcomes.map((outcome) => outcome.id))).flatMap((actions) => [line(t('plan.otherActions'), { weight: 'Bolder', separator: true }), ...actions.map((action) => actionFacts(words, action, options.names))]),
    line(t('plan.contingency', { text: escapeCardText(plan.contingencyPlan) }), { separator: true }),
    line(t('plan.resources', { text: escapeCardText(plan.resources) }), { isSubtle: true }),
    line(t('plan.monitoring', { text: escapeCardText(plan.monitoring) }), { isSubtle: true }),
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
export function planReadyCard({ t, dates }: Words, options: Omit<PlanReadyMessage, 'kind'> & { dashboardUrl: string }): object {
  const caseReference = escapeCardText(options.caseReference);
  return adaptiveCard(
    [
      heading(t('readyCards.planHeading')),
      line(t('readyCards.plan', { version: options.planVersion, caseReference, date: dates.date(options.meetingDate) })),
      line(t('readyCards.planWhere', { caseReference }), { isSubtle: true }),
    ],
    [{ type: 'Action.OpenUrl', title: t('readyCards.openDashboard'), url: options.dashboardUrl }],
  );
}

/** 1:1 to the lead social worker, in their language: a member says the plan has not reached them (seed 003). */
export function planNotReceivedCard({ t, dates }: Words, options: Omit<PlanNotReceivedMessage, 'kind'>): object {
  return adaptiveCard([
    heading(t('planNotReceivedCard.heading')),
    line(t('planNotReceivedCard.said', { member: escapeCardText(options.member), caseReference: escapeCardText(options.caseReference), date: dates.date(options.meetingDate) })),
    line(t(options.resending ? 'planNotReceivedCard.resending' : 'planNotReceivedCard.notCirculated'), { isSubtle: true }),
  ]);
}
