import { type Kysely, sql } from 'kysely';
import type { CoreGroup, CoreGroupMember } from '../src/domain/core-group';
import { openingDraft, signMinutes } from '../src/domain/minutes';
import type { ChildProtectionPlan } from '../src/domain/plan';
import type { WorkingDays } from '../src/domain/working-days';
import type { Clock } from '../src/services/ports/clock.port';
import type { Database } from '../src/store/schema';
import { createStore } from '../src/store/store';

/** The template case's ids all carry this, so each copy's are its own. */
const TEMPLATE = 'tpl0';
const MEMBERS = 8;
/** The tenant every case of the dataset is in. */
export const NATIONAL_TENANT_ID = '00000000-0000-4000-8000-0000000a7105';
/** Cases each lead social worker leads: case n's is lead `leadOf(n)`, so a lead's caseload is 20 cases in a row. */
export const CASES_PER_LEAD = 20;
/** The Entra object id of lead social worker `k` (0-based): the lead of cases 20k + 1 … 20k + 20. */
export const leadObjectId = (k: number) => `aad-lead-${k}`;
const AGENCIES = ["children's social care", "children's social care", 'health visiting', 'school', 'GP', 'police', 'housing', 'family'];

/**
 * Tables a case's rows live in, in the order their foreign keys allow. Every row of these whose
 * JSON mentions the template's id is the template's, and is copied with that id replaced.
 */
const CASE_TABLES = ['core_groups', 'members', 'plan_versions', 'meetings', 'meeting_invitations', 'review_conferences', 'circulations', 'agency_reports', 'minutes', 'minutes_versions', 'deliveries', 'check_ins', 'concerns'] as const;

/**
 * One case as the product writes it, through the repositories, over the year before `today`: eight
 * members (seven with a Teams identity), a plan of six actions, twelve core groups held with signed
 * minutes circulated, the next one booked, a review conference held and the next booked, monthly
 * check-ins on each action and two concerns. Every id contains the template's marker.
 */
async function seedTemplate(db: Kysely<Database>, options: { clock: Clock; calendar: WorkingDays }): Promise<void> {
  const store = createStore({ db, engine: 'postgres' });
  const today = options.clock.today();
  const icpcDate = options.calendar.addWorkingDays(today.subtract({ months: 12 }), 0);
  const coreGroup: CoreGroup = { id: TEMPLATE, caseReference: `CP-${TEMPLATE}`, childName: `Invented Child ${TEMPLATE}`, tenantId: NATIONAL_TENANT_ID, policyId: 'england', icpcDate, createdAt: options.clock.nowIso() };
  const members: CoreGroupMember[] = Array.from({ length: MEMBERS }, (_, seat) => ({
    id: `${TEMPLATE}-m${seat}`,
    displayName: `Member ${seat} of ${TEMPLATE}`,
    role: seat === 0 ? 'lead-social-worker' : seat === 1 ? 'team-manager' : seat === 7 ? 'family-member' : 'professional',
    agency: AGENCIES[seat]!,
    email: `m${seat}.${TEMPLATE}@la.example`,
    aadObjectId: seat === 7 ? undefined : `aad-${TEMPLATE}-${seat}`,
    reach: seat === 7 ? 'email-only' : 'tenant',
    active: true,
  }));
  await store.coreGroups.create(coreGroup, members);
  const plan: ChildProtectionPlan = {
    coreGroupId: TEMPLATE,
    version: 1,
    outcomes: [{ id: 'outcome-safe', text: 'The child lives in a safe, warm home' }],
    actions: Array.from({ length: 6 }, (_, index) => ({
      id: `action-${index}`,
      outcomeId: 'outcome-safe',
      what: `Action ${index + 1}`,
      ownerMemberId: members[2 + (index % 5)]!.id,
      agency: members[2 + (index % 5)]!.agency,
      due: options.calendar.addWorkingDays(today, 5 + index * 3),
      agreedOn: icpcDate,
      progressMeasure: 'Reported to the core group',
      state: 'in-progress',
    })),
    contingencyPlan: 'Strategy discussion if no progress',
    resources: 'Family support worker',
    monitoring: 'The core group reviews progress every four weeks',
  };
  await store.plans.saveRevision({ plan, authorMemberId: members[0]!.id, reason: 'Plan agreed at the ICPC', changes: [] }, options.clock.nowIso());
  for (let month = 0; month < 12; month++) {
    const date = options.calendar.addWorkingDays(icpcDate.add({ months: month }), 5);
    const meetingId = `${TEMPLATE}-meeting-${month}`;
    await store.meetings.create({ id: meetingId, coreGroupId: TEMPLATE, date, status: 'held', chairMemberId: members[0]!.id, minuteTakerMemberId: members[2]!.id, booking: { organiser: `m0.${TEMPLATE}@la.example`, eventId: `${TEMPLATE}-event-${month}`, chatId: `19:meeting_${TEMPLATE}-${month}@thread.v2` } });
    const draft = openingDraft({ id: `${TEMPLATE}-minutes-${month}`, meeting: { id: meetingId, coreGroupId: TEMPLATE }, members });
    await store.minutes.createDraft(draft, members[0]!.id, options.clock.nowIso());
    const byChair = { ...signMinutes(draft, { as: 'chair', memberId: members[0]!.id, at: options.clock.nowIso() }), version: 2 };
    await store.minutes.save(byChair, { expectedVersion: 1, savedBy: members[0]!.id, at: options.clock.nowIso() });
    const signed = { ...signMinutes(byChair, { as: 'team-manager', memberId: members[1]!.id, at: options.clock.nowIso() }), version: 3 };
    await store.minutes.save(signed, { expectedVersion: 2, savedBy: members[1]!.id, at: options.clock.nowIso() });
    for (const kind of ['minutes', 'plan'] as const) await store.meetings.recordCirculation({ meetingId, kind, on: options.calendar.addWorkingDays(date, 2) });
    for (const [index, action] of plan.actions.entries()) {
      await store.checkIns.record({ id: `${TEMPLATE}-check-in-${month}-${index}`, coreGroupId: TEMPLATE, actionId: action.id, memberId: action.ownerMemberId, status: 'on-track', note: 'Going as planned', recordedAt: `${options.calendar.addWorkingDays(date, 3).toString()}T10:00:00.000Z` }, `${TEMPLATE}-check-in-${month}-${index}`);
    }
  }
  await store.meetings.create({ id: `${TEMPLATE}-meeting-next`, coreGroupId: TEMPLATE, date: options.calendar.addWorkingDays(today, 8), status: 'scheduled' });
  await store.meetings.recordReviewConference({ id: `${TEMPLATE}-review-1`, coreGroupId: TEMPLATE, date: options.calendar.addWorkingDays(icpcDate.add({ months: 3 }), 0), status: 'held' });
  await store.meetings.recordReviewConference({ id: `${TEMPLATE}-review-2`, coreGroupId: TEMPLATE, date: options.calendar.addWorkingDays(today, 30), status: 'scheduled' });
  for (const index of [1, 2]) {
    await store.concerns.raise({ id: `${TEMPLATE}-concern-${index}`, coreGroupId: TEMPLATE, kind: 'increased-risk', raisedByMemberId: members[3]!.id, step: 0, status: 'resolved', raisedAt: options.clock.nowIso(), stepStartedAt: options.clock.nowIso(), note: 'Resolved at the next meeting' }, `${TEMPLATE}-concern-${index}`);
  }
}

