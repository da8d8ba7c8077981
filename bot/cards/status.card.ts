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
/**
 * The most cases listed a line each: a chat card a manager reads on a phone, not the whole
 * caseload (the dashboard's team view lists every case); what is not listed is counted.
 */
export const CASES_LISTED = 20;

/**
 * The caller's core groups, most pressing first (1:1 only). A few cases: every obligation and its
 * status, drift signals and the booked meeting series. A caseload (a team manager's, a conference
 * chair's): a line a case — how many deadlines are overdue and at risk, the next one — at most
 * `CASES_LISTED`, the rest counted (and how many of them are pressing too), with how to see one
 * case in full. `caseload`: how many cases the caller has, when `statuses` holds only the most
 * pressing of them, and how many of those left out of `statuses` have a deadline overdue or at risk.
 */
export function statusCard(statuses: readonly CoreGroupStatus[], teamsAppId: string, caseload = { total: statuses.length, pressing: 0 }): object {
  if (statuses.length === 0) return adaptiveCard([line('You are not a member of any core group yet.')]);
  return caseload.total > CASES_IN_FULL ? caseloadCard(statuses, caseload) : detailedCard(statuses, teamsAppId);
}

/** `statuses`: the most pressing cases (all of them, or at least the first `CASES_LISTED`); `caseload`: how many the caller has, and how many pressing ones `statuses` leaves out. */
function caseloadCard(statuses: readonly CoreGroupStatus[], caseload: { total: number; pressing: number }): object {
  const { total } = caseload;
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
    ...(total > listed.length ? [moreLine(total - listed.length, caseload.pressing + statuses.slice(listed.length).filter((status) => count(status, 'overdue') + count(status, 'at-risk') > 0).length)] : []),
    line(`Type /coregroup status and a case reference (for example /coregroup status ${escapeCardText(listed[0]!.coreGroup.caseReference)}) for one case in full.`, { isSubtle: true }),
  ]);
}

/** The cases a caseload card does not list: how many, and how many of them have a deadline overdue or at risk too. */
function moreLine(more: number, pressing: number): object {
  const also = pressing === 0 ? 'none with a deadline overdue or at risk' : pressing === more ? 'all with a deadline overdue or at risk' : `${pressing} of them with a deadline overdue or at risk`;
  return line(`And ${more} more (${also}): the dashboard's team view lists every case.`, pressing > 0 ? { color: 'Warning' } : { isSubtle: true });
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
