import type { ObligationStatus } from '../../src/domain/obligations';
import type { CoreGroupStatus } from '../../src/services/case-status.service';
import { adaptiveCard, heading, line } from './card';
import { seriesSection } from './booked-series.card';
import { escapeCardText } from './escape';
import { ukDate } from '../../src/domain/uk-date';

const LABEL: Record<ObligationStatus, string> = { met: 'Met', due: 'Due', 'at-risk': 'At risk', overdue: 'Overdue' };
const COLOUR: Record<ObligationStatus, string> = { met: 'Good', due: 'Default', 'at-risk': 'Warning', overdue: 'Attention' };

/** Up to this many cases, the status card shows each in full; beyond it, a line a case. */
export const CASES_IN_FULL = 5;
/** The most cases listed a line each: Teams refuses a message over about 28 KB. */
export const CASES_LISTED = 40;

/**
 * The caller's core groups, most pressing first (1:1 only). A few cases: every obligation and its
 * status, drift signals and the booked meeting series. A caseload (a team manager's, a conference
 * chair's): a line a case — how many deadlines are overdue and at risk, the next one — at most
 * `CASES_LISTED`, the rest counted, with how to see one case in full. `total`: how many cases the
 * caller has, when `statuses` holds only the most pressing of them.
 */
export function statusCard(statuses: readonly CoreGroupStatus[], teamsAppId: string, total = statuses.length): object {
  if (statuses.length === 0) return adaptiveCard([line('You are not a member of any core group yet.')]);
  return total > CASES_IN_FULL ? caseloadCard(statuses, total) : detailedCard(statuses, teamsAppId);
}

/** `statuses`: the most pressing cases (all of them, or at least the first `CASES_LISTED`); `total`: how many the caller has. */
function caseloadCard(statuses: readonly CoreGroupStatus[], total: number): object {
  const listed = statuses.slice(0, CASES_LISTED);
  const count = (status: CoreGroupStatus, wanted: ObligationStatus) => status.obligations.filter((obligation) => obligation.status === wanted).length;
  return adaptiveCard([
    heading(`Your ${total} core groups, most pressing first`),
    ...listed.map((status) => {
      const next = status.obligations.find((obligation) => obligation.status !== 'met');
      const overdue = count(status, 'overdue');
      const atRisk = count(status, 'at-risk');
      const summary = [overdue > 0 ? `${overdue} overdue` : '', atRisk > 0 ? `${atRisk} at risk` : '', next ? `next: ${escapeCardText(next.rule)} by ${ukDate(next.due)}` : 'no open deadlines'].filter(Boolean).join(' · ');
      return {
        type: 'ColumnSet',
        separator: true,
        columns: [
          { type: 'Column', width: 'auto', items: [line(`Case ${escapeCardText(status.coreGroup.caseReference)}`, { weight: 'Bolder' })] },
          { type: 'Column', width: 'stretch', items: [line(summary, { color: overdue > 0 ? 'Attention' : atRisk > 0 ? 'Warning' : 'Default' })] },
        ],
      };
    }),
    ...(total > listed.length ? [line(`And ${total - listed.length} more, less pressing: the dashboard lists them all.`, { isSubtle: true })] : []),
    line(`Type /coregroup status and a case reference (for example /coregroup status ${escapeCardText(listed[0]!.coreGroup.caseReference)}) for one case in full.`, { isSubtle: true }),
  ]);
}

function detailedCard(statuses: readonly CoreGroupStatus[], teamsAppId: string): object {
  return adaptiveCard(
    statuses.flatMap((status) => [
      heading(`Case ${escapeCardText(status.coreGroup.caseReference)}`),
      ...(status.transferredIn ? [line(`Transferred in from ${escapeCardText(status.transferredIn.from)} on ${ukDate(status.transferredIn.on)} (transfer-in conference).`, { isSubtle: true })] : []),
      ...status.obligations
        .filter((obligation) => obligation.status !== 'met' || obligation.daysLate > 0)
        .map((obligation) => ({
          type: 'ColumnSet',
          columns: [
            { type: 'Column', width: 'auto', items: [line(ukDate(obligation.due), { isSubtle: true })] },
            { type: 'Column', width: 'stretch', items: [line(escapeCardText(obligation.rule))] },
            { type: 'Column', width: 'auto', items: [line(obligation.status === 'overdue' || (obligation.status === 'met' && obligation.daysLate > 0) ? `${LABEL[obligation.status]} (${obligation.daysLate} days late)` : LABEL[obligation.status], { color: COLOUR[obligation.status], weight: 'Bolder' })] },
          ],
        })),
      ...(status.booked ? seriesSection(status.booked, teamsAppId) : [line('No core group meeting is booked.', { isSubtle: true })]),
      line(status.signals.length === 0 ? 'No drift or attendance signals.' : `${status.signals.length} signal(s): ${[...new Set(status.signals.map((signal) => signal.kind.replace(/-/g, ' ')))].join(', ')}.`, { isSubtle: true }),
    ]),
  );
}
