import type { DeadlineStatus } from '@contracts/wire-values.contract';

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

export const ATTENTION_COLOURS: Readonly<Record<'overdue' | 'concern' | 'blocked' | 'failed' | 'not-in-teams' | 'at-risk', 'warning' | 'danger'>> = { overdue: 'danger', concern: 'warning', blocked: 'danger', failed: 'danger', 'not-in-teams': 'warning', 'at-risk': 'warning' };
