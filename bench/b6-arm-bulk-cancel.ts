// B6: cancelling 500 Azure role requests (Azure Resource Manager, 50 ms per call, ARM's write limit of 200 in a
// burst then 10 a second per user) through the app's bulk endpoint (POST /api/requests/cancel, NDJSON; bounded
// parallel ARM calls, no $batch in ARM) against the same 500 cancelled one by one through the app
// (POST /api/requests/<slug>/<id>/cancel, sequentially, as a user clicking Cancel row after row would).
// Needs the ARM stand-in seeded with ≥ 500 cancellable requests Adele may cancel (ARM_SEED_EXTRA_REQUESTS=250:
// 250 more per kind, all cancellable, at scopes she owns; bench/run-all.ts starts one).
// Standalone (against a running stack whose ARM stand-in has that seed): npx tsx bench/b6-arm-bulk-cancel.ts

import { appTokensOf, type AppTokens } from "../e2e/support/tokens";
import { APP_URL, ARM_EMULATOR_URL } from "../scripts/demo-env";
import type { ArmLoggedCall } from "../stand-ins/arm-emulator/engine/request-log";
import type { ArmConfig, ThrottleSettings } from "../stand-ins/arm-emulator/engine/types";
import type { ArmRequestRecord } from "../stand-ins/arm-emulator/model/records";
import { launchChromium, newBenchContext, signInThroughPage } from "./support/browser";
import { isMain, ratio, runAlone, type Report } from "./support/report";

const COUNT = 500;
const LATENCY_MS = 50;

/** The ARM stand-in for this benchmark: 250 generated cancellable requests per kind, every call 50 ms. */
export const B6_ARM_ENV: Record<string, string> = { ARM_SEED_EXTRA_REQUESTS: "250", ARM_LATENCY_MS: String(LATENCY_MS), ARM_EMULATOR_QUIET: "1" };

const KINDS = [
  { category: "azure-role-assignment", kind: "assignment" },
  { category: "azure-role-eligibility", kind: "eligibility" },
] as const;

// ---- The ARM stand-in's control endpoints (stand-ins/arm-emulator/README.md, "Control endpoints") ----

