import { createBotAdapter } from '../bot/bot-adapter';
import { createTeamsNotifier } from '../bot/teams-notifier';
import { systemClock } from '../src/adapters/system-clock';
import { loadWorkingDayCalendars } from '../src/holidays/working-day-calendars';
import { MESSAGE_JOB_CONCURRENCY, createJobRunner } from '../src/jobs/job-runner';
import { messageJobHandlers } from '../src/jobs/job-handlers';
import { recipientOfJob } from '../src/jobs/job-recipient';
import { loadPolicyCatalogue } from '../src/policies/policy-catalogue';
import { createCaseStatusService } from '../src/services/case-status.service';
import { createConversations } from '../src/services/conversations.service';
import { createCheckInNotices } from '../src/services/notifications/check-in-notices.service';
import { openDatabase } from '../src/store/database';
import { createSharedRateLimiter } from '../src/store/shared-rate-limiter';
import { createStore } from '../src/store/store';

/**
 * One app instance's job runner on a shared PostgreSQL database, as a process of its own, for the
 * scale-out fan-out benchmark and the multi-instance test: the product's runner, check-in notices,
 * notifier and the rate limiter shared through PostgreSQL, sending to the connector stand-in the
 * stored conversation references name. Argument 1: the database URL; 2: the job lease (ms).
 * Prints `READY <name>` once running; stops its runner cleanly on SIGTERM.
 */
async function main(url: string, leaseMs: number): Promise<void> {
  const database = openDatabase({ url });
  const store = createStore(database);
  const clock = systemClock;
  const calendars = loadWorkingDayCalendars();
  const policies = loadPolicyCatalogue();
  const deps = { ...store, clock, calendars, policy: (id: string) => policies.get(id) };
  const adapter = createBotAdapter({ appId: '', log: () => undefined });
  const conversations = createConversations({ references: store.conversationReferences, clock });
  const notifier = createTeamsNotifier({ adapter, appId: '', teamsAppId: '', conversations, limiter: createSharedRateLimiter(database.db) });
  const name = `instance-${process.pid}`;
  const runner = createJobRunner({
    queue: store.jobs,
    handlers: messageJobHandlers({ checkIns: createCheckInNotices({ ...store, mailer: { sendMail: async () => undefined }, clock, status: createCaseStatusService({ ...deps, calendar: { occurrences: async () => [] } }), coreGroups: store.coreGroups, checkIns: store.checkIns, notifier }) }),
    workerId: name,
    clock,
    leaseMs,
    concurrency: MESSAGE_JOB_CONCURRENCY,
    groupOf: recipientOfJob,
    onError: (details) => process.stderr.write(`job attempt failed: ${JSON.stringify(details)}\n`),
  });
  runner.start();
  process.once('SIGTERM', () => {
    void runner.stop().then(() => database.close()).then(() => process.exit(0));
  });
  process.stdout.write(`READY ${name}\n`);
}

void main(process.argv[2]!, Number(process.argv[3] ?? 30_000));
