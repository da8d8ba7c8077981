import { type AgencyReport, type ReportStanding, reportStandings } from '../../domain/agency-report';
import type { CivilDate } from '../../domain/civil-date';
import { isBefore, londonDateOf } from '../../domain/civil-date';
import type { CoreGroupMember } from '../../domain/core-group';
import { type FiledDocument, filedReportAgencies } from '../../domain/filed-document';
import type { CoreGroupMeeting } from '../../domain/meeting';
import { type Attendance, type Minutes, latestRecommendation } from '../../domain/minutes';
import type { PlanAction } from '../../domain/plan';
import type { Words } from '../../i18n/words';
import type { RecordBlock } from '../ports/record-renderer.port';
import type { Concern } from '../ports/store.port';
import { memberNamer, orDash, recommendationText } from '../record-blocks';

/** The core group's recommendation, from the latest minutes signed by the chair and the team manager in the period (seed 002: agreed by the members, with reasons). */
export function recommendationBlocks(words: Words, signedMinutes: readonly Minutes[], meetingDate: (meetingId: string) => CivilDate | undefined): RecordBlock[] {
  const { t, dates } = words;
  const latest = latestRecommendation(signedMinutes);
  const heading: RecordBlock = { kind: 'heading', text: t('conference.recommendationHeading') };
  if (!latest) return [heading, { kind: 'paragraph', text: t('conference.noRecommendation') }];
  const on = meetingDate(latest.meetingId);
  const recommendation = recommendationText(words, latest.outcome);
  return [heading, { kind: 'paragraph', text: on ? t('conference.recommendedOn', { recommendation, date: dates.date(on) }) : t('conference.recommended', { recommendation }) }, { kind: 'paragraph', text: latest.reasons }];
}

/**
 * Each agency's written report — written in Core Group, or sent by e-mail and filed from Outlook
 * (the e-mail's text, with its attachments named: they are kept in Core Group) — and who has not
 * sent one (under the pack's section of that name).
 */
export function agencyReportBlocks(words: Words, options: { members: readonly CoreGroupMember[]; reports: readonly AgencyReport[]; filed: readonly FiledDocument[]; actions: readonly PlanAction[] }): RecordBlock[] {
  const { t, dates } = words;
  const filed = options.filed.filter((document) => document.kind === 'agency-report');
  const standings = reportStandings(options.members, options.reports, filedReportAgencies(filed));
  const whatOf = new Map(options.actions.map((action) => [action.id, action.what]));
  const standing = (entry: (typeof standings)[number]) => (entry.report?.submittedAt ? t('conference.submittedOn', { date: dates.dateOfInstant(entry.report.submittedAt) }) : t(`conference.standing.${entry.standing satisfies ReportStanding}`));
  const blocks: RecordBlock[] = [{ kind: 'table', header: [t('record.column.member'), t('pack.agency'), t('conference.report')], rows: standings.map((entry) => [entry.member.displayName, entry.member.agency, standing(entry)]) }];
  for (const { member, report } of standings) {
    if (!report?.submittedAt) continue;
    const { content } = report;
    blocks.push(
      { kind: 'heading', text: t('conference.reportHeading', { agency: member.agency, name: member.displayName }) },
      { kind: 'paragraph', text: t('record.worries', { text: orDash(content.worries) }) },
      { kind: 'paragraph', text: t('record.workingWell', { text: orDash(content.workingWell) }) },
      { kind: 'paragraph', text: t('record.needsToHappen', { text: orDash(content.needsToHappen) }) },
      { kind: 'paragraph', text: t('conference.scaling', { score: content.scaling ?? '—', why: orDash(content.scalingReasons) }) },
      { kind: 'paragraph', text: t('conference.childsViews', { text: orDash(content.childsViews) }) },
      ...(content.actionProgress.length > 0
        ? [{ kind: 'table' as const, header: [t('record.column.action'), t('record.column.progress')], rows: content.actionProgress.map((entry) => [whatOf.get(entry.actionId) ?? t('conference.earlierAction'), orDash(entry.progress)]) }]
        : []),
    );
  }
  for (const document of filed) {
    const attached = document.attachments.map((attachment) => t('conference.attachment', { name: attachment.name, type: t(attachment.type === 'pdf' ? 'conference.attachmentPdf' : 'conference.attachmentWord'), size: Math.max(1, Math.round(attachment.size / 1024)) }));
    blocks.push(
      { kind: 'heading', text: t('conference.emailHeading', { agency: document.agency ?? t('conference.anAgency') }) },
      { kind: 'paragraph', text: t('conference.emailFiled', { subject: document.subject, sender: document.sender, received: dates.dateOfInstant(document.receivedAt), filed: dates.dateOfInstant(document.filedAt) }) },
      { kind: 'paragraph', text: orDash(document.body.trim()) },
      { kind: 'paragraph', text: attached.length > 0 ? t('conference.attached', { list: attached.join('; ') }) : t('conference.noAttachment') },
    );
  }
  return blocks;
}

/** Who attended each core group held in the period, from its minutes: one column per meeting. */
export function attendanceOverPeriodBlocks(words: Words, options: { members: readonly CoreGroupMember[]; held: readonly { meeting: CoreGroupMeeting; minutes: Minutes | undefined }[] }): RecordBlock[] {
  const { t, dates } = words;
  const heading: RecordBlock = { kind: 'heading', text: t('conference.attendanceHeading') };
  const withMinutes = options.held.filter((entry) => entry.minutes);
  if (withMinutes.length === 0) return [heading, { kind: 'paragraph', text: t('conference.noAttendance') }];
  const name = memberNamer(options.members);
  const everyone = [...new Set(withMinutes.flatMap((entry) => entry.minutes!.content.attendance.map((line) => line.memberId)))];
  const attended = (attendance: Attendance) => t(`conference.attended.${attendance}`);
  return [
    heading,
    {
      kind: 'table',
      header: [t('record.column.member'), ...withMinutes.map((entry) => dates.date(entry.meeting.date))],
      rows: everyone.map((memberId) => [
        name(memberId),
        ...withMinutes.map((entry) => {
          const line = entry.minutes!.content.attendance.find((candidate) => candidate.memberId === memberId);
          return line ? attended(line.attendance) : '—';
        }),
      ]),
    },
  ];
}

/** The concerns raised in the period, oldest first: what, when, by whom and where each stands. */
export function concernChronologyBlocks(words: Words, options: { members: readonly CoreGroupMember[]; concerns: readonly Concern[]; from: CivilDate }): RecordBlock[] {
  const { t, dates } = words;
  const name = memberNamer(options.members);
  const inPeriod = options.concerns.filter((concern) => !isBefore(londonDateOf(concern.raisedAt), options.from)).sort((a, b) => a.raisedAt.localeCompare(b.raisedAt));
  const heading: RecordBlock = { kind: 'heading', text: t('conference.concernsHeading') };
  if (inPeriod.length === 0) return [heading, { kind: 'paragraph', text: t('conference.noConcerns') }];
  const status = (concern: Concern) => (concern.status === 'open' ? t('conference.openAtStep', { step: concern.step + 1 }) : t(`conference.concernStatus.${concern.status}`));
  return [heading, { kind: 'table', header: [t('conference.raised'), t('conference.concern'), t('pack.by'), t('conference.whereItStands')], rows: inPeriod.map((concern) => [dates.dateOfInstant(concern.raisedAt), t(`labels.concern.${concern.kind}`), name(concern.raisedByMemberId), status(concern)]) }];
}
