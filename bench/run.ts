import { botBenchmark } from './bot.bench';
import { autosaveBenchmark } from './autosave.bench';
import { backupBenchmark } from './backup.bench';
import { tabBenchmark } from './tab.bench';
import { fanoutBenchmark, fanoutInstancesBenchmark } from './fanout.bench';
import { type BenchResult, report } from './harness';
import { obligationsBenchmark } from './obligations.bench';
import { scaleBenchmark } from './scale.bench';
import { slotsBenchmark } from './slots.bench';
import { statusCaseloadBenchmark } from './status-caseload.bench';

/** `npm run bench`: every benchmark, each against a baseline measured in the same run. Exits 1 if a target is missed. */
const BENCHMARKS: Record<string, () => BenchResult | Promise<BenchResult> | Promise<BenchResult[]>> = {
  obligations: obligationsBenchmark,
  slots: slotsBenchmark,
  bot: botBenchmark,
  // One instance on SQLite, then three sharing PostgreSQL.
  fanout: async () => [await fanoutBenchmark(), await fanoutInstancesBenchmark()],
  autosave: autosaveBenchmark,
  tab: tabBenchmark,
  backup: backupBenchmark,
  'status-caseload': statusCaseloadBenchmark,
  scale: scaleBenchmark,
};

async function main(only: readonly string[]): Promise<number> {
  let missed = 0;
  for (const [name, benchmark] of Object.entries(BENCHMARKS)) {
    if (only.length > 0 && !only.includes(name)) continue;
    for (const result of [await benchmark()].flat()) {
      report(result);
      missed += result.targets.filter((target) => !target.met).length;
    }
  }
  return missed;
}

main(process.argv.slice(2)).then((missed) => {
  process.exitCode = missed === 0 ? 0 : 1;
});
