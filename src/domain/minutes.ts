import { type CivilDate, realCivilDate } from './civil-date';
import { type CoreGroupMember, leadSocialWorkerOf } from './core-group';
import { InvalidInputError, NotFoundError, RuleViolationError, VersionConflictError, said } from './errors';
import type { CoreGroupMeeting } from './meeting';
import type { ChildProtectionPlan, PlanAction } from './plan';
import { describeLimit, fitsLimit } from './text';

/** How each invited member took part (seed 000: send a representative or a written report). */
export const ATTENDANCE = ['invited', 'present', 'apologies', 'representative-sent', 'written-report', 'absent'] as const;
export type Attendance = (typeof ATTENDANCE)[number];

export interface AttendanceEntry {
  readonly memberId: string;
  readonly attendance: Attendance;
  readonly representativeName?: string | undefined;
}

/** Signs of Safety: worries, what's working well, what needs to happen, and each person's scaling. */
export interface SignsOfSafety {
  readonly worries: string;
  readonly workingWell: string;
  readonly needsToHappen: string;
  /** 0 = the child is not safe, 10 = everyone is confident the child is safe enough to close. */
  readonly scaling: readonly { readonly memberId: string; readonly score: number }[];
}

export interface ActionUpdate {
  readonly actionId: string;
  readonly agency: string;
  readonly update: string;
}

export interface NewAction {
  readonly what: string;
  readonly ownerMemberId: string;
  readonly agency: string;
  readonly due: CivilDate;
  readonly progressMeasure: string;
  /** The plan outcome it serves, chosen before the chair signs (an action from the meeting chat comes without one). */
  readonly outcomeId?: string | undefined;
}

export interface Disagreement {
  readonly text: string;
  /** Seed 002: significant disagreement goes to the team manager and the conference chair. */
  readonly significant: boolean;
}

/**
 * Something a member added from the meeting chat (`/coregroup note|decision|action …`): attributed,
 * time-stamped, and only a proposal until the chair accepts, edits or drops it in the minutes tab.
 */
export interface ChatContribution {
  /** The Teams activity it came from: a retried delivery adds nothing twice. */
  readonly id: string;
  readonly kind: 'note' | 'decision' | 'action';
  readonly text: string;
  readonly memberId: string;
  readonly at: string;
  /** For an action: the member it was given to (from the mention, matched by Entra object id), and their name for the minutes. */
  readonly ownerMemberId?: string | undefined;
  readonly ownerName?: string | undefined;
  /** For an action: the due date as typed. */
  readonly due?: string | undefined;
}

/** Someone at the meeting who is not a member of the core group: an interpreter, a grandparent, a family support worker. A name only: never a role or access. */
export interface OtherAttendee {
  readonly name: string;
  /** Their relationship to the child or their role at the meeting. */
  readonly relationship: string;
  readonly organisation: string;
}

/** An agency's update at the meeting: one per agency present or reporting. */
export interface AgencyUpdate {
  readonly agency: string;
  readonly update: string;
}

/** Yes, no, or nobody said. */
export const YES_NO_UNKNOWN = ['yes', 'no', 'not-recorded'] as const;
export type YesNoUnknown = (typeof YES_NO_UNKNOWN)[number];

/** Whether the child was seen since the last meeting, and seen alone, when and by whom (Working Together: the child seen, and seen alone). */
export interface ChildSeen {
  readonly seen: YesNoUnknown;
  readonly seenAlone: YesNoUnknown;
  readonly lastSeenOn?: CivilDate | undefined;
  /** A member or a named person. */
  readonly seenBy: string;
  readonly note: string;
}

/** A written report an absent member sent instead of coming (seed 000), and its gist. */
export interface WrittenReport {
  readonly memberId: string;
  readonly summary: string;
}

/** What the core group recommends to the review conference (seeds 000, 002, 004): the plan continues, continues with changes, or ends. */
export const RECOMMENDATION_OUTCOMES = ['continue', 'continue-with-changes', 'end'] as const;
export type RecommendationOutcome = (typeof RECOMMENDATION_OUTCOMES)[number];

