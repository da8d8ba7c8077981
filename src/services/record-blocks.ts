import type { CoreGroupMember } from '../domain/core-group';
import { type ChildSeen, type Minutes, type RecommendationOutcome, isSigned } from '../domain/minutes';
import { type CheckIn, type ChildProtectionPlan, currentActions } from '../domain/plan';
import { type DocumentLanguage, languagesOfDocument } from '../i18n/language';
import { type Words, wordsIn } from '../i18n/words';
import { disagreementConcerns } from './minutes/escalate-disagreements';
import type { RecordBlock } from './ports/record-renderer.port';
import type { Concern } from './ports/store.port';

/**
 * The parts the documents for the child's record are made of — the minutes of a meeting, the plan,
 * the references printed on them — so that the minutes and plan exports and the record pack read
 * the same.
 */

/** What one language's version of a document says. */
export interface DocumentPart {
  readonly title: string;
  readonly subtitle: string;
  readonly blocks: readonly RecordBlock[];
}

/**
 * A document in the group's chosen language, `write` making each language's version: in one
 * language as written; in both, one file under a title in both, the Welsh part first, each part a
 * section in its own language.
 */
export function documentIn(language: DocumentLanguage, write: (words: Words) => DocumentPart): DocumentPart & { language: DocumentLanguage } {
  const parts = languagesOfDocument(language).map((each) => {
    const words = wordsIn(each);
    return { words, ...write(words) };
  });
  if (parts.length === 1) return { ...parts[0]!, language };
  return {
    language,
    title: parts.map((part) => part.title).join(' / '),
    subtitle: parts.map((part) => part.subtitle).join('\n'),
    blocks: parts.flatMap((part): RecordBlock[] => [{ kind: 'section', text: part.words.t('record.furniture.part'), language: part.words.language }, ...part.blocks]),
  };
}

/** The core group's recommendation to the review conference, as the record and the conference pack print it. */
export const recommendationText = (words: Words, outcome: RecommendationOutcome) => words.t(`record.recommendation.${outcome}`);

/** The text, or a dash where nothing was written. */
export const orDash = (text: string | undefined) => (text && text.trim() !== '' ? text : '—');

/** `CG-<record>-V<version>-<UTC time>`: printed on every page and findable in the audit log (export-record, same actor and time). */
export function auditReference(record: { id: string; version: number; at: string }): string {
  return `CG-${record.id.slice(0, 8).toUpperCase()}-V${record.version}-${record.at.replace(/[-:]/g, '').slice(0, 13)}Z`;
}

/** A case reference as part of a file name: a `/` (allowed in references) would read as a folder in a download or an e-mail attachment. */
export const fileSafe = (caseReference: string) => caseReference.replace(/[^\w.-]/g, '-');

/** How a member is named in the record: their name and agency, or a dash for someone not (or no longer) found. */
export const memberNamer = (members: readonly CoreGroupMember[]) => (id: string | undefined) => {
  const member = members.find((candidate) => candidate.id === id);
  return member ? `${member.displayName} (${member.agency})` : '—';
};

/** Who signed the minutes and when, or that they are a draft. */
export function signedLine(words: Words, minutes: Minutes, members: readonly CoreGroupMember[]): string {
  const { t, dates } = words;
  const name = memberNamer(members);
  const { chairSignOff, managerSignOff } = minutes;
  if (!chairSignOff || !managerSignOff) return t('record.draft');
  return t('record.signed', { chair: name(chairSignOff.memberId), chairOn: dates.dateOfInstant(chairSignOff.at), manager: name(managerSignOff.memberId), managerOn: dates.dateOfInstant(managerSignOff.at) });
}

/**
 * What happened to a significant disagreement, as the record can prove it: the concern the second
 * signature raised to the team manager and the conference chair (seed 002) and when; for minutes
 * signed before the app raised such concerns, that none was; a draft says it will go when signed.
 */
function significantDisagreementNote(words: Words, minutes: Minutes, raised: Pick<Concern, 'raisedAt'> | undefined): string {
  if (!isSigned(minutes)) return words.t('record.significantDraft');
  if (!raised) return words.t('record.significantNotRaised');
  return words.t('record.significantRaised', { date: words.dates.dateOfInstant(raised.raisedAt) });
}

