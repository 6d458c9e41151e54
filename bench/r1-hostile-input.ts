// R1: hostile input. 10,200 malformed requests in six classes (tokens, paths, methods, bodies, cursors, headers;
// generators in support/hostile/), sent over raw sockets so nothing normalises them on the way. Prints the status
// histogram, the 5xx count, the answers not in the API's documented JSON shape (Node's own answers apart from the
// app's), Graph and ARM calls outside the allowlist (the stand-ins' request logs), and tokens sent back.
// Targets: 0, 0, 0, 0. Run with raised API_RATE_LIMIT_* (bench/support/bench-stack.ts): from one address, the
// default limits would turn most of the run into 429s and the classes would never reach the handlers.
// Standalone (against a running stack): npx tsx bench/r1-hostile-input.ts

import { APP_LISTEN_PORT, APP_URL } from "../scripts/demo-env";
import { ADMIN, MEGAN } from "../stand-ins/demo-tenant";
import { armStandIn, type ArmLoggedCall } from "./support/arm-control";
import { emulator, type LoggedGraphCall } from "./support/emulator-control";
import { buildCases } from "./support/hostile/cases";
import { runCases, type Outcome } from "./support/hostile/run-cases";
import { HOSTILE_CLASSES, type HostileContext } from "./support/hostile/types";
import { isMain, runAlone, type Report } from "./support/report";
import { signInWithFetch } from "./support/sign-in-with-fetch";
import { hasUndocumentedQuery, isAllowedArmPath, isAllowedGraphPath } from "./support/upstream-allowlist";

const PER_CLASS = Number(process.env.R1_PER_CLASS ?? 1_700);
const CONCURRENCY = 16;

/** Requests of people other than Megan (who holds no admin role), from the emulator's own state. */
async function foreignIds(): Promise<HostileContext["foreignIds"]> {
  const sources = [
    ["access-package", "accessPackageAssignmentRequests"],
    ["group-assignment", "groupAssignmentScheduleRequests"],
    ["directory-role-assignment", "directoryRoleAssignmentScheduleRequests"],
  ] as const;
  const found: Array<{ category: string; id: string }> = [];
  for (const [category, collection] of sources) {
    const records = await emulator.state<{ id: string }>(collection);
    found.push(...records.filter((r) => !JSON.stringify(r).includes(MEGAN.oid)).slice(0, 20).map((r) => ({ category, id: r.id })));
  }
  if (found.length === 0) throw new Error("R1: the emulator holds no requests of other people.");
  return found;
}

/** Real cursors the app issues (the emulator paging two at a time for a moment), for the flipped and foreign cases. */
async function realCursors(token: string): Promise<HostileContext["cursors"]> {
  const before = await emulator.config();
  await emulator.configure({ pageSize: 2 });
  try {
    const cursors: Array<{ category: string; view: string; cursor: string }> = [];
    for (const category of ["access-package", "group-assignment", "directory-role-assignment", "privileged-role"]) {
      for (const view of ["all", "mine"]) {
        const response = await fetch(`${APP_URL}/api/requests?category=${category}&view=${view}`, { headers: { authorization: `Bearer ${token}` } });
        const body = (await response.json().catch(() => ({}))) as { nextCursor?: string | null };
        if (body.nextCursor) cursors.push({ category, view, cursor: body.nextCursor });
      }
    }
    return cursors;
  } finally {
    await emulator.configure({ pageSize: before.pageSize });
  }
}

/** Every upstream call since the last reset, gathered as the run goes (each log keeps its newest 20,000 only). */
function upstreamCollector() {
  const graph = new Map<string, LoggedGraphCall>();
  const arm = new Map<string, ArmLoggedCall>();
  const key = (c: { requestId: string; time: string; path: string }) => `${c.requestId}|${c.time}|${c.path}`;
  return {
    async harvest() {
      for (const call of await emulator.log()) graph.set(key(call), call);
      for (const call of await armStandIn.log()) arm.set(key(call), call);
    },
    graph: () => [...graph.values()],
    arm: () => [...arm.values()],
  };
}

function countBy<T>(items: readonly T[], keyOf: (item: T) => string): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(keyOf(item), (counts.get(keyOf(item)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]);
}

const fmt = (n: number) => n.toLocaleString("en-US");

