import type { DashboardCoreGroup, DashboardResponse, MyAction, Obligation } from '@contracts/dashboard.contract';
import { obligationLabel } from '../common/labels';
import { isolatedUserText } from '../common/display-text';

const CLOSED_STATES = new Set(['done', 'dropped']);

/** An action still to do whose due date has passed. */
export function isOverdueAction(action: MyAction, today: string): boolean {
  return !CLOSED_STATES.has(action.state) && action.due < today;
}

/** A group's obligations still open (not met), soonest first. */
export function openObligations(group: DashboardCoreGroup): Obligation[] {
  return group.obligations.filter((obligation) => obligation.status !== 'met').sort((a, b) => a.due.localeCompare(b.due));
}

export interface AttentionItem {
  key: string;
  caseReference: string;
  text: string;
  due: string;
  status: AttentionStatus;
}

export type AttentionStatus = 'overdue' | 'blocked' | 'at-risk';
const ATTENTION_ORDER: readonly AttentionStatus[] = ['overdue', 'blocked', 'at-risk'];

/** Why an action of the user's needs attention: past its due date, or marked blocked or at risk at its last check-in. */
function actionAttention(action: MyAction, today: string): AttentionStatus | undefined {
  if (isOverdueAction(action, today)) return 'overdue';
  return action.state === 'blocked' || action.state === 'at-risk' ? action.state : undefined;
}

/** What needs doing now, across all the user's core groups: overdue and at-risk deadlines; actions overdue, blocked or at risk. */
export function needsAttention(dashboard: DashboardResponse, today: string): AttentionItem[] {
  const deadlines = dashboard.coreGroups.flatMap((group) =>
    group.obligations
      .filter((obligation): obligation is Obligation & { status: 'overdue' | 'at-risk' } => obligation.status === 'overdue' || obligation.status === 'at-risk')
      .map((obligation) => ({ key: `obligation-${group.id}-${obligation.id}`, caseReference: group.caseReference, text: obligationLabel(obligation.kind), due: obligation.due, status: obligation.status })),
  );
  const actions = dashboard.myActions.flatMap((action) => {
    const status = actionAttention(action, today);
    return status ? [{ key: `action-${action.id}`, caseReference: action.caseReference, text: `Your action: ${isolatedUserText(action.what)}`, due: action.due, status }] : [];
  });
  return [...deadlines, ...actions].sort((a, b) => ATTENTION_ORDER.indexOf(a.status) - ATTENTION_ORDER.indexOf(b.status) || a.due.localeCompare(b.due));
}

/** A drift or attendance signal in words (ids only come from the server: no names, no case content). */
export function signalText(signal: DashboardCoreGroup['signals'][number], group: DashboardCoreGroup, actions: readonly MyAction[]): string {
  const days = (count: number) => `${count} day${count === 1 ? '' : 's'}`;
  switch (signal.kind) {
    case 'action-overdue': {
      const action = actions.find((candidate) => candidate.id === signal.subjectId);
      return `${action ? `“${isolatedUserText(action.what)}”` : 'An action'} is ${days(signal.measure)} overdue`;
    }
    case 'action-silent': {
      const action = actions.find((candidate) => candidate.id === signal.subjectId);
      return `No check-in on ${action ? `“${isolatedUserText(action.what)}”` : 'an action'} for ${days(signal.measure)}`;
    }
    case 'member-absent':
      return `A member has missed ${signal.measure} meeting${signal.measure === 1 ? '' : 's'} in a row`;
    case 'deadline-missed': {
      const obligation = group.obligations.find((candidate) => candidate.id === signal.subjectId);
      return `${obligation ? obligationLabel(obligation.kind) : 'A statutory deadline'} missed by ${days(signal.measure)}`;
    }
    default:
      return 'Something needs attention';
  }
}