/** The attendance of a meeting as its record prints it: each member named, their role, and how they took part. */
export function attendanceTable(words: Words, attendance: Minutes['content']['attendance'], members: readonly CoreGroupMember[]): RecordBlock {
  const { t } = words;
  const name = memberNamer(members);
  const roleOf = (memberId: string) => {
    const role = members.find((member) => member.id === memberId)?.role;
    return role ? t(`labels.role.${role}`) : '—';
  };
  const took = (entry: Minutes['content']['attendance'][number]) => {
    const how = t(`record.attendance.${entry.attendance}`);
    return entry.representativeName ? t('record.attendance.withRepresentative', { attendance: how, representative: entry.representativeName }) : how;
  };
  return { kind: 'table', header: [t('record.column.member'), t('record.column.role'), t('record.column.attendance')], rows: attendance.map((entry) => [name(entry.memberId), roleOf(entry.memberId), took(entry)]) };
}

/** The body of a meeting's minutes: attendance and others present, written reports, progress on the plan and each agency's update, the child seen, the child's voice, Signs of Safety, decisions, new actions, disagreements, contingency, the recommendation to the review conference, the next meeting, sharing. */
export function minutesBlocks(words: Words, record: { minutes: Minutes; members: readonly CoreGroupMember[]; plan: ChildProtectionPlan | undefined; checkIns: readonly CheckIn[]; concerns: readonly Pick<Concern, 'id' | 'raisedAt'>[] }): RecordBlock[] {
  const { t, dates } = words;
  const { minutes, members } = record;
  const name = memberNamer(members);
  const { content } = minutes;
  const raised = disagreementConcerns(minutes, record.concerns);
  const updates = new Map(content.actionUpdates.map((update) => [update.actionId, update.update]));
  const listOrDash = (texts: readonly string[]) => (texts.length > 0 ? texts.map((text) => ({ kind: 'paragraph' as const, text })) : [{ kind: 'paragraph' as const, text: '—' }]);
  const numbered = (text: string, index: number) => t('record.numbered', { number: index + 1, text });
  const column = (key: string) => t(`record.column.${key}`);
  const heading = (key: string): RecordBlock => ({ kind: 'heading', text: t(`record.heading.${key}`) });
  const disagreement = (item: Minutes['content']['disagreements'][number], index: number) => (item.significant ? t('record.significantItem', { note: significantDisagreementNote(words, minutes, raised[index]), text: item.text }) : item.text);
  const latestCheckIn = (action: ReturnType<typeof currentActions>[number]) => (action.lastCheckIn ? t('record.checkInOn', { status: t(`labels.checkIn.${action.lastCheckIn.status}`), date: dates.dateOfInstant(action.lastCheckIn.recordedAt) }) : t('record.none'));
  const recommendation = content.reviewRecommendation.outcome ? t('record.recommended', { recommendation: recommendationText(words, content.reviewRecommendation.outcome), reasons: content.reviewRecommendation.reasons }) : t('record.notAgreed');
  return [
    heading('attendance'),
    attendanceTable(words, content.attendance, members),
    ...(content.otherAttendees.length > 0
      ? [{ kind: 'table' as const, header: [column('alsoAttended'), column('relationship'), column('organisation')], rows: content.otherAttendees.map((attendee) => [attendee.name, attendee.relationship, orDash(attendee.organisation)]) }]
      : []),
    { kind: 'paragraph', text: t('record.allAgencies', { discussed: content.allAgenciesPresent.discussed ? t('record.discussed') : t('record.notRecorded'), note: content.allAgenciesPresent.note }) },
    ...(content.writtenReports.length > 0
      ? [heading('writtenReports'), { kind: 'table' as const, header: [column('from'), column('reportSays')], rows: content.writtenReports.map((report) => [name(report.memberId), orDash(report.summary)]) }]
      : []),
    heading('progress'),
    {
      kind: 'table',
      header: [column('action'), column('owner'), column('due'), column('latestCheckIn'), column('progress')],
      rows: currentActions(record.plan?.actions ?? [], record.checkIns).map((action) => [action.what, name(action.ownerMemberId), dates.date(action.due), latestCheckIn(action), orDash(updates.get(action.id))]),
    },
    ...(content.agencyUpdates.length > 0 ? [{ kind: 'table' as const, header: [column('agency'), column('update')], rows: content.agencyUpdates.map((update) => [update.agency, orDash(update.update)]) }] : []),
    heading('childSeen'),
    { kind: 'paragraph', text: childSeenLine(words, content.childSeen) },
    ...(content.childSeen.note.trim() ? [{ kind: 'paragraph' as const, text: content.childSeen.note }] : []),
    heading('childsVoice'),
    { kind: 'paragraph', text: orDash(content.childsVoice) },
    heading('signsOfSafety'),
    { kind: 'paragraph', text: t('record.worries', { text: orDash(content.signsOfSafety.worries) }) },
    { kind: 'paragraph', text: t('record.workingWell', { text: orDash(content.signsOfSafety.workingWell) }) },
    { kind: 'paragraph', text: t('record.needsToHappen', { text: orDash(content.signsOfSafety.needsToHappen) }) },
    { kind: 'table', header: [column('member'), column('scaling')], rows: content.signsOfSafety.scaling.map((entry) => [name(entry.memberId), String(entry.score)]) },
    heading('decisions'),
    ...listOrDash(content.decisions.map(numbered)),
    heading('newActions'),
    { kind: 'table', header: [column('action'), column('owner'), column('due'), column('progressMeasure')], rows: content.newActions.map((action) => [action.what, name(action.ownerMemberId), dates.date(action.due), orDash(action.progressMeasure)]) },
    heading('disagreements'),
    ...listOrDash(content.disagreements.map(disagreement)),
    heading('contingencyReview'),
    { kind: 'paragraph', text: orDash(content.contingencyReview) },
    heading('recommendation'),
    { kind: 'paragraph', text: recommendation },
    heading('nextMeeting'),
    { kind: 'paragraph', text: content.nextMeetingDate ? dates.date(content.nextMeetingDate) : t('record.notSet') },
    { kind: 'paragraph', text: sharingLine(words, content.sharing) },
    ...(minutes.amendmentReason ? [{ kind: 'paragraph' as const, text: t('record.amended', { reason: minutes.amendmentReason }) }] : []),
  ];
}

