import { type Kysely, sql } from 'kysely';
import { GENESIS_HASH, auditChainHash } from '../audit-chain';
import type { Engine } from '../database';

/** How many existing entries are read and chained per round trip: 3 parameters each. */
const PAGE = 500;

interface ChainEnd {
  readonly seq: number;
  readonly hash: string;
}

/**
 * The tamper-evident audit log: each entry gets a sequence number and a hash chained to the
 * entry before it (`audit-chain.ts`), and one row, `audit_chain_head`, records where the chain
 * ends. Entries already there are chained in the order they were written (by id), so the chain
 * verifies on an upgraded database. From here on the database refuses an entry without `seq` and
 * `hash`, a second entry with the same `seq`, TRUNCATE (PostgreSQL), and moving the chain head
 * backwards or deleting it.
 */
export function auditChainSchema(engine: Engine) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('audit_log').addColumn('seq', 'bigint').execute();
      await db.schema.alterTable('audit_log').addColumn('hash', 'text').execute();
      const end = await withUpdatesAllowed(db, engine, () => chainExistingEntries(db));
      await db.schema.createIndex('audit_log_by_seq').unique().on('audit_log').column('seq').execute();
      await refuseUnchainedEntries(db, engine);

      await db.schema
        .createTable('audit_chain_head')
        .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
        .addColumn('seq', 'bigint', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .execute();
      await sql`INSERT INTO audit_chain_head (id, seq, hash) VALUES (1, ${end.seq}, ${end.hash})`.execute(db);
      await headOnlyMovesForward(db, engine);
    },
  };
}

/** Gives every existing entry its `seq` and `hash`, page by page in id order; returns the chain's end. */
async function chainExistingEntries(db: Kysely<unknown>): Promise<ChainEnd> {
  let end: ChainEnd = { seq: 0, hash: GENESIS_HASH };
  let afterId: number | string = 0;
  for (;;) {
    const { rows } = await sql<{ id: number | string; at: string; tenant_id: string; actor: string; action: string; core_group_id: string | null; target_id: string | null; outcome: string }>`
      SELECT id, at, tenant_id, actor, action, core_group_id, target_id, outcome FROM audit_log WHERE id > ${afterId} ORDER BY id LIMIT ${PAGE}`.execute(db);
    if (rows.length === 0) return end;
    const chained = rows.map((row) => {
      const seq = end.seq + 1;
      end = { seq, hash: auditChainHash({ ...row, seq }, end.hash) };
      return sql`(CAST(${row.id} AS bigint), CAST(${seq} AS bigint), ${end.hash})`;
    });
    // UPDATE … FROM a list of values: PostgreSQL, and SQLite since 3.33.
    await sql`WITH chained (id, seq, hash) AS (VALUES ${sql.join(chained)})
      UPDATE audit_log SET seq = chained.seq, hash = chained.hash FROM chained WHERE audit_log.id = chained.id`.execute(db);
    afterId = rows.at(-1)!.id;
  }
}

/** Runs `change` with the append-only trigger on UPDATE out of the way, inside the migration's transaction. */
async function withUpdatesAllowed<T>(db: Kysely<unknown>, engine: Engine, change: () => Promise<T>): Promise<T> {
  if (engine === 'postgres') {
    await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`.execute(db);
    const result = await change();
    await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`.execute(db);
    return result;
  }
  // SQLite cannot disable a trigger: drop it and make it again as migration 0001 made it.
  await sql`DROP TRIGGER audit_log_no_update`.execute(db);
  const result = await change();
  await sql`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(db);
  return result;
}

/** An entry written without its place in the chain (an app from before this migration, or by hand) is refused; so is emptying the log at one stroke. */
async function refuseUnchainedEntries(db: Kysely<unknown>, engine: Engine): Promise<void> {
  if (engine === 'postgres') {
    await sql`ALTER TABLE audit_log ALTER COLUMN seq SET NOT NULL, ALTER COLUMN hash SET NOT NULL`.execute(db);
    // Row triggers do not see TRUNCATE: refuse it too, with migration 0001's function.
    await sql`CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`.execute(db);
    return;
  }
  // SQLite cannot add NOT NULL to an existing column.
  await sql`CREATE TRIGGER audit_log_chained BEFORE INSERT ON audit_log WHEN NEW.seq IS NULL OR NEW.hash IS NULL
    BEGIN SELECT RAISE(ABORT, 'audit_log entries need seq and hash'); END`.execute(db);
}

/** The chain head may be updated to a later entry, never rewound nor deleted. */
async function headOnlyMovesForward(db: Kysely<unknown>, engine: Engine): Promise<void> {
  if (engine === 'postgres') {
    await sql`CREATE FUNCTION audit_chain_head_forward_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' OR NEW.seq < OLD.seq OR NEW.id <> OLD.id THEN RAISE EXCEPTION 'audit_chain_head only moves forward'; END IF;
        RETURN NEW;
      END $$`.execute(db);
    await sql`CREATE TRIGGER audit_chain_head_forward_only BEFORE UPDATE OR DELETE ON audit_chain_head
      FOR EACH ROW EXECUTE FUNCTION audit_chain_head_forward_only()`.execute(db);
    return;
  }
  await sql`CREATE TRIGGER audit_chain_head_no_rewind BEFORE UPDATE ON audit_chain_head WHEN NEW.seq < OLD.seq OR NEW.id <> OLD.id
    BEGIN SELECT RAISE(ABORT, 'audit_chain_head only moves forward'); END`.execute(db);
  await sql`CREATE TRIGGER audit_chain_head_no_delete BEFORE DELETE ON audit_chain_head
    BEGIN SELECT RAISE(ABORT, 'audit_chain_head only moves forward'); END`.execute(db);
}
