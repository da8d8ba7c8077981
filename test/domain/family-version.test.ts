import type { CoreGroupMember, MemberRole } from '../../src/domain/core-group';
import { RuleViolationError, VersionConflictError } from '../../src/domain/errors';
import { MINUTES_FAMILY_USE, PLAN_FAMILY_USE, PROFESSIONAL_ONLY_PARTS, familyPlan, familyReading, isThirdPartyAgency, prepareFamilyVersion, reviewFamilyVersion, signOffFamilyVersion } from '../../src/domain/family-version';
import { type Minutes, SHARED_BY_DEFAULT, decideSharing, emptyMinutesContent } from '../../src/domain/minutes';
import { FAMILY_MARKER, PROFESSIONAL_ONLY_MARKERS, RECOMMENDATION_MARKER, REMOVED_ON_REVIEW_MARKER, professionalOnlyIn, professionalOnlyMinutes, professionalOnlyPlan } from '../support/professional-only-record';

const member = (id: string, role: MemberRole, agency: string): CoreGroupMember => ({ id, displayName: `Name ${id}`, role, agency, reach: 'tenant', active: true });
const people = { lead: member('lead', 'lead-social-worker', "children's social care"), police: member('police', 'professional', 'West Yorkshire Police'), healthVisitor: member('hv', 'professional', 'health visiting'), parent: member('parent', 'family-member', 'family') };
const actionIds = { police: 'action-police', health: 'action-health' };
const signed: Minutes = {
  id: 'minutes-1',
  meetingId: 'meeting-1',
  coreGroupId: 'cg-1',
  version: 4,
  content: professionalOnlyMinutes(people, actionIds),
  chairSignOff: { memberId: 'lead', at: '2026-06-20T12:00:00.000Z' },
  managerSignOff: { memberId: 'tm', at: '2026-06-20T13:00:00.000Z' },
};
const plan = professionalOnlyPlan({ coreGroupId: 'cg-1', police: people.police, healthVisitor: people.healthVisitor, actionIds });
const members = Object.values(people);
const prepared = prepareFamilyVersion({ minutes: signed, plan, members });
const everything = (version: typeof prepared) => JSON.stringify(familyReading(version)) + version.summary;

describe('what is professional-only (domain data)', () => {
  test('scaling, disagreements, the agencies discussion, written reports, the child seen, sharing and chat proposals of the minutes; monitoring of the plan', () => {
    const professionalOnly = (uses: Record<string, { family: boolean }>) => Object.entries(uses).filter(([, use]) => !use.family).map(([part]) => part).sort();
    expect(professionalOnly(MINUTES_FAMILY_USE)).toEqual(['allAgenciesPresent', 'childSeen', 'contributions', 'disagreements', 'sharing', 'signsOfSafety.scaling', 'writtenReports']);
    expect(professionalOnly(PLAN_FAMILY_USE)).toEqual(['monitoring']);
    expect([...PROFESSIONAL_ONLY_PARTS].sort()).toEqual([...professionalOnly(MINUTES_FAMILY_USE), ...professionalOnly(PLAN_FAMILY_USE)].sort());
  });

  test.each([
    ['police', true],
    ['West Yorkshire Police', true],
    ['Heddlu Dyfed-Powys', true],
    ['health visiting', false],
    ['school', false],
  ])('%s is a third-party agency: %s', (agency, expected) => {
    expect(isThirdPartyAgency(agency)).toBe(expected);
  });

  test('the family’s plan has no police action and no monitoring, and keeps the rest', () => {
    const theirs = familyPlan(plan);
    expect(professionalOnlyIn(JSON.stringify(theirs))).toEqual([]);
    expect(theirs.actions.map((action) => action.id)).toEqual([actionIds.health]);
    expect(theirs).toMatchObject({ contingencyPlan: plan.contingencyPlan, resources: plan.resources, outcomes: plan.outcomes });
  });
});

