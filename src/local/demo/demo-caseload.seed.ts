import { randomUUID } from 'node:crypto';
import { Temporal } from 'temporal-polyfill';
import type { CivilDate } from '../../domain/civil-date';
import type { CoreGroup } from '../../domain/core-group';
import { type MinutesContent, emptyMinutesContent } from '../../domain/minutes';
import type { CheckIn, ChildProtectionPlan } from '../../domain/plan';
import type { WorkingDays } from '../../domain/working-days';
import type { Clock } from '../../services/ports/clock.port';
import type { AgencyReportRepository, CheckInRepository, CoreGroupRepository, JobQueue, MeetingRepository, MinutesRepository, PlanRepository } from '../../services/ports/store.port';
import { queueAppInstall } from '../../services/app-installs.service';
import { DEMO_CASE_REFERENCE, DEMO_PEOPLE, DEMO_TENANT_ID, type DemoPerson, createDemoCase, demoMembers, demoObjectId, findDemoCase, seedDemoCoreGroup } from './demo-core-group.seed';

/** What the caseload seed writes to. */
export interface DemoCaseloadDeps {
  coreGroups: Pick<CoreGroupRepository, 'create' | 'listForMember' | 'members'>;
  plans: Pick<PlanRepository, 'saveRevision'>;
  meetings: Pick<MeetingRepository, 'create' | 'recordCirculation' | 'recordReviewConference'>;
  agencyReports: Pick<AgencyReportRepository, 'start' | 'submit'>;
  minutes: Pick<MinutesRepository, 'createDraft'>;
  checkIns: Pick<CheckInRepository, 'record'>;
  /** Where installing the app for each demo member is queued, as for any group set up (none: not installed). */
  jobs?: Pick<JobQueue, 'enqueue'> | undefined;
  clock: Clock;
  calendar: WorkingDays;
}

/** The demo caseload's references, in the order a newcomer meets them. */
export const DEMO_CASELOAD = [DEMO_CASE_REFERENCE, 'DEMO-0002', 'DEMO-0003'] as const;

const person = (key: string): DemoPerson => DEMO_PEOPLE.find((candidate) => candidate.key === key)!;
/** The same lead social worker, team manager and conference chair hold every case: one team's caseload. */
const TEAM: readonly DemoPerson[] = [person('lead'), person('manager'), person('iro')];

const MIA_PEOPLE: readonly DemoPerson[] = [
  ...TEAM,
  { key: 'gp-whitfield', name: 'Dr Sam Whitfield', role: 'professional', agency: 'GP', email: 'sam.whitfield@surgery.example', reach: 'guest' },
  { key: 'teacher-fenwick', name: 'Lucy Fenwick', role: 'professional', agency: 'school (designated safeguarding lead)', email: 'lucy.fenwick@school.example', reach: 'guest' },
  { key: 'carer-carter', name: 'Casey Carter', role: 'family-member', agency: 'family', email: 'casey.carter@family.example', reach: 'email-only' },
];

const KAI_PEOPLE: readonly DemoPerson[] = [
  ...TEAM,
  person('health'),
  { key: 'housing-jenkins', name: 'Rhys Jenkins', role: 'professional', agency: 'housing', email: 'rhys.jenkins@housing.example', reach: 'guest' },
  { key: 'carer-morgan', name: 'Alex Morgan', role: 'family-member', agency: 'family', email: 'alex.morgan@family.example', reach: 'email-only' },
];

/** Everyone on the demo caseload's cases, each once: the demo organisation's directory holds them (partners as guests). */
export const DEMO_CASELOAD_PEOPLE: readonly DemoPerson[] = [...new Map([...DEMO_PEOPLE, ...MIA_PEOPLE, ...KAI_PEOPLE].map((someone) => [someone.key, someone])).values()];

/** An ISO instant at a London wall-clock time on a civil date. */
function londonInstant(date: CivilDate, time: string): string {
  return date.toZonedDateTime({ timeZone: 'Europe/London', plainTime: Temporal.PlainTime.from(time) }).toInstant().toString();
}

type Seeding = DemoCaseloadDeps & { coreGroup: CoreGroup; memberId: (key: string) => string; memberIds: readonly string[] };

/**
 * A core group meeting that was held, with signed minutes and the plan circulated two working days later:
 * `chair` chaired, `minuteTaker` took the minutes, everyone else was present or sent apologies.
 */
