import { type AgencyReport, type ReportStanding, reportStandings } from '../../domain/agency-report';
import type { CivilDate } from '../../domain/civil-date';
import { isBefore, londonDateOf } from '../../domain/civil-date';
import type { CoreGroupMember } from '../../domain/core-group';
import { type FiledDocument, filedReportAgencies } from '../../domain/filed-document';
import { CONCERN_LABELS } from '../../domain/escalation';
import { CONCERN_STATUS_LABELS } from '../../domain/labels';
import type { CoreGroupMeeting } from '../../domain/meeting';
import { type Attendance, type Minutes, latestRecommendation } from '../../domain/minutes';
import type { PlanAction } from '../../domain/plan';
import { ukDate, ukDateOfInstant } from '../../domain/uk-date';
import type { RecordBlock } from '../ports/record-renderer.port';
import type { Concern } from '../ports/store.port';
import { wordsIn } from '../../i18n/words';
import { memberNamer, orDash, recommendationText } from '../record-blocks';

const STANDING_TEXT: Record<ReportStanding, string> = { submitted: 'submitted', filed: 'sent by e-mail (below)', draft: 'being written, not submitted', 'not-started': 'not started' };

const ATTENDED: Record<Attendance, string> = {
  invited: 'not recorded',
  present: 'present',
  apologies: 'apologies',
  'representative-sent': 'sent a representative',
  'written-report': 'written report',
  absent: 'absent',
};

/** The core group's recommendation, from the latest minutes signed by the chair and the team manager in the period (seed 002: agreed by the members, with reasons). */
export function recommendationBlocks(signedMinutes: readonly Minutes[], meetingDate: (meetingId: string) => CivilDate | undefined): RecordBlock[] {
  const latest = latestRecommendation(signedMinutes);
  const heading: RecordBlock = { kind: 'heading', text: 'The core group’s recommendation' };
  if (!latest) return [heading, { kind: 'paragraph', text: 'No recommendation has been agreed in signed core group minutes since the last conference. The core group agrees it at its final meeting before the review, under "Recommendation to the review conference".' }];
  const on = meetingDate(latest.meetingId);
  return [heading, { kind: 'paragraph', text: `${recommendationText(wordsIn('en'), latest.outcome)}${on ? ` (agreed at the core group meeting of ${ukDate(on)})` : ''}.` }, { kind: 'paragraph', text: latest.reasons }];
}

/**
 * Each agency's written report — written in Core Group, or sent by e-mail and filed from Outlook
 * (the e-mail's text, with its attachments named: they are kept in Core Group) — and who has not
 * sent one (under the pack's section of that name).
 */
export function agencyReportBlocks(options: { members: readonly CoreGroupMember[]; reports: readonly AgencyReport[]; filed: readonly FiledDocument[]; actions: readonly PlanAction[] }): RecordBlock[] {
  const filed = options.filed.filter((document) => document.kind === 'agency-report');
  const standings = reportStandings(options.members, options.reports, filedReportAgencies(filed));
  const whatOf = new Map(options.actions.map((action) => [action.id, action.what]));
  const blocks: RecordBlock[] = [
    { kind: 'table', header: ['Member', 'Agency', 'Report'], rows: standings.map((entry) => [entry.member.displayName, entry.member.agency, entry.report?.submittedAt ? `submitted ${ukDateOfInstant(entry.report.submittedAt)}` : STANDING_TEXT[entry.standing]]) },
  ];
  for (const { member, report } of standings) {
    if (!report?.submittedAt) continue;
    const { content } = report;
    blocks.push(
      { kind: 'heading', text: `${member.agency} — ${member.displayName}` },
      { kind: 'paragraph', text: `What are we worried about? ${orDash(content.worries)}` },
      { kind: 'paragraph', text: `What is working well? ${orDash(content.workingWell)}` },
      { kind: 'paragraph', text: `What needs to happen? ${orDash(content.needsToHappen)}` },
      { kind: 'paragraph', text: `Scaling (0–10): ${content.scaling ?? '—'}. Why: ${orDash(content.scalingReasons)}` },
      { kind: 'paragraph', text: `The child’s views and lived experience: ${orDash(content.childsViews)}` },
      ...(content.actionProgress.length > 0 ? [{ kind: 'table' as const, header: ['Action', 'Progress'], rows: content.actionProgress.map((entry) => [whatOf.get(entry.actionId) ?? 'An earlier action', orDash(entry.progress)]) }] : []),
    );
  }
  for (const document of filed) {
    const attached = document.attachments.map((attachment) => `${attachment.name} (${attachment.type === 'pdf' ? 'PDF' : 'Word'}, ${Math.max(1, Math.round(attachment.size / 1024))} KB)`);
    blocks.push(
      { kind: 'heading', text: `${document.agency ?? 'An agency'} — sent by e-mail` },
      { kind: 'paragraph', text: `“${document.subject}” from ${document.sender}, received ${ukDateOfInstant(document.receivedAt)}, filed ${ukDateOfInstant(document.filedAt)}.` },
      { kind: 'paragraph', text: orDash(document.body.trim()) },
      { kind: 'paragraph', text: attached.length > 0 ? `Attached, and kept in Core Group with the e-mail: ${attached.join('; ')}.` : 'No attachment was filed with it.' },
    );
  }
  return blocks;
}

/** Who attended each core group held in the period, from its minutes: one column per meeting. */
export function attendanceOverPeriodBlocks(options: { members: readonly CoreGroupMember[]; held: readonly { meeting: CoreGroupMeeting; minutes: Minutes | undefined }[] }): RecordBlock[] {
  const heading: RecordBlock = { kind: 'heading', text: 'Attendance at core group meetings' };
  const withMinutes = options.held.filter((entry) => entry.minutes);
  if (withMinutes.length === 0) return [heading, { kind: 'paragraph', text: 'No core group meeting in the period has minutes recorded.' }];
  const name = memberNamer(options.members);
  const everyone = [...new Set(withMinutes.flatMap((entry) => entry.minutes!.content.attendance.map((line) => line.memberId)))];
  return [
    heading,
    {
      kind: 'table',
      header: ['Member', ...withMinutes.map((entry) => ukDate(entry.meeting.date))],
      rows: everyone.map((memberId) => [name(memberId), ...withMinutes.map((entry) => {
        const line = entry.minutes!.content.attendance.find((candidate) => candidate.memberId === memberId);
        return line ? ATTENDED[line.attendance] : '—';
      })]),
    },
  ];
}

/** The concerns raised in the period, oldest first: what, when, by whom and where each stands. */
export function concernChronologyBlocks(options: { members: readonly CoreGroupMember[]; concerns: readonly Concern[]; from: CivilDate }): RecordBlock[] {
  const name = memberNamer(options.members);
  const inPeriod = options.concerns.filter((concern) => !isBefore(londonDateOf(concern.raisedAt), options.from)).sort((a, b) => a.raisedAt.localeCompare(b.raisedAt));
  const heading: RecordBlock = { kind: 'heading', text: 'Chronology of concerns' };
  if (inPeriod.length === 0) return [heading, { kind: 'paragraph', text: 'No concern was raised in Core Group in the period.' }];
  const status = (concern: Concern) => (concern.status === 'open' ? `Open, at step ${concern.step + 1}` : CONCERN_STATUS_LABELS[concern.status]);
  return [heading, { kind: 'table', header: ['Raised', 'Concern', 'By', 'Where it stands'], rows: inPeriod.map((concern) => [ukDateOfInstant(concern.raisedAt), CONCERN_LABELS[concern.kind], name(concern.raisedByMemberId), status(concern)]) }];
}
