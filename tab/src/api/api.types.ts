/**
 * The wire types of the tab's API (tab/API.md): JSON as the server sends it, dates as
 * `YYYY-MM-DD` text and instants as ISO text. The domain types in src/domain use Temporal dates
 * and never reach the browser.
 */

export const ATTENDANCE_CHOICES = ['present', 'apologies', 'representative-sent', 'written-report', 'absent'] as const;
export type AttendanceChoice = (typeof ATTENDANCE_CHOICES)[number];
/** `invited` is the draft's starting point: nobody has recorded how that member took part yet. */
export type Attendance = 'invited' | AttendanceChoice;

export interface AttendanceEntry {
  memberId: string;
  attendance: Attendance;
  representativeName?: string | undefined;
}

export interface ActionUpdate {
  actionId: string;
  agency: string;
  update: string;
}

export interface ScalingScore {
  memberId: string;
  score: number;
}

export interface SignsOfSafety {
  worries: string;
  workingWell: string;
  needsToHappen: string;
  scaling: ScalingScore[];
}

export interface NewAction {
  what: string;
  ownerMemberId: string;
  agency: string;
  due: string;
  progressMeasure: string;
}

export interface Disagreement {
  text: string;
  significant: boolean;
}

export interface ChatContribution {
  id: string;
  kind: 'note' | 'decision' | 'action';
  text: string;
  memberId: string;
  at: string;
  ownerName?: string | undefined;
  due?: string | undefined;
}

export interface MinutesContent {
  attendance: AttendanceEntry[];
  allAgenciesPresent: { discussed: boolean; note: string };
  actionUpdates: ActionUpdate[];
  childsVoice: string;
  signsOfSafety: SignsOfSafety;
  decisions: string[];
  newActions: NewAction[];
  disagreements: Disagreement[];
  contingencyReview: string;
  nextMeetingDate?: string | undefined;
  sharing: { withFamily: boolean; withChild: boolean };
  contributions: ChatContribution[];
}

/** The values the tab autosaves, one PATCH per section (`contributions` is decided item by item). */
export interface SectionValues {
  attendance: AttendanceEntry[];
  allAgenciesPresent: { discussed: boolean; note: string };
  actionUpdates: ActionUpdate[];
  childsVoice: string;
  signsOfSafety: SignsOfSafety;
  decisions: string[];
  newActions: NewAction[];
  disagreements: Disagreement[];
  contingencyReview: string;
  /** `null` clears the date (the server's schema takes null, not a missing value). */
  nextMeetingDate: string | null;
  sharing: { withFamily: boolean; withChild: boolean };
}
export type SectionName = keyof SectionValues;

/** In meeting order, as the agreed template lists them. */
export const SECTION_NAMES: readonly SectionName[] = [
  'attendance',
  'allAgenciesPresent',
  'actionUpdates',
  'childsVoice',
  'signsOfSafety',
  'decisions',
  'newActions',
  'disagreements',
  'contingencyReview',
  'nextMeetingDate',
  'sharing',
];

/** The free-text sections an accepted chat note can join (the server asks which one). */
export const NOTE_TARGETS = ['childsVoice', 'worries', 'workingWell', 'needsToHappen', 'contingencyReview'] as const;
export type NoteTarget = (typeof NOTE_TARGETS)[number];

export interface SignOff {
  memberId: string;
  at: string;
}

export interface Minutes {
  id: string;
  version: number;
  content: MinutesContent;
  chairSignOff?: SignOff | undefined;
  managerSignOff?: SignOff | undefined;
  amendmentReason?: string | undefined;
}

export interface Member {
  id: string;
  name: string;
  role: string;
  agency: string;
}

export type ActionState = 'not-started' | 'in-progress' | 'at-risk' | 'blocked' | 'done' | 'dropped';
export type CheckInStatus = 'on-track' | 'at-risk' | 'done' | 'blocked';

export interface LastCheckIn {
  status: CheckInStatus;
  note: string;
  recordedAt: string;
}

export interface PlanAction {
  id: string;
  what: string;
  ownerMemberId: string;
  agency: string;
  due: string;
  state: ActionState;
  lastCheckIn?: LastCheckIn | undefined;
}

export type DeadlineStatus = 'met' | 'due' | 'at-risk' | 'overdue';

export interface Delivery {
  memberId: string;
  channel: 'teams' | 'email';
  outcome: 'sent' | 'failed';
  at: string;
}

export interface Permissions {
  memberId: string;
  canEdit: boolean;
  canSignAsChair: boolean;
  canSignAsManager: boolean;
  canDistribute: boolean;
  canExport: boolean;
  /** May name the chair and the minute-taker (`PUT /api/meetings/:id/roles`). */
  canAssignRoles?: boolean | undefined;
}

/** `GET /api/meetings/:id/minutes`, and the answer to sign-off and amend. */
export interface MinutesView {
  meeting: {
    id: string;
    coreGroupId: string;
    caseReference: string;
    date: string;
    startsAt?: string | undefined;
    endsAt?: string | undefined;
    /** Named for this meeting; without one the lead social worker chairs. */
    chairMemberId?: string | undefined;
    minuteTakerMemberId?: string | undefined;
  };
  minutes: Minutes;
  members: Member[];
  actions: PlanAction[];
  scalingHistory: { date: string; scores: ScalingScore[] }[];
  you: Permissions;
  circulation: { due: string; status: DeadlineStatus };
  nextMeetingDue: string;
  deliveries: Delivery[];
}

/** `POST …/distribute` answers 202: deliveries go out as jobs and show in the view's `deliveries`. */
export interface DistributionQueued {
  queued: number;
  recipients: number;
}

/** What a saved section or a decided contribution answers: the whole content at the new version. */
export interface MinutesSnapshot {
  version: number;
  content: MinutesContent;
}

export interface DevUser {
  aadObjectId: string;
  name: string;
  role: string;
  agency: string;
}

export interface Obligation {
  id: string;
  kind: string;
  rule: string;
  due: string;
  status: DeadlineStatus;
  daysLate: number;
}

export type SignalKind = 'action-overdue' | 'action-silent' | 'member-absent' | 'deadline-missed';

export interface DashboardCoreGroup {
  id: string;
  caseReference: string;
  role: string;
  obligations: Obligation[];
  signals: { kind: SignalKind; subjectId: string; measure: number }[];
  nextMeeting?: { id: string; date: string } | undefined;
}

export interface MyAction {
  coreGroupId: string;
  caseReference: string;
  id: string;
  what: string;
  due: string;
  state: ActionState;
  lastCheckIn?: LastCheckIn | undefined;
}

export interface ComplianceEntry {
  month: string;
  kind: string;
  met: number;
  late: number;
}

export type TimelineKind = 'icpc' | 'core-group' | 'review-conference' | 'action-due';

export interface TimelineEntry {
  coreGroupId: string;
  date: string;
  kind: TimelineKind;
  label: string;
}

/** `GET /api/dashboard`. */
export interface Dashboard {
  coreGroups: DashboardCoreGroup[];
  myActions: MyAction[];
  compliance: ComplianceEntry[];
  timeline: TimelineEntry[];
}
