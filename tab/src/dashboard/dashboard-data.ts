import type { DashboardCoreGroup, DashboardResponse, MyAction, Obligation } from '@contracts/dashboard.contract';
import { NOTICE_LABELS, obligationLabel } from '../common/labels';
import { isolatedUserText } from '../common/display-text';
import { words } from '../common/format';

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
  /** The day it is about: when it falls due, or when a concern's people must respond by, an action was blocked or a notice failed (`dateWord`). */
  due: string;
  dateWord?: 'respond by' | 'blocked since' | 'failed on' | 'since';
  status: AttentionStatus;
}

export type AttentionStatus = 'overdue' | 'concern' | 'blocked' | 'failed' | 'not-in-teams' | 'at-risk';
const ATTENTION_ORDER: readonly AttentionStatus[] = ['overdue', 'concern', 'blocked', 'failed', 'not-in-teams', 'at-risk'];

/** Roles as a sentence names them: "the lead social worker and the team manager". */
function rolesInWords(roles: readonly string[]): string {
  const named = roles.map((role) => `the ${role === 'agency-manager' ? 'agency managers' : role === 'conference-chair' ? 'conference chair (IRO)' : role === 'coordinator' ? 'co-ordinator' : words(role)}`);
  return named.length > 1 ? `${named.slice(0, -1).join(', ')} and ${named.at(-1)}` : (named[0] ?? 'nobody');
}

/**
 * What a lead social worker, team manager or conference chair oversees in each group: its open
 * concerns, with whom each rests now and by when they must respond (overdue once past it); its blocked actions — other than the user's own, listed
 * with their actions — with what the owner said; its notices that failed (to whom, by which
 * channel, why); and its missed deadlines.
 */
function groupAttention(dashboard: DashboardResponse): AttentionItem[] {
  const mine = new Set(dashboard.myActions.map((action) => action.id));
  return dashboard.coreGroups.flatMap((group) => [
    ...(group.attention?.concerns ?? []).map((concern) => ({
      key: `concern-${concern.id}`,
      caseReference: group.caseReference,
      text: `${words(concern.kind).replace(/^./, (first) => first.toUpperCase())}: with ${rolesInWords(concern.withRoles)}${concern.overdue ? ', past its response window' : ''}`,
      due: concern.respondBy,
      dateWord: 'respond by' as const,
      status: concern.overdue ? ('overdue' as const) : ('concern' as const),
    })),
    ...(group.attention?.blockedActions ?? [])
      .filter((action) => !mine.has(action.id))
      .map((action) => ({
        key: `blocked-${group.id}-${action.id}`,
        caseReference: group.caseReference,
        text: `“${isolatedUserText(action.what)}” (${isolatedUserText(action.agency)})${action.note ? `: “${isolatedUserText(action.note)}”` : ''}`,
        due: action.since?.slice(0, 10) ?? '',
        dateWord: 'blocked since' as const,
        status: 'blocked' as const,
      })),
    ...(group.attention?.failedNotices ?? []).map((notice, index) => ({
      key: `failed-${group.id}-${index}`,
      caseReference: group.caseReference,
      text: `${NOTICE_LABELS[notice.kind]} to ${isolatedUserText(notice.memberName)}, by ${notice.channel === 'teams' ? 'Teams' : 'e-mail'} — failed: ${notice.reason}`,
      due: notice.at.slice(0, 10),
      dateWord: 'failed on' as const,
      status: 'failed' as const,
    })),
    ...(group.attention?.notInTeams ?? []).map((person, index) => ({
      key: `not-in-teams-${group.id}-${index}`,
      caseReference: group.caseReference,
      text: `${isolatedUserText(person.memberName)} (${isolatedUserText(person.agency)}) cannot be reached in Teams: Core Group could not be installed for them (their organisation does not allow it), so their notices and records go by e-mail`,
      due: person.since.slice(0, 10),
      dateWord: 'since' as const,
      status: 'not-in-teams' as const,
    })),
    ...(group.attention?.missedDeadlines ?? []).map((deadline) => ({ key: `obligation-${group.id}-${deadline.id}`, caseReference: group.caseReference, text: `${obligationLabel(deadline.kind)}: missed`, due: deadline.due, status: 'overdue' as const })),
  ]);
}

/** Why an action of the user's needs attention: past its due date, or marked blocked or at risk at its last check-in. */
function actionAttention(action: MyAction, today: string): AttentionStatus | undefined {
  if (isOverdueAction(action, today)) return 'overdue';
  return action.state === 'blocked' || action.state === 'at-risk' ? action.state : undefined;
}

/**
 * What needs doing now, across all the user's core groups: overdue and at-risk deadlines; open
 * concerns, blocked actions, failed notices and missed deadlines in groups they oversee (a missed
 * deadline listed once, from the group's attention); their actions overdue, blocked or at risk.
 */
export function needsAttention(dashboard: DashboardResponse, today: string): AttentionItem[] {
  const deadlines = dashboard.coreGroups.flatMap((group) =>
    group.obligations
      .filter((obligation): obligation is Obligation & { status: 'overdue' | 'at-risk' } => (obligation.status === 'overdue' && !group.attention) || obligation.status === 'at-risk')
      .map((obligation) => ({ key: `obligation-${group.id}-${obligation.id}`, caseReference: group.caseReference, text: obligationLabel(obligation.kind), due: obligation.due, status: obligation.status })),
  );
  const actions = dashboard.myActions.flatMap((action) => {
    const status = actionAttention(action, today);
    return status ? [{ key: `action-${action.id}`, caseReference: action.caseReference, text: `Your action: ${isolatedUserText(action.what)}`, due: action.due, status }] : [];
  });
  return [...deadlines, ...groupAttention(dashboard), ...actions].sort((a, b) => ATTENTION_ORDER.indexOf(a.status) - ATTENTION_ORDER.indexOf(b.status) || a.due.localeCompare(b.due));
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
