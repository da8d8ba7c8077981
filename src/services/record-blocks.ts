import type { CoreGroupMember } from '../domain/core-group';
import { ACTION_STATE_LABELS, CHECK_IN_LABELS, ROLE_LABELS } from '../domain/labels';
import { type Attendance, type ChildSeen, type Minutes, type RecommendationOutcome, type YesNoUnknown, isSigned } from '../domain/minutes';
import { type CheckIn, type ChildProtectionPlan, currentActions } from '../domain/plan';
import { ukDate, ukDateOfInstant } from '../domain/uk-date';
import { disagreementConcerns } from './minutes/escalate-disagreements';
import type { RecordBlock } from './ports/record-renderer.port';
import type { Concern } from './ports/store.port';

/**
 * The parts the documents for the child's record are made of — the minutes of a meeting, the plan,
 * the references printed on them — so that the minutes and plan exports and the record pack read
 * the same.
 */

const ATTENDANCE_TEXT: Record<Attendance, string> = {
  invited: 'not recorded',
  present: 'present',
  apologies: 'apologies',
  'representative-sent': 'representative sent',
  'written-report': 'written report received',
  absent: 'absent',
};

const YES_NO_TEXT: Record<YesNoUnknown, string> = { yes: 'yes', no: 'no', 'not-recorded': 'not recorded' };

/** The core group's recommendation to the review conference, as the record and the conference pack print it. */
export const RECOMMENDATION_TEXT: Record<RecommendationOutcome, string> = {
  continue: 'The child protection plan continues',
  'continue-with-changes': 'The child protection plan continues, with changes',
  end: 'The child protection plan ends',
};

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
export function signedLine(minutes: Minutes, members: readonly CoreGroupMember[]): string {
  const name = memberNamer(members);
  const { chairSignOff, managerSignOff } = minutes;
  if (!chairSignOff || !managerSignOff) return 'DRAFT — not yet signed by the chair and the team manager';
  return `signed by the chair, ${name(chairSignOff.memberId)}, on ${ukDateOfInstant(chairSignOff.at)} and the team manager, ${name(managerSignOff.memberId)}, on ${ukDateOfInstant(managerSignOff.at)}`;
}

/**
 * What happened to a significant disagreement, as the record can prove it: the concern the second
 * signature raised to the team manager and the conference chair (seed 002) and when; for minutes
 * signed before the app raised such concerns, that none was; a draft says it will go when signed.
 */
function significantDisagreementNote(minutes: Minutes, raised: Pick<Concern, 'raisedAt'> | undefined): string {
  if (!isSigned(minutes)) return 'Significant — goes to the team manager and the conference chair when the minutes are signed';
  if (!raised) return 'Significant — no concern was raised in the app (the minutes were signed before it raised them): tell the team manager and the conference chair directly';
  return `Escalated as a concern to the team manager and the conference chair on ${ukDateOfInstant(raised.raisedAt)}`;
}

/** The attendance of a meeting as its record prints it: each member named, their role, and how they took part. */
export function attendanceTable(attendance: Minutes['content']['attendance'], members: readonly CoreGroupMember[]): RecordBlock {
  const name = memberNamer(members);
  const roleOf = (memberId: string) => {
    const role = members.find((member) => member.id === memberId)?.role;
    return role ? ROLE_LABELS[role] : '—';
  };
  return { kind: 'table', header: ['Member', 'Role', 'Attendance'], rows: attendance.map((entry) => [name(entry.memberId), roleOf(entry.memberId), `${ATTENDANCE_TEXT[entry.attendance]}${entry.representativeName ? ` (${entry.representativeName})` : ''}`]) };
}

