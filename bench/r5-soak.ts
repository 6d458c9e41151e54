// R5: soak. 100 concurrent clients for 60 s through GET /api/requests (four Graph categories in turn, a real
// token), autocannon's programmatic API: errors, p50/p99, and the app server's RSS at the start and the end.
// Run with raised API_RATE_LIMIT_* (bench/support/bench-stack.ts): it measures the server, not the rate limiter,
// which would otherwise answer most of it 429 (100 clients of one user from one address).
// Standalone (against a running stack): npx tsx bench/r5-soak.ts

import autocannon from "autocannon";
import { APP_LISTEN_PORT, APP_URL } from "../scripts/demo-env";
import { ADMIN } from "../stand-ins/demo-tenant";
import { emulator } from "./support/emulator-control";
import { appServerPid, mib, processMemory } from "./support/process-memory";
import { isMain, ms, runAlone, type Report } from "./support/report";
import { signInWithFetch } from "./support/sign-in-with-fetch";

const CONNECTIONS = 100;
const SECONDS = 60;
const LISTS = ["access-package", "group-assignment", "directory-role-assignment", "privileged-role"].map((c) => `/api/requests?category=${c}&view=all`);

export async function benchSoak(report: Report): Promise<void> {
  const pid = appServerPid(APP_LISTEN_PORT);
  const { accessToken } = await signInWithFetch(ADMIN.userPrincipalName);
  await emulator.reset();
  // Graph's own throttling (2,000 calls per caller per 10 s in the emulator) would answer most of the run 429.
  const before = await emulator.config();
  await emulator.configure({ throttlePer10s: 0 });
  try {
    for (const path of LISTS) {
      const probe = await fetch(`${APP_URL}${path}`, { headers: { authorization: `Bearer ${accessToken}` } });
      if (!probe.ok) throw new Error(`R5: ${path} answered ${probe.status}: ${(await probe.text()).slice(0, 200)}`);
    }
    const start = processMemory(pid);
    const result = await autocannon({
      url: APP_URL,
      connections: CONNECTIONS,
      duration: SECONDS,
      headers: { authorization: `Bearer ${accessToken}`, accept: "application/json" },
      requests: LISTS.map((path) => ({ method: "GET" as const, path })),
    });
    const end = processMemory(pid);
    report(`R5 soak: ${CONNECTIONS} clients × ${SECONDS} s through GET /api/requests (${LISTS.length} categories in turn); app rate limits raised (API_RATE_LIMIT_*), Graph throttling off`);
    report(`R5 requests ${result.requests.total.toLocaleString("en-US")}, errors ${result.errors + result.timeouts} (connection errors and timeouts), non-2xx ${result.non2xx}`);
    report(`R5 latency p50 ${ms(result.latency.p50)}, p99 ${ms(result.latency.p99)}, max ${ms(result.latency.max)}`);
    report(`R5 app server RSS at start ${mib(start.rssMiB)}, at end ${mib(end.rssMiB)} (peak since start-up ${mib(end.peakMiB)})`);
  } finally {
    await emulator.configure({ throttlePer10s: before.throttlePer10s });
  }
}

if (isMain(import.meta.url)) await runAlone(benchSoak);