async function heldMeeting(seeding: Seeding, held: { date: CivilDate; chair: string; minuteTaker: string; apologies: readonly string[]; content: Partial<MinutesContent> }): Promise<void> {
  const { meeting } = await seeding.meetings.create({
    id: randomUUID(),
    coreGroupId: seeding.coreGroup.id,
    date: held.date,
    startsAt: londonInstant(held.date, '10:00'),
    endsAt: londonInstant(held.date, '11:00'),
    status: 'held',
    chairMemberId: seeding.memberId(held.chair),
    minuteTakerMemberId: seeding.memberId(held.minuteTaker),
  });
  const apologies = new Set(held.apologies.map(seeding.memberId));
  const content: MinutesContent = {
    ...emptyMinutesContent([]),
    attendance: seeding.memberIds.map((memberId) => ({ memberId, attendance: apologies.has(memberId) ? 'apologies' : 'present' })),
    allAgenciesPresent: { discussed: true, note: 'All agencies with actions were represented.' },
    ...held.content,
  };
  const signedOn = seeding.calendar.addWorkingDays(held.date, 1);
  await seeding.minutes.createDraft(
    {
      id: randomUUID(),
      meetingId: meeting.id,
      coreGroupId: seeding.coreGroup.id,
      version: 1,
      content,
      chairSignOff: { memberId: seeding.memberId(held.chair), at: londonInstant(signedOn, '16:00') },
      managerSignOff: { memberId: seeding.memberId('manager'), at: londonInstant(signedOn, '17:00') },
    },
    seeding.memberId(held.minuteTaker),
    londonInstant(signedOn, '16:00'),
  );
  for (const kind of ['minutes', 'plan'] as const) await seeding.meetings.recordCirculation({ meetingId: meeting.id, kind, on: seeding.calendar.addWorkingDays(held.date, 2) });
}

/** Check-ins the action owners gave, each `workingDaysAgo` before today. */
async function checkIns(seeding: Seeding, answers: readonly (Pick<CheckIn, 'actionId' | 'status' | 'note'> & { owner: string; workingDaysAgo: number })[]): Promise<void> {
  for (const answer of answers) {
    const on = seeding.calendar.addWorkingDays(seeding.clock.today(), -answer.workingDaysAgo);
    const id = randomUUID();
    await seeding.checkIns.record({ id, coreGroupId: seeding.coreGroup.id, actionId: answer.actionId, memberId: seeding.memberId(answer.owner), status: answer.status, note: answer.note, recordedAt: londonInstant(on, '12:30') }, `demo-${id}`);
  }
}

/** Creates one demo case with its people and plan, unless it is there; then writes its history with `history`. */
async function seedCase(
  deps: DemoCaseloadDeps,
  spec: { caseReference: string; childName: string; icpcDate: CivilDate; people: readonly DemoPerson[]; plan: (memberId: (key: string) => string, coreGroupId: string) => ChildProtectionPlan },
  history: (seeding: Seeding) => Promise<void>,
): Promise<boolean> {
  if (await findDemoCase(deps.coreGroups, spec.caseReference)) return false;
  const coreGroup: CoreGroup = { id: randomUUID(), caseReference: spec.caseReference, childName: spec.childName, tenantId: DEMO_TENANT_ID, policyId: 'ten-working-days-four-weekly', icpcDate: spec.icpcDate, createdAt: londonInstant(spec.icpcDate, '15:00') };
  const { members, memberId } = demoMembers(spec.people);
  if (!(await createDemoCase(deps.coreGroups, coreGroup, members)).created) return false;
  await deps.plans.saveRevision({ plan: spec.plan(memberId, coreGroup.id), authorMemberId: memberId('lead'), reason: 'Plan agreed at the ICPC, updated at the core group', changes: [] }, deps.clock.nowIso());
  await history({ ...deps, coreGroup, memberId, memberIds: members.map((member) => member.id) });
  return true;
}

/**
 * DEMO-0002, mid-plan: the ICPC five weeks ago, the first core group held (chaired by the team
 * manager) with signed, circulated minutes, check-ins since (one at risk, one blocked), and the
 * next meeting due within days and not yet booked.
 */