/** The core group's report and recommendation for the review conference, agreed at the final core group; no outcome until one is agreed. */
export interface ReviewRecommendation {
  readonly outcome?: RecommendationOutcome | undefined;
  readonly reasons: string;
}

/** The content of core group minutes, in meeting order (the agreed template, seeds 002/004). */
export interface MinutesContent {
  readonly attendance: readonly AttendanceEntry[];
  readonly otherAttendees: readonly OtherAttendee[];
  /** Seed 004: the chair asks at every meeting whether every agency that should be here is here. */
  readonly allAgenciesPresent: { readonly discussed: boolean; readonly note: string };
  readonly actionUpdates: readonly ActionUpdate[];
  readonly agencyUpdates: readonly AgencyUpdate[];
  readonly writtenReports: readonly WrittenReport[];
  readonly childSeen: ChildSeen;
  readonly childsVoice: string;
  readonly signsOfSafety: SignsOfSafety;
  readonly decisions: readonly string[];
  readonly newActions: readonly NewAction[];
  readonly disagreements: readonly Disagreement[];
  readonly contingencyReview: string;
  readonly reviewRecommendation: ReviewRecommendation;
  readonly nextMeetingDate?: CivilDate | undefined;
  /**
   * Seeds 002/004: shared with parents and the child where age-appropriate — the family version,
   * never the professional minutes. Shared unless the chair withholds it, with a reason.
   */
  readonly sharing: SharingDecision;
  /** Added from the meeting chat, waiting for the chair. */
  readonly contributions: readonly ChatContribution[];
}

/** Who the minutes are shared with; withholding from either needs `withheldReason`. */
export interface SharingDecision {
  readonly withFamily: boolean;
  readonly withChild: boolean;
  readonly withheldReason?: string | undefined;
}

/** What new minutes start with (seeds 002/004): the family and the child where age-appropriate receive them. */
export const SHARED_BY_DEFAULT: SharingDecision = { withFamily: true, withChild: true };

/**
 * Checks a sharing decision as the chair saves it: withholding from the family or the child needs
 * a recorded reason, and a reason is kept only while something is withheld. Minutes saved before
 * sharing became the default keep what was decided (`withheldReason` absent) until the section is
 * saved again.
 */
export function decideSharing(sharing: SharingDecision): SharingDecision {
  const withheld = !sharing.withFamily || !sharing.withChild;
  const reason = sharing.withheldReason?.trim() ?? '';
  if (!withheld) return { withFamily: true, withChild: true };
  if (reason === '') throw new RuleViolationError('Say why the minutes are withheld from the family or the child: the reason is kept with the minutes.', { said: said('refusals.minutes.withheldReason') });
  return { withFamily: sharing.withFamily, withChild: sharing.withChild, withheldReason: reason };
}

export interface SignOff {
  readonly memberId: string;
  readonly at: string;
}

/** Minutes of one meeting at one version. Signed minutes never change; amendments are new versions. */
export interface Minutes {
  readonly id: string;
  readonly meetingId: string;
  readonly coreGroupId: string;
  readonly version: number;
  readonly content: MinutesContent;
  readonly chairSignOff?: SignOff | undefined;
  readonly managerSignOff?: SignOff | undefined;
  readonly amendmentReason?: string | undefined;
  /** The team manager sent the chair's signed minutes back with comments; kept until the team manager signs. */
  readonly returned?: MinutesReturn | undefined;
}

/** The team manager's comments when sending minutes back to the chair instead of signing. */
export interface MinutesReturn {
  readonly memberId: string;
  readonly at: string;
  readonly comments: string;
}

/** A delivery of signed minutes to one person. */
export interface Delivery {
  readonly minutesId: string;
  readonly minutesVersion: number;
  readonly memberId: string;
  readonly channel: 'teams' | 'email';
  readonly outcome: 'sent' | 'failed';
  readonly at: string;
  readonly detail?: string | undefined;
}

