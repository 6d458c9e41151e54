// `npm run bench`: starts the demo stack, measures, prints one line per figure, stops what it started.
// These are measurements, not tests: nothing here asserts on time. B1..B6 run in order; the stack is restarted
// whenever the next benchmark needs a different Graph emulator (a 10,000-request tenant for B3 and B5) or ARM
// stand-in (1,000 more Azure role requests, 50 ms per call, for B6).
import { benchApiLatency } from "./b2-api-latency";
import { benchBulkCancel } from "./b3-bulk-cancel";
import { benchCancelFeedback } from "./b4-cancel-feedback";
import { B5_EXTRA_REQUESTS_PER_COLLECTION, B5_PAGE_SIZE, benchLargeQueue } from "./b5-large-queue";
import { B6_ARM_ENV, benchArmBulkCancel } from "./b6-arm-bulk-cancel";
import { measureFirstLoadJs } from "./measure-first-load-js";
import { withStack } from "./support/bench-stack";
import { printLine, type Report } from "./support/report";

type Emulator = "default" | "large" | "arm-large";

const EMULATOR_ENV: Record<Emulator, Record<string, string>> = {
  default: {},
  // ≈10,000 requests across the seven collections, 100 per Graph page (B5); also ≥ 1,000 cancellable ones (B3).
  large: { GRAPH_SEED_EXTRA_REQUESTS: String(B5_EXTRA_REQUESTS_PER_COLLECTION), GRAPH_PAGE_SIZE: String(B5_PAGE_SIZE) },
  "arm-large": {},
};

/** The ARM stand-in's environment per stack: its seed size is fixed at start-up. */
const ARM_ENV: Record<Emulator, Record<string, string>> = {
  default: {},
  large: {},
  // 250 more cancellable requests per kind at scopes Adele owns, 50 ms per call (B6).
  "arm-large": B6_ARM_ENV,
};

async function benchFirstLoadJs(report: Report): Promise<void> {
  const b1 = await measureFirstLoadJs();
  report(`B1 first-load JS of / (signed-out landing): ${b1.landingKiB.toFixed(1)} KiB transferred (gzip, scripts incl. headers)`);
  report(`B1 first-load JS of / (signed-in dashboard): ${b1.dashboardKiB.toFixed(1)} KiB transferred (gzip, scripts incl. headers)`);
}

const BENCHMARKS: Array<{ name: string; emulator: Emulator; run: (report: Report) => Promise<void> }> = [
  { name: "B1", emulator: "default", run: benchFirstLoadJs },
  { name: "B2", emulator: "default", run: benchApiLatency },
  { name: "B3", emulator: "large", run: benchBulkCancel },
  { name: "B4", emulator: "default", run: benchCancelFeedback },
  { name: "B5", emulator: "large", run: benchLargeQueue },
  { name: "B6", emulator: "arm-large", run: benchArmBulkCancel },
];

// Consecutive benchmarks that want the same emulator share one stack.
const groups: Array<{ emulator: Emulator; benchmarks: typeof BENCHMARKS }> = [];
for (const benchmark of BENCHMARKS) {
  const last = groups.at(-1);
  if (last?.emulator === benchmark.emulator) last.benchmarks.push(benchmark);
  else groups.push({ emulator: benchmark.emulator, benchmarks: [benchmark] });
}

let failed = false;
for (const group of groups) {
  try {
    await withStack(
      EMULATOR_ENV[group.emulator],
      async () => {
        for (const benchmark of group.benchmarks) {
          try {
            await benchmark.run(printLine);
          } catch (error) {
            failed = true;
            printLine(`${benchmark.name} failed: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
          }
        }
      },
      ARM_ENV[group.emulator],
    );
  } catch (error) {
    failed = true;
    const names = group.benchmarks.map((b) => b.name).join(", ");
    printLine(`${names} not run: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
  }
}
process.exitCode = failed ? 1 : 0;
