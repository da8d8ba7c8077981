import { NotFoundError, said } from '../domain/errors';
import { chairOf } from '../domain/meeting';
import { currentActions } from '../domain/plan';
import type { Clock } from './ports/clock.port';
import type { RecordBlock, RecordDocument, RecordFile, RecordRenderer } from './ports/record-renderer.port';
import type { CheckInRepository, CoreGroupRepository, DocumentLanguageRepository, MeetingRepository, MinutesRepository, PlanRepository } from './ports/store.port';
import { type DocumentPart, attendanceTable, auditReference, documentIn, fileSafe, memberNamer } from './record-blocks';

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
  documentLanguages: Pick<DocumentLanguageRepository, 'of'>;
  renderer: Pick<RecordRenderer, 'pdf'>;
}) {
  return {
    /** The CP9 as a PDF, and the language it is written in (the group's document language), which its covering e-mail follows. */
    async file(meetingId: string): Promise<RecordFile> {
      const meeting = await deps.meetings.findById(meetingId);
      const coreGroup = meeting ? await deps.coreGroups.findById(meeting.coreGroupId) : undefined;
      const minutes = meeting ? await deps.minutes.findByMeeting(meeting.id) : undefined;
      if (!meeting || !coreGroup || !minutes) throw new NotFoundError('That meeting or its minutes do not exist.', { said: said('serviceRefusals.minutes.meetingOrMinutesGone') });
      const [members, plan, checkIns] = await Promise.all([deps.coreGroups.members(coreGroup.id), deps.plans.current(coreGroup.id), deps.checkIns.listByCoreGroup(coreGroup.id)]);
      const name = memberNamer(members);
      const chair = chairOf(meeting, members);
      const at = deps.clock.nowIso();
      const language = await deps.documentLanguages.of(coreGroup.id);
      const written = documentIn(language, (words): DocumentPart => {
        const { t, dates } = words;
        const numbered = (lines: readonly string[]): RecordBlock[] => (lines.length > 0 ? lines.map((text, index) => ({ kind: 'paragraph' as const, text: t('record.numbered', { number: index + 1, text }) })) : [{ kind: 'paragraph', text: '—' }]);
        const signed = minutes.chairSignOff && minutes.managerSignOff ? t('cp9.signed', { chairOn: dates.dateOfInstant(minutes.chairSignOff.at), managerOn: dates.dateOfInstant(minutes.managerSignOff.at) }) : t('cp9.notSigned');
        const held = { date: dates.date(meeting.date), version: minutes.version, signed };
        const blocks: RecordBlock[] = [
          { kind: 'heading', text: t('cp9.meetingHeading') },
          { kind: 'paragraph', text: chair ? t('cp9.heldChaired', { ...held, chair: name(chair.id) }) : t('cp9.held', held) },
          { kind: 'heading', text: t('cp9.attendanceHeading') },
          attendanceTable(words, minutes.content.attendance, members),
          { kind: 'heading', text: t('cp9.outcomesHeading') },
          ...numbered((plan?.outcomes ?? []).map((outcome) => outcome.text)),
          { kind: 'heading', text: t('cp9.actionsHeading') },
          { kind: 'table', header: [t('record.column.action'), t('record.column.owner'), t('record.column.due'), t('record.column.state')], rows: currentActions(plan?.actions ?? [], checkIns).map((action) => [action.what, name(action.ownerMemberId), dates.date(action.due), t(`labels.actionState.${action.state}`)]) },
          { kind: 'heading', text: t('record.heading.decisions') },
          ...numbered(minutes.content.decisions),
          { kind: 'heading', text: t('record.heading.nextMeeting') },
          { kind: 'paragraph', text: minutes.content.nextMeetingDate ? dates.date(minutes.content.nextMeetingDate) : t('record.notSet') },
        ];
        const subtitle = plan ? t('cp9.subtitleVersion', { caseReference: coreGroup.caseReference, date: dates.date(meeting.date), version: plan.version }) : t('cp9.subtitle', { caseReference: coreGroup.caseReference, date: dates.date(meeting.date) });
        return { title: t('cp9.title'), subtitle, blocks };
      });
      const document: RecordDocument = { ...written, caseReference: coreGroup.caseReference, auditReference: auditReference({ id: meeting.id, version: minutes.version, at }) };
      return { file: await deps.renderer.pdf(document), fileName: `cp9-${fileSafe(coreGroup.caseReference)}-${meeting.date.toString()}.pdf`, language };
    },
  };
}

export type Cp9Record = ReturnType<typeof createCp9Record>;
