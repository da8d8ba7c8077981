import { type Store, createStore } from '../../src/store/store';
import { ENGINES, type TestDatabase, migratedDatabase } from '../support/databases';

export type EngineName = (typeof ENGINES)[number]['name'];

/**
 * Declares one suite per storage engine, so every behaviour is checked on SQLite and PostgreSQL
 * alike. An engine this run cannot reach is reported as skipped (global setup fails the run
 * instead when REQUIRE_POSTGRES=1).
 */
export function describeEachEngine(title: string, body: (engine: EngineName) => void): void {
  for (const { name, available } of ENGINES) {
    const suite = available ? describe : describe.skip;
    suite(`${title} on ${name}`, () => body(name));
  }
}

/** A freshly migrated database and a store over it for the tests of one suite, dropped afterwards. */
export function useMigratedStore(engine: EngineName): { readonly database: TestDatabase; readonly store: Store } {
  const context = {} as { database: TestDatabase; store: Store };
  beforeAll(async () => {
    context.database = await migratedDatabase(engine);
    context.store = createStore(context.database);
  });
  afterAll(() => context.database?.drop());
  return context;
}