function seedMidPlan(deps: DemoCaseloadDeps): Promise<boolean> {
  const { calendar } = deps;
  const today = deps.clock.today();
  const icpcDate = calendar.addWorkingDays(today, -25);
  const firstMeeting = calendar.addWorkingDays(icpcDate, 8);
  return seedCase(
    deps,
    {
      caseReference: 'DEMO-0002',
      childName: 'Mia Carter (invented)',
      icpcDate,
      people: MIA_PEOPLE,
      plan: (memberId, coreGroupId) => ({
        coreGroupId,
        version: 1,
        outcomes: [
          { id: 'outcome-health', text: "Mia's health needs are met and she is seen by her GP when unwell" },
          { id: 'outcome-routine', text: 'Mia has a settled routine with food, sleep and school every day' },
        ],
        actions: [
          { id: 'action-gp-review', outcomeId: 'outcome-health', what: "Review Mia's missed appointments and book a health check", ownerMemberId: memberId('gp-whitfield'), agency: 'GP', due: calendar.addWorkingDays(today, 5), agreedOn: icpcDate, progressMeasure: 'Health check held and shared with the core group', state: 'in-progress' },
          { id: 'action-breakfast-club', outcomeId: 'outcome-routine', what: 'Offer a breakfast club place and record arrival times', ownerMemberId: memberId('teacher-fenwick'), agency: 'school (designated safeguarding lead)', due: calendar.addWorkingDays(today, 8), agreedOn: icpcDate, childSeenFrequency: 'daily (school days)', progressMeasure: 'Arrives before 9am on four days in five', state: 'at-risk' },
          { id: 'action-parenting', outcomeId: 'outcome-routine', what: 'Start a parenting programme with Casey', ownerMemberId: memberId('lead'), agency: "children's social care", due: calendar.addWorkingDays(today, 3), agreedOn: icpcDate, childSeenFrequency: 'fortnightly, once alone', progressMeasure: 'Casey attends six of eight sessions', state: 'blocked' },
        ],
        contingencyPlan: 'If Mia misses school for three days running or another health appointment is missed, the lead social worker visits the same day and tells the team manager.',
        resources: 'Parenting programme (family support service); breakfast club funded by the school.',
        monitoring: 'The school reports attendance weekly to the lead social worker; the core group reviews each action every four weeks.',
      }),
    },
    async (seeding) => {
      await heldMeeting(seeding, {
        date: firstMeeting,
        chair: 'manager',
        minuteTaker: 'lead',
        apologies: ['gp-whitfield'],
        content: {
          childsVoice: 'Mia said she likes breakfast club and wants to go to her friend’s party.',
          signsOfSafety: { worries: 'Missed health appointments; late to school most days.', workingWell: 'Casey is open with professionals and wants help.', needsToHappen: 'A health check, a morning routine, and a parenting programme.', scaling: [{ memberId: seeding.memberId('lead'), score: 4 }, { memberId: seeding.memberId('teacher-fenwick'), score: 5 }] },
          decisions: ['The plan stays as agreed at the ICPC.', 'The GP will send a written report if unable to attend.'],
          contingencyReview: 'Contingency plan read out and agreed.',
          sharing: { withFamily: true, withChild: false },
        },
      });
      await checkIns(seeding, [
        { actionId: 'action-gp-review', owner: 'gp-whitfield', status: 'on-track', note: 'Health check booked.', workingDaysAgo: 6 },
        { actionId: 'action-breakfast-club', owner: 'teacher-fenwick', status: 'at-risk', note: 'Late on three days last week.', workingDaysAgo: 3 },
        { actionId: 'action-parenting', owner: 'lead', status: 'blocked', note: 'The programme has a six-week waiting list; asked the team manager about another provider.', workingDaysAgo: 2 },
      ]);
    },
  );
}

/**
 * DEMO-0003, approaching its review conference: the ICPC almost three months ago, three core groups
 * held with signed minutes (the last agreeing the recommendation to the review), the review conference booked in six working days and the health visitor's report submitted.
 */
