import type { ComplianceEntry } from '@contracts/dashboard.contract';
import { OBLIGATION_LABELS } from '../../../common/labels';

export interface ComplianceMonth {
  month: string;
  met: number;
  late: number;
  /** Met on time, per kind, in the order of `kinds`. */
  metByKind: number[];
  lateByKind: number[];
}

/**
 * Obligations that fell due, by month: how many were met on time in each kind, and in all. The
 * share on time stacks by kind to the month's overall share.
 */
export function complianceByMonth(entries: readonly ComplianceEntry[]): { kinds: string[]; months: ComplianceMonth[] } {
  const known = Object.keys(OBLIGATION_LABELS);
  const rank = (kind: string) => (known.includes(kind) ? known.indexOf(kind) : known.length);
  const kinds = [...new Set(entries.map((entry) => entry.kind))].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const monthNames = [...new Set(entries.map((entry) => entry.month))].sort();
  const months = monthNames.map((month) => {
    const inMonth = entries.filter((entry) => entry.month === month);
    const metByKind = kinds.map((kind) => inMonth.filter((entry) => entry.kind === kind).reduce((sum, entry) => sum + entry.met, 0));
    const lateByKind = kinds.map((kind) => inMonth.filter((entry) => entry.kind === kind).reduce((sum, entry) => sum + entry.late, 0));
    return { month, metByKind, lateByKind, met: metByKind.reduce((a, b) => a + b, 0), late: lateByKind.reduce((a, b) => a + b, 0) };
  });
  return { kinds, months };
}

export function percent(part: number, whole: number): string {
  return whole === 0 ? '—' : `${Math.round((part / whole) * 100)}%`;
}
