import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { SecondSqliteInstanceError, claimSqliteFile, instanceLeases, shardOf } from '../../src/jobs/instance-leases';
import { createLeases } from '../../src/store/lease.repository';
import { createSharedRateLimiter } from '../../src/store/shared-rate-limiter';
import { ENGINES, type TestDatabase, migratedDatabase } from '../support/databases';

test('a case’s shard is the same everywhere and the shards share the cases evenly', () => {
  const ids = Array.from({ length: 1600 }, () => randomUUID());
  expect(ids.map((id) => shardOf(id, 16))).toEqual(ids.map((id) => shardOf(id, 16)));
  const sizes = Array.from({ length: 16 }, (_, shard) => ids.filter((id) => shardOf(id, 16) === shard).length);
  expect(Math.min(...sizes)).toBeGreaterThan(50);
  expect(Math.max(...sizes)).toBeLessThan(150);
});

describe.each(ENGINES.filter((engine) => engine.available))('leases on work meant for one instance, on $name', ({ name }) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await migratedDatabase(name);
  });
  afterAll(() => database.drop());

  test('one holder at a time: taken, refused to another, renewed by its holder, free once expired or released', async () => {
    const leases = createLeases(database.db);
    expect(await leases.take('hourly-review', 'a', { now: 1_000, forMs: 500 })).toBe(true);
    expect(await leases.take('hourly-review', 'b', { now: 1_200, forMs: 500 })).toBe(false);
    expect(await leases.holderOf('hourly-review', 1_200)).toEqual({ holder: 'a', untilMs: 1_500 });
    expect(await leases.take('hourly-review', 'a', { now: 1_400, forMs: 500 })).toBe(true);
    expect(await leases.take('hourly-review', 'b', { now: 1_800, forMs: 500 })).toBe(false);
    expect(await leases.take('hourly-review', 'b', { now: 1_900, forMs: 500 })).toBe(true);
    await leases.release('hourly-review', 'a');
    expect(await leases.holderOf('hourly-review', 2_000)).toEqual({ holder: 'b', untilMs: 2_400 });
    await leases.release('hourly-review', 'b');
    expect(await leases.holderOf('hourly-review', 2_000)).toBeUndefined();
  });

  test('of several instances asking at once, exactly one takes the lease', async () => {
    const others = Array.from({ length: 4 }, () => database.reopen());
    try {
      const taken = await Promise.all(others.map((other, index) => createLeases(other.db).take('race', `instance-${index}`, { now: 10_000, forMs: 60_000 })));
      expect(taken.filter(Boolean)).toHaveLength(1);
    } finally {
      for (const other of others) await other.close();
    }
  });

  test('periodic work runs in the instance holding its lease on PostgreSQL, and always on SQLite (one instance)', async () => {
    const leases = createLeases(database.db);
    const ran: string[] = [];
    const first = instanceLeases({ leases, engine: name, instanceId: 'first', now: () => 50_000 });
    const second = instanceLeases({ leases, engine: name, instanceId: 'second', now: () => 50_000 });
    expect(await first.once('review', 3_600_000, async () => void ran.push('first'))).toBe(true);
    expect(await second.once('review', 3_600_000, async () => void ran.push('second'))).toBe(name === 'sqlite');
    await first.releaseAll();
    expect(await second.once('review', 3_600_000, async () => void ran.push('second again'))).toBe(true);
    expect(ran).toEqual(name === 'sqlite' ? ['first', 'second', 'second again'] : ['first', 'second again']);
  });

  test('work split in shards is shared by instances taking their turn together: on PostgreSQL each shard runs once a period, in one of them; on SQLite one instance runs it all', async () => {
    const leases = createLeases(database.db);
    const hour = 3_600_000;
    const ran: [string, number][] = [];
    const slowly = (who: string) => async (shard: number) => {
      ran.push([who, shard]);
      await new Promise((resolve) => setTimeout(resolve, 15));
    };
    const [first, second] = ['first', 'second'].map((instanceId) => instanceLeases({ leases, engine: name, instanceId, now: () => 7 * hour + 1_000 }));
    const [byFirst, bySecond] = await Promise.all([first!.spread('sharded', 8, hour, slowly('first')), second!.spread('sharded', 8, hour, slowly('second'))]);
    if (name === 'postgres') {
      expect([...ran.map(([, shard]) => shard)].sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
      expect(byFirst + bySecond).toBe(8);
      expect(Math.min(byFirst, bySecond)).toBeGreaterThan(0);
      // The next period, every shard is free again.
      const later = instanceLeases({ leases, engine: name, instanceId: 'later', now: () => 8 * hour + 1_000 });
      expect(await later.spread('sharded', 8, hour, async () => undefined)).toBe(8);
    } else {
      expect([byFirst, bySecond]).toEqual([8, 8]);
    }
  });

  test('a SQLite file is claimed by one live instance: a second is refused in a sentence; a dead one’s claim is taken over', async () => {
    const leases = createLeases(database.db);
    await leases.take('sqlite-instance', `${hostname()}:${process.ppid}`, { now: Date.now(), forMs: 30_000 });
    await expect(claimSqliteFile({ leases, file: 'data/core-group.db', onRenewFailed: () => undefined })).rejects.toThrow(new SecondSqliteInstanceError(`Core Group on SQLite runs as one instance, and another (process ${process.ppid} on ${hostname()}) is using data/core-group.db. Stop it first, or use PostgreSQL (DATABASE_URL) to run more than one instance.`));
    await leases.release('sqlite-instance', `${hostname()}:${process.ppid}`);
    await leases.take('sqlite-instance', `${hostname()}:2147483646`, { now: Date.now(), forMs: 30_000 });
    const release = await claimSqliteFile({ leases, file: 'data/core-group.db', onRenewFailed: () => undefined });
    expect((await leases.holderOf('sqlite-instance', Date.now()))?.holder).toBe(`${hostname()}:${process.pid}`);
    await release();
    expect(await leases.holderOf('sqlite-instance', Date.now())).toBeUndefined();
  });
});

