import { systemClock } from '../src/adapters/system-clock';
import { loadWorkingDayCalendars } from '../src/holidays/working-day-calendars';
import { loadPolicyCatalogue } from '../src/policies/policy-catalogue';
import { createReportRequestPlanner } from '../src/services/agency-reports/report-requests.service';
import { createCheckInPromptPlanner } from '../src/services/check-in-prompts.service';
import { createConcernClimb } from '../src/services/concerns/concern-climb.service';
import { createSignalWatch } from '../src/services/signal-watch.service';
import { openDatabase } from '../src/store/database';
import { migrateToLatest } from '../src/store/migrate';
import { createStore } from '../src/store/store';
import { type BenchResult, freshPostgresDatabase } from './harness';
import { generateNationalDataset } from './national-dataset';
import { USERS, dashboardP95, statusP95 } from './national-users';

const SMALL = Number(process.env.SCALE_SMALL ?? 6_000);
/** About 58,000 children are on protection plans across the UK at any time. */
const NATIONAL = Number(process.env.SCALE_GROUPS ?? 60_000);
/** Cases the hourly work is timed on, the same ones at each size, spread over the dataset's first part. */
const SAMPLE = 300;
const MAX_RATIO = 1.3;
const STATUS_P95_MS = 150;
const DASHBOARD_P95_MS = 100;

/**
 * The hourly review's work (check-in prompt planning, report requests, drift and attendance watch,
 * concern climbs) timed per case on the same sample of cases in a national-scale PostgreSQL
 * dataset of 6,000 and then 60,000 core groups: no query may cost more because the tables hold
 * more, so the time per case must stay flat.
 */
export async function scaleBenchmark(): Promise<BenchResult> {
  const fresh = await freshPostgresDatabase('bench_scale');
  const database = openDatabase({ url: fresh.url });
  try {
    await migrateToLatest(database);
    const calendars = loadWorkingDayCalendars();
    const generating = performance.now();
    const dataset = await generateNationalDataset(database.db, { groups: SMALL, clock: systemClock, calendar: calendars['england-and-wales'] });
    const smallSeconds = (performance.now() - generating) / 1000;
    const store = createStore(database);
    const policies = loadPolicyCatalogue();
    const deps = { ...store, clock: systemClock, calendars, policy: (id: string) => policies.get(id) };
    const prompts = createCheckInPromptPlanner(deps);
    const reports = createReportRequestPlanner(deps);
    const watch = createSignalWatch(deps);
    const climb = createConcernClimb(deps);
    const sample = Array.from({ length: SAMPLE }, (_, index) => dataset.idOf(1 + Math.floor((index * SMALL) / SAMPLE)));
    const perCase = async () => {
      const started = performance.now();
      for (const id of sample) {
        await prompts.planFor(id);
        await reports.planFor(id);
        await watch.watch(id);
        await climb.climb(id);
      }
      return (performance.now() - started) / SAMPLE;
    };
    await perCase();
    const atSmall = await perCase();
    const usersAtSmall = { status: await statusP95(database.db, fresh.url), dashboard: await dashboardP95(fresh.url) };
    const growing = performance.now();
    await dataset.grow(NATIONAL);
    const growSeconds = (performance.now() - growing) / 1000;
    await perCase();
    const atNational = await perCase();
    const usersAtNational = { status: await statusP95(database.db, fresh.url), dashboard: await dashboardP95(fresh.url) };
    return {
      title: `National scale: the hourly review per case (the same ${SAMPLE} cases), and ${USERS} lead social workers (20 cases each) using /coregroup status and the dashboard API at once, in PostgreSQL datasets of ${SMALL.toLocaleString('en-GB')} and ${NATIONAL.toLocaleString('en-GB')} core groups (8 members, a year of meetings with signed minutes, check-ins, reviews and concerns each)`,
      figures: [
        { name: `dataset of ${SMALL.toLocaleString('en-GB')} core groups generated in`, value: smallSeconds, unit: 's' },
        { name: `grown to ${NATIONAL.toLocaleString('en-GB')} in`, value: growSeconds, unit: 's' },
        { name: `hourly review per case at ${SMALL.toLocaleString('en-GB')} (baseline)`, value: atSmall, unit: 'ms' },
        { name: `hourly review per case at ${NATIONAL.toLocaleString('en-GB')}`, value: atNational, unit: 'ms' },
        { name: 'ratio', value: atNational / atSmall, unit: '×' },
        { name: `the whole review of ${NATIONAL.toLocaleString('en-GB')} cases, at that rate`, value: (atNational * NATIONAL) / 60_000, unit: 'min' },
        { name: `${USERS} users: /coregroup status p95 at ${SMALL.toLocaleString('en-GB')} (baseline)`, value: usersAtSmall.status.p95, unit: 'ms' },
        { name: `${USERS} users: /coregroup status p95 at ${NATIONAL.toLocaleString('en-GB')}`, value: usersAtNational.status.p95, unit: 'ms' },
        { name: `  answered a second at ${NATIONAL.toLocaleString('en-GB')}`, value: usersAtNational.status.perSecond, unit: '/s' },
        { name: '/coregroup status ratio', value: usersAtNational.status.p95 / usersAtSmall.status.p95, unit: '×' },
        { name: `${USERS} users: dashboard API p95 at ${SMALL.toLocaleString('en-GB')} (baseline)`, value: usersAtSmall.dashboard.p95, unit: 'ms' },
        { name: `${USERS} users: dashboard API p95 at ${NATIONAL.toLocaleString('en-GB')}`, value: usersAtNational.dashboard.p95, unit: 'ms' },
        { name: `  answered a second at ${NATIONAL.toLocaleString('en-GB')}`, value: usersAtNational.dashboard.perSecond, unit: '/s' },
        { name: 'dashboard API ratio', value: usersAtNational.dashboard.p95 / usersAtSmall.dashboard.p95, unit: '×' },
      ],
      targets: [
        { description: `time per case flat: ratio ≤ ${MAX_RATIO}`, met: atNational / atSmall <= MAX_RATIO },
        { description: `/coregroup status p95 ≤ ${STATUS_P95_MS} ms at ${NATIONAL.toLocaleString('en-GB')}`, met: usersAtNational.status.p95 <= STATUS_P95_MS },
        { description: `dashboard API p95 ≤ ${DASHBOARD_P95_MS} ms at ${NATIONAL.toLocaleString('en-GB')}`, met: usersAtNational.dashboard.p95 <= DASHBOARD_P95_MS },
      ],
    };
  } finally {
    await database.close();
    await fresh.drop();
  }
}
