import type { CivilDate } from './civil-date';
import { RuleViolationError, said } from './errors';
import { type ChildProtectionPlan, type Outcome, type PlanAction, type PlanChange, type PlanRevision, revisePlan } from './plan';

/** An action as the plan editor sends it: the owner's agency and the day it was agreed are not the editor's to say. */
export interface EditedAction {
  readonly id: string;
  readonly outcomeId?: string | undefined;
  readonly what: string;
  readonly ownerMemberId: string;
  readonly due: CivilDate;
  readonly childSeenFrequency?: string | undefined;
  readonly progressMeasure: string;
  /** Dropped actions stay on the plan's record; dropping is final. */
  readonly dropped: boolean;
}

/** The whole plan as the editor saves it, over the version it was read at. */
export interface PlanEdit {
  readonly baseVersion: number;
  readonly reason: string;
  readonly outcomes: readonly Outcome[];
  readonly actions: readonly EditedAction[];
  readonly contingencyPlan: string;
  readonly resources: string;
  readonly monitoring: string;
}

/** Who may own an action: the group's members now, with the agency each acts for. */
export type ActionOwners = ReadonlyMap<string, { readonly agency: string }>;

function duplicateOf(ids: readonly string[]): string | undefined {
  const seen = new Set<string>();
  return ids.find((id) => (seen.has(id) ? true : (seen.add(id), false)));
}

/** An outcome's or action's words as a refusal or the change log names them: 60 characters at most. */
const shortened = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);
const quoted = (text: string) => `“${shortened(text)}”`;

function checkOutcomes(current: ChildProtectionPlan, edit: PlanEdit): void {
  if (duplicateOf(edit.outcomes.map((outcome) => outcome.id))) throw new RuleViolationError('Two outcomes have the same id: reload the plan and make your change again.', { said: said('refusals.plan.duplicateOutcomes') });
  for (const outcome of edit.outcomes) {
    if (outcome.text.trim() === '') throw new RuleViolationError('Every outcome needs words: say what should be different for the child, or remove it.', { said: said('refusals.plan.outcomeNeedsWords') });
  }
  const kept = new Set(edit.outcomes.map((outcome) => outcome.id));
  for (const removed of current.outcomes.filter((outcome) => !kept.has(outcome.id))) {
    const under = edit.actions.find((action) => action.outcomeId === removed.id);
    if (under) throw new RuleViolationError(`The outcome ${quoted(removed.text)} still has actions under it (${quoted(under.what)}): move them to another outcome before removing it.`, { internalMessage: 'an outcome with actions under it cannot be removed', said: said('refusals.plan.outcomeHasActions', { outcome: shortened(removed.text), what: shortened(under.what) }) });
  }
}

/**
 * One edited action as the plan keeps it, or a refusal naming the action. A new or changed action
 * is SMART (seed 000): what, under which outcome, by whom, by when, how progress is measured.
 */
function keptAction(edited: EditedAction, before: PlanAction | undefined, context: { owners: ActionOwners; outcomeIds: ReadonlySet<string>; today: CivilDate }): PlanAction {
  const what = edited.what.trim();
  if (what === '') throw new RuleViolationError('Every action needs words: say what will be done.', { said: said('refusals.plan.actionNeedsWords') });
  if (before?.state === 'dropped' && !edited.dropped) throw new RuleViolationError(`The action ${quoted(what)} was dropped: dropping is final, so add a new action instead.`, { internalMessage: 'a dropped action cannot be restored', said: said('refusals.plan.droppedIsFinal', { what: shortened(what) }) });
  const ownerChanged = !before || before.ownerMemberId !== edited.ownerMemberId;
  const owner = context.owners.get(edited.ownerMemberId);
  if (ownerChanged && !owner) throw new RuleViolationError(`The owner of ${quoted(what)} is not a member of this core group: choose a member.`, { internalMessage: 'an action owner is not a member', said: said('refusals.plan.ownerNotMember', { what: shortened(what) }) });
  const action: PlanAction = {
    id: edited.id,
    outcomeId: edited.outcomeId,
    what,
    ownerMemberId: edited.ownerMemberId,
    agency: ownerChanged ? owner!.agency : before.agency,
    due: edited.due,
    agreedOn: before?.agreedOn ?? context.today,
    childSeenFrequency: edited.childSeenFrequency?.trim() || undefined,
    progressMeasure: edited.progressMeasure.trim(),
    state: edited.dropped ? 'dropped' : (before?.state ?? 'not-started'),
  };
  const changed = !before || action.what !== before.what || action.outcomeId !== before.outcomeId || ownerChanged || !action.due.equals(before.due) || action.progressMeasure !== before.progressMeasure || action.childSeenFrequency !== before.childSeenFrequency;
  if (!changed) return action;
  if (!action.outcomeId || !context.outcomeIds.has(action.outcomeId)) throw new RuleViolationError(`Choose the outcome ${quoted(what)} works towards.`, { internalMessage: 'an action names no outcome of the plan', said: said('refusals.plan.chooseOutcome', { what: shortened(what) }) });
  if (action.progressMeasure === '') throw new RuleViolationError(`Say how progress on ${quoted(what)} is measured.`, { internalMessage: 'an action has no progress measure', said: said('refusals.plan.sayHowMeasured', { what: shortened(what) }) });
  if ((!before || !action.due.equals(before.due)) && action.due.toString() < context.today.toString()) throw new RuleViolationError(`The due date of ${quoted(what)} has passed: choose today or a later day.`, { internalMessage: 'an action due date has passed', said: said('refusals.plan.duePassed', { what: shortened(what) }) });
  return action;
}

