import type { CivilDate } from './civil-date';
import { RuleViolationError, said } from './errors';

/** What should be different for the child: the plan's outcomes. */
export interface Outcome {
  readonly id: string;
  readonly text: string;
}

/** Where a plan action stands. */
export const ACTION_STATES = ['not-started', 'in-progress', 'at-risk', 'blocked', 'done', 'dropped'] as const;
export type ActionState = (typeof ACTION_STATES)[number];

/**
 * A SMART action: what, by whom (owner and agency), by when, how often the child is seen, and how
 * progress is measured (seeds 000, 001, 003).
 */
export interface PlanAction {
  readonly id: string;
  readonly outcomeId?: string | undefined;
  readonly what: string;
  readonly ownerMemberId: string;
  readonly agency: string;
  readonly due: CivilDate;
  /** When the group agreed the action: silence is measured from here until the first check-in. */
  readonly agreedOn: CivilDate;
  readonly childSeenFrequency?: string | undefined;
  readonly progressMeasure: string;
  readonly state: ActionState;
}

/** The child protection plan at one version. */
export interface ChildProtectionPlan {
  readonly coreGroupId: string;
  readonly version: number;
  readonly outcomes: readonly Outcome[];
  readonly actions: readonly PlanAction[];
  /** What happens if there is no progress (seed 000, 001). */
  readonly contingencyPlan: string;
  /** Supports and resources required, incl. specialist resources (seed 001). */
  readonly resources: string;
  /** How progress is monitored: visits, meetings, who reviews what (seed 001's re-evaluation list). */
  readonly monitoring: string;
}

/** One line in the plan's change log. */
export interface PlanChange {
  readonly kind: 'outcome-added' | 'outcome-removed' | 'outcome-changed' | 'action-added' | 'action-removed' | 'action-changed' | 'contingency-changed' | 'resources-changed' | 'monitoring-changed';
  readonly subjectId?: string | undefined;
  readonly fields?: readonly string[] | undefined;
}

/** A plan version together with who made it, why, and what changed. */
export interface PlanRevision {
  readonly plan: ChildProtectionPlan;
  readonly authorMemberId: string;
  readonly reason: string;
  readonly changes: readonly PlanChange[];
}

const ALLOWED: Record<ActionState, readonly ActionState[]> = {
  'not-started': ['in-progress', 'at-risk', 'blocked', 'done', 'dropped'],
  'in-progress': ['at-risk', 'blocked', 'done', 'dropped'],
  'at-risk': ['in-progress', 'blocked', 'done', 'dropped'],
  blocked: ['in-progress', 'at-risk', 'done', 'dropped'],
  done: ['in-progress'],
  dropped: [],
};

/** Whether an action may move from one state to another. Reopening done work is allowed; dropped is final. */
export function canTransition(from: ActionState, to: ActionState): boolean {
  return from === to || ALLOWED[from].includes(to);
}

/** Moves an action to a new state, refusing transitions the process does not allow. */
export function transitionAction(action: PlanAction, to: ActionState): PlanAction {
  if (!canTransition(action.state, to)) {
    throw new RuleViolationError(`an action that is ${action.state} cannot become ${to}`, { said: said('refusals.plan.transition', { from: action.state, to }) });
  }
  return { ...action, state: to };
}

/** What a member says about an action they own, from the check-in card. */
export const CHECK_IN_STATUSES = ['on-track', 'at-risk', 'done', 'blocked'] as const;
export type CheckInStatus = (typeof CHECK_IN_STATUSES)[number];

export interface CheckIn {
  readonly actionId: string;
  readonly memberId: string;
  readonly status: CheckInStatus;
  readonly note: string;
  /** ISO instant the answer was recorded. */
  readonly recordedAt: string;
}

/** The state each check-in answer moves an action to. */
export const STATE_AFTER_CHECK_IN: Readonly<Record<CheckInStatus, ActionState>> = {
  'on-track': 'in-progress',
  'at-risk': 'at-risk',
  done: 'done',
  blocked: 'blocked',
};

/**
 * Applies a check-in to the action it is about. Only the action's owner checks in on it; a
 * dropped action takes no more check-ins.
 */
