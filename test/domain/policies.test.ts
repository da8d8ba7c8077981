import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCivilDate } from '../../src/domain/civil-date';
import { holidayDivisionOf } from '../../src/domain/nation';
import { projectObligations } from '../../src/domain/obligation-projection';
import { isRegularCoreGroup } from '../../src/domain/obligations';
import { loadWorkingDayCalendars } from '../../src/holidays/working-day-calendars';
import { SHIPPED_POLICY_DIR, loadPolicyCatalogue } from '../../src/policies/policy-catalogue';

const catalogue = loadPolicyCatalogue();
const calendars = loadWorkingDayCalendars();

/**
 * Every shipped profile, with an ICPC on Wednesday 25 March 2026 (Easter falls inside the first
 * fortnight in England, Wales and Northern Ireland, not in Scotland's Easter Monday).
 */
const EXPECTED: Record<string, { firstCoreGroup: string; secondCoreGroup: string; firstReview: string; minutes: string }> = {
  england: { firstCoreGroup: '2026-04-10', secondCoreGroup: '2026-05-08', firstReview: '2026-06-25', minutes: '2026-04-17' },
  wales: { firstCoreGroup: '2026-04-10', secondCoreGroup: '2026-05-22', firstReview: '2026-06-25', minutes: '2026-04-17' },
  scotland: { firstCoreGroup: '2026-04-16', secondCoreGroup: '2026-05-14', firstReview: '2026-09-25', minutes: '2026-04-23' },
  'northern-ireland': { firstCoreGroup: '2026-04-10', secondCoreGroup: '2026-05-08', firstReview: '2026-06-25', minutes: '2026-04-17' },
  'ten-working-days-four-weekly': { firstCoreGroup: '2026-04-10', secondCoreGroup: '2026-05-08', firstReview: '2026-06-25', minutes: '2026-04-17' },
  'ten-working-days-monthly': { firstCoreGroup: '2026-04-10', secondCoreGroup: '2026-05-08', firstReview: '2026-06-25', minutes: '2026-04-17' },
  'seven-working-days-six-weekly-after-review': { firstCoreGroup: '2026-04-06', secondCoreGroup: '2026-05-01', firstReview: '2026-06-25', minutes: '2026-04-13' },
  'plan-in-five-working-days-cp9-in-seven-days': { firstCoreGroup: '2026-04-10', secondCoreGroup: '2026-05-08', firstReview: '2026-06-25', minutes: '2026-04-17' },
};

