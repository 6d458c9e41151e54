// B2: latency of the app's list endpoint against the same list straight from Graph (the emulator), 50 concurrent
// connections, autocannon's programmatic API. The proxy's cost is the ratio app / Graph at p50 and p99.
// Standalone (against a running stack): npx tsx bench/b2-api-latency.ts

import autocannon from "autocannon";
import { APP_URL, GRAPH_EMULATOR_URL } from "../scripts/demo-env";
import { ADMIN } from "../stand-ins/demo-tenant";
import { emulator } from "./support/emulator-control";
import { isMain, ms, ratio, runAlone, type Report } from "./support/report";
import { signInWithFetch } from "./support/sign-in-with-fetch";

const CONNECTIONS = 50;
const WARM_UP_SECONDS = 2;
const SECONDS = 10;
const TARGET_RATIO = 1.25;
// Graph itself takes about this long to answer a list (the emulator answers at once unless told otherwise). With
// an instant emulator the figure measures CPU on a 2-core machine shared by the load tool, the app and the
// emulator; at Graph's own pace it measures what the proxy adds to what a user waits for. Both are printed.
const GRAPH_LIKE_LATENCY_MS = 100;

const APP_LIST = `${APP_URL}/api/requests?category=access-package&view=all`;
// The app's cheapest route (no Graph call, no input): what any Next.js route handler costs on this machine under
// the same load, the floor under the proxy's own figure.
const APP_FLOOR = `${APP_URL}/api/health`;
// What the app's route asks Graph for this list (lib/categories/access-package.ts: v1.0, $expand=accessPackage,requestor).
const GRAPH_LIST = `${GRAPH_EMULATOR_URL}/v1.0/identityGovernance/entitlementManagement/assignmentRequests?$expand=accessPackage,requestor`;

function load(url: string, token: string, seconds: number): Promise<autocannon.Result> {
  return autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    headers: { authorization: `Bearer ${token}`, accept: "application/json" },
  });
}

async function measure(url: string, token: string) {
  const probe = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (!probe.ok) throw new Error(`B2: ${url} answered ${probe.status}: ${(await probe.text()).slice(0, 300)}`);
  await load(url, token, WARM_UP_SECONDS);
  const result = await load(url, token, SECONDS);
  return { p50: result.latency.p50, p99: result.latency.p99, requests: result.requests.total, non2xx: result.non2xx, errors: result.errors };
}

export async function benchApiLatency(report: Report): Promise<void> {
  const { accessToken } = await signInWithFetch(ADMIN.userPrincipalName);
  // The emulator throttles at 2,000 calls per caller per 10 s, as Graph would; this measures latency, not throttling.
  const before = await emulator.config();
  await emulator.configure({ throttlePer10s: 0 });
  try {
    const graph = await measure(GRAPH_LIST, accessToken);
    const app = await measure(APP_LIST, accessToken);
    const floor = await measure(APP_FLOOR, accessToken);
    const context = (r: typeof app) => `${CONNECTIONS} connections, ${SECONDS} s: ${r.requests} requests, ${r.non2xx} non-2xx, ${r.errors} errors`;
    report(`B2 Graph (emulator) list p50 ${ms(graph.p50)} (${context(graph)})`);
    report(`B2 Graph (emulator) list p99 ${ms(graph.p99)}`);
    report(`B2 app /api/requests list p50 ${ms(app.p50)} (${context(app)})`);
    report(`B2 app /api/requests list p99 ${ms(app.p99)}`);
    report(`B2 ratio p50 ${ratio(app.p50 / graph.p50)} (target ≤ ${TARGET_RATIO})`);
    report(`B2 ratio p99 ${ratio(app.p99 / graph.p99)} (target ≤ ${TARGET_RATIO})`);
    report(`B2 floor: app /api/health (no Graph call) p50 ${ms(floor.p50)}, p99 ${ms(floor.p99)}; ratio to Graph p50 ${ratio(floor.p50 / graph.p50)} (${context(floor)})`);

    await emulator.configure({ latencyMs: GRAPH_LIKE_LATENCY_MS });
    const paced = { graph: await measure(GRAPH_LIST, accessToken), app: await measure(APP_LIST, accessToken) };
    const at = `Graph answering in ${GRAPH_LIKE_LATENCY_MS} ms`;
    report(`B2 ${at}: Graph p50 ${ms(paced.graph.p50)} p99 ${ms(paced.graph.p99)} (${context(paced.graph)})`);
    report(`B2 ${at}: app p50 ${ms(paced.app.p50)} p99 ${ms(paced.app.p99)} (${context(paced.app)})`);
    report(`B2 ${at}: ratio p50 ${ratio(paced.app.p50 / paced.graph.p50)}, p99 ${ratio(paced.app.p99 / paced.graph.p99)} (target ≤ ${TARGET_RATIO})`);
  } finally {
    await emulator.configure({ throttlePer10s: before.throttlePer10s, latencyMs: before.latencyMs });
  }
}

if (isMain(import.meta.url)) await runAlone(benchApiLatency);
