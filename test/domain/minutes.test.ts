import { parseCivilDate } from '../../src/domain/civil-date';
import type { CoreGroupMember, MemberRole } from '../../src/domain/core-group';
import { RuleViolationError, VersionConflictError } from '../../src/domain/errors';
import { type CoreGroupMeeting, assignMeetingRoles, cancelMeeting, markHeld } from '../../src/domain/meeting';
import {
  type ChatContribution,
  type Minutes,
  amendMinutes,
  attendanceAtHeldMeetings,
  attendanceOf,
  decideContribution,
  decideRecommendation,
  deliveredTo,
  deliveriesOfVersion,
  editMinutes,
  editionOf,
  emptyMinutesContent,
  isSigned,
  latestRecommendation,
  minutesRecipients,
  minutesSenderMailbox,
  openingDraft,
  planActionsAgreedIn,
  recordAttendance,
  returnMinutes,
  scalingHistory,
  sectionChangedSince,
  signMinutes,
  undelivered,
  versionsSent,
} from '../../src/domain/minutes';
import type { ChildProtectionPlan } from '../../src/domain/plan';

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

  test('the team manager signs only after the chair; locked only once both have signed: a change after the chair signed takes the signature back', () => {
    expect(() => signMinutes(draft, { as: 'team-manager', memberId: 'tm', at: '2026-06-12T15:00:00Z' })).toThrow(/chair signs first/);
    const byChair = signMinutes(draft, { as: 'chair', memberId: 'lsw', at: '2026-06-12T15:00:00Z' });
    const edited = editMinutes(byChair, { content: { ...content, childsVoice: 'changed after signing' }, basedOnVersion: byChair.version });
    expect(edited.chairSignOff).toBeUndefined();
    expect(edited.content.childsVoice).toBe('changed after signing');
  });

  test('the team manager returns the chair’s signed minutes with comments: the chair’s signature goes, the comments stay until the team manager signs', () => {
    const byChair = signMinutes(draft, { as: 'chair', memberId: 'lsw', at: '2026-06-12T15:00:00Z' });
    expect(() => returnMinutes(draft, { memberId: 'tm', at: '2026-06-12T16:00:00Z', comments: 'x' })).toThrow(RuleViolationError);
    expect(() => returnMinutes(byChair, { memberId: 'tm', at: '2026-06-12T16:00:00Z', comments: '  ' })).toThrow(/what the chair should change/);
    const returned = returnMinutes(byChair, { memberId: 'tm', at: '2026-06-12T16:00:00Z', comments: ' Add the school’s update ' });
    expect(returned).toMatchObject({ version: byChair.version + 1, chairSignOff: undefined, returned: { memberId: 'tm', comments: 'Add the school’s update' } });
    const signedAgain = signMinutes(returned, { as: 'chair', memberId: 'lsw', at: '2026-06-12T17:00:00Z' });
    expect(signedAgain.returned).toBeDefined();
    expect(signMinutes(signedAgain, { as: 'team-manager', memberId: 'tm', at: '2026-06-12T18:00:00Z' }).returned).toBeUndefined();
    expect(() => returnMinutes(signMinutes(signedAgain, { as: 'team-manager', memberId: 'tm', at: '2026-06-12T18:00:00Z' }), { memberId: 'tm', at: '2026-06-12T19:00:00Z', comments: 'late' })).toThrow(/amend/);
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

describe('the draft a meeting starts with', () => {
  test('version 1, empty, every member of the group listed as invited (those who left too: the chair takes them off)', () => {
    const opened = openingDraft({ id: 'min9', meeting, members });
    expect(opened).toMatchObject({ id: 'min9', meetingId: 'm1', coreGroupId: 'cg1', version: 1 });
    expect(opened.content).toEqual(emptyMinutesContent(members));
    expect(opened.content.attendance.map((entry) => entry.attendance)).toEqual(members.map(() => 'invited'));
  });

  test.each([
    ['recorded present', recordAttendance(draft, 'hv', 'present'), 'present'],
    ['listed, nothing said yet', draft, 'invited'],
    ['no minutes yet', undefined, 'invited'],
  ])('a member\'s attendance: %s', (_case, minutes, expected) => {
    expect(attendanceOf(minutes, 'hv')).toBe(expected);
  });
});

describe('autosave: has this section changed since the editor started?', () => {
  const base = draft.content;
  test.each([
    ['another section changed', { ...base, decisions: ['Visit weekly'] }, 'childsVoice', false],
    ['this section changed', { ...base, childsVoice: 'Sam is happier' }, 'childsVoice', true],
    ['a next meeting date set', { ...base, nextMeetingDate: parseCivilDate('2026-07-10') }, 'nextMeetingDate', true],
  ] as const)('%s', (_case, current, section, expected) => {
    expect(sectionChangedSince({ base, current, section })).toBe(expected);
  });

  test('compared as stored: equal dates are the same, and an unknown base version counts as changed', () => {
    const dated = { ...base, nextMeetingDate: parseCivilDate('2026-07-10') };
    expect(sectionChangedSince({ base: dated, current: { ...dated, nextMeetingDate: parseCivilDate('2026-07-10') }, section: 'nextMeetingDate' })).toBe(false);
    expect(sectionChangedSince({ base: undefined, current: base, section: 'childsVoice' })).toBe(true);
  });
});

describe('contributions from the meeting chat', () => {
  const line = (kind: ChatContribution['kind'], extra: Partial<ChatContribution> = {}): ChatContribution => ({ id: `act-${kind}`, kind, text: 'School to share attendance weekly', memberId: 'teacher', at: '2026-06-12T10:00:00Z', ...extra });
  const waiting = (contribution: ChatContribution) => ({ ...draft.content, childsVoice: 'Sam likes school', contributions: [contribution] });
  const people = [...members, { ...members[2]!, id: 'hv2', displayName: 'Hana Visitor' }];

  test.each([
    ['a decision joins the decisions', line('decision'), { accept: true }, (content: Minutes['content']) => content.decisions, ['School to share attendance weekly']],
    ['a note joins the section chosen', line('note'), { accept: true, into: 'childsVoice' }, (content: Minutes['content']) => content.childsVoice, 'Sam likes school\nSchool to share attendance weekly'],
    ['a note can go into Signs of Safety', line('note'), { accept: true, into: 'worries' }, (content: Minutes['content']) => content.signsOfSafety.worries, 'School to share attendance weekly'],
    ['an action given to a member (by id, from the mention) and a date joins the new actions', line('action', { ownerMemberId: 'hv2', ownerName: 'Hana Visitor', due: '2026-07-01' }), { accept: true }, (content: Minutes['content']) => content.newActions.map((action) => [action.ownerMemberId, action.due.toString()]), [['hv2', '2026-07-01']]],
    ['a dropped line goes nowhere', line('decision'), { accept: false }, (content: Minutes['content']) => content.decisions, []],
  ] as const)('%s, and stops waiting', (_case, contribution, decision, read, expected) => {
    const content = decideContribution({ content: waiting(contribution), contributionId: contribution.id, decision, members: people, sectionLimit: 1000 });
    expect(read(content)).toEqual(expected);
    expect(content.contributions).toEqual([]);
  });

  test.each([
    ['a note with no section', line('note'), 'act-note', { accept: true }, 'Choose the section'],
    ['an action whose owner is not a member', line('action', { ownerMemberId: 'somebody-else', due: '2026-07-01' }), 'act-action', { accept: true }, 'no owner who is a member'],
    ['an action with only a name typed, no member behind it', line('action', { ownerName: 'Hana Visitor', due: '2026-07-01' }), 'act-action', { accept: true }, 'no owner who is a member'],
    ['an action with no due date', line('action', { ownerMemberId: 'hv2' }), 'act-action', { accept: true }, 'no due date'],
    ['an action whose due date, kept as typed, is no real day', line('action', { ownerMemberId: 'hv2', due: '2026-02-30' }), 'act-action', { accept: true }, 'due date is not a real date'],
    ['a note that would take its section past the limit', line('note', { text: 'n'.repeat(990) }), 'act-note', { accept: true, into: 'childsVoice' }, 'longer than its 1,000 characters'],
    ['a line already decided', line('decision'), 'decided-earlier', { accept: false }, 'no longer waiting'],
  ] as const)('%s is refused', (_case, contribution, contributionId, decision, message) => {
    expect(() => decideContribution({ content: waiting(contribution), contributionId, decision, members: people, sectionLimit: 1000 })).toThrow(message);
  });
});

describe('new actions join the plan when the chair signs', () => {
  const plan: ChildProtectionPlan = { coreGroupId: 'cg1', version: 1, outcomes: [], actions: [], contingencyPlan: '', resources: '', monitoring: '' };
  const newAction = (what: string) => ({ what, ownerMemberId: 'hv', agency: 'health visiting', due: parseCivilDate('2026-07-01'), progressMeasure: 'checklist' });
  const signed: Minutes = { ...draft, content: { ...draft.content, newActions: [newAction('Weekly visit'), newAction('GP review')] } };
  const agreed = (onPlan: ChildProtectionPlan) => planActionsAgreedIn({ minutes: signed, plan: onPlan, agreedOn: parseCivilDate('2026-06-12'), actionIdAt: (index) => `min1-${index}` });

  test('as agreed, not started, from the day the chair signed, with ids from the minutes and position', () => {
    expect(agreed(plan).map((action) => [action.id, action.what, action.ownerMemberId, action.due.toString(), action.agreedOn.toString(), action.state])).toEqual([
      ['min1-0', 'Weekly visit', 'hv', '2026-07-01', '2026-06-12', 'not-started'],
      ['min1-1', 'GP review', 'hv', '2026-07-01', '2026-06-12', 'not-started'],
    ]);
  });

  test('signing again adds nothing twice', () => {
    expect(agreed({ ...plan, actions: agreed(plan).slice(0, 1) }).map((action) => action.id)).toEqual(['min1-1']);
  });
});

describe('what earlier minutes tell later ones', () => {
  const withAttendance = (memberId: string, attendance: 'present' | 'absent'): Minutes => recordAttendance(draft, memberId, attendance);
  const scaled = (score: number): Minutes => ({ ...draft, content: { ...draft.content, signsOfSafety: { ...draft.content.signsOfSafety, scaling: [{ memberId: 'hv', score }] } } });

  test('attendance at held meetings, from their minutes; a meeting without minutes is left out', () => {
    const held = attendanceAtHeldMeetings([
      { meetingId: 'm1', minutes: withAttendance('hv', 'absent') },
      { meetingId: 'm2', minutes: undefined },
      { meetingId: 'm3', minutes: withAttendance('hv', 'present') },
    ]);
    expect(held.map((meeting) => [meeting.meetingId, meeting.attendance.get('hv'), meeting.attendance.get('tm')])).toEqual([
      ['m1', 'absent', 'invited'],
      ['m3', 'present', 'invited'],
    ]);
  });

  test('scaling history: the meetings where anyone scaled, in the order given', () => {
    const history = scalingHistory([
      { date: parseCivilDate('2026-05-01'), minutes: scaled(3) },
      { date: parseCivilDate('2026-05-29'), minutes: draft },
      { date: parseCivilDate('2026-06-05'), minutes: undefined },
      { date: parseCivilDate('2026-06-12'), minutes: scaled(5) },
    ]);
    expect(history.map((entry) => [entry.date.toString(), entry.scores[0]!.score])).toEqual([
      ['2026-05-01', 3],
      ['2026-06-12', 5],
    ]);
  });
});

describe('the recommendation to the review conference', () => {
  const signedBy = { chairSignOff: { memberId: 'lsw', at: '2026-06-12T12:00:00.000Z' }, managerSignOff: { memberId: 'tm', at: '2026-06-12T13:00:00.000Z' } };
  const recommending = (id: string, outcome: 'continue' | 'end' | undefined, signed: boolean): Minutes => ({
    ...draft,
    id,
    meetingId: `meeting-${id}`,
    content: { ...draft.content, reviewRecommendation: { outcome, reasons: outcome ? `because ${id}` : 'draft thoughts' } },
    ...(signed ? signedBy : {}),
  });

  test('an outcome needs its reasons; reasons alone are a draft', () => {
    expect(() => decideRecommendation({ outcome: 'end', reasons: '   ' })).toThrow(RuleViolationError);
    expect(decideRecommendation({ reasons: 'still weighing it' })).toEqual({ outcome: undefined, reasons: 'still weighing it' });
    expect(decideRecommendation({ outcome: 'continue', reasons: 'progress is recent' })).toEqual({ outcome: 'continue', reasons: 'progress is recent' });
  });

  test('the latest fully signed minutes that agreed one; a later draft or a meeting that agreed none does not replace it', () => {
    const latest = latestRecommendation([recommending('a', 'continue', true), recommending('b', 'end', true), recommending('c', undefined, true), recommending('d', 'continue', false)]);
    expect(latest).toEqual({ minutesId: 'b', meetingId: 'meeting-b', outcome: 'end', reasons: 'because b' });
  });

  test('none while no signed minutes agreed one', () => {
    expect(latestRecommendation([recommending('a', 'end', false), recommending('b', undefined, true)])).toBeUndefined();
    expect(latestRecommendation([])).toBeUndefined();
  });

  test('a new draft starts with none agreed and the child not recorded as seen', () => {
    expect(draft.content.reviewRecommendation).toEqual({ reasons: '' });
    expect(draft.content.childSeen).toMatchObject({ seen: 'not-recorded', seenAlone: 'not-recorded' });
  });
});

describe('how people name a set of minutes', () => {
  const by = (who: string) => ({ memberId: who, at: '2026-06-12T15:00:00Z' });
  test('by the times it was signed by both, never the save counter', () => {
    const draft = { chairSignOff: undefined, managerSignOff: undefined };
    const chairOnly = { chairSignOff: by('lsw'), managerSignOff: undefined };
    const both = { chairSignOff: by('lsw'), managerSignOff: by('tm') };
    expect(editionOf([draft, draft, draft], draft)).toEqual({ signed: 0, stage: 'draft', amendment: 0 });
    expect(editionOf([draft, chairOnly], chairOnly)).toEqual({ signed: 0, stage: 'draft-chair-signed', amendment: 0 });
    expect(editionOf([draft, chairOnly, both], both)).toEqual({ signed: 1, stage: 'signed', amendment: 0 });
    const amended = { ...draft, amendmentReason: 'Wrong date' };
    expect(editionOf([draft, chairOnly, both, amended, amended], amended)).toEqual({ signed: 1, stage: 'amendment', amendment: 1 });
    expect(editionOf([draft, chairOnly, both, amended, { ...chairOnly, amendmentReason: 'Wrong date' }, { ...both, amendmentReason: 'Wrong date' }], { ...both, amendmentReason: 'Wrong date' })).toEqual({ signed: 2, stage: 'signed', amendment: 1 });
  });
});

describe('what the deliveries recorded say was sent', () => {
  const sent = (memberId: string, minutesVersion: number, outcome: 'sent' | 'failed' = 'sent') => ({ minutesId: 'min1', minutesVersion, memberId, channel: 'teams' as const, outcome, at: '2026-06-15T10:00:00Z' });
  test('this version’s members; an amended version nobody has had yet names the earlier version that went, and to how many', () => {
    const deliveries = [sent('a', 3), sent('b', 3), sent('c', 3, 'failed'), sent('a', 5)];
    expect(versionsSent({ version: 5 }, deliveries)).toEqual({ thisVersion: 1, earlier: undefined });
    expect(versionsSent({ version: 6, amendmentReason: 'Wrong date' }, deliveries)).toEqual({ thisVersion: 0, earlier: { version: 5, members: 1 } });
    expect(versionsSent({ version: 4, amendmentReason: 'Wrong date' }, deliveries.slice(0, 3))).toEqual({ thisVersion: 0, earlier: { version: 3, members: 2 } });
    expect(versionsSent({ version: 2, amendmentReason: 'Wrong date' }, [])).toEqual({ thisVersion: 0, earlier: undefined });
  });
});

describe('deliveries and who sends them', () => {
  const delivery = (memberId: string, version: number, outcome: 'sent' | 'failed') => ({ minutesId: 'min1', minutesVersion: version, memberId, channel: 'teams' as const, outcome, at: 'x' });
  const deliveries = [delivery('lsw', 3, 'sent'), delivery('lsw', 3, 'sent'), delivery('tm', 3, 'failed'), delivery('hv', 2, 'sent'), delivery('hv', 3, 'sent')];

  test('this version\'s deliveries, and who has had it', () => {
    expect(deliveriesOfVersion(deliveries, 3)).toHaveLength(4);
    expect([...deliveredTo(deliveries, 3)].sort()).toEqual(['hv', 'lsw']);
    expect([...deliveredTo(deliveries, 2)]).toEqual(['hv']);
  });

  test.each([
    ['the mailbox that organised the meeting', { booking: { organiser: 'core-groups@example.org', eventId: 'e' } }, members, 'core-groups@example.org'],
    ['else the lead social worker\'s', {}, members.map((one) => ({ ...one, email: `${one.id}@example.org` })), 'lsw@example.org'],
    ['nobody, when the lead social worker has no mailbox', {}, members, undefined],
  ])('minutes are e-mailed from %s', (_case, booking, people, expected) => {
    expect(minutesSenderMailbox({ ...meeting, ...booking }, people)).toBe(expected);
  });
});
