import type { CoreGroup, CoreGroupMember } from '../domain/core-group';
import { NotFoundError } from '../domain/errors';
import type { CoreGroupMeeting } from '../domain/meeting';
import type { Attendance, MinutesContent } from '../domain/minutes';
import { currentActions } from '../domain/plan';
import { type Caller, authorise } from './authorise';
import type { MinutesDeps } from './minutes.service';
import type { RecordBlock, RecordDocument, RecordRenderer } from './ports/record-renderer.port';
import { ukDate, ukDateOfInstant } from '../domain/uk-date';

const ATTENDANCE_TEXT: Record<Attendance, string> = {
  invited: 'not recorded',
  present: 'present',
  apologies: 'apologies',
  'representative-sent': 'representative sent',
  'written-report': 'written report received',
  absent: 'absent',
};
const or = (text: string | undefined) => (text && text.trim() !== '' ? text : '—');

/** How a record names a member: "Name (agency)", or a dash for nobody (or someone no longer known). */
export const nameOf = (members: readonly CoreGroupMember[]) => (id: string | undefined) => {
  const member = members.find((candidate) => candidate.id === id);
  return member ? `${member.displayName} (${member.agency})` : '—';
};

/** The attendance of a meeting as its record prints it: each member named, their role, and how they took part. */
export function attendanceTable(attendance: MinutesContent['attendance'], options: { members: readonly CoreGroupMember[]; name: (id: string | undefined) => string }): RecordBlock {
  const roleOf = (id: string) => options.members.find((member) => member.id === id)?.role ?? '—';
  return { kind: 'table', header: ['Member', 'Role', 'Attendance'], rows: attendance.map((entry) => [options.name(entry.memberId), roleOf(entry.memberId), `${ATTENDANCE_TEXT[entry.attendance]}${entry.representativeName ? ` (${entry.representativeName})` : ''}`]) };
}

/** `CG-<record>-V<version>-<UTC time>`: printed on every page and findable in the audit log (export-record, same actor and time). */
export function auditReference(record: { id: string; version: number; at: string }): string {
  return `CG-${record.id.slice(0, 8).toUpperCase()}-V${record.version}-${record.at.replace(/[-:]/g, '').slice(0, 13)}Z`;
}

/**
 * Minutes and the current plan as DOCX and PDF for upload to the child's social care record,
 * generated on the server for members allowed to export (lead social worker, team manager,
 * conference chair). Documents carry the case reference, never the child's name, and an audit
 * reference; every export is audited.
 */
/** A case reference as part of a file name: a `/` (allowed in references) would read as a folder in a download or an e-mail attachment. */
export const fileSafe = (caseReference: string) => caseReference.replace(/[^\w.-]/g, '-');

