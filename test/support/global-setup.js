/**
 * Before any test: is PostgreSQL reachable? If so the storage suite runs against it too (in a
 * fresh schema per file). If not, those tests are skipped — unless REQUIRE_POSTGRES=1 (CI), when
 * the whole run fails here instead.
 */
const { Client } = require('pg');

module.exports = async function globalSetup() {
  const url = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    process.env.POSTGRES_TEST_URL = url;
  } catch (error) {
    if (process.env.REQUIRE_POSTGRES === '1') {
      throw new Error(`REQUIRE_POSTGRES=1 but PostgreSQL at ${url} is unreachable: ${error.message}`, { cause: error });
    }
    process.stderr.write(`PostgreSQL at ${url} is unreachable (${error.message}); its storage tests will be skipped\n`);
  } finally {
    await client.end().catch(() => undefined);
  }
};