/** A section of the minutes, saved on its own by the tab (chat contributions are not a section). */
export type MinutesSection = Exclude<keyof MinutesContent, 'contributions'>;

export const CHILD_SEEN_NOT_RECORDED: ChildSeen = { seen: 'not-recorded', seenAlone: 'not-recorded', seenBy: '', note: '' };
export const NO_RECOMMENDATION: ReviewRecommendation = { reasons: '' };

/**
 * Checks a recommendation as it is saved: an outcome needs its reasons (the review conference
 * reads why), and reasons alone are a draft being written.
 */
export function decideRecommendation(recommendation: ReviewRecommendation): ReviewRecommendation {
  const reasons = recommendation.reasons.trim();
  if (recommendation.outcome && reasons === '') throw new RuleViolationError('Give the reasons for the recommendation: the review conference reads why.', { said: said('refusals.minutes.recommendationReasons') });
  return { outcome: recommendation.outcome, reasons: recommendation.reasons };
}

/**
 * The core group's latest agreed recommendation: from the most recent fully signed minutes (in
 * the order given, oldest first) that record an outcome. What the conference pack prints.
 */
export function latestRecommendation(minutes: readonly Minutes[]): { readonly minutesId: string; readonly meetingId: string; readonly outcome: RecommendationOutcome; readonly reasons: string } | undefined {
  const agreed = minutes.filter((candidate) => isSigned(candidate) && candidate.content.reviewRecommendation.outcome !== undefined).at(-1);
  const outcome = agreed?.content.reviewRecommendation.outcome;
  return agreed && outcome ? { minutesId: agreed.id, meetingId: agreed.meetingId, outcome, reasons: agreed.content.reviewRecommendation.reasons } : undefined;
}

/** An empty draft with every invited member listed as invited. */
export function emptyMinutesContent(invited: readonly CoreGroupMember[]): MinutesContent {
  return {
    attendance: invited.map((member) => ({ memberId: member.id, attendance: 'invited' })),
    otherAttendees: [],
    allAgenciesPresent: { discussed: false, note: '' },
    actionUpdates: [],
    agencyUpdates: [],
    writtenReports: [],
    childSeen: CHILD_SEEN_NOT_RECORDED,
    childsVoice: '',
    signsOfSafety: { worries: '', workingWell: '', needsToHappen: '', scaling: [] },
    decisions: [],
    newActions: [],
    disagreements: [],
    contingencyReview: '',
    reviewRecommendation: NO_RECOMMENDATION,
    sharing: SHARED_BY_DEFAULT,
    contributions: [],
  };
}

/** The minutes a meeting starts with: version 1, empty, every member of the group listed as invited. */
export function openingDraft(options: { id: string; meeting: Pick<CoreGroupMeeting, 'id' | 'coreGroupId'>; members: readonly CoreGroupMember[] }): Minutes {
  return { id: options.id, meetingId: options.meeting.id, coreGroupId: options.meeting.coreGroupId, version: 1, content: emptyMinutesContent(options.members) };
}

/**
 * Whether a section changed between the version an editor started from and the current one:
 * compared as the JSON the record keeps (dates as text). An unknown base version counts as changed.
 */
export function sectionChangedSince(options: { base: MinutesContent | undefined; current: MinutesContent; section: MinutesSection }): boolean {
  const asStored = (value: unknown) => JSON.stringify(value ?? null);
  return !options.base || asStored(options.base[options.section]) !== asStored(options.current[options.section]);
}

/** Adds a chat contribution to a draft, once per id; signed minutes take no more. */
export function addContribution(minutes: Minutes, contribution: ChatContribution): Minutes {
  if (minutes.chairSignOff || minutes.managerSignOff) throw new RuleViolationError('These minutes are signed; add it to the next meeting instead.', { said: said('refusals.minutes.signedAddToNext') });
  if (minutes.content.contributions.some((existing) => existing.id === contribution.id)) return minutes;
  return { ...minutes, version: minutes.version + 1, content: { ...minutes.content, contributions: [...minutes.content.contributions, contribution] } };
}

