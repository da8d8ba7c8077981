import { parseCivilDate } from '../../src/domain/civil-date';
import type { CoreGroupMember, MemberRole } from '../../src/domain/core-group';
import { RuleViolationError, VersionConflictError } from '../../src/domain/errors';
import { type CoreGroupMeeting, assignMeetingRoles, cancelMeeting, markHeld } from '../../src/domain/meeting';
import { type Minutes, amendMinutes, recordAttendance, editMinutes, emptyMinutesContent, isSigned, minutesRecipients, signMinutes, undelivered } from '../../src/domain/minutes';

const member = (id: string, role: MemberRole, active = true): CoreGroupMember => ({ id, displayName: id, role, agency: 'agency', reach: 'tenant', active });
const members = [
  member('lsw', 'lead-social-worker'), member('tm', 'team-manager'), member('hv', 'professional'), member('teacher', 'professional'),
  member('mum', 'family-member'), member('child', 'child'), member('iro', 'conference-chair'), member('left', 'professional', false),
];
const draft: Minutes = { id: 'min1', meetingId: 'm1', coreGroupId: 'cg1', version: 1, content: emptyMinutesContent(members) };
const meeting: CoreGroupMeeting = { id: 'm1', coreGroupId: 'cg1', date: parseCivilDate('2026-06-12'), status: 'scheduled' };

describe('meetings', () => {
  test('the chair cannot take the minutes', () => {
    expect(() => assignMeetingRoles(meeting, { chairMemberId: 'tm', minuteTakerMemberId: 'tm' })).toThrow(RuleViolationError);
    expect(assignMeetingRoles(meeting, { chairMemberId: 'tm', minuteTakerMemberId: 'hv' })).toMatchObject({ chairMemberId: 'tm', minuteTakerMemberId: 'hv' });
  });

  test('cancelling needs a reason, and held or cancelled meetings cannot swap', () => {
    expect(() => cancelMeeting(meeting, '')).toThrow('last resort');
    const cancelled = cancelMeeting(meeting, 'Family bereavement');
    expect(() => markHeld(cancelled)).toThrow(RuleViolationError);
    expect(() => cancelMeeting(markHeld(meeting), 'late')).toThrow(RuleViolationError);
  });
});

describe('minutes editing and sign-off', () => {
  const content = { ...draft.content, childsVoice: 'Sam says he likes his new bedroom' };

  test('an edit based on the current version saves and bumps the version', () => {
    const saved = editMinutes(draft, { content, basedOnVersion: 1 });
    expect(saved.version).toBe(2);
    expect(saved.content.childsVoice).toContain('bedroom');
  });

  test('an edit based on an older version is a conflict, and nothing is overwritten', () => {
    const saved = editMinutes(draft, { content, basedOnVersion: 1 });
    expect(() => editMinutes(saved, { content: draft.content, basedOnVersion: 1 })).toThrow(VersionConflictError);
  });

  test('scaling outside 0–10 is refused', () => {
    const scaling = { ...content.signsOfSafety, scaling: [{ memberId: 'hv', score: 11 }] };
    expect(() => editMinutes(draft, { content: { ...content, signsOfSafety: scaling }, basedOnVersion: 1 })).toThrow('0 to 10');
  });

  test('signed by chair and team manager; then immutable; an amendment is a new version with a reason', () => {
    const byChair = signMinutes(draft, { as: 'chair', memberId: 'lsw', at: '2026-06-12T15:00:00Z' });
    expect(isSigned(byChair)).toBe(false);
    expect(() => signMinutes(byChair, { as: 'team-manager', memberId: 'lsw', at: '2026-06-12T15:00:00Z' })).toThrow('same person');
    const signed = signMinutes(byChair, { as: 'team-manager', memberId: 'tm', at: '2026-06-13T09:00:00Z' });
    expect(isSigned(signed)).toBe(true);
    expect(() => editMinutes(signed, { content, basedOnVersion: signed.version })).toThrow('amend');
    expect(() => amendMinutes(signed, '')).toThrow('say why');
    const amended = amendMinutes(signed, 'Wrong date for the next meeting');
    expect(amended).toMatchObject({ version: 2, amendmentReason: 'Wrong date for the next meeting', chairSignOff: undefined });
  });
});

describe('distribution', () => {
  test('every active member present or absent, conference chair and team manager; family and child only when shared', () => {
    expect(minutesRecipients(members, { withFamily: false, withChild: false }).map((m) => m.id)).toEqual(['lsw', 'tm', 'hv', 'teacher', 'iro']);
    expect(minutesRecipients(members, { withFamily: true, withChild: false }).map((m) => m.id)).toContain('mum');
    expect(minutesRecipients(members, { withFamily: true, withChild: true }).map((m) => m.id)).toContain('child');
  });

  test('a failed delivery, or one of an older version, leaves the member undelivered', () => {
    const recipients = minutesRecipients(members, { withFamily: false, withChild: false });
    const deliveries = [
      { minutesId: 'min1', minutesVersion: 3, memberId: 'lsw', channel: 'teams' as const, outcome: 'sent' as const, at: 'x' },
      { minutesId: 'min1', minutesVersion: 3, memberId: 'tm', channel: 'teams' as const, outcome: 'failed' as const, at: 'x' },
      { minutesId: 'min1', minutesVersion: 2, memberId: 'hv', channel: 'email' as const, outcome: 'sent' as const, at: 'x' },
    ];
    expect(undelivered(recipients, deliveries, 3).map((m) => m.id)).toEqual(['tm', 'hv', 'teacher', 'iro']);
  });
});

describe('attendance', () => {
  test('recording a member as present changes only their entry, in the invited order', () => {
    const updated = recordAttendance(draft, 'hv', 'present');
    expect(updated.version).toBe(2);
    expect(updated.content.attendance.map((entry) => entry.memberId)).toEqual(draft.content.attendance.map((entry) => entry.memberId));
    expect(updated.content.attendance.filter((entry) => entry.attendance === 'present').map((entry) => entry.memberId)).toEqual(['hv']);
  });

  test('recording the same attendance again changes nothing, so a retried press saves nothing', () => {
    const once = recordAttendance(draft, 'hv', 'present');
    expect(recordAttendance(once, 'hv', 'present')).toBe(once);
  });

  test('someone not on the list (joined after the draft opened) is added', () => {
    expect(recordAttendance(draft, 'new-member', 'present').content.attendance.at(-1)).toEqual({ memberId: 'new-member', attendance: 'present' });
  });

  test('signed minutes refuse attendance changes', () => {
    expect(() => recordAttendance({ ...draft, chairSignOff: { memberId: 'lsw', at: 'x' } }, 'hv', 'present')).toThrow(RuleViolationError);
  });
});
