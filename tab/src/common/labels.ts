import type { DashboardCoreGroup } from '@contracts/dashboard.contract';
import type { Attendance, RecommendationOutcome, YesNoUnknown } from '@contracts/minutes.contract';
import type { ActionState, CheckInStatus, DeadlineStatus } from '@contracts/wire-values.contract';

export const ATTENDANCE_LABELS: Readonly<Record<Attendance, string>> = {
  invited: 'Not recorded yet',
  present: 'Present',
  apologies: 'Apologies',
  'representative-sent': 'Sent a representative',
  'written-report': 'Written report received',
  absent: 'Absent',
};

export const CHECK_IN_LABELS: Readonly<Record<CheckInStatus, string>> = {
  'on-track': 'On track',
  'at-risk': 'At risk',
  done: 'Done',
  blocked: 'Blocked',
};

export const ACTION_STATE_LABELS: Readonly<Record<ActionState, string>> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  'at-risk': 'At risk',
  blocked: 'Blocked',
  done: 'Done',
  dropped: 'Dropped',
};

export const DEADLINE_LABELS: Readonly<Record<DeadlineStatus, string>> = {
  met: 'Met',
  due: 'Due',
  'at-risk': 'At risk',
  overdue: 'Overdue',
};

/** Fluent Badge colours for a deadline's status (text always says it too, never colour alone). */
export const DEADLINE_COLOURS: Readonly<Record<DeadlineStatus, 'success' | 'informative' | 'warning' | 'danger'>> = {
  met: 'success',
  due: 'informative',
  'at-risk': 'warning',
  overdue: 'danger',
};

export const OBLIGATION_LABELS: Readonly<Record<string, string>> = {
  'first-core-group': 'First core group',
  'core-group': 'Core group meeting',
  'minutes-circulation': 'Minutes circulated',
  'plan-circulation': 'Plan circulated',
  cp9: 'CP9',
  'review-conference': 'Review conference',
  'agency-report': 'Agency report',
};

export function obligationLabel(kind: string): string {
  return OBLIGATION_LABELS[kind] ?? kind.replaceAll('-', ' ');
}

/** The badge of an item under "Needs attention": a deadline's status, or a blocked action. */
export const ATTENTION_LABELS: Readonly<Record<'overdue' | 'concern' | 'blocked' | 'failed' | 'not-in-teams' | 'at-risk', string>> = { overdue: DEADLINE_LABELS.overdue, concern: 'Concern', blocked: 'Blocked', failed: 'Not delivered', 'not-in-teams': 'Not in Teams', 'at-risk': DEADLINE_LABELS['at-risk'] };
export const ATTENTION_COLOURS: Readonly<Record<'overdue' | 'concern' | 'blocked' | 'failed' | 'not-in-teams' | 'at-risk', 'warning' | 'danger'>> = { overdue: 'danger', concern: 'warning', blocked: 'danger', failed: 'danger', 'not-in-teams': 'warning', 'at-risk': 'warning' };

type NoticeKind = NonNullable<DashboardCoreGroup['attention']>['failedNotices'][number]['kind'];

/** Each kind of notice the app sends a person, as "Needs attention" names a failed one. */
export const NOTICE_LABELS: Readonly<Record<NoticeKind, string>> = {
  concern: 'Concern notice',
  'check-in-prompt': 'Check-in prompt',
  chase: 'Missing check-in chase',
  signal: 'Drift or deadline signal',
  welcome: 'Welcome to the core group',
  'sign-off-reminder': 'Minutes sign-off reminder',
  'institution-task': 'Institution letter task',
  'plan-not-received': 'Plan-not-received notice',
  undelivered: 'Undelivered-notice alert',
  'agency-report-request': 'Request for a written report',
  'conference-pack': 'Conference pack',
  'minutes-returned': 'Minutes sent back to the chair',
};

export const YES_NO_LABELS: Readonly<Record<YesNoUnknown, string>> = {
  yes: 'Yes',
  no: 'No',
  'not-recorded': 'Not recorded',
};

export const RECOMMENDATION_LABELS: Readonly<Record<RecommendationOutcome, string>> = {
  continue: 'The plan continues',
  'continue-with-changes': 'The plan continues, with changes',
  end: 'The plan ends',
};