/**
 * Records how one member took part. Unchanged attendance returns the same minutes (so a retried
 * press saves nothing); signed minutes take no more.
 */
export function recordAttendance(minutes: Minutes, memberId: string, attendance: Attendance): Minutes {
  if (minutes.chairSignOff || minutes.managerSignOff) throw new RuleViolationError('These minutes are signed; attendance can no longer change.', { said: said('refusals.minutes.signedAttendance') });
  const current = minutes.content.attendance.find((entry) => entry.memberId === memberId);
  if (current?.attendance === attendance) return minutes;
  const others = minutes.content.attendance.filter((entry) => entry.memberId !== memberId);
  const entry: AttendanceEntry = { memberId, attendance };
  const ordered = current ? minutes.content.attendance.map((existing) => (existing.memberId === memberId ? entry : existing)) : [...others, entry];
  return { ...minutes, version: minutes.version + 1, content: { ...minutes.content, attendance: ordered } };
}

/** How a member took part, as the minutes record it: invited until someone says otherwise. */
export function attendanceOf(minutes: Minutes | undefined, memberId: string): Attendance {
  return minutes?.content.attendance.find((entry) => entry.memberId === memberId)?.attendance ?? 'invited';
}

/**
 * Attendance at held meetings (oldest first), from their minutes: what the absence signals count.
 * A meeting with no minutes recorded nobody's attendance and is left out.
 */
export function attendanceAtHeldMeetings(held: readonly { meetingId: string; minutes: Minutes | undefined }[]): { meetingId: string; attendance: ReadonlyMap<string, Attendance> }[] {
  return held.flatMap(({ meetingId, minutes }) => (minutes ? [{ meetingId, attendance: new Map(minutes.content.attendance.map((entry) => [entry.memberId, entry.attendance])) }] : []));
}

/** Signs of Safety scaling over earlier held meetings (oldest first): the meetings where anyone scaled. */
export function scalingHistory(earlier: readonly { date: CivilDate; minutes: Minutes | undefined }[]): { date: CivilDate; scores: SignsOfSafety['scaling'] }[] {
  return earlier.flatMap(({ date, minutes }) => {
    const scores = minutes?.content.signsOfSafety.scaling ?? [];
    return scores.length > 0 ? [{ date, scores }] : [];
  });
}

export function isSigned(minutes: Pick<Minutes, 'chairSignOff' | 'managerSignOff'>): boolean {
  return minutes.chairSignOff !== undefined && minutes.managerSignOff !== undefined;
}

/** Checks content rules that the template alone cannot: scaling is a whole number 0–10. */
export function checkMinutesContent(content: MinutesContent): void {
  for (const { score } of content.signsOfSafety.scaling) {
    if (!Number.isInteger(score) || score < 0 || score > 10) {
      throw new RuleViolationError(`a Signs of Safety scaling score is a whole number from 0 to 10, got ${score}`, { said: said('refusals.minutes.scalingScore', { score }) });
    }
  }
}

/**
 * Saves new draft content, refusing it if someone else saved first (the caller sends the
 * version it edited) or if the minutes are already signed.
 */
export function editMinutes(minutes: Minutes, options: { content: MinutesContent; basedOnVersion: number }): Minutes {
  if (isSigned(minutes)) {
    throw new RuleViolationError('signed minutes cannot be edited; amend them with a reason instead', { said: said('refusals.minutes.signedCannotEdit') });
  }
  if (options.basedOnVersion !== minutes.version) {
    throw new VersionConflictError('someone else saved these minutes first; review their changes and save again', { said: said('serviceRefusals.minutes.savedFirst') });
  }
  checkMinutesContent(options.content);
  // Locked only once both have signed: a change after the chair's signature takes it back, so the
  // chair signs what the minutes now say.
  return { ...minutes, content: options.content, version: minutes.version + 1, chairSignOff: undefined };
}

