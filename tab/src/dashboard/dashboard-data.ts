import type { DashboardCoreGroup, DashboardResponse, MyAction, Obligation } from '@contracts/dashboard.contract';
import { isolatedUserText } from '../common/display-text';
import type { TabTranslate } from '../i18n/i18n';
import { deadlineIn } from './dashboard-words';
import { noticeReasonText } from './notice-reason';

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
  dateWord?: 'respond-by' | 'blocked-since' | 'failed-on' | 'since';
  status: AttentionStatus;
}

export type AttentionStatus = 'overdue' | 'concern' | 'blocked' | 'failed' | 'not-in-teams' | 'at-risk';
const ATTENTION_ORDER: readonly AttentionStatus[] = ['overdue', 'concern', 'blocked', 'failed', 'not-in-teams', 'at-risk'];

/** Marks a catalogue entry that is not there. */
const MISSING = '\u0000';

/**
 * With whom a concern rests, as a sentence names them: "with the lead social worker and the team
 * manager" — each set of roles a route names has its phrase in the catalogue (Welsh mutates after
 * "gyda"); any other set is put together one role at a time.
 */
function withRoles(t: TabTranslate, roles: readonly string[]): string {
  if (roles.length === 0) return t('dashAttention.withNobody');
  const phrase = t(`dashAttention.with.${roles.join('+')}`, { defaultValue: MISSING });
  if (phrase !== MISSING) return phrase;
  const people = roles.map((role) => t(`dashLabels.role.${role}`, { defaultValue: role.replaceAll('-', ' ') })).reduce((first, second) => t('dashAttention.peopleAnd', { first, second }));
  return t('dashAttention.withPeople', { people });
}

/**
 * What a lead social worker, team manager or conference chair oversees in each group: its open
 * concerns, with whom each rests now and by when they must respond (overdue once past it); its blocked actions — other than the user's own, listed
 * with their actions — with what the owner said; its notices that failed (to whom, by which
 * channel, why); and its missed deadlines.
 */
type FailedNotice = NonNullable<DashboardCoreGroup['attention']>['failedNotices'][number];

/** A notice that did not go, in the page's language: what, to whom (a former member, if they left), by which channel, and why. */
function failedNoticeText(notice: FailedNotice, t: TabTranslate): string {
  const said = { notice: t(`dashLabels.notice.${notice.kind}`), reason: notice.reason === undefined ? t('dashNoticeReason.none') : noticeReasonText(notice.reason, t) };
  if (notice.memberName === undefined) return t(notice.channel === 'teams' ? 'dashAttention.failedFormer.teams' : 'dashAttention.failedFormer.email', said);
  return t(notice.channel === 'teams' ? 'dashAttention.failed.teams' : 'dashAttention.failed.email', { ...said, name: isolatedUserText(notice.memberName) });
}

function groupAttention(dashboard: DashboardResponse, t: TabTranslate): AttentionItem[] {
  const mine = new Set(dashboard.myActions.map((action) => action.id));
  return dashboard.coreGroups.flatMap((group) => [
    ...(group.attention?.concerns ?? []).map((concern) => ({
      key: `concern-${concern.id}`,
      caseReference: group.caseReference,
      text: t(concern.overdue ? 'dashAttention.concernOverdue' : 'dashAttention.concern', { concern: t(`dashLabels.concernKind.${concern.kind}`), withWhom: withRoles(t, concern.withRoles) }),
      due: concern.respondBy,
      dateWord: 'respond-by' as const,
      status: concern.overdue ? ('overdue' as const) : ('concern' as const),
    })),
    ...(group.attention?.blockedActions ?? [])
      .filter((action) => !mine.has(action.id))
      .map((action) => ({
        key: `blocked-${group.id}-${action.id}`,
        caseReference: group.caseReference,
        text: action.note
          ? t('dashAttention.blockedNote', { what: isolatedUserText(action.what), agency: isolatedUserText(action.agency), note: isolatedUserText(action.note) })
          : t('dashAttention.blocked', { what: isolatedUserText(action.what), agency: isolatedUserText(action.agency) }),
        due: action.since?.slice(0, 10) ?? '',
        dateWord: 'blocked-since' as const,
        status: 'blocked' as const,
      })),
    ...(group.attention?.failedNotices ?? []).map((notice, index) => ({
      key: `failed-${group.id}-${index}`,
      caseReference: group.caseReference,
      text: failedNoticeText(notice, t),
      due: notice.at.slice(0, 10),
      dateWord: 'failed-on' as const,
      status: 'failed' as const,
    })),
    ...(group.attention?.notInTeams ?? []).map((person, index) => ({
      key: `not-in-teams-${group.id}-${index}`,
      caseReference: group.caseReference,
      text: t('dashAttention.notInTeams', { name: isolatedUserText(person.memberName), agency: isolatedUserText(person.agency) }),
      due: person.since.slice(0, 10),
      dateWord: 'since' as const,
      status: 'not-in-teams' as const,
    })),
    ...(group.attention?.missedDeadlines ?? []).map((deadline) => ({ key: `obligation-${group.id}-${deadline.id}`, caseReference: group.caseReference, text: t('dashAttention.missed', { obligation: deadlineIn(t, deadline) }), due: deadline.due, status: 'overdue' as const })),
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
 * In the page's language (`t`); the user's own words as they wrote them.
 */
export function needsAttention(dashboard: DashboardResponse, today: string, t: TabTranslate): AttentionItem[] {
  const deadlines = dashboard.coreGroups.flatMap((group) =>
    group.obligations
      .filter((obligation): obligation is Obligation & { status: 'overdue' | 'at-risk' } => (obligation.status === 'overdue' && !group.attention) || obligation.status === 'at-risk')
      .map((obligation) => ({ key: `obligation-${group.id}-${obligation.id}`, caseReference: group.caseReference, text: deadlineIn(t, obligation), due: obligation.due, status: obligation.status })),
  );
  const actions = dashboard.myActions.flatMap((action) => {
    const status = actionAttention(action, today);
    return status ? [{ key: `action-${action.id}`, caseReference: action.caseReference, text: t('dashAttention.yourAction', { what: isolatedUserText(action.what) }), due: action.due, status }] : [];
  });
  return [...deadlines, ...groupAttention(dashboard, t), ...actions].sort((a, b) => ATTENTION_ORDER.indexOf(a.status) - ATTENTION_ORDER.indexOf(b.status) || a.due.localeCompare(b.due));
}

/** A drift or attendance signal in words, in the page's language (ids only come from the server: no names, no case content). */
export function signalText(signal: DashboardCoreGroup['signals'][number], group: DashboardCoreGroup, actions: readonly MyAction[], t: TabTranslate): string {
  const count = signal.measure;
  switch (signal.kind) {
    case 'action-overdue': {
      const action = actions.find((candidate) => candidate.id === signal.subjectId);
      return action ? t('dashSignals.overdueNamed', { what: isolatedUserText(action.what), count }) : t('dashSignals.overdueUnnamed', { count });
    }
    case 'action-silent': {
      const action = actions.find((candidate) => candidate.id === signal.subjectId);
      return action ? t('dashSignals.silentNamed', { what: isolatedUserText(action.what), count }) : t('dashSignals.silentUnnamed', { count });
    }
    case 'member-absent':
      return t('dashSignals.absent', { count });
    case 'deadline-missed': {
      const obligation = group.obligations.find((candidate) => candidate.id === signal.subjectId);
      return obligation ? t('dashSignals.missedNamed', { obligation: deadlineIn(t, obligation), count }) : t('dashSignals.missedUnnamed', { count });
    }
    default:
      return t('dashSignals.other');
  }
}
