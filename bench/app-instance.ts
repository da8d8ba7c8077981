import { loadConfig } from '../src/config/config';
import { startService } from '../src/main';
import { createLogger } from '../src/server/logger';

/**
 * One instance of the whole app (`startService`, as `npm start` composes it: bot endpoint, tab
 * APIs, job runner, hourly review under its leases, Teams' limits shared through PostgreSQL) in a
 * process of its own, for the multi-instance test: local mode on loopback, on an ephemeral port,
 * on the shared PostgreSQL database (argument 1), its jobs held under a lease of argument 2 ms,
 * accepting activities from the tenants in argument 3 (comma-separated). The database must hold
 * the demo caseload already (local mode would seed it, and several instances seeding at once would
 * race). Prints `READY <url>` once listening.
 */
async function main(url: string, leaseMs: string, tenants: string): Promise<void> {
  const service = await startService(
    loadConfig({ PORT: '0', GRAPH_SIMULATOR_PORT: '0', LOG_LEVEL: 'silent', PLAYGROUND: 'off', DATABASE_URL: url, JOB_LEASE_MS: leaseMs, ALLOWED_TENANT_IDS: tenants }),
    createLogger({ level: 'silent' }),
  );
  process.stdout.write(`READY ${service.url}\n`);
}

void main(process.argv[2]!, process.argv[3] ?? '60000', process.argv[4] ?? '');