/**
 * The team manager sends the chair's signed minutes back with comments instead of signing: the
 * chair's signature is taken back, the minutes can be changed again, and the chair signs again.
 */
export function returnMinutes(minutes: Minutes, options: { memberId: string; at: string; comments: string }): Minutes {
  if (isSigned(minutes)) throw new RuleViolationError('These minutes are signed by both; amend them with a reason instead.', { said: said('refusals.minutes.signedByBoth') });
  if (!minutes.chairSignOff) throw new RuleViolationError('Only minutes the chair has signed go back to the chair.', { said: said('refusals.minutes.onlyChairSignedGoBack') });
  const comments = options.comments.trim();
  if (comments === '') throw new RuleViolationError('Say what the chair should change.', { said: said('refusals.minutes.sayWhatToChange') });
  return { ...minutes, version: minutes.version + 1, chairSignOff: undefined, returned: { memberId: options.memberId, at: options.at, comments } };
}

/**
 * Records a sign-off. Seed 002: minutes are signed by the chair of the core group and by the team
 * manager or senior social worker; the same person cannot sign as both.
 */
export function signMinutes(minutes: Minutes, options: { as: 'chair' | 'team-manager'; memberId: string; at: string }): Minutes {
  const signOff = { memberId: options.memberId, at: options.at };
  if (options.as === 'chair') {
    if (minutes.chairSignOff) throw new RuleViolationError('the chair has already signed these minutes', { said: said('refusals.minutes.chairAlreadySigned') });
    if (minutes.managerSignOff?.memberId === options.memberId) throw new RuleViolationError('the same person cannot sign as chair and team manager', { said: said('refusals.minutes.sameSigner') });
    return { ...minutes, chairSignOff: signOff };
  }
  if (minutes.managerSignOff) throw new RuleViolationError('the team manager has already signed these minutes', { said: said('refusals.minutes.managerAlreadySigned') });
  if (!minutes.chairSignOff) throw new RuleViolationError('The chair signs first; the team manager then signs, or sends the minutes back with comments.', { said: said('refusals.minutes.chairSignsFirst') });
  if (minutes.chairSignOff.memberId === options.memberId) throw new RuleViolationError('the same person cannot sign as chair and team manager', { said: said('refusals.minutes.sameSigner') });
  return { ...minutes, managerSignOff: signOff, returned: undefined };
}

/** How many people the minutes record as present (a representative sent counts: someone came for their agency). */
export function presentIn(minutes: Minutes): number {
  return minutes.content.attendance.filter((entry) => entry.attendance === 'present' || entry.attendance === 'representative-sent').length;
}

/** Starts an amendment of signed minutes: a new unsigned version that says why. */
export function amendMinutes(minutes: Minutes, reason: string): Minutes {
  if (!isSigned(minutes)) throw new RuleViolationError('only signed minutes are amended; edit the draft instead', { said: said('refusals.minutes.onlySignedAmended') });
  if (reason.trim() === '') throw new RuleViolationError('say why the signed minutes are being amended', { said: said('refusals.minutes.sayWhyAmended') });
  return { ...minutes, version: minutes.version + 1, chairSignOff: undefined, managerSignOff: undefined, amendmentReason: reason };
}

/**
 * Who must receive the minutes (seeds 001, 002): every member of the core group, present or
 * absent, the conference chair and the team manager; family members and the child only when
 * the group decided to share with them.
 */
export function minutesRecipients(members: readonly CoreGroupMember[], sharing: MinutesContent['sharing']): CoreGroupMember[] {
  return members.filter((member) => {
    if (!member.active) return false;
    if (member.role === 'family-member') return sharing.withFamily;
    if (member.role === 'child') return sharing.withChild;
    return true;
  });
}

/** The deliveries of one version of the minutes (an amendment is circulated anew). */
export function deliveriesOfVersion(deliveries: readonly Delivery[], version: number): Delivery[] {
  return deliveries.filter((delivery) => delivery.minutesVersion === version);
}

