import { NotFoundError } from '../domain/errors';
import { ACTION_STATE_LABELS } from '../domain/labels';
import { chairOf } from '../domain/meeting';
import { currentActions } from '../domain/plan';
import { ukDate, ukDateOfInstant } from '../domain/uk-date';
import type { Clock } from './ports/clock.port';
import type { RecordBlock, RecordDocument, RecordRenderer } from './ports/record-renderer.port';
import type { CheckInRepository, CoreGroupRepository, MeetingRepository, MinutesRepository, PlanRepository } from './ports/store.port';
import { wordsIn } from '../i18n/words';
import { attendanceTable, auditReference, fileSafe, memberNamer } from './record-blocks';

const numbered = (lines: readonly string[]): RecordBlock[] => (lines.length > 0 ? lines.map((text, index) => ({ kind: 'paragraph' as const, text: `${index + 1}. ${text}` })) : [{ kind: 'paragraph', text: '—' }]);

/**
 * The CP9 record of a held core group for the Children Services co-ordinator (seed 001), as a PDF:
 * the meeting (when, who chaired, the signed minutes it rests on), who attended and who was
 * invited but could not, the plan's outcomes and actions as they stand, the decisions and the next
 * meeting from the signed minutes. Seed 001 names the form without its fields; these are what a
 * core group record carries in the seeds. By case reference, never the child's name.
 */
export function createCp9Record(deps: {
  coreGroups: Pick<CoreGroupRepository, 'findById' | 'members'>;
  meetings: Pick<MeetingRepository, 'findById'>;
  minutes: Pick<MinutesRepository, 'findByMeeting'>;
  plans: Pick<PlanRepository, 'current'>;
  checkIns: Pick<CheckInRepository, 'listByCoreGroup'>;
  clock: Pick<Clock, 'nowIso'>;
  renderer: Pick<RecordRenderer, 'pdf'>;
}) {
  return {
    async file(meetingId: string): Promise<{ file: Buffer; fileName: string }> {
      const meeting = await deps.meetings.findById(meetingId);
      const coreGroup = meeting ? await deps.coreGroups.findById(meeting.coreGroupId) : undefined;
      const minutes = meeting ? await deps.minutes.findByMeeting(meeting.id) : undefined;
      if (!meeting || !coreGroup || !minutes) throw new NotFoundError('That meeting or its minutes do not exist.');
      const [members, plan, checkIns] = await Promise.all([deps.coreGroups.members(coreGroup.id), deps.plans.current(coreGroup.id), deps.checkIns.listByCoreGroup(coreGroup.id)]);
      const name = memberNamer(members);
      const chair = chairOf(meeting, members);
      const signed = minutes.chairSignOff && minutes.managerSignOff ? `signed by the chair on ${ukDateOfInstant(minutes.chairSignOff.at)} and the team manager on ${ukDateOfInstant(minutes.managerSignOff.at)}` : 'not yet signed';
      const blocks: RecordBlock[] = [
        { kind: 'heading', text: 'Core group meeting' },
        { kind: 'paragraph', text: `Held on ${ukDate(meeting.date)}${chair ? `, chaired by ${name(chair.id)}` : ''}. Minutes version ${minutes.version}, ${signed}.` },
        { kind: 'heading', text: 'Attendance (present, and invited but unable to attend)' },
        attendanceTable(wordsIn('en'), minutes.content.attendance, members),
        { kind: 'heading', text: 'Outcomes of the child protection plan' },
        ...numbered((plan?.outcomes ?? []).map((outcome) => outcome.text)),
        { kind: 'heading', text: 'Actions' },
        { kind: 'table', header: ['Action', 'Owner', 'Due', 'State'], rows: currentActions(plan?.actions ?? [], checkIns).map((action) => [action.what, name(action.ownerMemberId), ukDate(action.due), ACTION_STATE_LABELS[action.state]]) },
        { kind: 'heading', text: 'Decisions' },
        ...numbered(minutes.content.decisions),
        { kind: 'heading', text: 'Next core group meeting' },
        { kind: 'paragraph', text: minutes.content.nextMeetingDate ? ukDate(minutes.content.nextMeetingDate) : 'not set' },
      ];
      const at = deps.clock.nowIso();
      const subtitle = `Case ${coreGroup.caseReference} · core group meeting of ${ukDate(meeting.date)}${plan ? ` · plan version ${plan.version}` : ''}`;
      const document: RecordDocument = { title: 'CP9 — core group record for the Co-ordinator, Children Services', caseReference: coreGroup.caseReference, subtitle, auditReference: auditReference({ id: meeting.id, version: minutes.version, at }), blocks };
      return { file: await deps.renderer.pdf(document), fileName: `cp9-${fileSafe(coreGroup.caseReference)}-${meeting.date.toString()}.pdf` };
    },
  };
}

export type Cp9Record = ReturnType<typeof createCp9Record>;