describe.each(ENGINES.filter((engine) => engine.available && engine.name === 'postgres'))('Teams’ rate limits shared by instances on $name', ({ name }) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await migratedDatabase(name);
  });
  afterAll(() => database.drop());

  test('two instances sending to one tenant at once stay under its limit together: never more than 3 in any 300 ms, every send counted once', async () => {
    const other = database.reopen();
    try {
      const window = [{ limit: 3, windowMs: 300 }];
      const limiters = [createSharedRateLimiter(database.db), createSharedRateLimiter(other.db)];
      const started = Date.now();
      await Promise.all(Array.from({ length: 12 }, async (_, index) => (await limiters[index % 2]!.acquire([{ key: 'tenant:t', windows: window }, { key: `thread:${index % 4}`, windows: [{ limit: 100, windowMs: 60_000 }] }])).answered()));
      // Each key keeps rows for its own longest window: the tenant's are gone, the threads' (a minute) say when each send counted.
      const rows = await database.db.selectFrom('rate_sends').select('at').where('key', 'like', 'thread:%').orderBy('at').execute();
      const times = rows.map((row) => Number(row.at));
      expect(times).toHaveLength(12);
      for (let index = 3; index < times.length; index++) expect(times[index]! - times[index - 3]!).toBeGreaterThanOrEqual(300);
      expect(Date.now() - started).toBeGreaterThanOrEqual(900);
      expect(await database.db.selectFrom('rate_sends').select('key').where('key', '=', 'tenant:t').execute()).toHaveLength(3);
    } finally {
      await other.close();
    }
  });

  test('a send one instance has not yet seen answered keeps its room from the other, however late; answered, it lets go a window after', async () => {
    const other = database.reopen();
    try {
      const one = [{ key: 'tenant:late', windows: [{ limit: 1, windowMs: 1_000 }] }];
      const held = await createSharedRateLimiter(database.db).acquire(one);
      let given = 0;
      const waiting = createSharedRateLimiter(other.db)
        .acquire(one)
        .then(async (slot) => {
          given = Date.now();
          await slot.answered();
        });
      await new Promise((resolve) => setTimeout(resolve, 1_200));
      expect(given).toBe(0);
      const answeredAt = Date.now();
      await held.answered();
      await waiting;
      // A 1,200 ms round trip: the send reached Teams by 580 ms before its answer, so its window ends 420 ms after it.
      expect(given - answeredAt).toBeGreaterThanOrEqual(380);
      expect(given - answeredAt).toBeLessThan(1_000);
    } finally {
      await other.close();
    }
  });
});