/** The members who have had a successful delivery of this version. */
export function deliveredTo(deliveries: readonly Delivery[], version: number): Set<string> {
  return new Set(deliveriesOfVersion(deliveries, version).filter((delivery) => delivery.outcome === 'sent').map((delivery) => delivery.memberId));
}

/**
 * How far the current version of the minutes went, counted from the deliveries recorded: the
 * members this version reached, and — for an amended version nobody has had yet — the earlier
 * version that went out and to how many, so nothing says "sent to 0" when seven had the last one.
 */
export function versionsSent(minutes: Pick<Minutes, 'version' | 'amendmentReason'>, deliveries: readonly Delivery[]): { readonly thisVersion: number; readonly earlier?: { readonly version: number; readonly members: number } | undefined } {
  const thisVersion = deliveredTo(deliveries, minutes.version).size;
  const earlierVersion = Math.max(0, ...deliveries.filter((delivery) => delivery.outcome === 'sent' && delivery.minutesVersion < minutes.version).map((delivery) => delivery.minutesVersion));
  const earlier = minutes.amendmentReason && earlierVersion > 0 ? { version: earlierVersion, members: deliveredTo(deliveries, earlierVersion).size } : undefined;
  return { thisVersion, earlier };
}

/** Where a set of minutes stands, as people name it: a draft (signed by the chair or not), signed, or an amendment of the signed minutes not yet signed. */
export const EDITION_STAGES = ['draft', 'draft-chair-signed', 'signed', 'amendment'] as const;
export type EditionStage = (typeof EDITION_STAGES)[number];

/** How people name a set of minutes: its stage and which amendment it is (0: none, the minutes as first signed). */
export interface Edition {
  /** How many times it became signed by both, from its saved versions oldest first. */
  readonly signed: number;
  readonly stage: EditionStage;
  readonly amendment: number;
}

/**
 * How people name a set of minutes: by the times it was signed by both (an amendment opens the
 * next), never by the save counter — "signed (amendment 1)", "amendment 2 of the signed minutes".
 */
export function editionOf(history: readonly Pick<Minutes, 'chairSignOff' | 'managerSignOff' | 'amendmentReason'>[], current: Pick<Minutes, 'chairSignOff' | 'managerSignOff' | 'amendmentReason'>): Edition {
  const signed = history.filter((version, index) => isSigned(version) && (index === 0 || !isSigned(history[index - 1]!))).length;
  if (isSigned(current)) return { signed, stage: 'signed', amendment: Math.max(0, signed - 1) };
  if (current.amendmentReason) return { signed, stage: 'amendment', amendment: signed };
  return { signed, stage: current.chairSignOff ? 'draft-chair-signed' : 'draft', amendment: 0 };
}

/** Recipients who have not yet had a successful delivery of this version. */
export function undelivered(recipients: readonly CoreGroupMember[], deliveries: readonly Delivery[], version: number): CoreGroupMember[] {
  const delivered = deliveredTo(deliveries, version);
  return recipients.filter((member) => !delivered.has(member.id));
}

/** The mailbox the minutes are e-mailed from: the one that organised the meeting, else the lead social worker's. */
export function minutesSenderMailbox(meeting: CoreGroupMeeting, members: readonly CoreGroupMember[]): string | undefined {
  return meeting.booking?.organiser ?? leadSocialWorkerOf(members)?.email;
}

/** The free-text sections a note from the chat can be added to. */
export const NOTE_SECTIONS = ['childsVoice', 'contingencyReview', 'worries', 'workingWell', 'needsToHappen'] as const;
export type NoteSection = (typeof NOTE_SECTIONS)[number];

/** What the chair decides about a contribution from the chat: drop it, or take it into the minutes (a note into a section). */
export type ContributionDecision = { accept: false } | { accept: true; into?: NoteSection | undefined };

