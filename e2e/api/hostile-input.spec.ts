import { expect, test } from "@playwright/test";
import { caseMakers } from "../../bench/support/hostile/cases";
import { runCases } from "../../bench/support/hostile/run-cases";
import { HOSTILE_CLASSES, seededRng } from "../../bench/support/hostile/types";
import { hasUndocumentedQuery, isAllowedArmPath, isAllowedGraphPath } from "../../bench/support/upstream-allowlist";
import { APP_LISTEN_PORT } from "../../scripts/demo-env";
import { clearArmLog, armLog, resetArm } from "../support/arm";
import { clearGraphLog, graphLog, resetEmulator } from "../support/emulator";
import { hostileContext } from "../support/hostile-context";

// The reduced R1 (bench/r1-hostile-input.ts): every hostile case the benchmark knows, once each (a few hundred in
// all), over raw sockets. Whatever the input, the API answers in its documented JSON shape, never with a 5xx, never
// with a token it was sent, and calls Graph and ARM only on the paths the categories document.

// One test with a step per class, so a failing class neither hides the others nor makes Playwright start a new
// worker (and sign in again) for the next one.
test("hostile input: every answer is the API's JSON, no 5xx, no token echoed, no upstream call off the documented paths and queries", async ({ browser, request }) => {
  test.setTimeout(180_000);
  await resetEmulator(request);
  const context = await hostileContext(browser, request);
  for (const cls of HOSTILE_CLASSES) {
    await test.step(`${cls}`, async () => {
      await resetEmulator(request);
      await resetArm(request);
      await clearGraphLog(request);
      await clearArmLog(request);
      const rng = seededRng(11);
      const cases = caseMakers(context)[cls].map((make) => make(rng));
      const outcomes = await runCases(cases, "127.0.0.1", APP_LISTEN_PORT, 8);

      const problems = outcomes.flatMap(({ kase, verdict, error }) => {
        if (!verdict) return [`${kase.label}: no answer (${error})`];
        const wrong = [
          ...(verdict.status >= 500 ? [`${verdict.status}`] : []),
          ...(!verdict.inShape ? [`${verdict.status} not the API's JSON${verdict.byNode ? " (answered by Node)" : ""}`] : []),
          ...(verdict.echoed ? ["token echoed"] : []),
        ];
        return wrong.length ? [`${kase.label}: ${wrong.join(", ")}`] : [];
      });
      expect.soft(problems, `${problems.length} of ${cases.length} ${cls} cases`).toEqual([]);

      const graphCalls = await graphLog(request);
      const offDocumented = [
        ...graphCalls.filter((c) => !isAllowedGraphPath(c.path)).map((c) => `Graph ${c.method} ${c.path}`),
        ...graphCalls.filter((c) => isAllowedGraphPath(c.path) && hasUndocumentedQuery(c.path, c.query)).map((c) => `Graph ${c.method} ${c.path} ${JSON.stringify(c.query)}`),
        ...(await armLog(request)).filter((c) => !isAllowedArmPath(c.path)).map((c) => `ARM ${c.method} ${c.path}`),
      ];
      expect.soft(offDocumented, `${cls}: upstream calls off the documented paths and queries`).toEqual([]);
    });
  }
});
