import type { CoreGroupMember, MemberRole } from '../../src/domain/core-group';
import { type FamilyVersion, prepareFamilyVersion, reviewFamilyVersion, signOffFamilyVersion } from '../../src/domain/family-version';
import { type Minutes, emptyMinutesContent } from '../../src/domain/minutes';
import { recipientList, sendableFamilyVersion } from '../../src/services/minutes-distribution/recipient-list';

const member = (id: string, role: MemberRole, reach: CoreGroupMember['reach'], email?: string): CoreGroupMember => ({ id, displayName: `Name ${id}`, role, agency: 'agency', reach, active: true, email, aadObjectId: reach === 'email-only' ? undefined : `oid-${id}` });
const members = [member('lead', 'lead-social-worker', 'tenant'), member('school', 'professional', 'guest'), member('parent', 'family-member', 'email-only', 'parent@family.example'), member('child', 'child', 'email-only')];
const signed: Minutes = { id: 'minutes-1', meetingId: 'meeting-1', coreGroupId: 'cg', version: 3, content: emptyMinutesContent(members), chairSignOff: { memberId: 'lead', at: '2026-06-08T10:00:00.000Z' }, managerSignOff: { memberId: 'tm', at: '2026-06-08T11:00:00.000Z' } };
const signedOff = (): FamilyVersion => {
  const reviewed = reviewFamilyVersion(prepareFamilyVersion({ minutes: signed, plan: undefined, members }), { basedOnVersion: 0, summary: 'Summary', items: [] });
  return signOffFamilyVersion(reviewed, { memberId: 'lead', at: '2026-06-08T12:00:00.000Z', version: reviewed.version });
};

describe('Distribute’s recipient list', () => {
  test('each person with their route and what they get; the family wait for a signed-off family version', () => {
    const list = recipientList({ members, minutes: signed, deliveries: [], familyVersion: undefined });
    expect(list.entries.map(({ memberId, route, gets, status }) => [memberId, route, gets, status])).toEqual([
      ['lead', 'teams', 'full', 'to-send'],
      ['school', 'teams', 'full', 'to-send'],
      ['parent', 'email', 'family-version', 'waiting-for-family-version'],
      ['child', 'none', 'family-version', 'waiting-for-family-version'],
    ]);
  });

  test('the list’s hash changes with anything a person confirming would see: a sign-off, a delivery, someone withheld', () => {
    const before = recipientList({ members, minutes: signed, deliveries: [], familyVersion: undefined }).listHash;
    expect(recipientList({ members, minutes: signed, deliveries: [], familyVersion: undefined }).listHash).toBe(before);
    expect(recipientList({ members, minutes: signed, deliveries: [], familyVersion: signedOff() }).listHash).not.toBe(before);
    const delivered = [{ minutesId: signed.id, minutesVersion: 3, memberId: 'school', channel: 'teams' as const, outcome: 'sent' as const, at: '2026-06-08T12:00:00.000Z' }];
    expect(recipientList({ members, minutes: signed, deliveries: delivered, familyVersion: undefined }).listHash).not.toBe(before);
    const withheld = { ...signed, content: { ...signed.content, sharing: { withFamily: false, withChild: true, withheldReason: 'A reason' } } };
    expect(recipientList({ members, minutes: withheld, deliveries: [], familyVersion: undefined }).listHash).not.toBe(before);
  });

  test('only a signed-off family version prepared from these minutes and this plan is sent', () => {
    const version = signedOff();
    expect(sendableFamilyVersion(version, { minutes: signed, planVersion: undefined })).toBe(version);
    expect(sendableFamilyVersion(version, { minutes: { ...signed, version: 5 }, planVersion: undefined })).toBeUndefined();
    expect(sendableFamilyVersion(version, { minutes: signed, planVersion: 2 })).toBeUndefined();
    expect(sendableFamilyVersion({ ...version, signOff: undefined }, { minutes: signed, planVersion: undefined })).toBeUndefined();
  });
});