/** The body of a meeting's minutes: attendance and others present, written reports, progress on the plan and each agency's update, the child seen, the child's voice, Signs of Safety, decisions, new actions, disagreements, contingency, the recommendation to the review conference, the next meeting, sharing. */
export function minutesBlocks(record: { minutes: Minutes; members: readonly CoreGroupMember[]; plan: ChildProtectionPlan | undefined; checkIns: readonly CheckIn[]; concerns: readonly Pick<Concern, 'id' | 'raisedAt'>[] }): RecordBlock[] {
  const { minutes, members } = record;
  const name = memberNamer(members);
  const { content } = minutes;
  const raised = disagreementConcerns(minutes, record.concerns);
  const updates = new Map(content.actionUpdates.map((update) => [update.actionId, update.update]));
  const listOrDash = (texts: readonly string[]) => (texts.length > 0 ? texts.map((text) => ({ kind: 'paragraph' as const, text })) : [{ kind: 'paragraph' as const, text: '—' }]);
  return [
    { kind: 'heading', text: 'Attendance' },
    attendanceTable(content.attendance, members),
    ...(content.otherAttendees.length > 0
      ? [{ kind: 'table' as const, header: ['Also attended', 'Relationship or role', 'Organisation'], rows: content.otherAttendees.map((attendee) => [attendee.name, attendee.relationship, orDash(attendee.organisation)]) }]
      : []),
    { kind: 'paragraph', text: `All agencies that should be here were here: ${content.allAgenciesPresent.discussed ? 'discussed' : 'not recorded'}. ${content.allAgenciesPresent.note}` },
    ...(content.writtenReports.length > 0
      ? [{ kind: 'heading' as const, text: 'Written reports' }, { kind: 'table' as const, header: ['From', 'What the report says'], rows: content.writtenReports.map((report) => [name(report.memberId), orDash(report.summary)]) }]
      : []),
    { kind: 'heading', text: 'Progress on the plan' },
    {
      kind: 'table',
      header: ['Action', 'Owner', 'Due', 'Latest check-in', 'Progress'],
      rows: currentActions(record.plan?.actions ?? [], record.checkIns).map((action) => [action.what, name(action.ownerMemberId), ukDate(action.due), action.lastCheckIn ? `${CHECK_IN_LABELS[action.lastCheckIn.status]} (${ukDateOfInstant(action.lastCheckIn.recordedAt)})` : 'none', orDash(updates.get(action.id))]),
    },
    ...(content.agencyUpdates.length > 0 ? [{ kind: 'table' as const, header: ['Agency', 'Update'], rows: content.agencyUpdates.map((update) => [update.agency, orDash(update.update)]) }] : []),
    { kind: 'heading', text: 'The child seen, and seen alone' },
    { kind: 'paragraph', text: childSeenLine(content.childSeen) },
    ...(content.childSeen.note.trim() ? [{ kind: 'paragraph' as const, text: content.childSeen.note }] : []),
    { kind: 'heading', text: 'The child’s voice' },
    { kind: 'paragraph', text: orDash(content.childsVoice) },
    { kind: 'heading', text: 'Signs of Safety' },
    { kind: 'paragraph', text: `What are we worried about? ${orDash(content.signsOfSafety.worries)}` },
    { kind: 'paragraph', text: `What is working well? ${orDash(content.signsOfSafety.workingWell)}` },
    { kind: 'paragraph', text: `What needs to happen? ${orDash(content.signsOfSafety.needsToHappen)}` },
    { kind: 'table', header: ['Member', 'Scaling (0–10)'], rows: content.signsOfSafety.scaling.map((entry) => [name(entry.memberId), String(entry.score)]) },
    { kind: 'heading', text: 'Decisions' },
    ...listOrDash(content.decisions.map((decision, index) => `${index + 1}. ${decision}`)),
    { kind: 'heading', text: 'New actions' },
    { kind: 'table', header: ['Action', 'Owner', 'Due', 'Progress measure'], rows: content.newActions.map((action) => [action.what, name(action.ownerMemberId), ukDate(action.due), orDash(action.progressMeasure)]) },
    { kind: 'heading', text: 'Disagreements' },
    ...listOrDash(content.disagreements.map((item, index) => `${item.significant ? `[${significantDisagreementNote(minutes, raised[index])}] ` : ''}${item.text}`)),
    { kind: 'heading', text: 'Contingency plan review' },
    { kind: 'paragraph', text: orDash(content.contingencyReview) },
    { kind: 'heading', text: 'Recommendation to the review conference' },
    { kind: 'paragraph', text: content.reviewRecommendation.outcome ? `${RECOMMENDATION_TEXT[content.reviewRecommendation.outcome]}. ${content.reviewRecommendation.reasons}` : 'Not agreed at this meeting.' },
    { kind: 'heading', text: 'Next core group meeting' },
    { kind: 'paragraph', text: content.nextMeetingDate ? ukDate(content.nextMeetingDate) : 'not set' },
    { kind: 'paragraph', text: sharingLine(content.sharing) },
    ...(minutes.amendmentReason ? [{ kind: 'paragraph' as const, text: `Amended: ${minutes.amendmentReason}` }] : []),
  ];
}

