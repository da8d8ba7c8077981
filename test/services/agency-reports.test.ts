import { randomUUID } from 'node:crypto';
import { Temporal } from 'temporal-polyfill';
import type { CoreGroupMember } from '../../src/domain/core-group';
import { ForbiddenError, NotFoundError, RuleViolationError, VersionConflictError } from '../../src/domain/errors';
import { openingDraft, signMinutes } from '../../src/domain/minutes';
import { computeObligations } from '../../src/domain/obligations';
import { renderDocx } from '../../src/export/docx-renderer';
import { renderPdf } from '../../src/export/pdf-renderer';
import { createConferencePack } from '../../src/services/conference-pack/conference-pack.service';
import { docxText } from '../support/documents';
import { loadWorkingDayCalendars } from '../../src/holidays/working-day-calendars';
import { loadPolicyCatalogue } from '../../src/policies/policy-catalogue';
import { createAgencyReports } from '../../src/services/agency-reports/agency-reports.service';
import { createReportRequestPlanner } from '../../src/services/agency-reports/report-requests.service';
import type { Clock } from '../../src/services/ports/clock.port';
import { type Store, createStore } from '../../src/store/store';
import { ENGINES, type TestDatabase, migratedDatabase } from '../support/databases';
import { TENANT, aCoreGroup, aPlan } from '../support/fixtures';

const TODAY = Temporal.PlainDate.from('2026-06-10');
const clock: Clock = { nowIso: () => '2026-06-10T09:00:00.000Z', today: () => TODAY };
const calendars = loadWorkingDayCalendars();
const catalogue = loadPolicyCatalogue();
/** Thursday 9 July 2026: the reports are due 5 working days before, Thursday 2 July (the demo profile's reading). */
const REVIEW_ON = Temporal.PlainDate.from('2026-07-09');
const complete = { worries: 'Arguments at home', workingWell: 'Calmer mornings', needsToHappen: 'Keep the routine', scaling: 6, scalingReasons: 'Recent progress', childsViews: 'Says home is calmer' };

