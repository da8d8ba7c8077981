import { type CivilDate, isBefore } from './civil-date';
import type { CoreGroupMember } from './core-group';
import { RuleViolationError, VersionConflictError, said } from './errors';
import { type CheckIn, type PlanAction, currentActions } from './plan';
import type { WorkingDays } from './working-days';

/** Progress on one of the agency's plan actions, as its report tells it. */
export interface ActionProgress {
  readonly actionId: string;
  readonly progress: string;
}

/**
 * An agency's written report for a review conference, on the Signs of Safety template (seed 004):
 * the three questions, the agency's scaling with its reasons, the child's views and lived
 * experience, and progress on each of the agency's actions.
 */
export interface AgencyReportContent {
  readonly worries: string;
  readonly workingWell: string;
  readonly needsToHappen: string;
  /** 0 (the child is not safe) to 10 (safe enough to close); none until the author scales. */
  readonly scaling?: number | undefined;
  readonly scalingReasons: string;
  readonly childsViews: string;
  readonly actionProgress: readonly ActionProgress[];
}

/** One member's report for one review conference: a draft until they submit it, then final. */
export interface AgencyReport {
  readonly id: string;
  readonly coreGroupId: string;
  readonly reviewConferenceId: string;
  readonly memberId: string;
  readonly agency: string;
  /** Counts saves, from 1: a save based on an older version is a conflict. */
  readonly version: number;
  readonly content: AgencyReportContent;
  /** ISO instant of the last save. */
  readonly updatedAt: string;
  /** ISO instant it was submitted; absent while it is a draft. */
  readonly submittedAt?: string | undefined;
}

/** Who writes a report for the review: each active professional and the lead social worker (their agencies owe the `agency-report` obligation), the lead social worker first, then by agency. */
export function reportingMembers(members: readonly CoreGroupMember[]): CoreGroupMember[] {
  const lead = (member: CoreGroupMember) => (member.role === 'lead-social-worker' ? 0 : 1);
  return members
    .filter((member) => member.active && (member.role === 'professional' || member.role === 'lead-social-worker'))
    .sort((a, b) => lead(a) - lead(b) || a.agency.localeCompare(b.agency) || a.displayName.localeCompare(b.displayName));
}

/**
 * A new report, its action progress filled from the latest check-in on each open or finished
 * action the member owns (what they already told the group), so they start from what is known.
 */
export function startReport(options: { id: string; coreGroupId: string; reviewConferenceId: string; member: CoreGroupMember; actions: readonly PlanAction[]; checkIns: readonly CheckIn[]; at: string }): AgencyReport {
  const theirs = currentActions(options.actions, options.checkIns).filter((action) => action.ownerMemberId === options.member.id && action.state !== 'dropped');
  return {
    id: options.id,
    coreGroupId: options.coreGroupId,
    reviewConferenceId: options.reviewConferenceId,
    memberId: options.member.id,
    agency: options.member.agency,
    version: 1,
    updatedAt: options.at,
    content: {
      worries: '',
      workingWell: '',
      needsToHappen: '',
      scalingReasons: '',
      childsViews: '',
      actionProgress: theirs.map((action) => ({ actionId: action.id, progress: action.lastCheckIn?.note.trim() ?? '' })),
    },
  };
}

/** Whether two versions of a report say the same, field by field. */
export function sameReportContent(a: AgencyReportContent, b: AgencyReportContent): boolean {
  const texts = (content: AgencyReportContent) => [content.worries, content.workingWell, content.needsToHappen, content.scaling ?? null, content.scalingReasons, content.childsViews, ...content.actionProgress.flatMap((entry) => [entry.actionId, entry.progress])];
  return JSON.stringify(texts(a)) === JSON.stringify(texts(b));
}

/** Saves a draft: based on the version the author read, and never once submitted. */
export function editReport(report: AgencyReport, change: { content: AgencyReportContent; baseVersion: number; at: string }): AgencyReport {
  if (report.submittedAt) throw new RuleViolationError('This report has been submitted, so it can no longer be changed. Ask the lead social worker if something in it is wrong.', { said: said('refusals.report.submitted') });
  if (change.baseVersion !== report.version) throw new VersionConflictError('The report was saved elsewhere since you opened it (another tab or device). Reload it to see the latest, then make your change again.', { said: said('serviceRefusals.reports.savedElsewhere') });
  if (change.content.scaling !== undefined && (!Number.isInteger(change.content.scaling) || change.content.scaling < 0 || change.content.scaling > 10)) throw new RuleViolationError('Scaling is a whole number from 0 to 10.', { said: said('refusals.report.scaling') });
  return { ...report, content: change.content, version: report.version + 1, updatedAt: change.at };
}