/**
 * The next version of a plan from what the editor saved: refused, with the reason, when it would
 * lose part of the record (an action removed rather than dropped, an outcome removed with actions
 * under it) or when a new or changed action is not SMART. The version and its change log come
 * from `revisePlan`, so they cannot disagree.
 */
export function editPlan(options: { current: ChildProtectionPlan; edit: PlanEdit; owners: ActionOwners; today: CivilDate; authorMemberId: string }): PlanRevision {
  const { current, edit } = options;
  checkOutcomes(current, edit);
  if (duplicateOf(edit.actions.map((action) => action.id))) throw new RuleViolationError('Two actions have the same id: reload the plan and make your change again.', { said: said('refusals.plan.duplicateActions') });
  const editedIds = new Set(edit.actions.map((action) => action.id));
  const removed = current.actions.find((action) => !editedIds.has(action.id));
  if (removed) throw new RuleViolationError(`The action ${quoted(removed.what)} stays on the plan's record: mark it dropped instead of removing it.`, { internalMessage: 'an action was removed instead of dropped', said: said('refusals.plan.actionRemoved', { what: shortened(removed.what) }) });
  const context = { owners: options.owners, outcomeIds: new Set(edit.outcomes.map((outcome) => outcome.id)), today: options.today };
  const beforeById = new Map(current.actions.map((action) => [action.id, action]));
  const actions = edit.actions.map((edited) => keptAction(edited, beforeById.get(edited.id), context));
  const outcomes = edit.outcomes.map((outcome) => ({ id: outcome.id, text: outcome.text.trim() }));
  return revisePlan({
    current,
    next: { outcomes, actions, contingencyPlan: edit.contingencyPlan.trim(), resources: edit.resources.trim(), monitoring: edit.monitoring.trim() },
    authorMemberId: options.authorMemberId,
    reason: edit.reason.trim(),
  });
}

/** Whether a stored version is exactly what an edit over the version before it would make: a retried save. */
export function isSameContent(a: Omit<ChildProtectionPlan, 'version' | 'coreGroupId'>, b: Omit<ChildProtectionPlan, 'version' | 'coreGroupId'>): boolean {
  const text = (plan: Omit<ChildProtectionPlan, 'version' | 'coreGroupId'>) =>
    JSON.stringify([plan.outcomes.map((outcome) => [outcome.id, outcome.text]), plan.actions.map((action) => [action.id, action.outcomeId ?? null, action.what, action.ownerMemberId, action.due.toString(), action.childSeenFrequency ?? null, action.progressMeasure, action.state]), plan.contingencyPlan, plan.resources, plan.monitoring]);
  return text(a) === text(b);
}

/** The fields of an outcome or action the change log names when one changes (others, such as the agency, follow from these). */
export const PLAN_CHANGE_FIELDS = ['what', 'outcomeId', 'ownerMemberId', 'due', 'childSeenFrequency', 'progressMeasure', 'state', 'text'] as const;
export type PlanChangeField = (typeof PLAN_CHANGE_FIELDS)[number];

/** What one line of a plan's change log says, as facts: an action dropped is a change of its own. */
export const PLAN_CHANGE_LINE_KINDS = ['outcome-added', 'outcome-removed', 'outcome-changed', 'action-added', 'action-removed', 'action-changed', 'action-dropped', 'contingency-changed', 'resources-changed', 'monitoring-changed'] as const;
export type PlanChangeLineKind = (typeof PLAN_CHANGE_LINE_KINDS)[number];

/**
 * One line of a plan's change log as facts, for whoever shows it to word in their reader's
 * language: what kind of change, the outcome's or action's words (shortened to 60 characters) from
 * the version it belongs to, and which of its fields changed.
 */
export interface PlanChangeLine {
  readonly kind: PlanChangeLineKind;
  readonly subject?: string | undefined;
  readonly fields?: readonly PlanChangeField[] | undefined;
}

const isChangeField = (field: string): field is PlanChangeField => (PLAN_CHANGE_FIELDS as readonly string[]).includes(field);

/** One line of a plan's change log, naming the outcome or action from the version it belongs to. */
export function planChangeLine(change: PlanChange, before: ChildProtectionPlan | undefined, after: ChildProtectionPlan): PlanChangeLine {
  const outcome = (plan: ChildProtectionPlan | undefined) => shortened(plan?.outcomes.find((candidate) => candidate.id === change.subjectId)?.text ?? '');
  const action = (plan: ChildProtectionPlan | undefined) => plan?.actions.find((candidate) => candidate.id === change.subjectId);
  const what = (plan: ChildProtectionPlan | undefined) => shortened(action(plan)?.what ?? '');
  switch (change.kind) {
    case 'outcome-added':
    case 'outcome-changed':
      return { kind: change.kind, subject: outcome(after) };
    case 'outcome-removed':
      return { kind: change.kind, subject: outcome(before) };
    case 'action-added':
      return { kind: change.kind, subject: what(after) };
    case 'action-removed':
      return { kind: change.kind, subject: what(before) };
    case 'action-changed': {
      if (action(after)?.state === 'dropped' && action(before)?.state !== 'dropped') return { kind: 'action-dropped', subject: what(after) };
      return { kind: change.kind, subject: what(after), fields: (change.fields ?? []).filter(isChangeField) };
    }
    case 'contingency-changed':
    case 'resources-changed':
    case 'monitoring-changed':
      return { kind: change.kind };
  }
}
