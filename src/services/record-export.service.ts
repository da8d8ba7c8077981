import type { CoreGroup } from '../domain/core-group';
import { NotFoundError, said } from '../domain/errors';
import { familyPlan } from '../domain/family-version';
import type { CoreGroupMeeting } from '../domain/meeting';
import { type Caller, authorise } from './authorise';
import type { MinutesDeps } from './minutes.service';
import type { RecordDocument, RecordFile, RecordRenderer } from './ports/record-renderer.port';
import type { ConcernRepository, DocumentLanguageRepository } from './ports/store.port';
import { auditReference, documentIn, fileSafe, minutesBlocks, planBlocks, signedLine } from './record-blocks';

/** Renders a record document in the format asked for. */
export const renderRecord = (renderer: RecordRenderer, document: RecordDocument, format: 'docx' | 'pdf') => (format === 'docx' ? renderer.docx(document) : renderer.pdf(document));

/**
 * Minutes and the current plan as DOCX and PDF for upload to the child's social care record,
 * generated on the server for members allowed to export (lead social worker, team manager,
 * conference chair). Documents carry the case reference, never the child's name, and an audit
 * reference; every export is audited.
 */
export function createRecordExport(deps: Pick<MinutesDeps, 'coreGroups' | 'meetings' | 'minutes' | 'plans' | 'checkIns' | 'auditLog' | 'clock'> & { concerns: Pick<ConcernRepository, 'listByCoreGroup'>; documentLanguages: Pick<DocumentLanguageRepository, 'of'>; renderer: RecordRenderer }) {
  const render = (document: RecordDocument, format: 'docx' | 'pdf') => renderRecord(deps.renderer, document, format);

  /** The minutes of a meeting as a file, from the meeting and its group as this request read them. */
  const fileOfMinutes = async (request: { meeting: CoreGroupMeeting; coreGroup: CoreGroup; format: 'docx' | 'pdf' }): Promise<RecordFile> => {
    const { meeting, coreGroup, format } = request;
    const minutes = await deps.minutes.findByMeeting(meeting.id);
    if (!minutes) throw new NotFoundError('There are no minutes for this meeting yet.', { said: said('serviceRefusals.records.noMinutesYet') });
    const [members, plan, checkIns, concerns] = await Promise.all([deps.coreGroups.members(coreGroup.id), deps.plans.current(coreGroup.id), deps.checkIns.listByCoreGroup(coreGroup.id), deps.concerns.listByCoreGroup(coreGroup.id)]);
    const at = deps.clock.nowIso();
    const written = documentIn(await deps.documentLanguages.of(coreGroup.id), (words) => ({
      title: words.t('record.minutesTitle'),
      subtitle: words.t('record.minutesSubtitle', { caseReference: coreGroup.caseReference, date: words.dates.date(meeting.date), version: minutes.version, signed: signedLine(words, minutes, members) }),
      blocks: minutesBlocks(words, { minutes, members, plan, checkIns, concerns }),
    }));
    const document: RecordDocument = { ...written, caseReference: coreGroup.caseReference, auditReference: auditReference({ id: minutes.id, version: minutes.version, at }) };
    return { file: await render(document, format), fileName: `core-group-minutes-${fileSafe(coreGroup.caseReference)}-${meeting.date.toString()}-v${minutes.version}.${format}`, language: written.language };
  };

  /** The current plan of a group as a file; for the family, without what is professional-only (`familyPlan`). */
  const fileOfPlan = async (request: { coreGroup: CoreGroup; format: 'docx' | 'pdf'; forFamily?: boolean }): Promise<RecordFile> => {
    const { coreGroup, format } = request;
    const [current, members, checkIns, language] = await Promise.all([deps.plans.current(coreGroup.id), deps.coreGroups.members(coreGroup.id), deps.checkIns.listByCoreGroup(coreGroup.id), deps.documentLanguages.of(coreGroup.id)]);
    if (!current) throw new NotFoundError('This core group has no plan yet.', { said: said('serviceRefusals.plan.none') });
    const plan = request.forFamily ? familyPlan(current) : current;
    const at = deps.clock.nowIso();
    const written = documentIn(language, (words) => ({
      title: words.t(request.forFamily ? 'record.planTitleFamily' : 'record.planTitle'),
      subtitle: words.t('record.planSubtitle', { caseReference: coreGroup.caseReference, version: plan.version, date: words.dates.dateOfInstant(at) }),
      blocks: planBlocks(words, { plan, members, checkIns }),
    }));
    const document: RecordDocument = { ...written, caseReference: coreGroup.caseReference, auditReference: auditReference({ id: coreGroup.id, version: plan.version, at }) };
    return { file: await render(document, format), fileName: `child-protection-plan-${fileSafe(coreGroup.caseReference)}-v${plan.version}.${format}`, language };
  };

  return {
    async minutes(request: { caller: Caller; meetingId: string; format: 'docx' | 'pdf' }): Promise<RecordFile> {
      const meeting = await deps.meetings.findById(request.meetingId);
      if (!meeting) throw new NotFoundError('That meeting does not exist or you are not a member of its core group.', { said: said('serviceRefusals.meetings.notFound') });
      const { coreGroup } = await authorise(deps, { caller: request.caller, coreGroupId: meeting.coreGroupId, action: 'export-record', targetId: meeting.id });
      return fileOfMinutes({ meeting, coreGroup, format: request.format });
    },

    /** The signed minutes as a file for distribution, which the distribution job authorised when it was queued. */
    async minutesFile(meetingId: string, format: 'docx' | 'pdf'): Promise<RecordFile> {
      const meeting = await deps.meetings.findById(meetingId);
      const coreGroup = meeting ? await deps.coreGroups.findById(meeting.coreGroupId) : undefined;
      if (!meeting || !coreGroup) throw new NotFoundError('That meeting does not exist.', { said: said('serviceRefusals.meetings.gone') });
      return fileOfMinutes({ meeting, coreGroup, format });
    },

    async plan(request: { caller: Caller; coreGroupId: string; format: 'docx' | 'pdf' }): Promise<RecordFile> {
      const { coreGroup } = await authorise(deps, { caller: request.caller, coreGroupId: request.coreGroupId, action: 'export-record', targetId: request.coreGroupId });
      return fileOfPlan({ coreGroup, format: request.format });
    },

    /** The current plan as a file for its circulation, which the circulation authorised when it was queued. */
    async planFile(coreGroupId: string, format: 'docx' | 'pdf'): Promise<RecordFile> {
      const coreGroup = await deps.coreGroups.findById(coreGroupId);
      if (!coreGroup) throw new NotFoundError('That core group does not exist.', { said: said('serviceRefusals.access.noSuchCoreGroup') });
      return fileOfPlan({ coreGroup, format });
    },

    /** The current plan for the family's copy of its circulation: without monitoring or third-party agencies' actions (src/domain/family-version.ts). */
    async familyPlanFile(coreGroupId: string): Promise<RecordFile> {
      const coreGroup = await deps.coreGroups.findById(coreGroupId);
      if (!coreGroup) throw new NotFoundError('That core group does not exist.', { said: said('serviceRefusals.access.noSuchCoreGroup') });
      return fileOfPlan({ coreGroup, format: 'pdf', forFamily: true });
    },
  };
}

export type RecordExport = ReturnType<typeof createRecordExport>;