describe('shipped policy profiles', () => {
  test('the catalogue ships one profile per nation and the seed variants, and nothing untested', () => {
    expect(catalogue.all.map((profile) => profile.id).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  test.each(Object.entries(EXPECTED))('%s: deadlines for an ICPC on 25 March 2026', (id, expected) => {
    const profile = catalogue.get(id);
    const calendar = calendars[holidayDivisionOf(profile.nation)];
    const obligations = projectObligations({ profile, calendar, icpcDate: parseCivilDate('2026-03-25') });
    const due = (obligationId: string) => obligations.find((o) => o.id === obligationId)?.due.toString();
    expect(due('first-core-group')).toBe(expected.firstCoreGroup);
    expect(due('core-group-2')).toBe(expected.secondCoreGroup);
    expect(due('first-review-conference')).toBe(expected.firstReview);
    expect(due('minutes-circulation-meeting-1')).toBe(expected.minutes);
    for (const obligation of obligations) expect(obligation.source.citation).not.toBe('');
  });

  test.each(catalogue.all.map((profile) => [profile.id, profile] as const))('%s names its source, effective date and what is unverified', (_id, profile) => {
    expect(profile.source.title).not.toBe('');
    expect(profile.effectiveFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const unverified = Object.values(profile.rules).filter((rule) => !rule.source.verified);
    if (unverified.length > 0) expect(profile.notes.length).toBeGreaterThan(0);
  });

  test.each(catalogue.all.map((profile) => [profile.id, profile] as const))('%s: a transfer in runs on local practice, as after its ICPC, marked unverified (no seed sets a transfer timescale)', (_id, profile) => {
    const { firstCoreGroupAfterTransferIn: firstCoreGroup, firstReviewAfterTransferIn: firstReview } = profile.rules;
    expect(firstCoreGroup?.period).toEqual(profile.rules.firstCoreGroup.period);
    expect(firstReview?.period).toEqual(profile.rules.firstReviewConference.period);
    for (const rule of [firstCoreGroup!, firstReview!]) expect(rule.source).toEqual({ citation: expect.stringMatching(/^Local practice: .* transfer-in conference/), verified: false });
  });

  test('the 7-working-day variant asks for three meetings before review and 6-weekly after it', () => {
    const profile = catalogue.get('seven-working-days-six-weekly-after-review');
    const obligations = projectObligations({ profile, calendar: calendars.scotland, icpcDate: parseCivilDate('2026-03-25') });
    // Four weeks after 6 April is the early May bank holiday (Monday 4 May): the deadline moves to Friday 1 May, never later.
    expect(obligations.filter((o) => o.kind === 'first-core-group' || isRegularCoreGroup(o)).map((o) => o.due.toString())).toEqual(['2026-04-06', '2026-05-01', '2026-05-29']);
    expect(obligations.find((o) => o.id === 'meetings-before-first-review')?.rule).toContain('At least 3');
    // Six months after 25 June is Christmas Day: the working day before.
    expect(obligations.find((o) => o.id === 'review-conference-2')?.due.toString()).toBe('2026-12-24');
  });

  test('the CP9 variant tracks the CP9 seven calendar days after each meeting', () => {
    const profile = catalogue.get('plan-in-five-working-days-cp9-in-seven-days');
    const obligations = projectObligations({ profile, calendar: calendars['england-and-wales'], icpcDate: parseCivilDate('2026-03-25') });
    expect(obligations.find((o) => o.id === 'cp9-meeting-1')?.due.toString()).toBe('2026-04-17');
    expect(obligations.find((o) => o.id === 'plan-circulation-meeting-1')?.due.toString()).toBe('2026-04-17');
  });
});

describe('loading profiles', () => {
  const extraDir = () => mkdtempSync(join(tmpdir(), 'policies-'));
  const england = () => JSON.parse(readFileSync(join(SHIPPED_POLICY_DIR, 'england.json'), 'utf8'));

  test('an administrator adds a local profile from a folder, without a code change', () => {
    const dir = extraDir();
    writeFileSync(join(dir, 'local.json'), JSON.stringify({ ...england(), id: 'local-three-weekly', rules: { ...england().rules, frequency: { period: { count: 3, unit: 'weeks' }, source: { citation: 'local', verified: true } } } }));
    const withLocal = loadPolicyCatalogue({ extraDir: dir });
    expect(withLocal.get('local-three-weekly').rules.frequency.period.count).toBe(3);
  });

  test('a profile with a bad field is refused, naming the file and the field', () => {
    const dir = extraDir();
    writeFileSync(join(dir, 'broken.json'), JSON.stringify({ ...england(), id: 'broken', rules: { ...england().rules, firstCoreGroup: { period: { count: -1, unit: 'working-days' }, source: { citation: 'x', verified: true } } } }));
    expect(() => loadPolicyCatalogue({ extraDir: dir })).toThrow(/broken\.json.*firstCoreGroup/s);
  });

  test('two profiles with the same id are refused', () => {
    const dir = extraDir();
    writeFileSync(join(dir, 'again.json'), JSON.stringify(england()));
    expect(() => loadPolicyCatalogue({ extraDir: dir })).toThrow('defined twice');
  });

  test('an unknown policy id names the known ones', () => {
    expect(() => catalogue.get('atlantis')).toThrow(/unknown policy "atlantis".*england/);
  });
});