describe.each(ENGINES.filter((engine) => engine.available))('written reports for the review conference on $name', ({ name }) => {
  let database: TestDatabase;
  let store: Store;
  beforeAll(async () => {
    database = await migratedDatabase(name);
    store = createStore(database);
  });
  afterAll(() => database.drop());

  async function aGroupWithReview() {
    const group = aCoreGroup();
    await store.coreGroups.create(group.coreGroup, group.members);
    await store.plans.saveRevision({ plan: aPlan(group.coreGroup.id, group.healthVisitor.id), authorMemberId: group.lead.id, reason: 'ICPC', changes: [] }, clock.nowIso());
    await store.checkIns.record({ id: randomUUID(), coreGroupId: group.coreGroup.id, actionId: 'a1', memberId: group.healthVisitor.id, status: 'on-track', note: 'Two visits done; the home was warm', recordedAt: '2026-06-09T10:00:00.000Z' }, `check-in-${group.coreGroup.id}`);
    const reviewConferenceId = randomUUID();
    await store.meetings.recordReviewConference({ id: reviewConferenceId, coreGroupId: group.coreGroup.id, date: REVIEW_ON, status: 'scheduled' });
    const deps = { ...store, clock, calendars, policy: (id: string) => catalogue.get(id) };
    const as = (member: CoreGroupMember) => ({ tenantId: TENANT, aadObjectId: member.aadObjectId! });
    return { ...group, reviewConferenceId, as, reports: createAgencyReports(deps), planner: createReportRequestPlanner(deps), deps };
  }

  test('the health visitor starts from their check-ins, saves a draft, cannot submit it incomplete, then submits: their agency’s obligation is met that day', async () => {
    const { coreGroup, healthVisitor, reviewConferenceId, as, reports } = await aGroupWithReview();
    const opened = await reports.of(as(healthVisitor), coreGroup.id, reviewConferenceId);
    expect(opened.due?.toString()).toBe('2026-07-02');
    expect(opened.mine?.report).toMatchObject({ version: 0, agency: 'health visiting', content: { actionProgress: [{ actionId: 'a1', progress: 'Two visits done; the home was warm' }] } });
    expect(opened.mine?.actions.map((action) => action.what)).toEqual(['Weekly home visit']);
    expect(opened.standings).toBeUndefined();

    const draft = await reports.save(as(healthVisitor), coreGroup.id, reviewConferenceId, { baseVersion: 0, content: { ...opened.mine!.report.content, worries: 'Arguments at home' } });
    expect(draft.version).toBe(1);
    await expect(reports.save(as(healthVisitor), coreGroup.id, reviewConferenceId, { baseVersion: 0, content: draft.content })).rejects.toThrow(VersionConflictError);
    await expect(reports.submit(as(healthVisitor), coreGroup.id, reviewConferenceId, 1)).rejects.toThrow(/what is working well, what needs to happen, your scaling \(0–10\), the reasons for your scaling, the child’s views/);

    const filled = await reports.save(as(healthVisitor), coreGroup.id, reviewConferenceId, { baseVersion: 1, content: { ...draft.content, ...complete } });
    await expect(reports.submit(as(healthVisitor), coreGroup.id, reviewConferenceId, 1)).rejects.toThrow(VersionConflictError);
    const submitted = await reports.submit(as(healthVisitor), coreGroup.id, reviewConferenceId, filled.version);
    expect(submitted).toMatchObject({ outcome: 'changed', report: { submittedAt: clock.nowIso() } });
    expect((await reports.submit(as(healthVisitor), coreGroup.id, reviewConferenceId, filled.version)).outcome).toBe('unchanged');
    await expect(reports.save(as(healthVisitor), coreGroup.id, reviewConferenceId, { baseVersion: filled.version, content: { ...complete, actionProgress: [] } })).rejects.toThrow(RuleViolationError);

    const timeline = await store.meetings.loadCaseTimeline(coreGroup.id, coreGroup);
    const obligations = computeObligations({ profile: catalogue.get(coreGroup.policyId), calendar: calendars['england-and-wales'], timeline, asOf: TODAY }).filter((obligation) => obligation.kind === 'agency-report');
    expect(obligations.map((obligation) => [obligation.rule, obligation.status, obligation.metOn?.toString()])).toEqual([
      ["Written report from children's social care 5 working days before the review conference", 'due', undefined],
      ['Written report from health visiting 5 working days before the review conference', 'met', '2026-06-10'],
      ['Written report from school 5 working days before the review conference', 'due', undefined],
    ]);
  });

  test('the lead social worker sees who has submitted, is writing or has not started, and reads only submitted reports; a professional reads only their own', async () => {
    const { coreGroup, lead, manager, healthVisitor, teacher, parent, reviewConferenceId, as, reports } = await aGroupWithReview();
    const hv = await reports.save(as(healthVisitor), coreGroup.id, reviewConferenceId, { baseVersion: 0, content: { ...complete, actionProgress: [] } });
    await reports.submit(as(healthVisitor), coreGroup.id, reviewConferenceId, hv.version);
    const teacherDraft = await reports.save(as(teacher), coreGroup.id, reviewConferenceId, { baseVersion: 0, content: { ...complete, worries: 'Late most days', actionProgress: [] } });

    const followed = await reports.of(as(lead), coreGroup.id, reviewConferenceId);
    expect(followed.standings?.map((entry) => [entry.member.displayName, entry.standing])).toEqual([
      ['Alex Lead', 'not-started'],
      ['Hana Visitor', 'submitted'],
      ['Toby Teacher', 'draft'],
    ]);
    expect(followed.mine?.report.version).toBe(0);
    expect((await reports.of(as(manager), coreGroup.id, reviewConferenceId)).mine).toBeUndefined();
    expect((await reports.read(as(manager), coreGroup.id, reviewConferenceId, hv.id)).report.content.worries).toBe('Arguments at home');
    await expect(reports.read(as(lead), coreGroup.id, reviewConferenceId, teacherDraft.id)).rejects.toThrow(ForbiddenError);
    await expect(reports.read(as(teacher), coreGroup.id, reviewConferenceId, hv.id)).rejects.toThrow(ForbiddenError);
    expect((await reports.read(as(teacher), coreGroup.id, reviewConferenceId, teacherDraft.id)).report.content.worries).toBe('Late most days');
    await expect(reports.read(as(lead), coreGroup.id, randomUUID(), hv.id)).rejects.toThrow(NotFoundError);
    await expect(reports.save(as(manager), coreGroup.id, reviewConferenceId, { baseVersion: 0, content: { ...complete, actionProgress: [] } })).rejects.toThrow(ForbiddenError);
    await expect(reports.of({ tenantId: TENANT, aadObjectId: randomUUID() }, coreGroup.id, reviewConferenceId)).rejects.toThrow(NotFoundError);
    expect(parent.aadObjectId).toBeUndefined();

    const toDo = await reports.toDo(as(lead));
    expect(toDo.find((entry) => entry.reviewConferenceId === reviewConferenceId)).toMatchObject({ caseReference: coreGroup.caseReference, mine: 'not-started', submitted: 1, expected: 3 });
    const audited = await store.auditLog.listByCoreGroup(coreGroup.id, { limit: 200 });
    expect(audited.map((entry) => [entry.action, entry.outcome])).toEqual(expect.arrayContaining([['write-agency-report', 'allowed'], ['write-agency-report', 'denied'], ['view-compliance', 'allowed']]));
  });

  test('progress can be given only on the writer’s own actions; nothing changes once the review is held', async () => {
    const { coreGroup, teacher, healthVisitor, reviewConferenceId, as, reports } = await aGroupWithReview();
    await expect(reports.save(as(teacher), coreGroup.id, reviewConferenceId, { baseVersion: 0, content: { ...complete, actionProgress: [{ actionId: 'a1', progress: 'not mine' }] } })).rejects.toThrow(/actionProgress\[0\] is not one of your actions/);
    await store.meetings.recordReviewConference({ id: reviewConferenceId, coreGroupId: coreGroup.id, date: REVIEW_ON, status: 'held', outcome: 'continue' });
    await expect(reports.save(as(healthVisitor), coreGroup.id, reviewConferenceId, { baseVersion: 0, content: { ...complete, actionProgress: [] } })).rejects.toThrow(/is over/);
  });

  test('each reporting member is asked ten working days before the reports are due and chased two days before and on the day; planning again adds nothing', async () => {
    const { coreGroup, planner, reviewConferenceId } = await aGroupWithReview();
    // Three reporting members, each asked once and chased twice; the pack to the lead social worker (the group has no conference chair).
    expect(await planner.planFor(coreGroup.id)).toBe(10);
    expect(await planner.planFor(coreGroup.id)).toBe(0);
    const jobs = (await database.db.selectFrom('jobs').selectAll().where('kind', '=', 'agency-report-request').execute()).filter((job) => String(job.payload).includes(reviewConferenceId));
    const runs = jobs.map((job) => [JSON.parse(String(job.payload)).chase, String(job.run_at).slice(0, 10)]).sort();
    expect([...new Set(runs.map((run) => JSON.stringify(run)))]).toEqual([JSON.stringify([false, '2026-06-18']), JSON.stringify([true, '2026-06-30']), JSON.stringify([true, '2026-07-02'])]);
    expect(JSON.stringify(jobs)).not.toContain(coreGroup.childName);
    const pack = (await database.db.selectFrom('jobs').selectAll().where('kind', '=', 'conference-pack-delivery').execute()).filter((job) => String(job.payload).includes(reviewConferenceId));
    expect(pack.map((job) => [JSON.parse(String(job.payload)).forChair, String(job.run_at).slice(0, 10)])).toEqual([[false, '2026-07-03']]);
  });

  test('the conference pack: the recommendation the core group signed, each report and who sent none, the plan, attendance at each meeting since the ICPC and the concerns raised; never the child', async () => {
    const { coreGroup, lead, manager, healthVisitor, teacher, parent, reviewConferenceId, as, reports, deps } = await aGroupWithReview();
    const meetingId = randomUUID();
    await store.meetings.create({ id: meetingId, coreGroupId: coreGroup.id, date: Temporal.PlainDate.from('2026-06-08'), status: 'held', startsAt: '2026-06-08T09:00:00.000Z', endsAt: '2026-06-08T10:00:00.000Z', chairMemberId: lead.id });
    const draft = openingDraft({ id: randomUUID(), meeting: { id: meetingId, coreGroupId: coreGroup.id }, members: [lead, manager, healthVisitor, teacher, parent] });
    const came: Record<string, 'present' | 'apologies'> = { [lead.id]: 'present', [healthVisitor.id]: 'present', [teacher.id]: 'apologies' };
    const minutes = { ...draft, content: { ...draft.content, attendance: draft.content.attendance.map((entry) => ({ ...entry, attendance: came[entry.memberId] ?? entry.attendance })), reviewRecommendation: { outcome: 'continue-with-changes' as const, reasons: 'Progress is real but only six weeks old' } } };
    await store.minutes.createDraft(minutes, lead.id, clock.nowIso());
    await store.minutes.save({ ...signMinutes(signMinutes(minutes, { as: 'chair', memberId: lead.id, at: clock.nowIso() }), { as: 'team-manager', memberId: manager.id, at: clock.nowIso() }), version: 2 }, { expectedVersion: 1, savedBy: manager.id, at: clock.nowIso() });
    await store.concerns.raise({ id: randomUUID(), coreGroupId: coreGroup.id, kind: 'increased-risk', raisedByMemberId: healthVisitor.id, step: 0, status: 'open', raisedAt: '2026-06-09T10:00:00.000Z', stepStartedAt: '2026-06-09T10:00:00.000Z', note: 'A new bruise' }, `pack:${coreGroup.id}`);
    const hv = await reports.save(as(healthVisitor), coreGroup.id, reviewConferenceId, { baseVersion: 0, content: { ...complete, actionProgress: [{ actionId: 'a1', progress: 'Visits weekly since May' }] } });
    await reports.submit(as(healthVisitor), coreGroup.id, reviewConferenceId, hv.version);

    const packs = createConferencePack({ ...deps, renderer: { docx: renderDocx, pdf: renderPdf } });
    const pack = await packs.download({ caller: as(lead), coreGroupId: coreGroup.id, reviewConferenceId, format: 'docx' });
    const text = await docxText(pack.file);
    for (const expected of [
      'Review child protection conference on Thu 9 Jul 2026. This pack covers Mon 1 Jun 2026 to Thu 9 Jul 2026.',
      'The child protection plan continues, with changes (agreed at the core group meeting of Mon 8 Jun 2026).',
      'Progress is real but only six weeks old',
      'What are we worried about? Arguments at home',
      'Visits weekly since May',
      'Attendance at core group meetings',
      'apologies',
      'The plan is not reducing the risk, or the risk has increased',
      'Weekly home visit',
    ])
      expect(text).toContain(expected);
    expect(text).toMatch(/Toby Teacher\s+school\s+not started/);
    expect(text).not.toContain('Invented Child');
    expect(text).not.toContain('A new bruise');
    await expect(packs.download({ caller: as(healthVisitor), coreGroupId: coreGroup.id, reviewConferenceId, format: 'pdf' })).rejects.toThrow(ForbiddenError);
  });
});
