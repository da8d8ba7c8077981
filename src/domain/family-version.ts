import type { CoreGroupMember } from './core-group';
import { InvalidInputError, RuleViolationError, VersionConflictError, said } from './errors';
import { type Minutes, type MinutesContent, type RecommendationOutcome, type ReviewRecommendation, type SignOff, isSigned } from './minutes';
import type { ActionState, ChildProtectionPlan, PlanAction } from './plan';

/**
 * The family version of a meeting's record (issue 14, seeds 002 and 004): what the parents and the
 * child (where age-appropriate) receive instead of the professional minutes and plan. It is
 * prepared from the signed minutes and the plan in plain language, with everything this file marks
 * professional-only left out; the chair (or the lead social worker) then removes or rewords items,
 * writes a plain-language summary and signs it off, and only a signed-off version is ever sent.
 */

/** Whether a part of the record may go into the family version, and why not when it may not. */
export type FamilyUse = { readonly family: true } | { readonly family: false; readonly why: string };

const FOR_FAMILY: FamilyUse = { family: true };
const professionalOnly = (why: string): FamilyUse => ({ family: false, why });

/**
 * Agencies whose information is third-party information: shared with the core group under
 * information-sharing agreements, never passed to the family by the core group itself. Their
 * progress updates and their actions are left out of the family version and the family's plan.
 */
export const THIRD_PARTY_AGENCIES = ['police', 'heddlu'] as const;

/** Whether an agency's information is third-party information (`THIRD_PARTY_AGENCIES`), matched as people type it, in English or Welsh ("Police", "West Yorkshire Police", "Heddlu Dyfed-Powys"). */
export function isThirdPartyAgency(agency: string): boolean {
  const typed = agency.toLowerCase();
  return THIRD_PARTY_AGENCIES.some((thirdParty) => typed.includes(thirdParty));
}

/**
 * Each part of the minutes, and whether it may go to the family. The Signs of Safety text, the
 * child's voice, decisions, actions and the contingency review are written for the family to read
 * (seeds 002/004: the minutes are shared with them); each professional's own scaling, the
 * discussion of which agencies are missing, disagreements between agencies and chat proposals are
 * professional-only, and so is anything from a third-party agency (`isThirdPartyAgency`).
 */
export const MINUTES_FAMILY_USE: Readonly<Record<keyof MinutesContent | 'signsOfSafety.scaling', FamilyUse>> = {
  attendance: FOR_FAMILY,
  otherAttendees: FOR_FAMILY,
  allAgenciesPresent: professionalOnly('which agencies should have been there is a discussion between professionals'),
  actionUpdates: FOR_FAMILY,
  agencyUpdates: FOR_FAMILY,
  writtenReports: professionalOnly('a report an agency wrote for the core group is the agency’s to share'),
  childSeen: professionalOnly('when and by whom the child was seen, and seen alone, is the professionals’ record of their visits'),
  childsVoice: FOR_FAMILY,
  signsOfSafety: FOR_FAMILY,
  'signsOfSafety.scaling': professionalOnly('each professional’s own scaling is their professional judgement'),
  decisions: FOR_FAMILY,
  newActions: FOR_FAMILY,
  disagreements: professionalOnly('disagreements between agencies are resolved between professionals (seed 002)'),
  contingencyReview: FOR_FAMILY,
  reviewRecommendation: FOR_FAMILY,
  nextMeetingDate: FOR_FAMILY,
  sharing: professionalOnly('the group’s sharing decision is part of the professional record'),
  contributions: professionalOnly('chat proposals are not minutes until the chair takes them in'),
};

/**
 * Each part of the plan, and whether it may go to the family: the outcomes, the actions, the
 * contingency plan and the supports are the family's plan too; how professionals monitor progress
 * between themselves (checks, who reviews what) is professional-only, and so are the actions of a
 * third-party agency.
 */
export const PLAN_FAMILY_USE: Readonly<Record<'outcomes' | 'actions' | 'contingencyPlan' | 'resources' | 'monitoring', FamilyUse>> = {
  outcomes: FOR_FAMILY,
  actions: FOR_FAMILY,
  contingencyPlan: FOR_FAMILY,
  resources: FOR_FAMILY,
  monitoring: professionalOnly('how agencies monitor progress between themselves is professional-only'),
};