describe('preparing the family version', () => {
  test('leaves out every professional-only part, and keeps what the family reads', () => {
    const text = everything(prepared);
    expect(professionalOnlyIn(text)).toEqual([REMOVED_ON_REVIEW_MARKER]);
    expect(text).toContain(FAMILY_MARKER);
    expect(text).toContain('Weighed and well at the last visit');
    // A line it words itself is kept as facts, for each reader's language: the action, who does it, by when.
    expect(familyReading(prepared).find((section) => section.section === 'newActions')!.lines).toContainEqual({ line: { kind: 'new-action', what: 'Book the next developmental review', owner: 'Name hv (health visiting)', due: '2026-07-15' } });
    expect(familyReading(prepared)[0]).toEqual({ section: 'attendance', lines: [...members.map((person) => ({ text: `${person.displayName} (${person.agency})` })), { text: 'Anna Nowak (interpreter)' }] });
  });

  test('a member who has left the group is said to have, and an action no longer on the plan is "an action": as facts, not words', () => {
    const left = prepareFamilyVersion({ minutes: signed, plan: { ...plan, actions: [] }, members: members.filter((person) => person.id !== 'hv') });
    const reading = familyReading(left);
    expect(reading[0]!.lines).toContainEqual({ line: { kind: 'someone-left' } });
    expect(reading.find((section) => section.section === 'newActions')!.lines).toContainEqual({ line: { kind: 'new-action', what: 'Book the next developmental review', owner: undefined, due: '2026-07-15' } });
    const progress = reading.find((section) => section.section === 'progress')!.lines.flatMap((line) => (line.line?.kind === 'progress' ? [line.line] : []));
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.map((line) => line.action)).toEqual(progress.map(() => undefined));
  });

  test('tells the family what the core group will recommend to the review conference, and why, in plain words', () => {
    const recommendation = familyReading(prepared).find((section) => section.section === 'recommendation');
    expect(recommendation).toEqual({ section: 'recommendation', lines: [{ line: { kind: 'recommendation', outcome: 'continue-with-changes' } }, { text: `Progress is real but recent ${RECOMMENDATION_MARKER}` }] });
  });

  test('gives an agency’s update unless the agency is a third party (the police)', () => {
    const progress = familyReading(prepared).find((section) => section.section === 'progress')!.lines;
    expect(progress).toContainEqual({ text: 'health visiting: Growth on track' });
    expect(JSON.stringify(progress)).not.toContain(PROFESSIONAL_ONLY_MARKERS.policeAgencyUpdate);
  });

  test('has no recommendation section while none is agreed', () => {
    const none = prepareFamilyVersion({ minutes: { ...signed, content: { ...signed.content, reviewRecommendation: { reasons: 'still talking' } } }, plan, members });
    expect(familyReading(none).map((section) => section.section)).not.toContain('recommendation');
  });

  test('the full record the family version is made from does carry the markers (so the test above can fail)', () => {
    const full = JSON.stringify({ content: signed.content, plan });
    for (const marker of Object.values(PROFESSIONAL_ONLY_MARKERS)) expect(full).toContain(marker);
  });

  test('only from signed minutes', () => {
    expect(() => prepareFamilyVersion({ minutes: { ...signed, managerSignOff: undefined }, plan, members })).toThrow(RuleViolationError);
  });
});