function childSeenLine(words: Words, seen: ChildSeen): string {
  const { t, dates } = words;
  const answers = { seen: t(`record.yesNo.${seen.seen}`), seenAlone: t(`record.yesNo.${seen.seenAlone}`) };
  const by = seen.seenBy.trim();
  if (seen.lastSeenOn) return by ? t('record.childSeenOnBy', { ...answers, date: dates.date(seen.lastSeenOn), by: seen.seenBy }) : t('record.childSeenOn', { ...answers, date: dates.date(seen.lastSeenOn) });
  return by ? t('record.childSeenBy', { ...answers, by: seen.seenBy }) : t('record.childSeen', answers);
}

/** The group's sharing decision as the record prints it: what the family version went to, and why anything was withheld. */
export function sharingLine(words: Words, sharing: Minutes['content']['sharing']): string {
  const { t } = words;
  const answers = { withFamily: t(sharing.withFamily ? 'record.yesNo.yes' : 'record.yesNo.no'), withChild: t(sharing.withChild ? 'record.yesNo.yes' : 'record.yesNo.no') };
  return sharing.withheldReason ? t('record.sharingWithheld', { ...answers, reason: sharing.withheldReason }) : t('record.sharing', answers);
}

/**
 * The plan's content: each outcome with the actions under it as they stand after their check-ins
 * (any under no outcome listed as "Other actions"), the contingency plan, supports and resources,
 * and how progress is monitored.
 */
export function planBlocks(words: Words, record: { plan: ChildProtectionPlan; members: readonly CoreGroupMember[]; checkIns: readonly CheckIn[] }): RecordBlock[] {
  const { t, dates } = words;
  const { plan } = record;
  const name = memberNamer(record.members);
  const actions = currentActions(plan.actions, record.checkIns);
  const column = (key: string) => t(`record.column.${key}`);
  const heading = (key: string): RecordBlock => ({ kind: 'heading', text: t(`record.heading.${key}`) });
  const actionTable = (under: typeof actions): RecordBlock => ({
    kind: 'table',
    header: [column('action'), column('owner'), column('due'), column('seesChild'), column('state'), column('progressMeasure')],
    rows: under.map((action) => [action.what, name(action.ownerMemberId), dates.date(action.due), orDash(action.childSeenFrequency), t(`labels.actionState.${action.state}`), orDash(action.progressMeasure)]),
  });
  const outcomeIds = new Set(plan.outcomes.map((outcome) => outcome.id));
  const others = actions.filter((action) => !action.outcomeId || !outcomeIds.has(action.outcomeId));
  return [
    heading('outcomesAndActions'),
    ...plan.outcomes.flatMap((outcome, index) => {
      const under = actions.filter((action) => action.outcomeId === outcome.id);
      return [{ kind: 'paragraph' as const, text: t('record.outcome', { number: index + 1, text: outcome.text }) }, ...(under.length > 0 ? [actionTable(under)] : [])];
    }),
    ...(others.length > 0 ? [{ kind: 'paragraph' as const, text: t('record.otherActions') }, actionTable(others)] : []),
    heading('contingencyPlan'),
    { kind: 'paragraph', text: orDash(plan.contingencyPlan) },
    heading('resources'),
    { kind: 'paragraph', text: orDash(plan.resources) },
    heading('monitoring'),
    { kind: 'paragraph', text: orDash(plan.monitoring) },
  ];
}
