import { isBefore } from '../../domain/civil-date';
import type { CoreGroup } from '../../domain/core-group';
import { NotFoundError, said } from '../../domain/errors';
import { meetingsInDateOrder } from '../../domain/meeting';
import { isSigned } from '../../domain/minutes';
import type { DocumentLanguage } from '../../i18n/language';
import { reviewAndReportsDue } from '../agency-reports/review-reports';
import { type Caller, authorise } from '../authorise';
import type { PolicyDeps } from '../policy-calendar';
import type { Clock } from '../ports/clock.port';
import type { RecordBlock, RecordDocument, RecordFile, RecordRenderer } from '../ports/record-renderer.port';
import type { AgencyReportRepository, FiledDocumentRepository, AuditLog, CheckInRepository, ConcernRepository, CoreGroupRepository, DocumentLanguageRepository, MeetingRepository, MinutesRepository, PlanRepository } from '../ports/store.port';
import { type DocumentPart, auditReference, documentIn, fileSafe, planBlocks } from '../record-blocks';
import { renderRecord } from '../record-export.service';
import { agencyReportBlocks, attendanceOverPeriodBlocks, concernChronologyBlocks, recommendationBlocks } from './conference-pack-blocks';

export interface ConferencePackDeps extends PolicyDeps {
  readonly coreGroups: Pick<CoreGroupRepository, 'findById' | 'findMember' | 'members'>;
  readonly meetings: Pick<MeetingRepository, 'listByCoreGroup' | 'reviewConferences' | 'loadCaseTimeline'>;
  readonly minutes: Pick<MinutesRepository, 'findByMeetings'>;
  readonly plans: Pick<PlanRepository, 'current'>;
  readonly checkIns: Pick<CheckInRepository, 'listByCoreGroup'>;
  readonly concerns: Pick<ConcernRepository, 'listByCoreGroup'>;
  readonly agencyReports: Pick<AgencyReportRepository, 'listByReview'>;
  readonly filedDocuments: Pick<FiledDocumentRepository, 'listByReview'>;
  /** The language the group's documents are written in. */
  readonly documentLanguages: Pick<DocumentLanguageRepository, 'of'>;
  readonly auditLog: Pick<AuditLog, 'append'>;
  readonly clock: Clock;
  readonly renderer: RecordRenderer;
}

/**
 * The conference pack for a review child protection conference (seeds 000, 002, 004): the core
 * group's recommendation with its reasons, each agency's written report (and who sent none), the
 * plan with each action's progress, attendance at the core groups held since the last conference,
 * and the chronology of concerns raised in that time. Made as DOCX or PDF for the members who may
 * export the record (lead social worker, team manager, conference chair), audited like every
 * export, and delivered to the conference chair before the review (`conference-pack-delivery`).
 */
export function createConferencePack(deps: ConferencePackDeps) {
  const build = async (coreGroup: CoreGroup, reviewConferenceId: string): Promise<{ document: RecordDocument; fileStem: string; language: DocumentLanguage }> => {
    const { review } = await reviewAndReportsDue(deps, coreGroup, reviewConferenceId);
    const [members, plan, checkIns, meetings, reviews, concerns, reports, filed] = await Promise.all([
      deps.coreGroups.members(coreGroup.id),
      deps.plans.current(coreGroup.id),
      deps.checkIns.listByCoreGroup(coreGroup.id),
      deps.meetings.listByCoreGroup(coreGroup.id),
      deps.meetings.reviewConferences(coreGroup.id),
      deps.concerns.listByCoreGroup(coreGroup.id),
      deps.agencyReports.listByReview(review.id),
      deps.filedDocuments.listByReview(review.id),
    ]);
    // The period the conference reviews: since the last conference held before it (or the ICPC).
    const from = reviews.filter((other) => other.status === 'held' && isBefore(other.date, review.date)).map((other) => other.date).sort((a, b) => (isBefore(a, b) ? -1 : 1)).at(-1) ?? coreGroup.icpcDate;
    const held = meetingsInDateOrder(meetings).filter((meeting) => meeting.status === 'held' && !isBefore(meeting.date, from) && isBefore(meeting.date, review.date));
    const minutesByMeeting = await deps.minutes.findByMeetings(held.map((meeting) => meeting.id));
    const signed = held.flatMap((meeting) => {
      const minutes = minutesByMeeting.get(meeting.id);
      return minutes && isSigned(minutes) ? [minutes] : [];
    });
    const dateOf = (meetingId: string) => held.find((meeting) => meeting.id === meetingId)?.date;
    const written = documentIn(await deps.documentLanguages.of(coreGroup.id), (words): DocumentPart => {
      const { t, dates } = words;
      const blocks: RecordBlock[] = [
        { kind: 'paragraph', text: t('conference.covers', { date: dates.date(review.date), from: dates.date(from) }) },
        ...recommendationBlocks(words, signed, dateOf),
        { kind: 'section', text: t('conference.reportsSection') },
        ...agencyReportBlocks(words, { members, reports, filed, actions: plan?.actions ?? [] }),
        { kind: 'section', text: plan ? t('conference.planSectionVersion', { version: plan.version }) : t('conference.planSection') },
        ...(plan ? planBlocks(words, { plan, members, checkIns }) : [{ kind: 'paragraph' as const, text: t('pack.noPlan') }]),
        { kind: 'section', text: t('conference.attendanceSection') },
        ...attendanceOverPeriodBlocks(words, { members, held: held.map((meeting) => ({ meeting, minutes: minutesByMeeting.get(meeting.id) })) }),
        ...concernChronologyBlocks(words, { members, concerns, from }),
      ];
      return { title: t('conference.title'), subtitle: t('conference.subtitle', { caseReference: coreGroup.caseReference, date: dates.date(review.date), prepared: dates.date(deps.clock.today()) }), blocks };
    });
    const at = deps.clock.nowIso();
    const document: RecordDocument = { ...written, caseReference: coreGroup.caseReference, auditReference: auditReference({ id: review.id, version: reports.filter((report) => report.submittedAt).length, at }) };
    return { document, fileStem: `conference-pack-${fileSafe(coreGroup.caseReference)}-${review.date.toString()}`, language: written.language };
  };

  return {
    /** The pack as a download, for a member who may export the record. */
    async download(request: { caller: Caller; coreGroupId: string; reviewConferenceId: string; format: 'docx' | 'pdf' }): Promise<{ file: Buffer; fileName: string }> {
      const { coreGroup } = await authorise(deps, { caller: request.caller, coreGroupId: request.coreGroupId, action: 'export-record', targetId: request.reviewConferenceId });
      const { document, fileStem } = await build(coreGroup, request.reviewConferenceId);
      return { file: await renderRecord(deps.renderer, document, request.format), fileName: `${fileStem}.${request.format}` };
    },

    /** The pack as a PDF for its delivery to the conference chair (a job: no caller). */
    async fileForDelivery(coreGroupId: string, reviewConferenceId: string): Promise<RecordFile> {
      const coreGroup = await deps.coreGroups.findById(coreGroupId);
      if (!coreGroup) throw new NotFoundError('that core group does not exist', { said: said('serviceRefusals.access.coreGroupGone') });
      const { document, fileStem, language } = await build(coreGroup, reviewConferenceId);
      return { file: await renderRecord(deps.renderer, document, 'pdf'), fileName: `${fileStem}.pdf`, language };
    },
  };
}

export type ConferencePack = ReturnType<typeof createConferencePack>;
