// `npm run bench`: starts the demo stack, measures, prints one line per figure, stops what it started.
// These are measurements, not tests: nothing here asserts on time. B1..B6 and R1, R2, R4, R5 run in order; the
// stack is restarted whenever the next benchmark needs a different one: a 10,000-request tenant (B3, B5, R2), a
// larger ARM stand-in (B6), or the app at its default rate limits (R4: abuse is what the limits are for).
// `npm run bench -- r1` runs one benchmark, `npm run bench -- r` every R benchmark, `npm run bench -- b2 r5` those two.
import { benchApiLatency } from "./b2-api-latency";
import { benchBulkCancel } from "./b3-bulk-cancel";
import { benchCancelFeedback } from "./b4-cancel-feedback";
import { B5_EXTRA_REQUESTS_PER_COLLECTION, B5_PAGE_SIZE, benchLargeQueue } from "./b5-large-queue";
import { B6_ARM_ENV, benchArmBulkCancel } from "./b6-arm-bulk-cancel";
import { measureFirstLoadJs } from "./measure-first-load-js";
import { benchHostileInput } from "./r1-hostile-input";
import { benchFaults } from "./r2-faults";
import { benchAbuseMemory } from "./r4-abuse-memory";
import { benchSoak } from "./r5-soak";
import { RAISED_RATE_LIMITS, withStack } from "./support/bench-stack";
import { printLine, type Report } from "./support/report";

type StackKind = "default" | "large" | "arm-large" | "default-limits";

const EMULATOR_ENV: Record<StackKind, Record<string, string>> = {
  default: {},
  // ≈10,000 requests across the seven collections, 100 per Graph page (B5); also ≥ 1,000 cancellable ones (B3, R2).
  large: { GRAPH_SEED_EXTRA_REQUESTS: String(B5_EXTRA_REQUESTS_PER_COLLECTION), GRAPH_PAGE_SIZE: String(B5_PAGE_SIZE) },
  "arm-large": {},
  "default-limits": {},
};

/** The ARM stand-in's environment per stack: its seed size is fixed at start-up. */
const ARM_ENV: Record<StackKind, Record<string, string>> = {
  default: {},
  large: {},
  // 250 more cancellable requests per kind at scopes Adele owns, 50 ms per call (B6).
  "arm-large": B6_ARM_ENV,
  "default-limits": {},
};

/**
 * The app's environment per stack. Every benchmark but R4 loads the app as one user from one address, so the rate
 * limits are raised out of its way (it measures the server); R4 runs at the defaults a deployment gets.
 */
const APP_ENV: Record<StackKind, Record<string, string>> = {
  default: RAISED_RATE_LIMITS,
  large: RAISED_RATE_LIMITS,
  "arm-large": RAISED_RATE_LIMITS,
  "default-limits": {},
};

async function benchFirstLoadJs(report: Report): Promise<void> {
  const b1 = await measureFirstLoadJs();
  report(`B1 first-load JS of / (signed-out landing): ${b1.landingKiB.toFixed(1)} KiB transferred (gzip, scripts incl. headers)`);
  report(`B1 first-load JS of / (signed-in dashboard): ${b1.dashboardKiB.toFixed(1)} KiB transferred (gzip, scripts incl. headers)`);
}

const BENCHMARKS: Array<{ name: string; stack: StackKind; run: (report: Report) => Promise<void> }> = [
  { name: "B1", stack: "default", run: benchFirstLoadJs },
  { name: "B2", stack: "default", run: benchApiLatency },
  { name: "B3", stack: "large", run: benchBulkCancel },
  { name: "B4", stack: "default", run: benchCancelFeedback },
  { name: "B5", stack: "large", run: benchLargeQueue },
  { name: "B6", stack: "arm-large", run: benchArmBulkCancel },
  { name: "R1", stack: "default", run: benchHostileInput },
  { name: "R5", stack: "default", run: benchSoak },
  { name: "R2", stack: "large", run: benchFaults },
  { name: "R4", stack: "default-limits", run: benchAbuseMemory },
];

// `npm run bench -- r1 b2`: the benchmarks whose names start with any of the arguments; none given: all of them.
const wanted = process.argv.slice(2).map((a) => a.toLowerCase());
const selected = BENCHMARKS.filter((b) => wanted.length === 0 || wanted.some((w) => b.name.toLowerCase().startsWith(w)));
if (selected.length === 0) {
  console.error(`No benchmark matches ${wanted.join(", ")}; there are ${BENCHMARKS.map((b) => b.name).join(", ")}.`);
  process.exit(2);
}

// Consecutive benchmarks that want the same stack share one.
const groups: Array<{ stack: StackKind; benchmarks: typeof BENCHMARKS }> = [];
for (const benchmark of selected) {
  const last = groups.at(-1);
  if (last?.stack === benchmark.stack) last.benchmarks.push(benchmark);
  else groups.push({ stack: benchmark.stack, benchmarks: [benchmark] });
}

let failed = false;
for (const group of groups) {
  try {
    await withStack(
      EMULATOR_ENV[group.stack],
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
      ARM_ENV[group.stack],
      APP_ENV[group.stack],
    );
  } catch (error) {
    failed = true;
    const names = group.benchmarks.map((b) => b.name).join(", ");
    printLine(`${names} not run: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
  }
}
process.exitCode = failed ? 1 : 0;