describe('reviewing and signing off', () => {
  const worries = prepared.items.find((item) => item.section === 'worries')!;
  const decision = prepared.items.find((item) => item.section === 'decisions')!;

  test('removing a prepared line keeps its facts; rewording it keeps the reviewer’s words instead', () => {
    const line = prepared.items.find((item) => item.section === 'nextMeeting')!;
    const action = prepared.items.find((item) => item.section === 'planActions')!;
    const reviewed = reviewFamilyVersion(prepared, { basedOnVersion: 0, summary: 'Summary', items: [{ id: line.id, removed: true }, { id: action.id, text: ' Your health visitor books the review. ', removed: false }] });
    expect(reviewed.items.find((item) => item.id === line.id)).toEqual({ ...line, removed: true });
    expect(reviewed.items.find((item) => item.id === action.id)).toEqual({ id: action.id, section: 'planActions', text: 'Your health visitor books the review.', removed: false });
    expect(reviewFamilyVersion(reviewed, { basedOnVersion: 1, summary: 'Summary', items: [{ id: line.id, removed: true }] })).toBe(reviewed);
  });

  test('an item removed on review is not read by the family; a reworded one reads as reworded', () => {
    const reviewed = reviewFamilyVersion(prepared, { basedOnVersion: 0, summary: 'The meeting agreed things are a little better.', items: [{ id: worries.id, text: worries.text, removed: true }, { id: decision.id, text: 'You stay on the plan for now.', removed: false }] });
    expect(reviewed.version).toBe(1);
    expect(professionalOnlyIn(everything(reviewed))).toEqual([]);
    expect(everything(reviewed)).toContain('You stay on the plan for now.');
  });

  test('a stale review, an empty item or a change after sign-off is refused; no change keeps the version', () => {
    const reviewed = reviewFamilyVersion(prepared, { basedOnVersion: 0, summary: 'Summary', items: [] });
    expect(reviewFamilyVersion(reviewed, { basedOnVersion: 1, summary: 'Summary', items: [] })).toBe(reviewed);
    expect(() => reviewFamilyVersion(reviewed, { basedOnVersion: 0, summary: 'Other', items: [] })).toThrow(VersionConflictError);
    expect(() => reviewFamilyVersion(reviewed, { basedOnVersion: 1, summary: 'Summary', items: [{ id: decision.id, text: ' ', removed: false }] })).toThrow(RuleViolationError);
    const signedOff = signOffFamilyVersion(reviewed, { memberId: 'lead', at: '2026-06-21T09:00:00.000Z', version: 1 });
    expect(signedOff).toMatchObject({ version: 2, signOff: { memberId: 'lead' } });
    expect(() => reviewFamilyVersion(signedOff, { basedOnVersion: 2, summary: 'Changed', items: [] })).toThrow(RuleViolationError);
    expect(() => signOffFamilyVersion(signedOff, { memberId: 'lead', at: 'x', version: 2 })).toThrow(RuleViolationError);
  });

  test('sign-off needs a plain-language summary and the version that was read', () => {
    expect(() => signOffFamilyVersion(prepared, { memberId: 'lead', at: 'x', version: 0 })).toThrow(RuleViolationError);
    const reviewed = reviewFamilyVersion(prepared, { basedOnVersion: 0, summary: 'Summary', items: [] });
    expect(() => signOffFamilyVersion(reviewed, { memberId: 'lead', at: 'x', version: 0 })).toThrow(VersionConflictError);
  });
});

describe('sharing is the default; withholding needs a reason', () => {
  test('new minutes are shared with the family and the child', () => {
    expect(emptyMinutesContent(members).sharing).toEqual(SHARED_BY_DEFAULT);
    expect(SHARED_BY_DEFAULT).toEqual({ withFamily: true, withChild: true });
  });

  test.each([
    [{ withFamily: false, withChild: true }],
    [{ withFamily: true, withChild: false }],
    [{ withFamily: false, withChild: false, withheldReason: '   ' }],
  ])('withholding without a reason is refused: %j', (sharing) => {
    expect(() => decideSharing(sharing)).toThrow(RuleViolationError);
  });

  test('a reason is kept while something is withheld, and dropped when everything is shared again', () => {
    expect(decideSharing({ withFamily: true, withChild: false, withheldReason: ' The child is two. ' })).toEqual({ withFamily: true, withChild: false, withheldReason: 'The child is two.' });
    expect(decideSharing({ withFamily: true, withChild: true, withheldReason: 'old reason' })).toEqual({ withFamily: true, withChild: true });
  });
});
