import type { ObligationStatus } from '../../src/domain/obligations';
import type { CoreGroupStatus } from '../../src/services/case-status.service';
import { adaptiveCard, heading, line } from './card';
import { seriesSection } from './booked-series.card';
import { escapeCardText } from './escape';
import { ukDate } from '../../src/domain/uk-date';

const LABEL: Record<ObligationStatus, string> = { met: 'Met', due: 'Due', 'at-risk': 'At risk', overdue: 'Overdue' };
const COLOUR: Record<ObligationStatus, string> = { met: 'Good', due: 'Default', 'at-risk': 'Warning', overdue: 'Attention' };

/** The caller's core groups with every obligation and its status, drift signals and the booked meeting series. 1:1 only. */
export function statusCard(statuses: readonly CoreGroupStatus[], teamsAppId: string): object {
  if (statuses.length === 0) return adaptiveCard([line('You are not a member of any core group yet.')]);
  return adaptiveCard(
    statuses.flatMap((status) => [
      heading(`Case ${escapeCardText(status.coreGroup.caseReference)}`),
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
