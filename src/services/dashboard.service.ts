import { Temporal } from 'temporal-polyfill';
import type { CivilDate } from '../domain/civil-date';
import type { ObligationKind } from '../domain/obligations';
import type { Caller } from './authorise';
import type { CaseStatusService } from './case-status.service';
import type { MeetingRepository } from './ports/store.port';

/** One month's obligations of one kind that fell due: met on time, or late (met late or still overdue). */
export interface ComplianceCell {
  readonly month: string;
  readonly kind: ObligationKind;
  readonly met: number;
  readonly late: number;
}

export interface TimelineEntry {
  readonly coreGroupId: string;
  readonly date: CivilDate;
  readonly kind: 'icpc' | 'core-group' | 'review-conference' | 'action-due';
  readonly label: string;
}

/**
 * The personal dashboard: the caller's core groups with their obligations and signals, their own
 * actions, a compliance summary (obligations that fell due, by month and kind: met on time or
 * late) and a timeline per plan. Built from the same authorised, audited reads as `/coregroup status`.
 */
export function createDashboard(deps: { status: Pick<CaseStatusService, 'myStatus' | 'myActions'>; meetings: Pick<MeetingRepository, 'loadCaseTimeline'>; clock: { today(): CivilDate } }) {
  return {
    async of(caller: Caller) {
      const today = deps.clock.today();
      const [statuses, myActions] = await Promise.all([deps.status.myStatus(caller), deps.status.myActions(caller)]);
      const cells = new Map<string, { month: string; kind: ObligationKind; met: number; late: number }>();
      const timeline: TimelineEntry[] = [];
      const coreGroups = [];
      for (const status of statuses) {
        for (const obligation of status.obligations) {
          if (Temporal.PlainDate.compare(obligation.due, today) > 0 && obligation.status !== 'met') continue;
          const month = obligation.due.toString().slice(0, 7);
          const cell = cells.get(`${month}:${obligation.kind}`) ?? { month, kind: obligation.kind, met: 0, late: 0 };
          if (obligation.status === 'met' && obligation.daysLate === 0) cell.met += 1;
          else cell.late += 1;
          cells.set(`${month}:${obligation.kind}`, cell);
        }
        const caseTimeline = await deps.meetings.loadCaseTimeline(status.coreGroup.id);
        timeline.push({ coreGroupId: status.coreGroup.id, date: caseTimeline.icpcDate, kind: 'icpc', label: 'Initial child protection conference' });
        for (const meeting of caseTimeline.meetings.filter((entry) => entry.status !== 'cancelled')) timeline.push({ coreGroupId: status.coreGroup.id, date: meeting.date, kind: 'core-group', label: meeting.status === 'held' ? 'Core group (held)' : 'Core group (booked)' });
        for (const review of caseTimeline.reviewConferences.filter((entry) => entry.status !== 'cancelled')) timeline.push({ coreGroupId: status.coreGroup.id, date: review.date, kind: 'review-conference', label: 'Review conference' });
        for (const action of status.actions.filter((entry) => entry.state !== 'done' && entry.state !== 'dropped')) timeline.push({ coreGroupId: status.coreGroup.id, date: action.due, kind: 'action-due', label: action.what });
        const nextMeeting = caseTimeline.meetings.filter((entry) => entry.status === 'scheduled' && Temporal.PlainDate.compare(entry.date, today) >= 0).sort((a, b) => Temporal.PlainDate.compare(a.date, b.date))[0];
        coreGroups.push({
          id: status.coreGroup.id,
          caseReference: status.coreGroup.caseReference,
          role: status.role,
          obligations: status.obligations.filter((obligation) => obligation.status !== 'met').map((obligation) => ({ id: obligation.id, kind: obligation.kind, rule: obligation.rule, due: obligation.due, status: obligation.status, daysLate: obligation.daysLate })),
          signals: status.signals.map((signal) => ({ kind: signal.kind, subjectId: signal.subjectId, measure: signal.measure })),
          nextMeeting: nextMeeting ? { id: nextMeeting.id, date: nextMeeting.date } : undefined,
        });
      }
      return {
        coreGroups,
        myActions: myActions.map((item) => ({ coreGroupId: item.coreGroupId, caseReference: item.caseReference, id: item.action.id, what: item.action.what, due: item.action.due, state: item.action.state, lastCheckIn: item.action.lastCheckIn })),
        compliance: [...cells.values()].sort((a, b) => a.month.localeCompare(b.month) || a.kind.localeCompare(b.kind)),
        timeline: timeline.sort((a, b) => Temporal.PlainDate.compare(a.date, b.date)),
      };
    },
  };
}

export type Dashboard = ReturnType<typeof createDashboard>;
