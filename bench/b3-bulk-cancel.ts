// B3: cancelling 1,000 requests across categories while every Graph call takes 50 ms, through the app's bulk
// endpoint (POST /api/requests/cancel, NDJSON stream) against a naive client that cancels them one call at a time,
// sequentially, straight against Graph. Needs an emulator seeded with ≥ 1,000 cancellable requests
// (GRAPH_SEED_EXTRA_REQUESTS; bench/run-all.ts starts one).
// Standalone (against a running, large enough stack): npx tsx bench/b3-bulk-cancel.ts

import { APP_URL, GRAPH_EMULATOR_URL } from "../scripts/demo-env";
import { ADMIN } from "../stand-ins/demo-tenant";
import { emulator, roundTrips, type LoggedGraphCall } from "./support/emulator-control";
import { isMain, ratio, runAlone, type Report } from "./support/report";
import { signInWithFetch } from "./support/sign-in-with-fetch";

const COUNT = 1_000;
const LATENCY_MS = 50;
const TARGET_RATIO = 0.1;

type StoredRecord = Record<string, unknown> & { id: string };

/**
 * Per category: the emulator's control collection, the statuses Graph lets an administrator cancel (README,
 * "Categories"; the emulator's README for where the status lives), the app's id and the Graph cancel URL.
 */
export interface CancellableCollection {
  category: string;
  collection: string;
  cancellable: readonly string[];
  status: (record: StoredRecord) => string;
  appId: (record: StoredRecord) => string;
  cancelPath: (record: StoredRecord) => string;
}

const plainStatus = (record: StoredRecord) => String(record.status);
const plainId = (record: StoredRecord) => record.id;
const PIM_V3_OPEN = ["PendingApproval", "PendingAdminDecision", "Granted"];

export const CANCELLABLE_COLLECTIONS: readonly CancellableCollection[] = [
  {
    category: "group-assignment",
    collection: "groupAssignmentScheduleRequests",
    cancellable: PIM_V3_OPEN,
    status: plainStatus,
    appId: plainId,
    cancelPath: (r) => `/v1.0/identityGovernance/privilegedAccess/group/assignmentScheduleRequests/${r.id}/cancel`,
  },
  {
    category: "group-eligibility",
    collection: "groupEligibilityScheduleRequests",
    cancellable: PIM_V3_OPEN,
    status: plainStatus,
    appId: plainId,
    cancelPath: (r) => `/v1.0/identityGovernance/privilegedAccess/group/eligibilityScheduleRequests/${r.id}/cancel`,
  },
  {
    category: "access-package",
    collection: "accessPackageAssignmentRequests",
    // The detail status (v1.0 `status`), not the coarse `state`.
    cancellable: ["Accepted", "PendingApproval", "PendingNotBefore", "PendingApprovalEscalated"],
    status: plainStatus,
    appId: plainId,
    cancelPath: (r) => `/v1.0/identityGovernance/entitlementManagement/assignmentRequests/${r.id}/cancel`,
  },
  {
    category: "directory-role-assignment",
    collection: "directoryRoleAssignmentScheduleRequests",
    cancellable: ["Granted"],
    status: plainStatus,
    appId: plainId,
    cancelPath: (r) => `/v1.0/roleManagement/directory/roleAssignmentScheduleRequests/${r.id}/cancel`,
  },
  {
    category: "directory-role-eligibility",
    collection: "directoryRoleEligibilityScheduleRequests",
    cancellable: ["Granted"],
    status: plainStatus,
    appId: plainId,
    cancelPath: (r) => `/v1.0/roleManagement/directory/roleEligibilityScheduleRequests/${r.id}/cancel`,
  },
  {
    category: "governance-role",
    collection: "governanceRoleAssignmentRequests",
    cancellable: ["Granted", "PendingApproval", "PendingApprovalProvisioning", "PendingAdminDecision"],
    status: (r) => String(r.subStatus),
    // PIM v2's cancel path needs the provider, so the app's id is "<provider>_<Graph id>".
    appId: (r) => `${String(r.provider)}_${r.id}`,
    cancelPath: (r) => `/beta/privilegedAccess/${String(r.provider)}/roleAssignmentRequests/${r.id}/cancel`,
  },
  {
    category: "privileged-role",
    collection: "privilegedRoleAssignmentRequests",
    cancellable: ["Scheduled", "PendingApproval", "RequestedApproval"],
    status: plainStatus,
    appId: plainId,
    cancelPath: (r) => `/beta/privilegedRoleAssignmentRequests/${r.id}/cancel`,
  },
];

export interface Pick {
  category: string;
  id: string;
  graphPath: string;
  /** The emulator's control collection and the record's id there (R2 reads the record back). */
  collection: string;
  recordId: string;
}

