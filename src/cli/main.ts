import { systemClock } from '../adapters/system-clock';
import { type Config, loadConfig } from '../config/config';
import { loadWorkingDayCalendars } from '../holidays/working-day-calendars';
import { loadPolicyCatalogue } from '../policies/policy-catalogue';
import type { Clock } from '../services/ports/clock.port';
import { areaContactsCommand } from './area-contacts.command';
import { auditCommand } from './audit.command';
import { backupCommands } from './backup.command';
import type { CliCommand, CliIo } from './cli-io';
import { migrateCommand, seedDemoCommand } from './database.command';
import { deadlinesCommand } from './deadlines.command';
import { holidaysCommand } from './holidays.command';
import { welshReviewCommand } from './welsh-review.command';
import { obligationsCommand } from './obligations.command';
import { policiesCommand } from './policies.command';
import { runCli } from './run-cli';
import { workingDaysCommand } from './working-days.command';

/**
 * Loads local mode's demo seed (`src/local`) only when `seed-demo` runs: the CLI is its own
 * composition root, and like `src/main.ts` loads that folder lazily (see `loadLocalMode` there).
 */
function loadLocalMode(): typeof import('../local/local-mode') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy on purpose: see src/main.ts
  return require('../local/local-mode') as typeof import('../local/local-mode');
}

/** Builds the CLI's commands from the environment; each dependency is made on first use only. */
export function cliCommands(env: Readonly<Record<string, string | undefined>>, clock: Clock = systemClock): Record<string, CliCommand> {
  const once = <T>(make: () => T) => {
    let made: { value: T } | undefined;
    return () => (made ??= { value: make() }).value;
  };
  const config = once((): Config => loadConfig(env));
  const calendars = once(() => loadWorkingDayCalendars({ govUkFile: config().bankHolidaysFile }));
  const catalogue = once(() => loadPolicyCatalogue({ extraDir: config().extraPoliciesDir }));
  return {
    migrate: migrateCommand(config),
    'seed-demo': seedDemoCommand({ config, seed: (store) => loadLocalMode().seedDemoCaseload({ ...store, clock, calendar: calendars()['england-and-wales'] }) }),
    policies: policiesCommand(catalogue),
    'working-days': workingDaysCommand(calendars),
    deadlines: deadlinesCommand({ catalogue, calendars }),
    obligations: obligationsCommand({ catalogue, calendars }),
    holidays: holidaysCommand(calendars),
    audit: auditCommand(config),
    'area-contacts': areaContactsCommand({ config, catalogue, clock }),
    'welsh-review': welshReviewCommand(),
    ...backupCommands(config),
  };
}

/** The process edge of `npx coregroup`: real streams, the real environment and today in London. */
export async function main(argv: readonly string[]): Promise<number> {
  // `coregroup policies | head` closes the pipe early: that is the reader's choice, not a failure.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  const io: CliIo = {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    env: process.env,
  };
  return runCli({ args: argv, io, commands: cliCommands(io.env) });
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`coregroup: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