/** The parts of the record never in a family version — those `MINUTES_FAMILY_USE` and `PLAN_FAMILY_USE` mark professional-only — by their names there. */
export const PROFESSIONAL_ONLY_PARTS = ['allAgenciesPresent', 'writtenReports', 'childSeen', 'signsOfSafety.scaling', 'disagreements', 'sharing', 'contributions', 'monitoring'] as const;

/** The sections of a family version, in the order the family reads them. */
export const FAMILY_SECTIONS = ['attendance', 'childsVoice', 'workingWell', 'worries', 'needsToHappen', 'progress', 'decisions', 'newActions', 'contingency', 'recommendation', 'nextMeeting', 'planOutcomes', 'planActions', 'planContingency', 'planSupport'] as const;
export type FamilySection = (typeof FAMILY_SECTIONS)[number];

/**
 * A line the family version prepares in its own words, as facts for whoever shows it to word in
 * their reader's language: a member who has left the group among those at the meeting; progress
 * on an action (`action` absent: one no longer on the plan); a new action or a plan's action with
 * who does it (`owner`: "name (agency)", absent: someone who has left the group) and by when; the
 * group's recommendation; the next meeting's date.
 */
export type FamilyLine =
  | { readonly kind: 'someone-left' }
  | { readonly kind: 'progress'; readonly action?: string | undefined; readonly update: string }
  | { readonly kind: 'new-action'; readonly what: string; readonly owner?: string | undefined; readonly due: string }
  | { readonly kind: 'plan-action'; readonly what: string; readonly owner?: string | undefined; readonly due: string; readonly state: ActionState }
  | { readonly kind: 'recommendation'; readonly outcome: RecommendationOutcome }
  | { readonly kind: 'next-meeting'; readonly on: string };

/**
 * One item of the family version, reworded or removed on review: words a person wrote (the
 * record's own, or the reviewer's rewording) in `text`, or a line the family version prepared, in
 * `line` until the reviewer rewords it. A version stored before lines were kept has text only.
 */
export interface FamilyItem {
  /** Stable across preparations of the same record: `decisions:2`, `planActions:<action id>`. */
  readonly id: string;
  readonly section: FamilySection;
  readonly text?: string | undefined;
  readonly line?: FamilyLine | undefined;
  readonly removed: boolean;
}

/** One version of the family version of a meeting's record. */
export interface FamilyVersion {
  readonly meetingId: string;
  readonly minutesId: string;
  /** The signed minutes and the plan it was prepared from: another version of either needs a new family version. */
  readonly minutesVersion: number;
  readonly planVersion: number | undefined;
  readonly version: number;
  readonly summary: string;
  readonly items: readonly FamilyItem[];
  readonly signOff?: SignOff | undefined;
}

const hasText = (text: string) => text.trim() !== '';

/** The plan as the family may have it: without what `PLAN_FAMILY_USE` marks professional-only and without third-party agencies' actions. */
export function familyPlan(plan: ChildProtectionPlan): ChildProtectionPlan {
  return { ...plan, actions: plan.actions.filter((action) => !isThirdPartyAgency(action.agency)), monitoring: '' };
}

/**
 * The family version as first prepared from signed minutes and the plan: plain-language items of
 * every part the family may have (`MINUTES_FAMILY_USE`, `PLAN_FAMILY_USE`), none removed yet, no
 * summary, version 0 (nothing stored). Members are named with their agency; nobody's scaling,
 * no disagreement, nothing from a third-party agency.
 */
