import type { CivilDate } from './civil-date';
import type { CoreGroupMember } from './core-group';
import { RuleViolationError, VersionConflictError } from './errors';

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
  /** For an action: who was named and by when, as typed. */
  readonly ownerName?: string | undefined;
  readonly due?: string | undefined;
}

/** The content of core group minutes, in meeting order (the agreed template, seeds 002/004). */
export interface MinutesContent {
  readonly attendance: readonly AttendanceEntry[];
  /** Seed 004: the chair asks at every meeting whether every agency that should be here is here. */
  readonly allAgenciesPresent: { readonly discussed: boolean; readonly note: string };
  readonly actionUpdates: readonly ActionUpdate[];
  readonly childsVoice: string;
  readonly signsOfSafety: SignsOfSafety;
  readonly decisions: readonly string[];
  readonly newActions: readonly NewAction[];
  readonly disagreements: readonly Disagreement[];
  readonly contingencyReview: string;
  readonly nextMeetingDate?: CivilDate | undefined;
  /** Seed 002: shared with parents and the child where age-appropriate, as the group decides. */
  readonly sharing: { readonly withFamily: boolean; readonly withChild: boolean };
  /** Added from the meeting chat, waiting for the chair. */
  readonly contributions: readonly ChatContribution[];
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

/** An empty draft with every invited member listed as invited. */
export function emptyMinutesContent(invited: readonly CoreGroupMember[]): MinutesContent {
  return {
    attendance: invited.map((member) => ({ memberId: member.id, attendance: 'invited' })),
    allAgenciesPresent: { discussed: false, note: '' },
    actionUpdates: [],
    childsVoice: '',
    signsOfSafety: { worries: '', workingWell: '', needsToHappen: '', scaling: [] },
    decisions: [],
    newActions: [],
    disagreements: [],
    contingencyReview: '',
    sharing: { withFamily: false, withChild: false },
    contributions: [],
  };
}

/** Adds a chat contribution to a draft, once per id; signed minutes take no more. */
export function addContribution(minutes: Minutes, contribution: ChatContribution): Minutes {
  if (minutes.chairSignOff || minutes.managerSignOff) throw new RuleViolationError('These minutes are signed; add it to the next meeting instead.');
  if (minutes.content.contributions.some((existing) => existing.id === contribution.id)) return minutes;
  return { ...minutes, version: minutes.version + 1, content: { ...minutes.content, contributions: [...minutes.content.contributions, contribution] } };
}

/**
 * Records how one member took part. Unchanged attendance returns the same minutes (so a retried
 * press saves nothing); signed minutes take no more.
 */
export function recordAttendance(minutes: Minutes, memberId: string, attendance: Attendance): Minutes {
  if (minutes.chairSignOff || minutes.managerSignOff) throw new RuleViolationError('These minutes are signed; attendance can no longer change.');
  const current = minutes.content.attendance.find((entry) => entry.memberId === memberId);
  if (current?.attendance === attendance) return minutes;
  const others = minutes.content.attendance.filter((entry) => entry.memberId !== memberId);
  const entry: AttendanceEntry = { memberId, attendance };
  const ordered = current ? minutes.content.attendance.map((existing) => (existing.memberId === memberId ? entry : existing)) : [...others, entry];
  return { ...minutes, version: minutes.version + 1, content: { ...minutes.content, attendance: ordered } };
}

export function isSigned(minutes: Minutes): boolean {
  return minutes.chairSignOff !== undefined && minutes.managerSignOff !== undefined;
}

/** Checks content rules that the template alone cannot: scaling is a whole number 0–10. */
export function checkMinutesContent(content: MinutesContent): void {
  for (const { score } of content.signsOfSafety.scaling) {
    if (!Number.isInteger(score) || score < 0 || score > 10) {
      throw new RuleViolationError(`a Signs of Safety scaling score is a whole number from 0 to 10, got ${score}`);
    }
  }
}

/**
 * Saves new draft content, refusing it if someone else saved first (the caller sends the
 * version it edited) or if the minutes are already signed.
 */
export function editMinutes(minutes: Minutes, options: { content: MinutesContent; basedOnVersion: number }): Minutes {
  if (minutes.chairSignOff || minutes.managerSignOff) {
    throw new RuleViolationError('signed minutes cannot be edited; amend them with a reason instead');
  }
  if (options.basedOnVersion !== minutes.version) {
    throw new VersionConflictError('someone else saved these minutes first; review their changes and save again');
  }
  checkMinutesContent(options.content);
  return { ...minutes, content: options.content, version: minutes.version + 1 };
}

/**
 * Records a sign-off. Seed 002: minutes are signed by the chair of the core group and by the team
 * manager or senior social worker; the same person cannot sign as both.
 */
export function signMinutes(minutes: Minutes, options: { as: 'chair' | 'team-manager'; memberId: string; at: string }): Minutes {
  const signOff = { memberId: options.memberId, at: options.at };
  if (options.as === 'chair') {
    if (minutes.chairSignOff) throw new RuleViolationError('the chair has already signed these minutes');
    if (minutes.managerSignOff?.memberId === options.memberId) throw new RuleViolationError('the same person cannot sign as chair and team manager');
    return { ...minutes, chairSignOff: signOff };
  }
  if (minutes.managerSignOff) throw new RuleViolationError('the team manager has already signed these minutes');
  if (minutes.chairSignOff?.memberId === options.memberId) throw new RuleViolationError('the same person cannot sign as chair and team manager');
  return { ...minutes, managerSignOff: signOff };
}

/** Starts an amendment of signed minutes: a new unsigned version that says why. */
export function amendMinutes(minutes: Minutes, reason: string): Minutes {
  if (!isSigned(minutes)) throw new RuleViolationError('only signed minutes are amended; edit the draft instead');
  if (reason.trim() === '') throw new RuleViolationError('say why the signed minutes are being amended');
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

/** Recipients who have not yet had a successful delivery of this version. */
export function undelivered(recipients: readonly CoreGroupMember[], deliveries: readonly Delivery[], version: number): CoreGroupMember[] {
  const delivered = new Set(deliveries.filter((d) => d.outcome === 'sent' && d.minutesVersion === version).map((d) => d.memberId));
  return recipients.filter((member) => !delivered.has(member.id));
}