/** The parts of the template a report may lack, in its order, as the refusal names them (`refusals.report.gap.*`). */
const GAP_WORDS = {
  worries: 'what we are worried about',
  workingWell: 'what is working well',
  needsToHappen: 'what needs to happen',
  scaling: 'your scaling (0–10)',
  scalingReasons: 'the reasons for your scaling',
  childsViews: 'the child’s views and lived experience',
} as const;
export type ReportGap = keyof typeof GAP_WORDS;

/** What a report still lacks before it can be submitted, in the template's order; none when complete. */
export function missingFromReport(content: AgencyReportContent): ReportGap[] {
  const blank = (text: string) => text.trim() === '';
  const lacking: Readonly<Record<ReportGap, boolean>> = {
    worries: blank(content.worries),
    workingWell: blank(content.workingWell),
    needsToHappen: blank(content.needsToHappen),
    scaling: content.scaling === undefined,
    scalingReasons: blank(content.scalingReasons),
    childsViews: blank(content.childsViews),
  };
  return (Object.keys(GAP_WORDS) as ReportGap[]).filter((gap) => lacking[gap]);
}

/**
 * Submits a report: complete, and at the version the author read. Submitting one already
 * submitted changes nothing (a retried press).
 */
export function submitReport(report: AgencyReport, options: { version: number; at: string }): AgencyReport {
  if (report.submittedAt) return report;
  if (options.version !== report.version) throw new VersionConflictError('The report was saved elsewhere since you opened it. Reload it, check it, then submit.', { said: said('refusals.report.savedBeforeSubmit') });
  const missing = missingFromReport(report.content);
  // The catalogue has a sentence for each number of gaps, and words for each gap: `gap1`, `gap2`, … name them.
  const gaps = Object.fromEntries(missing.map((gap, index) => [`gap${index + 1}`, gap]));
  if (missing.length > 0) throw new RuleViolationError(`Before you submit, add ${missing.map((gap) => GAP_WORDS[gap]).join(', ')}.`, { said: said(`refusals.report.missing.${missing.length}`, gaps) });
  return { ...report, submittedAt: options.at };
}

/**
 * Where each reporting member's report stands, for the lead social worker: submitted, sent by
 * e-mail and filed from Outlook for their agency, being written, or not started.
 */
export type ReportStanding = 'submitted' | 'filed' | 'draft' | 'not-started';

/** Whether a standing counts as the report received (submitted in the app, or filed from an e-mail). */
export const reportReceived = (standing: ReportStanding | undefined) => standing === 'submitted' || standing === 'filed';

/** `filedAgencies`: the agencies whose report was filed from an e-mail (it stands for each of that agency's members who submitted none). */
export function reportStandings(members: readonly CoreGroupMember[], reports: readonly AgencyReport[], filedAgencies: ReadonlySet<string> = new Set()): { member: CoreGroupMember; standing: ReportStanding; report?: AgencyReport | undefined }[] {
  return reportingMembers(members).map((member) => {
    const report = reports.find((candidate) => candidate.memberId === member.id);
    const standing: ReportStanding = report?.submittedAt ? 'submitted' : filedAgencies.has(member.agency) ? 'filed' : report ? 'draft' : 'not-started';
    return { member, report, standing };
  });
}

/**
 * When members are asked for their reports, and chased: asked ten working days before the report
 * is due (or today, when that has passed), chased two working days before it is due and on the
 * day, while it is still to come. None once the due date has passed.
 */
export function reportRequestDates(options: { due: CivilDate; today: CivilDate; calendar: WorkingDays }): { ask: CivilDate; chases: CivilDate[] } | undefined {
  const { due, today, calendar } = options;
  if (isBefore(due, today)) return undefined;
  const askOn = calendar.addWorkingDays(due, -10);
  const ask = isBefore(askOn, today) ? today : askOn;
  const chases = [calendar.addWorkingDays(due, -2), due].filter((date) => isBefore(ask, date));
  return { ask, chases };
}
