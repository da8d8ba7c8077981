import { type CompiledQuery, Kysely, PostgresDialect, sql } from 'kysely';
import { Pool } from 'pg';
import type { Database } from '../../src/store/schema';
import { createStore } from '../../src/store/store';
import { migrateToLatest, migrateUpTo } from '../../src/store/migrate';
import { ENGINES, type TestDatabase, freshDatabase, postgresUrl } from '../support/databases';

/** Enough rows per table that PostgreSQL's planner prefers an index wherever one fits, as it will with a country's core groups. */
const GROUPS = 4_000;
/** The last migration before the hot-query indexes (0025): the data goes in at this schema. */
const BEFORE_THE_INDEXES = '0024-shared-instances';
/** Tables that grow with the caseload: a query of a hot path must never read one of them whole. */
const BIG_TABLES = ['core_groups', 'members', 'meetings', 'review_conferences', 'concerns', 'minutes', 'deliveries', 'check_ins', 'jobs', 'audit_log', 'conversation_references'];

interface PlanNode {
  readonly 'Node Type': string;
  readonly 'Relation Name'?: string;
  readonly Plans?: readonly PlanNode[];
}

/** Every table a plan reads by a sequential scan. */
function sequentialScans(node: PlanNode): string[] {
  return [...(node['Node Type'] === 'Seq Scan' && node['Relation Name'] ? [node['Relation Name']] : []), ...(node.Plans ?? []).flatMap(sequentialScans)];
}

/**
 * The hot paths' queries, as the repositories send them, explained on a PostgreSQL database
 * holding 4,000 core groups (24,000 members, 48,000 meetings, their minutes and deliveries,
 * reviews, concerns, check-ins, jobs, audit entries) with the planner's statistics gathered: none
 * reads a table that grows with the caseload from end to end.
 */