/**
 * The chair (or minute-taker) takes a contribution from the meeting chat into the minutes, or
 * drops it; either way it stops waiting. A decision joins the decisions; a note is added to the
 * text section they choose, when the section then still fits `sectionLimit` (what the tab can
 * save again); an action joins the new actions when its owner is an active member named as typed
 * (any case) and its due date, kept as typed, is a real day.
 */
export function decideContribution(options: { content: MinutesContent; contributionId: string; decision: ContributionDecision; members: readonly CoreGroupMember[]; sectionLimit: number }): MinutesContent {
  const { content, contributionId, decision } = options;
  const contribution = content.contributions.find((candidate) => candidate.id === contributionId);
  if (!contribution) throw new NotFoundError('That contribution is no longer waiting.', { said: said('refusals.minutes.contributionGone') });
  const remaining: MinutesContent = { ...content, contributions: content.contributions.filter((candidate) => candidate.id !== contributionId) };
  return decision.accept ? acceptContribution({ ...options, content: remaining, contribution, into: decision.into }) : remaining;
}

function acceptContribution(options: { content: MinutesContent; contribution: ChatContribution; into: NoteSection | undefined; members: readonly CoreGroupMember[]; sectionLimit: number }): MinutesContent {
  const { content, contribution, into } = options;
  if (contribution.kind === 'decision') return { ...content, decisions: [...content.decisions, contribution.text] };
  if (contribution.kind === 'note') {
    if (!into) throw new InvalidInputError('Choose the section the note belongs in.', { said: said('refusals.minutes.chooseSection') });
    const append = (existing: string) => {
      const joined = [existing, contribution.text].filter((part) => part.trim() !== '').join('\n');
      if (!fitsLimit(joined, options.sectionLimit)) throw new RuleViolationError(`With that note the section would be longer than its ${describeLimit(options.sectionLimit)}: shorten the section first, then accept the note.`, { said: said('refusals.minutes.noteTooLong', { limit: options.sectionLimit }) });
      return joined;
    };
    if (into === 'childsVoice' || into === 'contingencyReview') return { ...content, [into]: append(content[into]) };
    return { ...content, signsOfSafety: { ...content.signsOfSafety, [into]: append(content.signsOfSafety[into]) } };
  }
  const owner = options.members.find((candidate) => candidate.active && candidate.id === contribution.ownerMemberId);
  if (!owner || !contribution.due) throw new RuleViolationError('That action has no owner who is a member, or no due date: add it under New actions by hand, then drop the chat line.', { said: said('refusals.minutes.actionNoOwnerOrDue') });
  // Kept as typed in the chat: one stored before dates were checked there may name no real day.
  const due = realCivilDate(contribution.due);
  if (!due) throw new RuleViolationError('That action’s due date is not a real date: add it under New actions by hand, then drop the chat line.', { said: said('refusals.minutes.actionDueNotReal') });
  const newAction: NewAction = { what: contribution.text, ownerMemberId: owner.id, agency: owner.agency, due, progressMeasure: '' };
  return { ...content, newActions: [...content.newActions, newAction] };
}

/**
 * The plan actions the new actions in signed minutes become: owner, due date and progress
 * measure as agreed, not started, agreed on the day the chair signed. Each has an id derived
 * from the minutes and its position (`actionIdAt`), so signing twice adds nothing twice: actions
 * already in the plan are left out.
 */
export function planActionsAgreedIn(options: { minutes: Minutes; plan: ChildProtectionPlan; agreedOn: CivilDate; actionIdAt: (index: number) => string }): PlanAction[] {
  const { minutes, plan, agreedOn } = options;
  return minutes.content.newActions
    .map((action, index): PlanAction => ({ id: options.actionIdAt(index), outcomeId: action.outcomeId, what: action.what, ownerMemberId: action.ownerMemberId, agency: action.agency, due: action.due, agreedOn, progressMeasure: action.progressMeasure, state: 'not-started' }))
    .filter((action) => !plan.actions.some((existing) => existing.id === action.id));
}
