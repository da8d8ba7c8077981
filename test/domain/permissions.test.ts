import { MEMBER_ROLES, type MemberRole } from '../../src/domain/core-group';
import { CASE_ACTIONS, type CaseAction, type Standing, can, mayHoldMeetingRoles, minutesPermissions } from '../../src/domain/permissions';

/** The whole matrix, written out: a change to who may do what has to change this table too. */
const MATRIX: Record<MemberRole, CaseAction[]> = {
  'lead-social-worker': ['write-agency-report', 'view-agency-reports', 'file-email', 'file-any-agency-report', 'view-case', 'view-plan', 'view-plan-on-stage', 'edit-plan', 'check-in-own-action', 'view-minutes-draft', 'view-signed-minutes', 'distribute-minutes', 'export-record', 'schedule-meeting', 'raise-concern', 'request-extra-meeting', 'view-compliance', 'manage-members', 'contribute-to-minutes', 'record-own-attendance', 'record-meeting-outcome', 'record-review-conference', 'transfer-case', 'record-person-in-institution', 'view-institution-tasks', 'circulate-plan', 'report-plan-not-received', 'send-cp9', 'view-group-attention', 'review-family-version', 'act-on-concern', 'choose-document-language'],
  'team-manager': ['view-agency-reports', 'file-email', 'file-any-agency-report', 'view-case', 'view-plan', 'view-plan-on-stage', 'edit-plan', 'check-in-own-action', 'view-minutes-draft', 'sign-minutes-as-team-manager', 'view-signed-minutes', 'distribute-minutes', 'export-record', 'schedule-meeting', 'raise-concern', 'request-extra-meeting', 'decide-extra-meeting', 'view-compliance', 'manage-members', 'view-audit-log', 'contribute-to-minutes', 'record-own-attendance', 'record-meeting-outcome', 'record-review-conference', 'transfer-case', 'record-person-in-institution', 'view-institution-tasks', 'circulate-plan', 'report-plan-not-received', 'send-cp9', 'view-group-attention', 'act-on-concern', 'choose-document-language'],
  professional: ['write-agency-report', 'file-email', 'view-case', 'view-plan', 'view-plan-on-stage', 'check-in-own-action', 'view-minutes-draft', 'view-signed-minutes', 'raise-concern', 'request-extra-meeting', 'view-compliance', 'contribute-to-minutes', 'record-own-attendance', 'report-plan-not-received'],
  'conference-chair': ['view-agency-reports', 'view-case', 'view-plan', 'view-plan-on-stage', 'check-in-own-action', 'view-minutes-draft', 'view-signed-minutes', 'export-record', 'raise-concern', 'request-extra-meeting', 'view-compliance', 'view-audit-log', 'contribute-to-minutes', 'record-own-attendance', 'record-review-conference', 'report-plan-not-received', 'view-group-attention', 'act-on-concern'],
  coordinator: ['view-case', 'view-signed-minutes', 'decide-extra-meeting', 'view-compliance', 'view-audit-log', 'write-to-institution', 'view-institution-tasks', 'act-on-concern'],
  'family-member': ['raise-concern', 'request-extra-meeting', 'record-own-attendance', 'check-in-own-action', 'view-plan-on-stage'],
  child: ['record-own-attendance', 'view-plan-on-stage'],
};

describe.each(MEMBER_ROLES)('%s', (role) => {
  test.each(CASE_ACTIONS)(`%s`, (action) => {
    expect(can({ role }, action)).toBe(MATRIX[role].includes(action));
  });
});

describe('per-meeting roles', () => {
  test('the chair and the minute-taker edit the minutes; only the chair signs as chair', () => {
    const professional: Standing = { role: 'professional' };
    expect(can(professional, 'edit-minutes')).toBe(false);
    expect(can({ ...professional, meetingRoles: ['minute-taker'] }, 'edit-minutes')).toBe(true);
    expect(can({ ...professional, meetingRoles: ['minute-taker'] }, 'sign-minutes-as-chair')).toBe(false);
    expect(can({ ...professional, meetingRoles: ['chair'] }, 'sign-minutes-as-chair')).toBe(true);
    expect(can(professional, 'review-family-version')).toBe(false);
    expect(can({ ...professional, meetingRoles: ['chair'] }, 'review-family-version')).toBe(true);
    expect(can(professional, 'circulate-plan')).toBe(false);
    expect(can({ ...professional, meetingRoles: ['chair'] }, 'circulate-plan')).toBe(true);
    expect(can({ role: 'lead-social-worker', meetingRoles: ['chair'] }, 'sign-minutes-as-team-manager')).toBe(false);
  });

  test.each(MEMBER_ROLES)('%s may hold a meeting role only as a professional', (role) => {
    expect(mayHoldMeetingRoles(role)).toBe(role !== 'family-member' && role !== 'child');
  });

  test.each(['family-member', 'child'] as const)('%s named chair and minute-taker (stored before the rule) gains nothing from it', (role) => {
    const named: Standing = { role, meetingRoles: ['chair', 'minute-taker'], sharedWithFamily: true, sharedWithChild: true };
    expect(CASE_ACTIONS.filter((action) => can(named, action))).toEqual(CASE_ACTIONS.filter((action) => can({ ...named, meetingRoles: [] }, action)));
    expect(minutesPermissions(named)).toMatchObject({ canEdit: false, canSignAsChair: false, canDistribute: false });
  });
});

describe('family members and the child see only what is shared with them', () => {
  test.each([
    ['family-member', { sharedWithFamily: true }, true],
    ['family-member', { sharedWithFamily: false }, false],
    ['family-member', { sharedWithChild: true }, false],
    ['child', { sharedWithChild: true }, true],
    ['child', { sharedWithFamily: true }, false],
  ] as const)('%s with %o may read the family version: %s — never the professional plan or minutes', (role, sharing, allowed) => {
    const standing = { role, ...sharing };
    expect(can(standing, 'view-family-version')).toBe(allowed);
    expect(can(standing, 'review-family-version')).toBe(false);
    expect(can(standing, 'view-plan')).toBe(false);
    expect(can(standing, 'view-signed-minutes')).toBe(false);
    expect(can(standing, 'view-minutes-draft')).toBe(false);
    expect(can(standing, 'view-compliance')).toBe(false);
  });
});

describe('what the minutes tab offers', () => {
  test.each([
    ['a professional', { role: 'professional' }, { canEdit: false, canSignAsChair: false, canSignAsManager: false, canDistribute: false, canExport: false, canAssignRoles: false, canRecordOutcome: false }],
    ['a professional taking the minutes', { role: 'professional', meetingRoles: ['minute-taker'] }, { canEdit: true, canSignAsChair: false, canSignAsManager: false, canDistribute: false, canExport: false, canAssignRoles: false, canRecordOutcome: false }],
    ['the lead social worker chairing', { role: 'lead-social-worker', meetingRoles: ['chair'] }, { canEdit: true, canSignAsChair: true, canSignAsManager: false, canDistribute: true, canExport: true, canAssignRoles: true, canRecordOutcome: true }],
    ['the team manager', { role: 'team-manager' }, { canEdit: false, canSignAsChair: false, canSignAsManager: true, canDistribute: true, canExport: true, canAssignRoles: true, canRecordOutcome: true }],
    ['the conference chair', { role: 'conference-chair' }, { canEdit: false, canSignAsChair: false, canSignAsManager: false, canDistribute: false, canExport: true, canAssignRoles: false, canRecordOutcome: false }],
  ] as const)('%s', (_case, standing, expected) => {
    expect(minutesPermissions(standing)).toEqual(expected);
  });
});