export function prepareFamilyVersion(options: { minutes: Minutes; plan: ChildProtectionPlan | undefined; members: readonly CoreGroupMember[] }): FamilyVersion {
  const { minutes, members } = options;
  if (!isSigned(minutes)) throw new RuleViolationError('The family version is prepared from signed minutes: sign them first.', { said: said('refusals.familyVersion.fromSignedMinutes') });
  const plan = options.plan ? familyPlan(options.plan) : undefined;
  const { content } = minutes;
  const named = (memberId: string) => {
    const member = members.find((candidate) => candidate.id === memberId);
    return member && `${member.displayName} (${member.agency})`;
  };
  const actionsById = new Map((options.plan?.actions ?? []).map((action) => [action.id, action] as const));
  const item = (section: FamilySection, key: string | number, text: string): FamilyItem => ({ id: `${section}:${key}`, section, text, removed: false });
  const lineItem = (section: FamilySection, key: string | number, line: FamilyLine): FamilyItem => ({ id: `${section}:${key}`, section, line, removed: false });
  const textItem = (section: FamilySection, text: string) => (hasText(text) ? [item(section, 0, text.trim())] : []);
  const attendee = (memberId: string) => {
    const name = named(memberId);
    return name ? item('attendance', memberId, name) : lineItem('attendance', memberId, { kind: 'someone-left' });
  };
  const items: FamilyItem[] = [
    ...content.attendance.filter((entry) => entry.attendance === 'present' || entry.attendance === 'representative-sent').map((entry) => attendee(entry.memberId)),
    ...content.otherAttendees.map((attendee, index) => item('attendance', `other-${index}`, `${attendee.name.trim()} (${attendee.relationship.trim()})`)),
    ...textItem('childsVoice', content.childsVoice),
    ...textItem('workingWell', content.signsOfSafety.workingWell),
    ...textItem('worries', content.signsOfSafety.worries),
    ...textItem('needsToHappen', content.signsOfSafety.needsToHappen),
    ...content.actionUpdates
      .filter((update) => hasText(update.update) && !isThirdPartyAgency(update.agency) && !isThirdPartyAgency(actionsById.get(update.actionId)?.agency ?? ''))
      .map((update) => lineItem('progress', update.actionId, { kind: 'progress', action: actionsById.get(update.actionId)?.what, update: update.update.trim() })),
    ...content.agencyUpdates.flatMap((update, index) => (hasText(update.update) && !isThirdPartyAgency(update.agency) ? [item('progress', `agency-${index}`, `${update.agency.trim()}: ${update.update.trim()}`)] : [])),
    ...content.decisions.flatMap((decision, index) => (hasText(decision) ? [item('decisions', index, decision.trim())] : [])),
    ...content.newActions.flatMap((action, index) => (isThirdPartyAgency(action.agency) ? [] : [lineItem('newActions', index, { kind: 'new-action', what: action.what.trim(), owner: named(action.ownerMemberId), due: action.due.toString() })])),
    ...textItem('contingency', content.contingencyReview),
    ...recommendationItems(content.reviewRecommendation, { item, lineItem }),
    ...(content.nextMeetingDate ? [lineItem('nextMeeting', 0, { kind: 'next-meeting', on: content.nextMeetingDate.toString() })] : []),
    ...(plan?.outcomes ?? []).map((outcome) => item('planOutcomes', outcome.id, outcome.text)),
    ...(plan?.actions ?? []).filter((action) => action.state !== 'dropped').map((action) => lineItem('planActions', action.id, planActionLine(action, named))),
    ...(plan ? textItem('planContingency', plan.contingencyPlan) : []),
    ...(plan ? textItem('planSupport', plan.resources) : []),
  ];
  return { meetingId: minutes.meetingId, minutesId: minutes.id, minutesVersion: minutes.version, planVersion: options.plan?.version, version: 0, summary: '', items };
}

/** The core group's recommendation, and its reasons as written: shared with the family before the review conference. */
function recommendationItems(recommendation: ReviewRecommendation, make: { item: (section: FamilySection, key: number, text: string) => FamilyItem; lineItem: (section: FamilySection, key: number, line: FamilyLine) => FamilyItem }): FamilyItem[] {
  if (!recommendation.outcome) return [];
  return [make.lineItem('recommendation', 0, { kind: 'recommendation', outcome: recommendation.outcome }), ...(hasText(recommendation.reasons) ? [make.item('recommendation', 1, recommendation.reasons.trim())] : [])];
}

function planActionLine(action: PlanAction, named: (memberId: string) => string | undefined): FamilyLine {
  return { kind: 'plan-action', what: action.what, owner: named(action.ownerMemberId), due: action.due.toString(), state: action.state };
}

