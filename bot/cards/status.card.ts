import type { ObligationStatus } from '../../src/domain/obligations';
import type { SignalKind } from '../../src/domain/signals';
import type { Words } from '../../src/i18n/words';
import type { CoreGroupStatus } from '../../src/services/case-status.service';
import { adaptiveCard, heading, line } from './card';
import { seriesSection } from './booked-series.card';
import { deadlineRule } from '../../src/services/deadline-words';
import { escapeCardText } from './escape';

const COLOUR: Record<ObligationStatus, string> = { met: 'Good', due: 'Default', 'at-risk': 'Warning', overdue: 'Attention' };

/** Up to this many cases, the status card shows each in full; beyond it, a line a case. */
export const CASES_IN_FULL = 5;
/**
 * The most cases listed a line each: a chat card a manager reads on a phone, not the whole
 * caseload (the dashboard's team view lists every case); what is not listed is counted.
 */
export const CASES_LISTED = 20;

/**
 * The caller's core groups, most pressing first (1:1 only), in their language. A few cases: every
 * obligation and its status, drift signals and the booked meeting series. A caseload (a team
 * manager's, a conference chair's): a line a case — how many deadlines are overdue and at risk,
 * the next one — at most `CASES_LISTED`, the rest counted (and how many of them are pressing too),
 * with how to see one case in full. `caseload`: how many cases the caller has, when `statuses`
 * holds only the most pressing of them, and how many of those left out of `statuses` have a
 * deadline overdue or at risk.
 */
export function statusCard(words: Words, statuses: readonly CoreGroupStatus[], teamsAppId: string, caseload = { total: statuses.length, pressing: 0 }): object {
  if (statuses.length === 0) return adaptiveCard([line(words.t('choose.noCoreGroup'))]);
  return caseload.total > CASES_IN_FULL ? caseloadCard(words, statuses, caseload) : detailedCard(words, statuses, teamsAppId);
}

/** One case's line on a caseload card: what is overdue and at risk, and the next deadline (there is always one when something is overdue or at risk). */
function summaryOf(words: Words, status: CoreGroupStatus, overdue: number, atRisk: number): string {
  const { t, dates } = words;
  const next = status.obligations.find((obligation) => obligation.status !== 'met');
  if (!next) return t('status.summary.noOpenDeadlines');
  const values = { overdue, atRisk, rule: escapeCardText(deadlineRule(words, next)), date: dates.date(next.due) };
  if (overdue > 0) return t(atRisk > 0 ? 'status.summary.overdueAtRisk' : 'status.summary.overdue', values);
  return t(atRisk > 0 ? 'status.summary.atRisk' : 'status.summary.next', values);
}

/** `statuses`: the most pressing cases (all of them, or at least the first `CASES_LISTED`); `caseload`: how many the caller has, and how many pressing ones `statuses` leaves out. */
function caseloadCard(words: Words, statuses: readonly CoreGroupStatus[], caseload: { total: number; pressing: number }): object {
  const { t } = words;
  const { total } = caseload;
  const listed = statuses.slice(0, CASES_LISTED);
  const count = (status: CoreGroupStatus, wanted: ObligationStatus) => status.obligations.filter((obligation) => obligation.status === wanted).length;
  return adaptiveCard([
    heading(t('status.caseloadTitle', { total })),
    ...listed.map((status) => {
      const overdue = count(status, 'overdue');
      const atRisk = count(status, 'at-risk');
      return {
        type: 'ColumnSet',
        separator: true,
        columns: [
          { type: 'Column', width: 'auto', items: [line(t('caseCard.case', { caseReference: escapeCardText(status.coreGroup.caseReference) }), { weight: 'Bolder' })] },
          { type: 'Column', width: 'stretch', items: [line(summaryOf(words, status, overdue, atRisk), { color: overdue > 0 ? 'Attention' : atRisk > 0 ? 'Warning' : 'Default' })] },
        ],
      };
    }),
    ...(total > listed.length ? [moreLine(words, total - listed.length, caseload.pressing + statuses.slice(listed.length).filter((status) => count(status, 'overdue') + count(status, 'at-risk') > 0).length)] : []),
    line(t('status.oneInFull', { caseReference: escapeCardText(listed[0]!.coreGroup.caseReference) }), { isSubtle: true }),
  ]);
}

/** The cases a caseload card does not list: how many, and how many of them have a deadline overdue or at risk too. */
function moreLine({ t }: Words, more: number, pressing: number): object {
  const text = pressing === 0 ? t('status.more.none', { more }) : pressing === more ? t('status.more.all', { more }) : t('status.more.some', { more, pressing });
  return line(text, pressing > 0 ? { color: 'Warning' } : { isSubtle: true });
}

/** The drift and attendance signals of a case: none, or how many and of which kinds. */
function signalsLine({ t }: Words, kinds: readonly SignalKind[]): object {
  const names = [...new Set(kinds)].map((kind) => t(`status.signal.${kind}`));
  return line(kinds.length === 0 ? t('status.noSignals') : t('status.signals', { number: kinds.length, kinds: names.join(', ') }), { isSubtle: true });
}

function detailedCard(words: Words, statuses: readonly CoreGroupStatus[], teamsAppId: string): object {
  const { t, dates } = words;
  const standing = (obligation: CoreGroupStatus['obligations'][number]) =>
    obligation.status === 'overdue' || (obligation.status === 'met' && obligation.daysLate > 0) ? t(`status.late.${obligation.status}`, { days: obligation.daysLate }) : t(`status.label.${obligation.status}`);
  return adaptiveCard(
    statuses.flatMap((status) => [
      heading(t('caseCard.case', { caseReference: escapeCardText(status.coreGroup.caseReference) })),
      ...(status.transferredIn ? [line(t('status.transferredIn', { from: escapeCardText(status.transferredIn.from), date: dates.date(status.transferredIn.on) }), { isSubtle: true })] : []),
      ...status.obligations
        .filter((obligation) => obligation.status !== 'met' || obligation.daysLate > 0)
        .map((obligation) => ({
          type: 'ColumnSet',
          columns: [
            { type: 'Column', width: 'auto', items: [line(dates.date(obligation.due), { isSubtle: true })] },
            { type: 'Column', width: 'stretch', items: [line(escapeCardText(deadlineRule(words, obligation)))] },
            { type: 'Column', width: 'auto', items: [line(standing(obligation), { color: COLOUR[obligation.status], weight: 'Bolder' })] },
          ],
        })),
      ...(status.booked ? seriesSection(words, status.booked, teamsAppId) : [line(t('status.noMeetingBooked'), { isSubtle: true })]),
      signalsLine(words, status.signals.map((signal) => signal.kind)),
    ]),
  );
}