export async function benchHostileInput(report: Report): Promise<void> {
  const [admin, user] = await Promise.all([signInWithFetch(ADMIN.userPrincipalName), signInWithFetch(MEGAN.userPrincipalName)]);
  await emulator.reset();
  await armStandIn.reset();
  const context: HostileContext = {
    adminToken: admin.accessToken,
    userToken: user.accessToken,
    foreignIds: await foreignIds(),
    cursors: await realCursors(admin.accessToken),
  };
  // Graph's own throttling would answer many of these 429 before the app's handling is seen; this is about the app.
  const before = await emulator.config();
  await emulator.configure({ throttlePer10s: 0 });
  await emulator.clearLog();
  await armStandIn.clearLog();
  const upstream = upstreamCollector();
  const cases = buildCases(context, PER_CLASS);
  const started = performance.now();
  let outcomes: Outcome[];
  try {
    outcomes = await runCases(cases, "127.0.0.1", APP_LISTEN_PORT, CONCURRENCY, async (done) => {
      if (done % 1000 === 0) await upstream.harvest();
    });
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // bulk runs still streaming to Graph
    await upstream.harvest();
  } finally {
    await emulator.configure({ throttlePer10s: before.throttlePer10s });
  }
  const seconds = (performance.now() - started) / 1000;

  const answered = outcomes.filter((o) => o.verdict);
  const unanswered = outcomes.filter((o) => o.error);
  const fiveXx = answered.filter((o) => o.verdict!.status >= 500);
  const outOfShape = answered.filter((o) => !o.verdict!.inShape);
  const byNode = outOfShape.filter((o) => o.verdict!.byNode);
  const echoed = answered.filter((o) => o.verdict!.echoed);
  const offGraph = upstream.graph().filter((c) => !isAllowedGraphPath(c.path));
  const offArm = upstream.arm().filter((c) => !isAllowedArmPath(c.path));
  const offQuery = upstream.graph().filter((c) => isAllowedGraphPath(c.path) && hasUndocumentedQuery(c.path, c.query));

  report(`R1 hostile input: ${fmt(cases.length)} requests (${HOSTILE_CLASSES.map((c) => `${c} ${fmt(cases.filter((k) => k.class === c).length)}`).join(", ")}), ${CONCURRENCY} at a time over raw sockets, ${seconds.toFixed(1)} s; app rate limits raised (API_RATE_LIMIT_*) so the classes reach the handlers, Graph throttling off`);
  report(`R1 status histogram: ${countBy(answered, (o) => String(o.verdict!.status)).sort((a, b) => Number(a[0]) - Number(b[0])).map(([s, n]) => `${s}×${fmt(n)}`).join(" ")}${unanswered.length ? `; no answer ${fmt(unanswered.length)}` : ""}`);
  report(`R1 5xx answers: ${fmt(fiveXx.length)} (target 0)${fiveXx.length ? ` — ${countBy(fiveXx, (o) => `${o.verdict!.status} ${o.kase.class}: ${o.kase.label}`).slice(0, 8).map(([k, n]) => `${k} ×${n}`).join("; ")}` : ""}`);
  report(`R1 answers not in the documented JSON shape: ${fmt(outOfShape.length)} (target 0): ${fmt(byNode.length)} answered by Node itself (request never reached the app), ${fmt(outOfShape.length - byNode.length)} by the app`);
  for (const [cls, n] of countBy(outOfShape, (o) => o.kase.class)) {
    const worst = countBy(outOfShape.filter((o) => o.kase.class === cls), (o) => `${o.verdict!.status}${o.verdict!.byNode ? " (Node)" : ""} ${o.kase.label}`).slice(0, 6);
    report(`R1   ${cls}: ${fmt(n)} — ${worst.map(([k, c]) => `${k} ×${c}`).join("; ")}`);
  }
  report(`R1 upstream calls outside the allowlist: ${fmt(offGraph.length + offArm.length)} (target 0) of ${fmt(upstream.graph().length)} Graph and ${fmt(upstream.arm().length)} ARM calls`);
  for (const [path, n] of countBy(offGraph, (c) => `Graph ${c.method} ${c.path} → ${c.status}`).slice(0, 8)) report(`R1   ${path} ×${n}`);
  for (const [path, n] of countBy(offArm, (c) => `ARM ${c.method} ${c.path} → ${c.status}`).slice(0, 8)) report(`R1   ${path} ×${n}`);
  report(`R1 Graph calls on a documented path with query options no category sends: ${fmt(offQuery.length)} (target 0)`);
  for (const [call, n] of countBy(offQuery, (c) => `Graph ${c.method} ${c.path}?${Object.entries(c.query).map(([k, v]) => `${k}=${v}`).join("&")} → ${c.status}`).slice(0, 8)) report(`R1   ${call} ×${n}`);
  report(`R1 tokens echoed in an answer: ${fmt(echoed.length)} (target 0)${echoed.length ? ` — ${countBy(echoed, (o) => o.kase.label).slice(0, 5).map(([k, n]) => `${k} ×${n}`).join("; ")}` : ""}`);
  if (unanswered.length) report(`R1 no answer (connection closed or reset): ${countBy(unanswered, (o) => `${o.kase.class}: ${o.kase.label}: ${o.error}`).slice(0, 5).map(([k, n]) => `${k} ×${n}`).join("; ")}`);
}

if (isMain(import.meta.url)) await runAlone(benchHostileInput);