/** Whether a stored family version was prepared from these minutes and this plan version. */
export function isPreparedFrom(version: Pick<FamilyVersion, 'minutesVersion' | 'planVersion'>, record: { minutes: Pick<Minutes, 'version'>; planVersion: number | undefined }): boolean {
  return version.minutesVersion === record.minutes.version && version.planVersion === record.planVersion;
}

/** What a reviewer changes: the summary, and for some items new words (`text`; absent: as they are) or removal (an item not named is left as it is). */
export interface FamilyReview {
  readonly basedOnVersion: number;
  readonly summary: string;
  readonly items: readonly { readonly id: string; readonly text?: string | undefined; readonly removed: boolean }[];
}

/**
 * Applies a review to the family version: rewords and removes items, sets the summary. Refused
 * once signed off, on a stale version (someone else reviewed first), for an item it does not
 * have, or for an item left empty (remove it instead). Changing nothing returns the same version.
 */
export function reviewFamilyVersion(current: FamilyVersion, review: FamilyReview): FamilyVersion {
  if (current.signOff) throw new RuleViolationError('This family version is signed off; it can no longer change.', { said: said('refusals.familyVersion.signedOff') });
  if (review.basedOnVersion !== current.version) throw new VersionConflictError('Someone else changed the family version first; look at their changes and review again.', { said: said('serviceRefusals.familyVersion.changedFirst') });
  const edits = new Map(review.items.map((edit) => [edit.id, edit] as const));
  for (const edit of review.items) {
    if (!current.items.some((candidate) => candidate.id === edit.id)) throw new InvalidInputError(`The family version has no item ${edit.id}.`, { said: said('refusals.familyVersion.noItem', { id: edit.id }) });
    if (!edit.removed && edit.text !== undefined && !hasText(edit.text)) throw new RuleViolationError('An item cannot be left empty: remove it instead.', { said: said('refusals.familyVersion.itemEmpty') });
  }
  const items = current.items.map((existing): FamilyItem => {
    const edit = edits.get(existing.id);
    if (!edit) return existing;
    const reworded = edit.text !== undefined && (existing.line !== undefined || edit.text.trim() !== existing.text);
    return reworded ? { id: existing.id, section: existing.section, text: edit.text!.trim(), removed: edit.removed } : { ...existing, removed: edit.removed };
  });
  const summary = review.summary.trim();
  const unchanged = summary === current.summary && items.every((updated, index) => updated.text === current.items[index]?.text && updated.line === current.items[index]?.line && updated.removed === current.items[index]?.removed);
  return unchanged ? current : { ...current, version: current.version + 1, summary, items };
}

/** Signs the family version off, as it was reviewed: it needs a plain-language summary, and is signed once. */
export function signOffFamilyVersion(current: FamilyVersion, signOff: SignOff & { version: number }): FamilyVersion {
  if (current.signOff) throw new RuleViolationError('This family version is already signed off.', { said: said('refusals.familyVersion.alreadySignedOff') });
  if (signOff.version !== current.version) throw new VersionConflictError('The family version changed since you read it; read it again before signing it off.', { said: said('refusals.familyVersion.changedSinceRead') });
  if (!hasText(current.summary)) throw new RuleViolationError('Write a plain-language summary for the family before signing it off.', { said: said('refusals.familyVersion.summaryFirst') });
  return { ...current, version: current.version + 1, signOff: { memberId: signOff.memberId, at: signOff.at } };
}

/** One thing the family reads: words as a person wrote them, or a prepared line for the reader's words. */
export type FamilyReadingLine = Pick<FamilyItem, 'text' | 'line'>;

/** What the family reads: each section's items that were not removed, in reading order; empty sections are left out. */
export function familyReading(version: FamilyVersion): { section: FamilySection; lines: FamilyReadingLine[] }[] {
  return FAMILY_SECTIONS.map((section) => ({ section, lines: version.items.filter((item) => item.section === section && !item.removed).map((item) => ({ text: item.text, line: item.line })) })).filter((part) => part.lines.length > 0);
}