const postgres = ENGINES.find((engine) => engine.name === 'postgres' && engine.available);
(postgres ? describe : describe.skip)('the hot paths’ queries on a populated PostgreSQL database', () => {
  let database: TestDatabase;
  let logged: Kysely<Database>;
  let migratedOnTheData: string[] = [];
  const captured: CompiledQuery[] = [];

  beforeAll(async () => {
    // Filled as a database in use before this indexes, then migrated: they are built on the data.
    database = await freshDatabase('postgres');
    await migrateUpTo({ ...database, engine: 'postgres' }, BEFORE_THE_INDEXES);
    const { db } = database;
    await sql`insert into core_groups (id, tenant_id, case_reference, child_name, policy_id, icpc_date, created_at)
      select 'g' || g, 't', 'CP-' || g, 'Invented Child ' || g, 'england', '2026-01-05', '2026-01-05T09:00:00Z' from generate_series(1, ${GROUPS}) g`.execute(db);
    await sql`insert into members (id, core_group_id, display_name, role, agency, email, aad_object_id, reach, active)
      select 'm' || g || '-' || s, 'g' || g, 'Member ' || s, case when s = 1 then 'lead-social-worker' else 'professional' end, 'agency ' || s, 'm' || g || '-' || s || '@la.example',
        'aad-' || ((g * 7 + s) % ${GROUPS * 2}), 'tenant', 1
      from generate_series(1, ${GROUPS}) g, generate_series(1, 6) s`.execute(db);
    await sql`insert into meetings (id, core_group_id, date, status, chat_id, calendar_event_id)
      select 'mt' || g || '-' || n, 'g' || g, to_char(date '2026-01-12' + n * 28, 'YYYY-MM-DD'), case when n < 10 then 'held' else 'scheduled' end, '19:meeting_' || g || '-' || n || '@thread.v2', 'event-' || g || '-' || n
      from generate_series(1, ${GROUPS}) g, generate_series(1, 12) n`.execute(db);
    await sql`insert into minutes (id, meeting_id, core_group_id, version, content, updated_at) select 'mn-' || id, id, core_group_id, 3, '{}', '2026-02-01T10:00:00Z' from meetings where status = 'held'`.execute(db);
    await sql`insert into deliveries (id, minutes_id, minutes_version, member_id, channel, outcome, at)
      select 'd-' || mn.id || '-' || s, mn.id, 3, 'm' || substr(mn.core_group_id, 2) || '-' || s, 'teams', 'delivered', '2026-02-02T10:00:00Z' from minutes mn, generate_series(1, 6) s`.execute(db);
    await sql`insert into review_conferences (id, core_group_id, date, status) select 'r' || g || '-' || n, 'g' || g, to_char(date '2026-04-01' + n * 180, 'YYYY-MM-DD'), 'scheduled' from generate_series(1, ${GROUPS}) g, generate_series(1, 2) n`.execute(db);
    await sql`insert into concerns (id, core_group_id, kind, raised_by_member_id, step, status, idempotency_key, raised_at)
      select 'c' || g || '-' || n, 'g' || g, 'increased-risk', 'm' || g || '-2', 0, 'open', 'c' || g || '-' || n, '2026-03-01T10:00:00Z' from generate_series(1, ${GROUPS}) g, generate_series(1, 2) n`.execute(db);
    await sql`insert into check_ins (id, core_group_id, action_id, member_id, status, note, recorded_at, idempotency_key)
      select 'ci' || g || '-' || n, 'g' || g, 'a' || (n % 6), 'm' || g || '-2', 'on-track', 'fine', '2026-03-0' || (1 + n % 9) || 'T10:00:00Z', 'ci' || g || '-' || n from generate_series(1, ${GROUPS}) g, generate_series(1, 10) n`.execute(db);
    await sql`insert into jobs (id, kind, payload, run_at, status, attempts, max_attempts, idempotency_key, created_at)
      select 'j' || n, 'check-in-prompt', '{}', '2026-03-01T08:00:00Z', 'done', 1, 5, 'j' || n, '2026-03-01T07:00:00Z' from generate_series(1, 40000) n`.execute(db);
    await sql`insert into conversation_references (tenant_id, ref_key, reference, updated_at) select 't', 'user:aad-' || n, '{}', '2026-01-01T00:00:00Z' from generate_series(1, ${GROUPS * 2}) n`.execute(db);
    await sql`insert into audit_log (seq, at, tenant_id, actor, action, core_group_id, target_id, outcome, hash)
      select n, '2026-03-01T10:00:00Z', 't', 'aad-' || (n % 500), 'view-compliance', 'g' || (1 + n % ${GROUPS}), null, 'allowed', md5(n::text) from generate_series(1, 200000) n`.execute(db);
    migratedOnTheData = await migrateToLatest(database);
    await sql`analyze`.execute(db);
    const schema = (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]!.schema;
    logged = new Kysely<Database>({
      dialect: new PostgresDialect({ pool: new Pool({ connectionString: postgresUrl, max: 2, options: `-c search_path=${schema}` }) }),
      log: (event) => {
        if (event.level === 'query') captured.push(event.query);
      },
    });
  }, 120_000);

  afterAll(async () => {
    await logged?.destroy();
    await database?.drop();
  });

  /** The plans of what `use` sends, read back with EXPLAIN and the same parameters. */
  async function plansOf(use: (store: ReturnType<typeof createStore>) => Promise<unknown>): Promise<{ sql: string; scans: string[] }[]> {
    captured.length = 0;
    await use(createStore({ db: logged, engine: 'postgres' }));
    const queries = captured.filter((query) => /^\s*(select|update|delete)\b/i.test(query.sql));
    expect(queries.length).toBeGreaterThan(0);
    const plans = [];
    for (const query of queries) {
      const { rows } = await logged.executeQuery<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>({ ...query, sql: `explain (format json) ${query.sql}` } as CompiledQuery<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>);
      plans.push({ sql: query.sql.slice(0, 120), scans: sequentialScans(rows[0]!['QUERY PLAN'][0].Plan).filter((table) => BIG_TABLES.includes(table)) });
    }
    return plans;
  }

  const groups = ['g17', 'g2048', 'g3999'];
  const hotPaths: [string, (store: ReturnType<typeof createStore>) => Promise<unknown>][] = [
    ['a caller’s caseload (every status, dashboard, choice of case)', (store) => store.coreGroups.listCaseload('t', 'aad-123')],
    ['a caller’s memberships in full (filing, agency reports, concerns)', (store) => store.coreGroups.listMemberships('t', 'aad-123')],
    ['a group and a member by identity (every authorisation)', async (store) => [await store.coreGroups.findById('g17'), await store.coreGroups.findMember('g17', 'aad-125')]],
    ['a group’s members', (store) => store.coreGroups.members('g17')],
    ['a meeting by its Teams chat (meeting-chat activities, the minutes tab, the Outlook add-in)', (store) => store.meetings.findByChatId('19:meeting_17-3@thread.v2')],
    ['a meeting by its calendar event (Graph notifications)', (store) => store.meetings.findByCalendarEvent('event-17-3')],
    ['a caseload’s timelines and meetings', async (store) => [await store.meetings.listByCoreGroups(groups), await store.meetings.loadCaseTimeline('g17')]],
    ['a group’s review conferences', (store) => store.meetings.reviewConferences('g17')],
    // The generated minutes hold no real content: what matters here is the query, sent before their rows are read.
    ['minutes and their deliveries', async (store) => [await store.minutes.findByMeeting('mt17-3').catch(() => undefined), await store.minutes.deliveries('mn-mt17-3')]],
    ['a caseload’s concerns and check-ins', async (store) => [await store.concerns.listByCoreGroups(groups), await store.checkIns.listByCoreGroups(groups)]],
    ['claiming due jobs', (store) => store.jobs.claim({ workerId: 'w', now: '2026-03-01T09:00:00Z', leaseMs: 60_000, limit: 10 })],
    ['a person’s conversation reference (every card sent)', (store) => store.conversationReferences.find('t', 'user:aad-42')],
    ['a group’s audit entries', (store) => store.auditLog.listByCoreGroup('g17', { limit: 50 })],
  ];

  test.each(hotPaths)('%s: no sequential scan of a table that grows with the caseload', async (_name, use) => {
    const plans = await plansOf(use);
    expect(plans.filter((plan) => plan.scans.length > 0)).toEqual([]);
  });

  test('the indexes were built by their migration on a database already holding the data', () => {
    expect(migratedOnTheData.slice(0, 2)).toEqual(['0025-hot-query-indexes', '0026-rate-send-answers']);
  });

  test('the data is what the plans were judged on', async () => {
    const { rows } = await sql<{ meetings: string }>`select count(*) as meetings from meetings`.execute(database.db);
    expect(Number(rows[0]!.meetings)).toBe(GROUPS * 12);
  });
});
