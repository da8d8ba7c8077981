import type { MemberRole } from './core-group';

/** Things a person can do with a core group's records. */
export const CASE_ACTIONS = [
  'view-case',
  'view-plan',
  'edit-plan',
  'check-in-own-action',
  'view-minutes-draft',
  'edit-minutes',
  'sign-minutes-as-chair',
  'sign-minutes-as-team-manager',
  'view-signed-minutes',
  'distribute-minutes',
  'export-record',
  'schedule-meeting',
  'raise-concern',
  'request-extra-meeting',
  'decide-extra-meeting',
  'view-compliance',
  'manage-members',
  'view-audit-log',
  'contribute-to-minutes',
  'record-own-attendance',
  'record-meeting-outcome',
  'record-review-conference',
  'transfer-case',
  'record-person-in-institution',
  'write-to-institution',
  'view-institution-tasks',
  'circulate-plan',
  'report-plan-not-received',
  'send-cp9',
  'view-group-attention',
  'review-family-version',
  'view-family-version',
  'view-plan-on-stage',
  'act-on-concern',
  'write-agency-report',
  'view-agency-reports',
  'file-email',
  'file-any-agency-report',
  'choose-document-language',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** Per-meeting roles that add to a member's standing role. */
export type MeetingRole = 'chair' | 'minute-taker';

/** Who never chairs a meeting or takes its minutes: the family and the child, whose case it is. */
const WITHOUT_MEETING_ROLES: readonly MemberRole[] = ['family-member', 'child'];

/**
 * Whether someone in this standing role may chair a core group meeting or take its minutes: the
 * professionals only. A family member or the child named to either (or stored so before this
 * rule) gains nothing from it — no draft to read, no edit, no sharing to change, no sign-off.
 */
export function mayHoldMeetingRoles(role: MemberRole): boolean {
  return !WITHOUT_MEETING_ROLES.includes(role);
}

/** What the caller is to this core group, worked out on the server from the verified identity. */
export interface Standing {
  readonly role: MemberRole;
  readonly meetingRoles?: readonly MeetingRole[] | undefined;
  /** What the group decided to share with the family and with the child (seed 002). */
  readonly sharedWithFamily?: boolean | undefined;
  readonly sharedWithChild?: boolean | undefined;
}

const PROFESSIONAL_READ: readonly CaseAction[] = ['view-case', 'view-plan', 'view-plan-on-stage', 'view-minutes-draft', 'view-signed-minutes', 'view-compliance', 'raise-concern', 'request-extra-meeting', 'check-in-own-action', 'contribute-to-minutes', 'record-own-attendance', 'report-plan-not-received'];

const BY_ROLE: Record<MemberRole, readonly CaseAction[]> = {
  'lead-social-worker': [...PROFESSIONAL_READ, 'write-agency-report', 'view-agency-reports', 'file-email', 'file-any-agency-report', 'edit-plan', 'distribute-minutes', 'export-record', 'schedule-meeting', 'manage-members', 'record-meeting-outcome', 'record-review-conference', 'transfer-case', 'record-person-in-institution', 'view-institution-tasks', 'circulate-plan', 'send-cp9', 'view-group-attention', 'review-family-version', 'act-on-concern', 'choose-document-language'],
  'team-manager': [...PROFESSIONAL_READ, 'view-agency-reports', 'file-email', 'file-any-agency-report', 'edit-plan', 'sign-minutes-as-team-manager', 'distribute-minutes', 'export-record', 'schedule-meeting', 'decide-extra-meeting', 'manage-members', 'view-audit-log', 'record-meeting-outcome', 'record-review-conference', 'transfer-case', 'record-person-in-institution', 'view-institution-tasks', 'circulate-plan', 'send-cp9', 'view-group-attention', 'act-on-concern', 'choose-document-language'],
  professional: [...PROFESSIONAL_READ, 'write-agency-report', 'file-email'],
  'conference-chair': [...PROFESSIONAL_READ, 'view-agency-reports', 'export-record', 'view-audit-log', 'record-review-conference', 'view-group-attention', 'act-on-concern'],
  // Seed 001: the co-ordinator, Children Services writes to the head of an institution holding a relative.
  coordinator: ['view-case', 'view-signed-minutes', 'view-compliance', 'decide-extra-meeting', 'view-audit-log', 'write-to-institution', 'view-institution-tasks', 'act-on-concern'],
  // Issue 14: a parent or carer who owns an action says how it is going (in Teams as a guest, or from an e-mailed link).
  'family-member': ['raise-concern', 'request-extra-meeting', 'record-own-attendance', 'check-in-own-action', 'view-plan-on-stage'],
  child: ['record-own-attendance', 'view-plan-on-stage'],
};

const BY_MEETING_ROLE: Record<MeetingRole, readonly CaseAction[]> = {
  // Seed 001: the chairperson makes sure everyone present or invited receives the plan.
  chair: ['view-minutes-draft', 'edit-minutes', 'sign-minutes-as-chair', 'distribute-minutes', 'record-meeting-outcome', 'circulate-plan', 'review-family-version'],
  'minute-taker': ['view-minutes-draft', 'edit-minutes'],
};

/**
 * Whether someone with this standing in a core group may take an action. Pure: the server
 * establishes the standing from the verified token and the membership table, never from the
 * request. Family members and the child read the family version (src/domain/family-version.ts)
 * when it is shared with them — never the professional minutes or plan, drafts, compliance or
 * other members' detail — whatever meeting role they were given (`mayHoldMeetingRoles`). The
 * chair or the lead social worker reviews the family version.
 */
export function can(standing: Standing, action: CaseAction): boolean {
  if (BY_ROLE[standing.role].includes(action)) return true;
  const meetingRoles = mayHoldMeetingRoles(standing.role) ? (standing.meetingRoles ?? []) : [];
  if (meetingRoles.some((role) => BY_MEETING_ROLE[role].includes(action))) return true;
  const shared = (standing.role === 'family-member' && standing.sharedWithFamily) || (standing.role === 'child' && standing.sharedWithChild);
  return Boolean(shared) && action === 'view-family-version';
}

/** What a member may do in the minutes tab, from their standing in the group and at this meeting. */
export function minutesPermissions(standing: Standing): {
  canEdit: boolean;
  canSignAsChair: boolean;
  canSignAsManager: boolean;
  canDistribute: boolean;
  canExport: boolean;
  canAssignRoles: boolean;
  canRecordOutcome: boolean;
} {
  return {
    canEdit: can(standing, 'edit-minutes'),
    canSignAsChair: can(standing, 'sign-minutes-as-chair'),
    canSignAsManager: can(standing, 'sign-minutes-as-team-manager'),
    canDistribute: can(standing, 'distribute-minutes'),
    canExport: can(standing, 'export-record'),
    canAssignRoles: can(standing, 'schedule-meeting'),
    canRecordOutcome: can(standing, 'record-meeting-outcome'),
  };
}
