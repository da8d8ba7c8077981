import { type CivilDate, isAfter } from './civil-date';
import type { Obligation, ObligationKind } from './obligations';

/** One month's obligations of one kind that fell due: met on time, or late (met late or still overdue). */
export interface ComplianceCell {
  readonly month: string;
  readonly kind: ObligationKind;
  readonly met: number;
  readonly late: number;
}

/**
 * The compliance summary of a caseload: every obligation that fell due by today (or was met
 * early), counted by the month it fell due and its kind, as met on time or late. Months and
 * kinds in order.
 */
export function complianceByMonth(obligations: readonly Obligation[], today: CivilDate): ComplianceCell[] {
  const cells = new Map<string, { month: string; kind: ObligationKind; met: number; late: number }>();
  for (const obligation of obligations) {
    if (isAfter(obligation.due, today) && obligation.status !== 'met') continue;
    const month = obligation.due.toString().slice(0, 7);
    const key = `${month}:${obligation.kind}`;
    const cell = cells.get(key) ?? { month, kind: obligation.kind, met: 0, late: 0 };
    if (obligation.status === 'met' && obligation.daysLate === 0) cell.met += 1;
    else cell.late += 1;
    cells.set(key, cell);
  }
  return [...cells.values()].sort((a, b) => a.month.localeCompare(b.month) || a.kind.localeCompare(b.kind));
}
