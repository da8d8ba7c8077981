import type { PlanSaveRequest, PlanViewResponse } from '@contracts/plan.contract';

/** An action as the editor holds it while it is changed. */
export interface DraftAction {
  readonly id: string;
  readonly outcomeId: string;
  readonly what: string;
  readonly ownerMemberId: string;
  readonly due: string;
  readonly childSeenFrequency: string;
  readonly progressMeasure: string;
  readonly dropped: boolean;
  /** Dropped before this edit: shown, never changed (dropping is final). */
  readonly droppedBefore: boolean;
}

/** The whole plan as the editor holds it, with the reason for the change. */
export interface PlanDraft {
  readonly outcomes: readonly { readonly id: string; readonly text: string }[];
  readonly actions: readonly DraftAction[];
  readonly contingencyPlan: string;
  readonly resources: string;
  readonly monitoring: string;
  readonly reason: string;
}

/** The editor's starting point: the plan as read. */
export function draftOf(plan: PlanViewResponse): PlanDraft {
  return {
    outcomes: plan.outcomes,
    actions: plan.actions.map((action) => ({
      id: action.id,
      outcomeId: action.outcomeId ?? '',
      what: action.what,
      ownerMemberId: action.ownerMemberId,
      due: action.due,
      childSeenFrequency: action.childSeenFrequency ?? '',
      progressMeasure: action.progressMeasure,
      dropped: action.state === 'dropped',
      droppedBefore: action.state === 'dropped',
    })),
    contingencyPlan: plan.contingencyPlan,
    resources: plan.resources,
    monitoring: plan.monitoring,
    reason: '',
  };
}

/** A new action under an outcome, owned by nobody yet. */
export function newAction(outcomeId: string): DraftAction {
  return { id: crypto.randomUUID(), outcomeId, what: '', ownerMemberId: '', due: '', childSeenFrequency: '', progressMeasure: '', dropped: false, droppedBefore: false };
}

/** What the editor sends: the whole plan over the version it was read at. */
export function saveRequestOf(draft: PlanDraft, baseVersion: number): PlanSaveRequest {
  return {
    baseVersion,
    reason: draft.reason.trim(),
    outcomes: draft.outcomes.map((outcome) => ({ id: outcome.id, text: outcome.text })),
    actions: draft.actions.map((action) => ({
      id: action.id,
      ...(action.outcomeId ? { outcomeId: action.outcomeId } : {}),
      what: action.what,
      ownerMemberId: action.ownerMemberId,
      due: action.due,
      ...(action.childSeenFrequency.trim() ? { childSeenFrequency: action.childSeenFrequency } : {}),
      progressMeasure: action.progressMeasure,
      dropped: action.dropped,
    })),
    contingencyPlan: draft.contingencyPlan,
    resources: draft.resources,
    monitoring: draft.monitoring,
  };
}