export function applyCheckIn(action: PlanAction, checkIn: CheckIn): PlanAction {
  if (checkIn.actionId !== action.id) throw new RuleViolationError('this check-in is about a different action', { said: said('refusals.plan.checkInOtherAction') });
  if (checkIn.memberId !== action.ownerMemberId) throw new RuleViolationError('only the owner of an action can check in on it', { said: said('refusals.plan.ownerChecksIn') });
  return transitionAction(action, STATE_AFTER_CHECK_IN[checkIn.status]);
}

/** True while an action still needs doing. */
export function isOpen(action: PlanAction): boolean {
  return action.state !== 'done' && action.state !== 'dropped';
}

/** A plan action as it stands now, with the check-in that last moved it. */
export type CurrentAction = PlanAction & { lastCheckIn?: CheckIn };

/**
 * Each action's state after its check-ins: the plan's state, moved by each of its owner's answers
 * in turn. An answer that no longer fits (the action was dropped since) stays on record but moves
 * nothing. Every view of the plan (status, minutes, agenda, prompts, exports) starts from this.
 */
export function currentActions(actions: readonly PlanAction[], checkIns: readonly CheckIn[]): CurrentAction[] {
  return actions.map((action) => {
    let current: CurrentAction = action;
    for (const checkIn of checkIns.filter((candidate) => candidate.actionId === action.id && candidate.memberId === action.ownerMemberId)) {
      if (canTransition(current.state, STATE_AFTER_CHECK_IN[checkIn.status])) current = { ...applyCheckIn(current, checkIn), lastCheckIn: checkIn };
    }
    return current;
  });
}

/** The actions one member owns that still need doing, in plan order. */
export function openActionsOwnedBy<T extends PlanAction>(actions: readonly T[], memberId: string): T[] {
  return actions.filter((action) => action.ownerMemberId === memberId && isOpen(action));
}

/**
 * Builds the next plan version and its change log. The caller supplies the whole new content;
 * the version number and the list of changes are worked out here so they cannot disagree.
 */
export function revisePlan(options: {
  current: ChildProtectionPlan;
  next: Omit<ChildProtectionPlan, 'version' | 'coreGroupId'>;
  authorMemberId: string;
  reason: string;
}): PlanRevision {
  const { current, next } = options;
  if (options.reason.trim() === '') throw new RuleViolationError('say why the plan is changing', { said: said('refusals.plan.sayWhyChanging') });
  for (const action of next.actions) {
    const before = current.actions.find((candidate) => candidate.id === action.id);
    if (before && !canTransition(before.state, action.state)) transitionAction(before, action.state);
  }
  const changes: PlanChange[] = [
    ...diffById(current.outcomes, next.outcomes, 'outcome'),
    ...diffById(current.actions, next.actions, 'action'),
  ];
  if (current.contingencyPlan !== next.contingencyPlan) changes.push({ kind: 'contingency-changed' });
  if (current.resources !== next.resources) changes.push({ kind: 'resources-changed' });
  if (current.monitoring !== next.monitoring) changes.push({ kind: 'monitoring-changed' });
  if (changes.length === 0) throw new RuleViolationError('nothing in the plan has changed', { said: said('refusals.plan.nothingChanged') });
  return {
    plan: { ...next, coreGroupId: current.coreGroupId, version: current.version + 1 },
    authorMemberId: options.authorMemberId,
    reason: options.reason,
    changes,
  };
}

function diffById<T extends { readonly id: string }>(before: readonly T[], after: readonly T[], subject: 'outcome' | 'action'): PlanChange[] {
  const changes: PlanChange[] = [];
  const beforeById = new Map(before.map((item) => [item.id, item]));
  const afterIds = new Set(after.map((item) => item.id));
  for (const item of after) {
    const old = beforeById.get(item.id);
    if (!old) {
      changes.push({ kind: `${subject}-added`, subjectId: item.id });
      continue;
    }
    const fields = Object.keys({ ...old, ...item }).filter((key) => !sameValue(old[key as keyof T], item[key as keyof T]));
    if (fields.length > 0) changes.push({ kind: `${subject}-changed`, subjectId: item.id, fields });
  }
  for (const item of before) {
    if (!afterIds.has(item.id)) changes.push({ kind: `${subject}-removed`, subjectId: item.id });
  }
  return changes;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a && b && typeof a === 'object' && typeof b === 'object' && 'equals' in a && typeof a.equals === 'function') {
    return Boolean(a.equals(b));
  }
  return a === b;
}