function seedNearReview(deps: DemoCaseloadDeps): Promise<boolean> {
  const { calendar } = deps;
  const today = deps.clock.today();
  const icpcDate = calendar.addWorkingDays(today.subtract({ months: 3 }), 8);
  const meetings = [calendar.addWorkingDays(icpcDate, 9), calendar.addWorkingDays(icpcDate, 27), calendar.addWorkingDays(icpcDate, 45)];
  return seedCase(
    deps,
    {
      caseReference: 'DEMO-0003',
      childName: 'Kai Morgan (invented)',
      icpcDate,
      people: KAI_PEOPLE,
      plan: (memberId, coreGroupId) => ({
        coreGroupId,
        version: 1,
        outcomes: [{ id: 'outcome-housing', text: 'Kai lives in a safe, secure home without damp or overcrowding' }],
        actions: [
          { id: 'action-rehousing', outcomeId: 'outcome-housing', what: 'Assess the family for a priority move', ownerMemberId: memberId('housing-jenkins'), agency: 'housing', due: calendar.addWorkingDays(today, -10), agreedOn: icpcDate, progressMeasure: 'Priority banding decided', state: 'done' },
          { id: 'action-development', outcomeId: 'outcome-housing', what: "Check Kai's development and weight monthly", ownerMemberId: memberId('health'), agency: 'health visiting', due: calendar.addWorkingDays(today, 10), agreedOn: icpcDate, childSeenFrequency: 'monthly', progressMeasure: 'Weight on the 25th centile or above', state: 'in-progress' },
          { id: 'action-review-report', outcomeId: 'outcome-housing', what: 'Write the social work report for the review conference', ownerMemberId: memberId('lead'), agency: "children's social care", due: calendar.addWorkingDays(today, 3), agreedOn: calendar.addWorkingDays(icpcDate, 45), progressMeasure: 'Report shared with the family before the conference', state: 'in-progress' },
        ],
        contingencyPlan: 'If the family cannot move and Kai loses weight again, the team manager convenes a strategy discussion.',
        resources: 'Housing priority assessment; health visitor monthly visits.',
        monitoring: 'Health visitor and social worker visits alternate fortnightly; the core group checks progress at each meeting.',
      }),
    },
    async (seeding) => {
      for (const [index, date] of meetings.entries()) {
        await heldMeeting(seeding, {
          date,
          chair: index === 0 ? 'manager' : 'lead',
          minuteTaker: index === 0 ? 'lead' : 'health',
          apologies: index === 1 ? ['housing-jenkins'] : [],
          content: {
            childsVoice: index === 2 ? 'Kai drew his new bedroom and said it is not cold any more.' : 'Kai is too young to say; the health visitor described how he plays.',
            decisions: index === 2 ? ['Recommend to the review conference that the plan continues for three more months.'] : ['The plan continues.'],
            contingencyReview: 'Contingency plan reviewed; no change.',
            agencyUpdates: [{ agency: 'housing', update: index === 2 ? 'The move is agreed for next month.' : 'Priority banding under assessment.' }],
            childSeen: { seen: 'yes', seenAlone: 'no', lastSeenOn: calendar.addWorkingDays(date, -2), seenBy: 'the health visitor', note: 'Kai is too young to be seen alone; seen at home with his mother.' },
            ...(index === 2 ? { reviewRecommendation: { outcome: 'continue' as const, reasons: 'The move is agreed but not yet made, and Kai’s weight has only just recovered: three more months of the plan to see both hold.' } } : {}),
          },
        });
      }
      const reviewConferenceId = randomUUID();
      await seeding.meetings.recordReviewConference({ id: reviewConferenceId, coreGroupId: seeding.coreGroup.id, date: calendar.addWorkingDays(today, 6), status: 'scheduled' });
      const submittedAt = londonInstant(calendar.addWorkingDays(today, -1), '15:00');
      const healthReport = {
        id: randomUUID(),
        coreGroupId: seeding.coreGroup.id,
        reviewConferenceId,
        memberId: seeding.memberId('health'),
        agency: 'health visiting',
        version: 1,
        updatedAt: submittedAt,
        submittedAt,
        content: {
          worries: 'Kai lost weight over the winter in a damp, overcrowded flat.',
          workingWell: 'His weight is back on the 25th centile; his mother keeps every appointment.',
          needsToHappen: 'The move to the new home, and monthly weighing until it has settled.',
          scaling: 6,
          scalingReasons: 'Real progress, but the move is agreed and not yet made.',
          childsViews: 'Kai is too young to say; he is lively and plays well at home visits.',
          actionProgress: [{ actionId: 'action-development', progress: 'Weighed monthly; back on the 25th centile.' }],
        },
      };
      await seeding.agencyReports.start({ ...healthReport, submittedAt: undefined });
      await seeding.agencyReports.submit(healthReport, calendar.addWorkingDays(today, -1));
      await checkIns(seeding, [
        { actionId: 'action-rehousing', owner: 'housing-jenkins', status: 'done', note: 'Priority banding awarded; move agreed.', workingDaysAgo: 12 },
        { actionId: 'action-development', owner: 'health', status: 'on-track', note: 'Weight back on the 25th centile.', workingDaysAgo: 4 },
      ]);
    },
  );
}

/**
 * Seeds the demo lead social worker's caseload, one team's (the same team manager on each case):
 * DEMO-0001 just after its ICPC, DEMO-0002 mid-plan and DEMO-0003 approaching its review
 * conference, all dated from the clock's today. Cases already there are left as they are. The app
 * is installed for each new case's members but the lead (who is using it), as for a case set up
 * in the app.
 */
export async function seedDemoCaseload(deps: DemoCaseloadDeps): Promise<{ created: string[]; present: string[] }> {
  const seeded = [(await seedDemoCoreGroup(deps)).created, await seedMidPlan(deps), await seedNearReview(deps)];
  const created = DEMO_CASELOAD.filter((_, index) => seeded[index]);
  for (const reference of deps.jobs ? created : []) {
    const coreGroup = (await findDemoCase(deps.coreGroups, reference))!;
    for (const member of await deps.coreGroups.members(coreGroup.id)) if (member.aadObjectId !== demoObjectId('lead')) await queueAppInstall(deps.jobs!, { coreGroup, member, joinedAt: coreGroup.createdAt });
  }
  return { created, present: DEMO_CASELOAD.filter((_, index) => !seeded[index]) };
}