/** `count` cancellable requests, taken in turn from every category so the run crosses all of them. */
export async function pickCancellable(count: number): Promise<{ picks: Pick[]; perCategory: Map<string, number> }> {
  const pools = await Promise.all(
    CANCELLABLE_COLLECTIONS.map(async (c) => {
      const records = await emulator.state<StoredRecord>(c.collection);
      return records
        .filter((r) => c.cancellable.includes(c.status(r)))
        .map((r): Pick => ({ category: c.category, id: c.appId(r), graphPath: c.cancelPath(r), collection: c.collection, recordId: r.id }));
    }),
  );
  const picks: Pick[] = [];
  const perCategory = new Map<string, number>();
  for (let round = 0; picks.length < count && pools.some((p) => p.length > round); round++) {
    for (const pool of pools) {
      const pick = pool[round];
      if (!pick || picks.length >= count) continue;
      picks.push(pick);
      perCategory.set(pick.category, (perCategory.get(pick.category) ?? 0) + 1);
    }
  }
  return { picks, perCategory };
}

const throttled = (calls: readonly LoggedGraphCall[]) => calls.filter((c) => c.status === 429).length;

async function freshEmulator(): Promise<void> {
  await emulator.reset();
  await emulator.configure({ latencyMs: LATENCY_MS });
  await emulator.clearLog();
}

interface BulkDone {
  type: "done";
  counts: Record<string, number>;
  graphRoundTrips: number;
  ms: number;
}

async function runBulk(picks: Pick[], token: string) {
  const started = performance.now();
  const response = await fetch(`${APP_URL}/api/requests/cancel`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", accept: "application/x-ndjson" },
    body: JSON.stringify({ items: picks.map(({ category, id }) => ({ category, id })), view: "all" }),
  });
  if (!response.ok || !response.body) throw new Error(`B3: the bulk endpoint answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
  let done: BulkDone | null = null;
  let outcomes = 0;
  let buffer = "";
  const decoder = new TextDecoder();
  const take = (line: string) => {
    if (!line.trim()) return;
    const parsed = JSON.parse(line) as { type: string };
    if (parsed.type === "outcome") outcomes++;
    if (parsed.type === "done") done = parsed as BulkDone;
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
  if (!done) throw new Error(`B3: the bulk stream ended without a "done" line (${outcomes} outcomes).`);
  return { wallMs, outcomes, done: done as BulkDone };
}

async function runNaive(picks: Pick[], token: string) {
  const started = performance.now();
  let succeeded = 0;
  for (const pick of picks) {
    const response = await fetch(`${GRAPH_EMULATOR_URL}${pick.graphPath}`, { method: "POST", headers: { authorization: `Bearer ${token}` } });
    await response.arrayBuffer();
    if (response.ok) succeeded++;
  }
  return { wallMs: performance.now() - started, succeeded };
}

/** 404 means the bulk route does not exist yet (it is being built); anything else means it is there. */
async function bulkEndpointMissing(token: string): Promise<string | null> {
  const response = await fetch(`${APP_URL}/api/requests/cancel`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ items: [], view: "all" }),
  });
  await response.arrayBuffer();
  return response.status === 404 ? `POST ${APP_URL}/api/requests/cancel answered 404 (the bulk endpoint is not in this build yet)` : null;
}

const seconds = (milliseconds: number) => `${(milliseconds / 1000).toFixed(2)} s`;

export async function benchBulkCancel(report: Report): Promise<void> {
  const { accessToken } = await signInWithFetch(ADMIN.userPrincipalName);
  const missing = await bulkEndpointMissing(accessToken);
  if (missing) {
    report(`B3 skipped: ${missing}`);
    return;
  }
  try {
    await emulator.reset();
    const { picks, perCategory } = await pickCancellable(COUNT);
    if (picks.length < COUNT) {
      report(`B3 skipped: only ${picks.length} cancellable requests in the emulator (start it with a larger GRAPH_SEED_EXTRA_REQUESTS)`);
      return;
    }
    const spread = [...perCategory].map(([category, n]) => `${category} ${n}`).join(", ");

    await freshEmulator();
    const bulk = await runBulk(picks, accessToken);
    const bulkCalls = await emulator.log();
    const counts = Object.entries(bulk.done.counts).map(([k, v]) => `${k} ${v}`).join(", ");
    report(`B3 bulk (app, POST /api/requests/cancel) wall time ${seconds(bulk.wallMs)} for ${picks.length} requests, Graph ${LATENCY_MS} ms per call (${spread}; outcomes: ${counts}; server's own ms ${bulk.done.ms})`);
    report(`B3 bulk Graph round trips ${roundTrips(bulkCalls)} (emulator log, calls not inside a $batch; ${bulkCalls.length - roundTrips(bulkCalls)} batch items, ${throttled(bulkCalls)} answered 429)`);
    report(`B3 bulk Graph round trips reported by the server ${bulk.done.graphRoundTrips}`);

    await freshEmulator();
    const naive = await runNaive(picks, accessToken);
    const naiveCalls = await emulator.log();
    report(`B3 naive client (one cancel per call, sequential, straight to Graph) wall time ${seconds(naive.wallMs)} (${naive.succeeded}/${picks.length} succeeded)`);
    report(`B3 naive Graph round trips ${roundTrips(naiveCalls)} (${throttled(naiveCalls)} answered 429)`);
    report(`B3 ratio bulk/naive wall time ${ratio(bulk.wallMs / naive.wallMs)} (target ≤ ${TARGET_RATIO})`);
  } finally {
    await emulator.reset();
  }
}

if (isMain(import.meta.url)) await runAlone(benchBulkCancel);