/**
 * Copies the template case into cases `from`..`to` (numbered ids `g<n>`), table by table, in one
 * INSERT … SELECT each: the template's rows with its marker replaced in every text column (ids,
 * references, the JSON of plans and minutes). Triggers are off while copying (the case revision
 * triggers would update each case once per row); the revisions start at 0, as for any new case.
 */
async function copyTemplate(db: Kysely<Database>, from: number, to: number): Promise<void> {
  await db.connection().execute(async (connection) => {
    await sql`set session_replication_role = replica`.execute(connection);
    try {
      for (const table of CASE_TABLES) {
        const { rows: columns } = await sql<{ name: string; type: string }>`select column_name as name, data_type as type from information_schema.columns where table_schema = current_schema() and table_name = ${table} order by ordinal_position`.execute(connection);
        const names = sql.join(columns.map((column) => sql.id(column.name)));
        const values = sql.join(columns.map((column) => (column.type === 'text' ? sql`replace(t.${sql.id(column.name)}, ${TEMPLATE}, 'g' || n)` : sql`t.${sql.id(column.name)}`)));
        await sql`insert into ${sql.table(table)} (${names}) select ${values} from ${sql.table(table)} t, generate_series(${from}::int, ${to}::int) n where row_to_json(t)::text like ${`%${TEMPLATE}%`}`.execute(connection);
      }
      // A lead social worker leads 20 cases, as in practice: case n's lead is leadObjectId(⌊(n − 1) / 20⌋).
      await sql`update members set aad_object_id = 'aad-lead-' || ((substr(core_group_id, 2)::int - 1) / ${CASES_PER_LEAD}::int)
        where role = 'lead-social-worker' and core_group_id in (select 'g' || n from generate_series(${from}::int, ${to}::int) n)`.execute(connection);
    } finally {
      await sql`set session_replication_role = origin`.execute(connection);
    }
  });
  await sql`analyze`.execute(db);
}

/**
 * A national-scale dataset on PostgreSQL: the template case written by the product, then copied
 * into `groups` cases (about 8 members each, a year of meetings with signed minutes, check-ins,
 * review conferences and concerns), each lead social worker leading 20 of them. `grow` adds more copies to an existing dataset.
 */
export async function generateNationalDataset(db: Kysely<Database>, options: { groups: number; clock: Clock; calendar: WorkingDays }) {
  await seedTemplate(db, options);
  await copyTemplate(db, 1, options.groups);
  let size = options.groups;
  return {
    /** Grows the dataset to `groups` cases. */
    async grow(groups: number): Promise<void> {
      await copyTemplate(db, size + 1, groups);
      size = groups;
    },
    /** The id of case number `n` (1-based). */
    idOf: (n: number) => `g${n}`,
  };
}
