import type { CoreGroupMember } from './core-group';
import { InvalidInputError, RuleViolationError, said } from './errors';
import type { MinutesContent, MinutesSection } from './minutes';

/**
 * What an id in the minutes must name. Attendance and Signs of Safety scaling record who was
 * there, so a member who has since left stays in them; a new action's owner takes on an action
 * in the plan, so must be an active member; an action update is about an action of this plan.
 */
type Belonging = 'member' | 'active-member' | 'plan-action';

/** One id a section names, and the field it sits in (`newActions[1].ownerMemberId`). */
interface NamedId {
  readonly field: string;
  readonly id: string;
  readonly must: Belonging;
}

/** The ids each section names; a section not listed names none. */
const IDS_IN: { readonly [S in MinutesSection]?: (value: MinutesContent[S]) => NamedId[] } = {
  attendance: (entries) => entries.map((entry, index) => ({ field: `attendance[${index}].memberId`, id: entry.memberId, must: 'member' })),
  signsOfSafety: (signs) => signs.scaling.map((score, index) => ({ field: `signsOfSafety.scaling[${index}].memberId`, id: score.memberId, must: 'member' })),
  newActions: (actions) => actions.map((action, index) => ({ field: `newActions[${index}].ownerMemberId`, id: action.ownerMemberId, must: 'active-member' })),
  actionUpdates: (updates) => updates.map((update, index) => ({ field: `actionUpdates[${index}].actionId`, id: update.actionId, must: 'plan-action' })),
  writtenReports: (reports) => reports.map((report, index) => ({ field: `writtenReports[${index}].memberId`, id: report.memberId, must: 'member' })),
};

const WHAT_IT_MUST_BE: Readonly<Record<Belonging, string>> = {
  member: 'a member of this core group',
  'active-member': 'an active member of this core group',
  'plan-action': 'an action in this core group’s plan',
};

/** This core group as the checks need it: its members (former ones included) and its plan's action ids. */
export interface GroupIds {
  readonly members: readonly CoreGroupMember[];
  readonly planActionIds: readonly string[];
}

/** Whether a section names any id at all, so a caller reads the group only when there is something to check. */
export function sectionNamesIds(section: MinutesSection): boolean {
  return IDS_IN[section] !== undefined;
}

/** The first id in a section's value that is not this group's, or nothing. */
function strangerIn<S extends MinutesSection>(section: S, value: MinutesContent[S], group: GroupIds): NamedId | undefined {
  const idsOf = IDS_IN[section] as ((value: MinutesContent[S]) => NamedId[]) | undefined;
  const belongs: Record<Belonging, (id: string) => boolean> = {
    member: (id) => group.members.some((member) => member.id === id),
    'active-member': (id) => group.members.some((member) => member.id === id && member.active),
    'plan-action': (id) => group.planActionIds.includes(id),
  };
  return (idsOf?.(value) ?? []).find((named) => !belongs[named.must](named.id));
}

/**
 * Checks that every member and action id a saved section names is this core group's (F4: another
 * group's member id, or any string, was accepted and surfaced as an owner "—" in the plan). The
 * message names the field, never the id sent.
 */
export function checkSectionIds<S extends MinutesSection>(options: { section: S; value: MinutesContent[S]; group: GroupIds }): void {
  const stranger = strangerIn(options.section, options.value, options.group);
  if (stranger) throw new InvalidInputError(`${stranger.field}: must be ${WHAT_IT_MUST_BE[stranger.must]}.`, { said: said(`refusals.minutes.notOfThisGroup.${stranger.must}`, { field: stranger.field }) });
}

/**
 * Checks, before the chair signs, that every new action has an owner who is an active member: the
 * actions join the plan with that owner. Minutes saved before owners were checked (or whose owner
 * has since left) are refused with the action's number, to be put right first.
 */
/** Refuses a sign-off while a new action serves no outcome of the plan (when the plan has outcomes): each joins the plan under one. */
export function checkNewActionOutcomes(content: MinutesContent, outcomeIds: readonly string[]): void {
  if (outcomeIds.length === 0) return;
  const index = content.newActions.findIndex((action) => !action.outcomeId || !outcomeIds.includes(action.outcomeId));
  if (index >= 0) throw new RuleViolationError(`New action ${index + 1} serves no outcome of the plan: choose the outcome it serves under New actions, then sign.`, { said: said('refusals.minutes.newActionNoOutcome', { number: index + 1 }) });
}

export function checkNewActionOwners(content: MinutesContent, members: readonly CoreGroupMember[]): void {
  const stranger = strangerIn('newActions', content.newActions, { members, planActionIds: [] });
  if (!stranger) return;
  const number = content.newActions.findIndex((action) => action.ownerMemberId === stranger.id) + 1;
  throw new RuleViolationError(`New action ${number} has no owner who is an active member of this core group: choose its owner under New actions, then sign.`, { said: said('refusals.minutes.newActionNoOwner', { number }) });
}
