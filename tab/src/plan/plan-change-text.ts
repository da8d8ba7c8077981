import type { PlanChangeLineWire } from '@contracts/plan.contract';
import { isolatedUserText } from '../common/display-text';
import type { TabTranslate } from '../i18n/i18n';

/**
 * One line of the plan's change log in the page's language, from the facts the server sends:
 * "Action changed (owner, due date): “Weekly home visit”" (the outcome's or action's words as written).
 */
export function planChangeText(t: TabTranslate, line: PlanChangeLineWire): string {
  const subject = isolatedUserText(line.subject ?? '');
  const fields = line.fields ?? [];
  if (line.kind === 'action-changed' && fields.length > 0) return t('planChange.action-changed-fields', { subject, fields: fields.map((field) => t(`planChange.field.${field}`)).join(', ') });
  return t(`planChange.${line.kind}`, { subject });
}