async function control<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${ARM_EMULATOR_URL}/_arm${path}`, {
    method,
    headers: body === undefined ? undefined : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`ARM stand-in ${method} /_arm${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

const arm = {
  reset: () => control<unknown>("POST", "/reset"),
  configure: (patch: { latencyMs?: number; throttle?: ThrottlePatch }) => control<ArmConfig>("POST", "/config", patch),
  log: () => control<ArmLoggedCall[]>("GET", "/requests"),
  clearLog: () => control<unknown>("DELETE", "/requests"),
  state: (kind: string) => control<ArmRequestRecord[]>("GET", `/state/${kind}`),
};

/** POST /_arm/config's `throttle`: on/off, or other limits. */
type ThrottlePatch = boolean | Partial<ThrottleSettings>;

/** The seed back (every pick cancellable again), rate limits refilled, the given throttling, an empty log. */
async function freshArm(throttle: ThrottlePatch): Promise<ArmConfig> {
  await arm.reset();
  const config = await arm.configure({ latencyMs: LATENCY_MS, throttle });
  await arm.clearLog();
  return config;
}

// ---- The app's API as Adele ----

interface Pick {
  category: string;
  kind: string;
  id: string;
  /** The request's GUID: the app's id ends with "." and it. */
  name: string;
}

const key = (item: { category: string; id: string }) => `${item.category}:${item.id}`;

/** Adele's two tokens as the app's own page sends them (Graph's and ARM's), after a real sign-in. */
async function adeleTokens(): Promise<AppTokens> {
  const browser = await launchChromium();
  try {
    const page = await (await newBenchContext(browser)).newPage();
    await signInThroughPage(page);
    return await appTokensOf(page, APP_URL);
  } finally {
    await browser.close();
  }
}

const headersOf = (tokens: AppTokens): Record<string, string> => ({
  authorization: `Bearer ${tokens.graph}`,
  "x-arm-authorization": `Bearer ${tokens.arm}`,
});

interface ListedItem {
  id: string;
  status: string;
  cancellable: boolean;
  justification: string | null;
}

/**
 * The stand-in's generated requests (ARM_SEED_EXTRA_REQUESTS), which its README places at scopes Adele owns, so each
 * is one she may cancel. Other rows the app offers for cancelling may sit below a scope where she is only Reader
 * (a resource group in Contoso Sandbox, deeper than the scopes whose permissions the app reads), which ARM refuses
 * (403); those would measure a refusal, not a cancel.
 */
const isGenerated = (item: ListedItem) => item.justification?.startsWith("Generated request ") ?? false;

/** Every request of a category in Adele's "All requests", page after page, as the dashboard asks for them. */
async function listAll(category: string, tokens: AppTokens): Promise<ListedItem[]> {
  const items: ListedItem[] = [];
  let cursor: string | null = null;
  do {
    const url = new URL("/api/requests", APP_URL);
    url.search = new URLSearchParams({ category, view: "all", ...(cursor ? { cursor } : {}) }).toString();
    const response = await fetch(url, { headers: headersOf(tokens) });
    if (!response.ok) throw new Error(`B6: GET ${url.pathname}${url.search} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
    const page = (await response.json()) as { items: ListedItem[]; nextCursor: string | null };
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

/** `count` cancellable requests from the app's own lists, taken in turn from both kinds. */
async function pickCancellable(count: number, tokens: AppTokens) {
  const started = performance.now();
  const pools = await Promise.all(
    KINDS.map(async ({ category, kind }) => {
      const listed = await listAll(category, tokens);
      const cancellable = listed.filter((i) => i.cancellable);
      const picks = cancellable.filter(isGenerated).map((i): Pick => ({ category, kind, id: i.id, name: i.id.slice(i.id.lastIndexOf(".") + 1) }));
      return { listed: listed.length, cancellable: cancellable.length, picks };
    }),
  );
  const listMs = performance.now() - started;
  const picks: Pick[] = [];
  for (let round = 0; picks.length < count && pools.some((p) => p.picks.length > round); round++) {
    for (const pool of pools) {
      const pick = pool.picks[round];
      if (pick && picks.length < count) picks.push(pick);
    }
  }
  return { picks, listMs, listed: pools.map((p) => p.listed), cancellable: pools.map((p) => p.cancellable), generated: pools.map((p) => p.picks.length) };
}

interface OutcomeLine {
  type: "outcome";
  category: string;
  id: string;
  outcome: string;
  upstreamCode?: string;
  attempts?: number;
  message?: string;
}

interface DoneLine {
  type: "done";
  counts: Record<string, number>;
  armCalls?: number;
  armConcurrency?: number;
  ms: number;
}

async function runBulk(picks: readonly Pick[], tokens: AppTokens) {
  const started = performance.now();
  const response = await fetch(`${APP_URL}/api/requests/cancel`, {
    method: "POST",
    headers: { ...headersOf(tokens), "content-type": "application/json", accept: "application/x-ndjson" },
    body: JSON.stringify({ items: picks.map(({ category, id }) => ({ category, id })), view: "all" }),
  });
  if (!response.ok || !response.body) throw new Error(`B6: the bulk endpoint answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
  const outcomes: OutcomeLine[] = [];
  let done: DoneLine | null = null;
  let buffer = "";
  const decoder = new TextDecoder();
  const take = (line: string) => {
    if (!line.trim()) return;
    const parsed = JSON.parse(line) as OutcomeLine | DoneLine | { type: "start" };
    if (parsed.type === "outcome") outcomes.push(parsed);
    if (parsed.type === "done") done = parsed;
  };
  const reader = response.body.getReader();
  for (;;) {
    const { value, done: ended } = await reader.read();
    if (ended) break;
    buffer += decoder.decode(value, { stream: true });
    const lines = buffer.split("\n");
    buffer = lines.pop() ?? "";
    lines.forEach(take);
  }
  take(buffer + decoder.decode());
  const wallMs = performance.now() - started;
  if (!done) throw new Error(`B6: the bulk stream ended without a "done" line (${outcomes.length} outcomes).`);
  return { wallMs, outcomes, done: done as DoneLine };
}

/** One cancel at a time through the app's single-cancel route, as a user clicking Cancel row after row. */
async function runOneByOne(picks: readonly Pick[], tokens: AppTokens) {
  const statuses = new Map<string, number>();
  const outcomes: OutcomeLine[] = [];
  const started = performance.now();
  for (const pick of picks) {
    const response = await fetch(`${APP_URL}/api/requests/${pick.category}/${pick.id}/cancel`, {
      method: "POST",
      headers: { ...headersOf(tokens), "content-type": "application/json" },
      body: JSON.stringify({ view: "all" }),
    });
    const body = (await response.json()) as { error?: { code: string; message: string; upstreamCode?: string } };
    statuses.set(String(response.status), (statuses.get(String(response.status)) ?? 0) + 1);
    const outcome = response.ok ? "cancelled" : (body.error?.code ?? `http_${response.status}`);
    outcomes.push({ type: "outcome", category: pick.category, id: pick.id, outcome, ...(body.error ? { upstreamCode: body.error.upstreamCode, message: body.error.message } : {}) });
  }
  return { wallMs: performance.now() - started, statuses, outcomes };
}

// ---- Accounting: every pick answered once, and the stand-in says the same ----

async function account(picks: readonly Pick[], outcomes: readonly OutcomeLine[]) {
  const picked = new Set(picks.map(key));
  const seen = new Map<string, OutcomeLine>();
  let duplicates = 0;
  let strangers = 0;
  for (const outcome of outcomes) {
    if (seen.has(key(outcome))) duplicates++;
    if (!picked.has(key(outcome))) strangers++;
    seen.set(key(outcome), outcome);
  }
  const missing = picks.filter((p) => !seen.has(key(p))).length;
  const counts = new Map<string, number>();
  for (const outcome of seen.values()) counts.set(outcome.outcome, (counts.get(outcome.outcome) ?? 0) + 1);

  const stored = new Map<string, string>();
  for (const { kind } of KINDS) for (const record of await arm.state(kind)) stored.set(`${kind}:${record.name.toLowerCase()}`, record.status);
  // Cancelled by the app ⇔ Canceled in ARM; anything else left as it was (not Canceled).
  const disagreements = picks.filter((p) => {
    const status = stored.get(`${p.kind}:${p.name.toLowerCase()}`);
    return (seen.get(key(p))?.outcome === "cancelled") !== (status === "Canceled");
  }).length;
  const canceledInArm = picks.filter((p) => stored.get(`${p.kind}:${p.name.toLowerCase()}`) === "Canceled").length;
  const sum = [...counts.values()].reduce((a, b) => a + b, 0);
  const words = [...counts].map(([outcome, n]) => `${outcome} ${n}`).join(", ");
  // What a user would read for the ones that did not go through (the first three).
  const others = [...seen.values()]
    .filter((o) => o.outcome !== "cancelled")
    .slice(0, 3)
    .map((o) => `[${o.outcome}${o.upstreamCode ? ` ${o.upstreamCode}` : ""}${o.attempts === undefined ? "" : `, ${o.attempts} attempts`}: ${o.message ?? ""}]`);
  return `outcomes: ${words} (sum ${sum} of ${picks.length}; ${missing} missing, ${duplicates} duplicates, ${strangers} not asked for); ARM stand-in: ${canceledInArm} Canceled, ${disagreements} disagreeing with the outcomes${others.length > 0 ? `; not cancelled: ${others.join(" ")}` : ""}`;
}

function armCallSummary(calls: readonly ArmLoggedCall[]): string {
  const posts = calls.filter((c) => c.method === "POST").length;
  const gets = calls.filter((c) => c.method === "GET").length;
  const throttled = calls.filter((c) => c.status === 429);
  return `${calls.length} ARM calls in the stand-in's log (${posts} POST cancel, ${gets} GET; ${throttled.length} answered 429: ${throttled.filter((c) => c.method === "POST").length} writes, ${throttled.filter((c) => c.method === "GET").length} reads)`;
}

const seconds = (milliseconds: number) => `${(milliseconds / 1000).toFixed(2)} s`;
const throttleWords = (config: ArmConfig) =>
  config.throttle.enabled
    ? `per principal and subscription: writes ${config.throttle.writesBurst} burst / ${config.throttle.writesPerSecond} per s, reads ${config.throttle.readsBurst} / ${config.throttle.readsPerSecond} per s`
    : "no rate limit";

/**
 * The stand-in's default limits are ARM's (200 writes in a burst, then 10 a second), but per principal and
 * subscription, as ARM counts them, and the generated requests spread over three subscriptions: 500 cancels fit in
 * the bursts. The third run cuts the write burst to 20, as for an admin whose other tools spent it, so the limit
 * bites and the 429 → Retry-After → retry path is measured too.
 */
const BULK_RUNS: ReadonlyArray<{ label: string; throttle: ThrottlePatch }> = [
  { label: "throttling on (defaults)", throttle: true },
  { label: "throttling off", throttle: false },
  { label: "throttling on, write burst 20", throttle: { enabled: true, writesBurst: 20 } },
];

export async function benchArmBulkCancel(report: Report): Promise<void> {
  const tokens = await adeleTokens();
  try {
    await freshArm(true);
    const { picks, listMs, listed, cancellable, generated } = await pickCancellable(COUNT, tokens);
    if (picks.length < COUNT) {
      report(`B6 skipped: only ${picks.length} cancellable Azure role requests in Adele's lists (start the ARM stand-in with ARM_SEED_EXTRA_REQUESTS=250)`);
      return;
    }
    const perKind = KINDS.map(({ category }) => `${category} ${picks.filter((p) => p.category === category).length}`).join(", ");
    report(
      `B6 list through the app as Adele (All requests, both Azure categories side by side): ${seconds(listMs)}, ${listed.join(" + ")} requests, ${cancellable.join(" + ")} offered for cancelling, ${generated.join(" + ")} of them generated at scopes she owns; picked ${picks.length} of those (${perKind})`,
    );

    const bulkRuns: Array<{ label: string; wallMs: number }> = [];
    for (const { label, throttle } of BULK_RUNS) {
      const config = await freshArm(throttle);
      const bulk = await runBulk(picks, tokens);
      bulkRuns.push({ label, wallMs: bulk.wallMs });
      report(
        `B6 bulk ${label} (app, POST /api/requests/cancel; ${throttleWords(config)}; ARM ${LATENCY_MS} ms per call): wall time ${seconds(bulk.wallMs)} for ${picks.length} requests (server's own ms ${Math.round(bulk.done.ms)})`,
      );
      report(`B6 bulk ${label}: armConcurrency ${bulk.done.armConcurrency ?? "not reported"}, armCalls ${bulk.done.armCalls ?? "not reported"} (done line); ${armCallSummary(await arm.log())}`);
      report(`B6 bulk ${label}: ${await account(picks, bulk.outcomes)}`);
    }

    const config = await freshArm(true);
    const single = await runOneByOne(picks, tokens);
    const answers = [...single.statuses].map(([status, n]) => `HTTP ${status} × ${n}`).join(", ");
    report(
      `B6 one by one (app, ${picks.length} sequential POST /api/requests/<slug>/<id>/cancel, all of them, not a sample; throttling on, ${throttleWords(config)}): wall time ${seconds(single.wallMs)} (${answers})`,
    );
    report(`B6 one by one: ${armCallSummary(await arm.log())}`);
    report(`B6 one by one: ${await account(picks, single.outcomes)}`);
    for (const run of bulkRuns) report(`B6 ratio bulk (${run.label}) / one by one wall time ${ratio(run.wallMs / single.wallMs)} (${seconds(run.wallMs)} / ${seconds(single.wallMs)})`);
  } finally {
    await arm.reset();
  }
}

if (isMain(import.meta.url)) await runAlone(benchArmBulkCancel);
