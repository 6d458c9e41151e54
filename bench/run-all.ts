// `npm run bench`: starts the demo stack, measures, prints one line per figure, stops what it started.
// These are measurements, not tests: nothing here asserts on time.
import { startStack } from "../scripts/stack";
import { measureFirstLoadJs } from "./measure-first-load-js";

const stack = await startStack();
try {
  const b1 = await measureFirstLoadJs();
  console.log(`B1 first-load JS of / (signed-out landing): ${b1.landingKiB.toFixed(1)} KiB transferred (gzip, scripts incl. headers)`);
  console.log(`B1 first-load JS of / (signed-in dashboard): ${b1.dashboardKiB.toFixed(1)} KiB transferred (gzip, scripts incl. headers)`);
} finally {
  stack.stop();
}