function childSeenLine(seen: ChildSeen): string {
  const last = seen.lastSeenOn ? `; last seen on ${ukDate(seen.lastSeenOn)}${seen.seenBy.trim() ? ` by ${seen.seenBy}` : ''}` : seen.seenBy.trim() ? `; seen by ${seen.seenBy}` : '';
  return `Seen since the last meeting: ${YES_NO_TEXT[seen.seen]}; seen alone: ${YES_NO_TEXT[seen.seenAlone]}${last}.`;
}

/** The group's sharing decision as the record prints it: what the family version went to, and why anything was withheld. */
export function sharingLine(sharing: Minutes['content']['sharing']): string {
  const decided = `Family version shared with the family: ${sharing.withFamily ? 'yes' : 'no'}; with the child: ${sharing.withChild ? 'yes' : 'no'}.`;
  return sharing.withheldReason ? `${decided} Withheld by the chair because: ${sharing.withheldReason}` : decided;
}

/**
 * The plan's content: each outcome with the actions under it as they stand after their check-ins
 * (any under no outcome listed as "Other actions"), the contingency plan, supports and resources,
 * and how progress is monitored.
 */
export function planBlocks(record: { plan: ChildProtectionPlan; members: readonly CoreGroupMember[]; checkIns: readonly CheckIn[] }): RecordBlock[] {
  const { plan } = record;
  const name = memberNamer(record.members);
  const actions = currentActions(plan.actions, record.checkIns);
  const actionTable = (under: typeof actions): RecordBlock => ({
    kind: 'table',
    header: ['Action', 'Owner', 'Due', 'Sees the child', 'State', 'Progress measure'],
    rows: under.map((action) => [action.what, name(action.ownerMemberId), ukDate(action.due), orDash(action.childSeenFrequency), ACTION_STATE_LABELS[action.state], orDash(action.progressMeasure)]),
  });
  const outcomeIds = new Set(plan.outcomes.map((outcome) => outcome.id));
  const others = actions.filter((action) => !action.outcomeId || !outcomeIds.has(action.outcomeId));
  return [
    { kind: 'heading', text: 'Outcomes and actions' },
    ...plan.outcomes.flatMap((outcome, index) => {
      const under = actions.filter((action) => action.outcomeId === outcome.id);
      return [{ kind: 'paragraph' as const, text: `Outcome ${index + 1}: ${outcome.text}` }, ...(under.length > 0 ? [actionTable(under)] : [])];
    }),
    ...(others.length > 0 ? [{ kind: 'paragraph' as const, text: 'Other actions' }, actionTable(others)] : []),
    { kind: 'heading', text: 'Contingency plan' },
    { kind: 'paragraph', text: orDash(plan.contingencyPlan) },
    { kind: 'heading', text: 'Supports and resources' },
    { kind: 'paragraph', text: orDash(plan.resources) },
    { kind: 'heading', text: 'How progress is monitored' },
    { kind: 'paragraph', text: orDash(plan.monitoring) },
  ];
}
