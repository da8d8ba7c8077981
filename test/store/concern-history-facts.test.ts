import { sql } from 'kysely';
import { migrateToLatest, migrateUpTo } from '../../src/store/migrate';
import { factsOfStoredDetail } from '../../src/store/migrations/0030-concern-history-facts';
import { createStore } from '../../src/store/store';
import { ENGINES, type TestDatabase, freshDatabase } from '../support/databases';

/** The last migration before a concern's history kept facts (0030): the old rows go in at this schema. */
const BEFORE_THE_FACTS = '0029-document-languages';

describe('a concern history entry kept in English before its facts were (migration 0030)', () => {
  test.each([
    ['told', 'queued', { notice: { outcome: 'queued' } }],
    ['told', 'sent by Teams', { notice: { outcome: 'sent', channel: 'teams' } }],
    ['told', 'sent by e-mail', { notice: { outcome: 'sent', channel: 'email' } }],
    ['told', 'failed: no Teams chat and no e-mail address', { notice: { outcome: 'failed', reason: 'no Teams chat and no e-mail address' } }],
    ['told', 'failed: no reason given', { notice: { outcome: 'failed' } }],
    ['told', 'queued: Teams did not take it (attempt 2: Graph (503) busy), trying again', { notice: { outcome: 'retrying', channel: 'teams', reason: 'attempt 2: Graph (503) busy' } }],
    ['told', 'queued: e-mail did not take it (no reason given), trying again', { notice: { outcome: 'retrying', channel: 'email' } }],
    ['climbed', 'not resolved within 1 working day', { workingDays: 1 }],
    ['climbed', 'not resolved within 10 working days', { workingDays: 10 }],
    // UK time: 14:30 in December is 14:30 UTC, in June 13:30 UTC.
    ['booked', 'for Wed 9 Dec 2026, 14:30', { bookedFor: '2026-12-09T14:30:00.000Z' }],
    ['booked', 'for Tue 16 Jun 2026, 14:30', { bookedFor: '2026-06-16T13:30:00.000Z' }],
  ])('a %s entry that said “%s” becomes its facts', (kind, detail, facts) => {
    expect(factsOfStoredDetail(kind, detail)).toEqual(facts);
  });

  test.each([
    ['told', 'sent by carrier pigeon'],
    ['climbed', 'not resolved in time'],
    ['booked', 'for next Tuesday'],
    ['raised', 'sent by Teams'],
  ])('a %s entry that said “%s” stays as it was stored', (kind, detail) => {
    expect(factsOfStoredDetail(kind, detail)).toBeUndefined();
  });
});

const postgres = ENGINES.find((engine) => engine.name === 'postgres')!;
(postgres.available ? describe : describe.skip)('migration 0030 on a PostgreSQL database holding concern histories written before it', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await freshDatabase('postgres');
    await migrateUpTo({ ...database, engine: 'postgres' }, BEFORE_THE_FACTS);
    const { db } = database;
    await sql`insert into core_groups (id, tenant_id, case_reference, child_name, policy_id, icpc_date, created_at) values ('g1', 't', 'CP-1', 'Invented Child', 'england', '2026-01-05', '2026-01-05T09:00:00Z')`.execute(db);
    await sql`insert into members (id, core_group_id, display_name, role, agency, reach, active) values ('m1', 'g1', 'Tom Okafor', 'team-manager', 'children''s social care', 'tenant', 1)`.execute(db);
    await sql`insert into concerns (id, core_group_id, kind, raised_by_member_id, step, status, idempotency_key, raised_at) values ('c1', 'g1', 'extra-meeting-request', 'm1', 0, 'resolved', 'c1', '2026-06-01T09:00:00Z')`.execute(db);
    const entries = [
      ['h1', 'told', 'sent by Teams', '2026-06-01T09:01:00Z'],
      ['h2', 'told', 'failed: the mail service refused it', '2026-06-01T09:02:00Z'],
      ['h3', 'climbed', 'not resolved within 2 working days', '2026-06-04T09:00:00Z'],
      ['h4', 'booked', 'for Tue 16 Jun 2026, 14:30', '2026-06-05T09:00:00Z'],
      ['h5', 'told', 'something else entirely', '2026-06-05T09:01:00Z'],
    ];
    for (const [id, kind, detail, at] of entries) await sql`insert into concern_history (id, concern_id, step, kind, actor_name, detail, at) values (${id}, 'c1', 0, ${kind}, 'Tom Okafor', ${detail}, ${at})`.execute(db);
    await migrateToLatest(database);
  }, 60_000);

  afterAll(() => database?.drop());

  test('every entry in a form the app wrote is its facts now; any other keeps its words as stored', async () => {
    const history = (await createStore(database).concernHistory.ofConcerns(['c1'])).get('c1')!;
    expect(history.map(({ id, notice, workingDays, bookedFor, detail }) => ({ id, notice, workingDays, bookedFor, detail }))).toEqual([
      { id: 'h1', notice: { outcome: 'sent', channel: 'teams' }, workingDays: undefined, bookedFor: undefined, detail: undefined },
      { id: 'h2', notice: { outcome: 'failed', reason: 'the mail service refused it' }, workingDays: undefined, bookedFor: undefined, detail: undefined },
      { id: 'h3', notice: undefined, workingDays: 2, bookedFor: undefined, detail: undefined },
      { id: 'h4', notice: undefined, workingDays: undefined, bookedFor: '2026-06-16T13:30:00.000Z', detail: undefined },
      { id: 'h5', notice: undefined, workingDays: undefined, bookedFor: undefined, detail: 'something else entirely' },
    ]);
  });
});