export function createRecordExport(deps: Pick<MinutesDeps, 'coreGroups' | 'meetings' | 'minutes' | 'plans' | 'checkIns' | 'auditLog' | 'clock'> & { renderer: RecordRenderer }) {
  const render = async (document: RecordDocument, format: 'docx' | 'pdf') => (format === 'docx' ? deps.renderer.docx(document) : deps.renderer.pdf(document));

  /** The minutes of a meeting as a file, from the meeting and its group as this request read them. */
  const fileOfMinutes = async (request: { meeting: CoreGroupMeeting; coreGroup: CoreGroup; format: 'docx' | 'pdf' }): Promise<{ file: Buffer; fileName: string }> => {
    const { meeting, coreGroup, format } = request;
    const minutes = await deps.minutes.findByMeeting(meeting.id);
    if (!minutes) throw new NotFoundError('There are no minutes for this meeting yet.');
    const [members, plan, checkIns] = await Promise.all([deps.coreGroups.members(coreGroup.id), deps.plans.current(coreGroup.id), deps.checkIns.listByCoreGroup(coreGroup.id)]);
    const name = nameOf(members);
    const { content } = minutes;
    const signed = minutes.chairSignOff && minutes.managerSignOff
      ? `signed by the chair, ${name(minutes.chairSignOff.memberId)}, on ${ukDateOfInstant(minutes.chairSignOff.at)} and the team manager, ${name(minutes.managerSignOff.memberId)}, on ${ukDateOfInstant(minutes.managerSignOff.at)}`
      : 'DRAFT — not yet signed by the chair and the team manager';
    const updates = new Map(content.actionUpdates.map((update) => [update.actionId, update.update]));
    const blocks: RecordBlock[] = [
      { kind: 'heading', text: 'Attendance' },
      attendanceTable(content.attendance, { members, name }),
      { kind: 'paragraph', text: `All agencies that should be here were here: ${content.allAgenciesPresent.discussed ? 'discussed' : 'not recorded'}. ${content.allAgenciesPresent.note}` },
      { kind: 'heading', text: 'Progress on the plan' },
      { kind: 'table', header: ['Action', 'Owner', 'Due', 'Latest check-in', 'Progress'], rows: currentActions(plan?.actions ?? [], checkIns).map((action) => [action.what, name(action.ownerMemberId), ukDate(action.due), action.lastCheckIn ? `${action.lastCheckIn.status} (${ukDateOfInstant(action.lastCheckIn.recordedAt)})` : 'none', or(updates.get(action.id))]) },
      { kind: 'heading', text: 'The child’s voice' },
      { kind: 'paragraph', text: or(content.childsVoice) },
      { kind: 'heading', text: 'Signs of Safety' },
      { kind: 'paragraph', text: `What are we worried about? ${or(content.signsOfSafety.worries)}` },
      { kind: 'paragraph', text: `What is working well? ${or(content.signsOfSafety.workingWell)}` },
      { kind: 'paragraph', text: `What needs to happen? ${or(content.signsOfSafety.needsToHappen)}` },
      { kind: 'table', header: ['Member', 'Scaling (0–10)'], rows: content.signsOfSafety.scaling.map((entry) => [name(entry.memberId), String(entry.score)]) },
      { kind: 'heading', text: 'Decisions' },
      ...(content.decisions.length > 0 ? content.decisions.map((decision, index) => ({ kind: 'paragraph' as const, text: `${index + 1}. ${decision}` })) : [{ kind: 'paragraph' as const, text: '—' }]),
      { kind: 'heading', text: 'New actions' },
      { kind: 'table', header: ['Action', 'Owner', 'Due', 'Progress measure'], rows: content.newActions.map((action) => [action.what, name(action.ownerMemberId), ukDate(action.due), or(action.progressMeasure)]) },
      { kind: 'heading', text: 'Disagreements' },
      ...(content.disagreements.length > 0 ? content.disagreements.map((item) => ({ kind: 'paragraph' as const, text: `${item.significant ? '[Escalated] ' : ''}${item.text}` })) : [{ kind: 'paragraph' as const, text: '—' }]),
      { kind: 'heading', text: 'Contingency plan review' },
      { kind: 'paragraph', text: or(content.contingencyReview) },
      { kind: 'heading', text: 'Next core group meeting' },
      { kind: 'paragraph', text: content.nextMeetingDate ? ukDate(content.nextMeetingDate) : 'not set' },
      { kind: 'paragraph', text: `Shared with the family: ${content.sharing.withFamily ? 'yes' : 'no'}; with the child: ${content.sharing.withChild ? 'yes' : 'no'}.` },
      ...(minutes.amendmentReason ? [{ kind: 'paragraph' as const, text: `Amended: ${minutes.amendmentReason}` }] : []),
    ];
    const at = deps.clock.nowIso();
    const document: RecordDocument = { title: 'Core group meeting minutes', subtitle: `Case ${coreGroup.caseReference} · meeting of ${ukDate(meeting.date)} · version ${minutes.version} · ${signed}`, auditReference: auditReference({ id: minutes.id, version: minutes.version, at }), blocks };
    return { file: await render(document, format), fileName: `core-group-minutes-${fileSafe(coreGroup.caseReference)}-${meeting.date.toString()}-v${minutes.version}.${format}` };
  };

  /** The current plan of a group as a file. */
  const fileOfPlan = async (request: { coreGroup: CoreGroup; format: 'docx' | 'pdf' }): Promise<{ file: Buffer; fileName: string }> => {
    const { coreGroup, format } = request;
    const [plan, members, checkIns] = await Promise.all([deps.plans.current(coreGroup.id), deps.coreGroups.members(coreGroup.id), deps.checkIns.listByCoreGroup(coreGroup.id)]);
    if (!plan) throw new NotFoundError('This core group has no plan yet.');
    const name = nameOf(members);
    const actions = currentActions(plan.actions, checkIns);
    const actionTable = (under: typeof actions): RecordBlock => ({
      kind: 'table',
      header: ['Action', 'Owner', 'Due', 'Sees the child', 'State', 'Progress measure'],
      rows: under.map((action) => [action.what, name(action.ownerMemberId), ukDate(action.due), or(action.childSeenFrequency), action.state, or(action.progressMeasure)]),
    });
    const outcomeIds = new Set(plan.outcomes.map((outcome) => outcome.id));
    const others = actions.filter((action) => !action.outcomeId || !outcomeIds.has(action.outcomeId));
    const blocks: RecordBlock[] = [
      { kind: 'heading', text: 'Outcomes and actions' },
      ...plan.outcomes.flatMap((outcome, index) => {
        const under = actions.filter((action) => action.outcomeId === outcome.id);
        return [{ kind: 'paragraph' as const, text: `Outcome ${index + 1}: ${outcome.text}` }, ...(under.length > 0 ? [actionTable(under)] : [])];
      }),
      ...(others.length > 0 ? [{ kind: 'paragraph' as const, text: 'Other actions' }, actionTable(others)] : []),
      { kind: 'heading', text: 'Contingency plan' },
      { kind: 'paragraph', text: or(plan.contingencyPlan) },
      { kind: 'heading', text: 'Supports and resources' },
      { kind: 'paragraph', text: or(plan.resources) },
      { kind: 'heading', text: 'How progress is monitored' },
      { kind: 'paragraph', text: or(plan.monitoring) },
    ];
    const at = deps.clock.nowIso();
    const document: RecordDocument = { title: 'Child protection plan', subtitle: `Case ${coreGroup.caseReference} · version ${plan.version} · as of ${ukDateOfInstant(at)}`, auditReference: auditReference({ id: coreGroup.id, version: plan.version, at }), blocks };
    return { file: await render(document, format), fileName: `child-protection-plan-${fileSafe(coreGroup.caseReference)}-v${plan.version}.${format}` };
  };

  return {
    async minutes(request: { caller: Caller; meetingId: string; format: 'docx' | 'pdf' }): Promise<{ file: Buffer; fileName: string }> {
      const meeting = await deps.meetings.findById(request.meetingId);
      if (!meeting) throw new NotFoundError('That meeting does not exist or you are not a member of its core group.');
      const { coreGroup } = await authorise(deps, { caller: request.caller, coreGroupId: meeting.coreGroupId, action: 'export-record', targetId: meeting.id });
      return fileOfMinutes({ meeting, coreGroup, format: request.format });
    },

    /** The signed minutes as a file for distribution, which the distribution job authorised when it was queued. */
    async minutesFile(meetingId: string, format: 'docx' | 'pdf'): Promise<{ file: Buffer; fileName: string }> {
      const meeting = await deps.meetings.findById(meetingId);
      const coreGroup = meeting ? await deps.coreGroups.findById(meeting.coreGroupId) : undefined;
      if (!meeting || !coreGroup) throw new NotFoundError('That meeting does not exist.');
      return fileOfMinutes({ meeting, coreGroup, format });
    },

    async plan(request: { caller: Caller; coreGroupId: string; format: 'docx' | 'pdf' }): Promise<{ file: Buffer; fileName: string }> {
      const { coreGroup } = await authorise(deps, { caller: request.caller, coreGroupId: request.coreGroupId, action: 'export-record', targetId: request.coreGroupId });
      return fileOfPlan({ coreGroup, format: request.format });
    },

    /** The current plan as a file for its circulation, which the circulation authorised when it was queued. */
    async planFile(coreGroupId: string, format: 'docx' | 'pdf'): Promise<{ file: Buffer; fileName: string }> {
      const coreGroup = await deps.coreGroups.findById(coreGroupId);
      if (!coreGroup) throw new NotFoundError('That core group does not exist.');
      return fileOfPlan({ coreGroup, format });
    },
  };
}

export type RecordExport = ReturnType<typeof createRecordExport>;
