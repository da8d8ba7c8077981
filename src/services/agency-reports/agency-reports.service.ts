import { type AgencyReport, type AgencyReportContent, type ReportStanding, editReport, reportReceived, reportStandings, reportingMembers, sameReportContent, startReport, submitReport } from '../../domain/agency-report';
import { type CivilDate, isBefore, londonDateOf } from '../../domain/civil-date';
import type { CoreGroup, CoreGroupMember } from '../../domain/core-group';
import { ForbiddenError, NotFoundError, RuleViolationError, VersionConflictError, said } from '../../domain/errors';
import { can } from '../../domain/permissions';
import type { PlanAction } from '../../domain/plan';
import type { ReviewConference } from '../../domain/review-conference';
import { ukDate } from '../../domain/uk-date';
import { type Caller, authorise } from '../authorise';
import { uuidFromKey } from '../deterministic-id';
import { type FiledDocument, filedReportAgencies } from '../../domain/filed-document';
import type { AgencyReportRepository, AuditLog, CheckInRepository, CoreGroupRepository, FiledDocumentRepository, PlanRepository } from '../ports/store.port';
import { type ReviewReportsDeps, reportsDue, reviewAndReportsDue } from './review-reports';

export interface AgencyReportsDeps extends ReviewReportsDeps {
  readonly coreGroups: Pick<CoreGroupRepository, 'findById' | 'findMember' | 'members' | 'listMemberships'>;
  readonly agencyReports: AgencyReportRepository;
  readonly filedDocuments: Pick<FiledDocumentRepository, 'listByReview'>;
  readonly plans: Pick<PlanRepository, 'current'>;
  readonly checkIns: Pick<CheckInRepository, 'listByCoreGroup'>;
  readonly auditLog: Pick<AuditLog, 'append'>;
}

/** The reports for one review conference as the caller sees them: their own to write, and — for those who follow them — where every member's stands. */
export interface ReviewReports {
  readonly coreGroup: Pick<CoreGroup, 'id' | 'caseReference'>;
  readonly review: ReviewConference;
  readonly due: CivilDate | undefined;
  /** The caller's own report (a prefilled, unsaved one at version 0 until they first save), with the plan actions they own; absent when they write none. */
  readonly mine?: { readonly report: AgencyReport; readonly actions: readonly Pick<PlanAction, 'id' | 'what' | 'due'>[] } | undefined;
  /** Every reporting member's standing, for the lead social worker, the team manager and the conference chair. */
  readonly standings?: readonly { readonly member: CoreGroupMember; readonly standing: ReportStanding; readonly report?: AgencyReport | undefined }[] | undefined;
  /** Agencies' reports sent by e-mail and filed from Outlook, for those who follow the reports. */
  readonly filed?: readonly { readonly document: FiledDocument; readonly filedBy: string | undefined }[] | undefined;
}

/** A review conference with reports the caller writes or follows, for the dashboard. */
export interface ReportsToDo {
  readonly coreGroupId: string;
  readonly caseReference: string;
  readonly reviewConferenceId: string;
  readonly reviewOn: CivilDate;
  readonly due: CivilDate | undefined;
  readonly mine?: ReportStanding | undefined;
  readonly submitted: number;
  readonly expected: number;
}

const CONFLICT = 'Your report was saved elsewhere since you opened it (another tab or device). Reload it to see the latest, then make your change again.';

const reportId = (reviewConferenceId: string, memberId: string) => uuidFromKey(`agency-report:${reviewConferenceId}:${memberId}`);

/**
 * Agencies' written reports for a review conference (seeds 000, 002, 004): each professional and
 * the lead social worker writes theirs on the Signs of Safety template — a draft saved as they go,
 * then submitted, which meets their agency's `agency-report` obligation. The lead social worker,
 * the team manager and the conference chair see who has and has not submitted, and read each
 * submitted report. Every read and write is authorised from the verified caller and audited;
 * saving the same version again is a conflict, submitting again changes nothing.
 */
export function createAgencyReports(deps: AgencyReportsDeps) {
  const forReview = async (caller: Caller, coreGroupId: string, reviewConferenceId: string, action: 'view-compliance' | 'write-agency-report') => {
    const access = await authorise(deps, { caller, coreGroupId, action, targetId: reviewConferenceId });
    const found = await reviewAndReportsDue(deps, access.coreGroup, reviewConferenceId);
    return { ...access, ...found };
  };

  const ownActions = async (coreGroupId: string, member: CoreGroupMember) => {
    const [plan, checkIns] = await Promise.all([deps.plans.current(coreGroupId), deps.checkIns.listByCoreGroup(coreGroupId)]);
    const actions = (plan?.actions ?? []).filter((action) => action.ownerMemberId === member.id && action.state !== 'dropped');
    return { actions: plan?.actions ?? [], checkIns, own: actions.map((action) => ({ id: action.id, what: action.what, due: action.due })) };
  };

  const mineOf = async (coreGroup: CoreGroup, review: ReviewConference, member: CoreGroupMember, reports: readonly AgencyReport[]): Promise<ReviewReports['mine']> => {
    if (!can({ role: member.role }, 'write-agency-report') || !reportingMembers([member]).length) return undefined;
    const { actions, checkIns, own } = await ownActions(coreGroup.id, member);
    const stored = reports.find((report) => report.memberId === member.id);
    const report = stored ?? { ...startReport({ id: reportId(review.id, member.id), coreGroupId: coreGroup.id, reviewConferenceId: review.id, member, actions, checkIns, at: deps.clock.nowIso() }), version: 0 };
    return { report, actions: own };
  };

  const writable = (review: ReviewConference, coreGroup: CoreGroup) => {
    if (coreGroup.planEndedOn) throw new RuleViolationError(`The plan here ended on ${ukDate(coreGroup.planEndedOn)}: no report is owed for it now.`, { said: said('serviceRefusals.reports.planEnded', { on: coreGroup.planEndedOn.toString() }) });
    if (review.status !== 'scheduled') throw new RuleViolationError(`The review conference of ${ukDate(review.date)} is ${review.status === 'held' ? 'over' : 'cancelled'}: reports for it can no longer be changed.`, { said: said(review.status === 'held' ? 'serviceRefusals.reports.reviewOver' : 'serviceRefusals.reports.reviewCancelled', { on: review.date.toString() }) });
  };

  const ensureOwnable = (content: AgencyReportContent, own: readonly { id: string }[]) => {
    const ids = new Set(own.map((action) => action.id));
    const stranger = content.actionProgress.findIndex((entry) => !ids.has(entry.actionId));
    if (stranger >= 0) throw new RuleViolationError(`actionProgress[${stranger}] is not one of your actions in this plan.`, { said: said('serviceRefusals.reports.notYourAction', { index: stranger }) });
  };

  return {
    async of(caller: Caller, coreGroupId: string, reviewConferenceId: string): Promise<ReviewReports> {
      const { coreGroup, member, review, due } = await forReview(caller, coreGroupId, reviewConferenceId, 'view-compliance');
      const [reports, filed] = await Promise.all([deps.agencyReports.listByReview(review.id), deps.filedDocuments.listByReview(review.id)]);
      const follows = can({ role: member.role }, 'view-agency-reports');
      const members = follows ? await deps.coreGroups.members(coreGroupId) : [];
      return {
        coreGroup: { id: coreGroup.id, caseReference: coreGroup.caseReference },
        review,
        due,
        mine: await mineOf(coreGroup, review, member, reports),
        standings: follows ? reportStandings(members, reports, filedReportAgencies(filed)) : undefined,
        filed: follows ? filed.filter((document) => document.kind === 'agency-report').map((document) => ({ document, filedBy: members.find((candidate) => candidate.id === document.filedByMemberId)?.displayName })) : undefined,
      };
    },

    /** Saves the caller's draft: from version 0 it is started; the version they read, or a conflict. */
    async save(caller: Caller, coreGroupId: string, reviewConferenceId: string, change: { baseVersion: number; content: AgencyReportContent }): Promise<AgencyReport> {
      const { coreGroup, member, review } = await forReview(caller, coreGroupId, reviewConferenceId, 'write-agency-report');
      writable(review, coreGroup);
      const { actions, checkIns, own } = await ownActions(coreGroupId, member);
      ensureOwnable(change.content, own);
      const at = deps.clock.nowIso();
      const stored = (await deps.agencyReports.listByReview(review.id)).find((report) => report.memberId === member.id);
      if (!stored && change.baseVersion === 0) {
        const fresh = startReport({ id: reportId(review.id, member.id), coreGroupId, reviewConferenceId: review.id, member, actions, checkIns, at });
        const started = await deps.agencyReports.start({ ...fresh, content: change.content });
        // Another tab's first save landed first: theirs is kept, and this one is a conflict like any other.
        if (!sameReportContent(started.content, change.content)) throw new VersionConflictError(CONFLICT, { said: said('serviceRefusals.reports.yoursSavedElsewhere') });
        return started;
      }
      if (!stored) throw new VersionConflictError(CONFLICT, { said: said('serviceRefusals.reports.yoursSavedElsewhere') });
      const edited = editReport(stored, { ...change, at });
      await deps.agencyReports.save(edited);
      return edited;
    },

    /** Submits the caller's report at the version they read: final from then on; again changes nothing. */
    async submit(caller: Caller, coreGroupId: string, reviewConferenceId: string, version: number): Promise<{ outcome: 'changed' | 'unchanged'; report: AgencyReport }> {
      const { coreGroup, member, review } = await forReview(caller, coreGroupId, reviewConferenceId, 'write-agency-report');
      const stored = (await deps.agencyReports.listByReview(review.id)).find((report) => report.memberId === member.id);
      if (!stored) throw new RuleViolationError('There is nothing to submit yet: write your report first.', { said: said('serviceRefusals.reports.nothingToSubmit') });
      if (stored.submittedAt) return { outcome: 'unchanged', report: stored };
      writable(review, coreGroup);
      const submitted = submitReport(stored, { version, at: deps.clock.nowIso() });
      await deps.agencyReports.submit(submitted, londonDateOf(submitted.submittedAt!));
      return { outcome: 'changed', report: submitted };
    },

    /** One report, read by its author or by those who follow the reports (submitted ones only: a draft is its author's). */
    async read(caller: Caller, coreGroupId: string, reviewConferenceId: string, id: string): Promise<{ report: AgencyReport; author: CoreGroupMember | undefined; actions: readonly PlanAction[]; caseReference: string }> {
      const { coreGroup, member, review } = await forReview(caller, coreGroupId, reviewConferenceId, 'view-compliance');
      const report = await deps.agencyReports.findById(id);
      if (!report || report.reviewConferenceId !== review.id) throw new NotFoundError('That report does not exist for this review conference.', { said: said('serviceRefusals.reports.notFound') });
      const own = report.memberId === member.id;
      if (!own && !(can({ role: member.role }, 'view-agency-reports') && report.submittedAt)) throw new ForbiddenError('Only its author reads a report before it is submitted; after that, the lead social worker, the team manager and the conference chair.', { said: said('serviceRefusals.reports.whoReads') });
      const [members, plan] = await Promise.all([deps.coreGroups.members(coreGroupId), deps.plans.current(coreGroupId)]);
      return { report, author: members.find((candidate) => candidate.id === report.memberId), actions: plan?.actions ?? [], caseReference: coreGroup.caseReference };
    },

    /** The review conferences still to come on the caller's groups with reports they write or follow, soonest first. */
    async toDo(caller: Caller): Promise<ReportsToDo[]> {
      const today = deps.clock.today();
      const memberships = (await deps.coreGroups.listMemberships(caller.tenantId, caller.aadObjectId)).filter(({ member }) => member.active && (can({ role: member.role }, 'write-agency-report') || can({ role: member.role }, 'view-agency-reports')));
      const found: ReportsToDo[] = [];
      for (const { coreGroup: header } of memberships) {
        const { coreGroup, member } = await authorise(deps, { caller, coreGroupId: header.id, action: 'view-compliance' });
        if (coreGroup.planEndedOn) continue;
        const reviews = (await deps.meetings.reviewConferences(coreGroup.id)).filter((review) => review.status === 'scheduled' && !isBefore(review.date, today));
        for (const review of reviews) {
          const due = await reportsDue(deps, coreGroup, review.id);
          if (!due) continue;
          const [reports, filed, members] = await Promise.all([deps.agencyReports.listByReview(review.id), deps.filedDocuments.listByReview(review.id), deps.coreGroups.members(coreGroup.id)]);
          const standings = reportStandings(members, reports, filedReportAgencies(filed));
          const mine = standings.find((entry) => entry.member.id === member.id)?.standing;
          if (!mine && !can({ role: member.role }, 'view-agency-reports')) continue;
          found.push({ coreGroupId: coreGroup.id, caseReference: coreGroup.caseReference, reviewConferenceId: review.id, reviewOn: review.date, due, mine, submitted: standings.filter((entry) => reportReceived(entry.standing)).length, expected: standings.length });
        }
      }
      return found.sort((a, b) => a.reviewOn.toString().localeCompare(b.reviewOn.toString()));
    },
  };
}

export type AgencyReports = ReturnType<typeof createAgencyReports>;
