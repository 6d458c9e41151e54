import { describe, expect, it } from "vitest";
import type { BulkLine, BulkOutcomeLine } from "@/lib/requests/bulk-outcome";
import { runCancels } from "@/lib/upstreams/bulk-cancel";
import type { Verdict } from "@/lib/upstreams/verdict";
import { ADMIN, MEGAN } from "../../stand-ins/demo-tenant";
import { ARM_SCOPES, SEED_LANDMARKS, type ArmLandmark } from "../../stand-ins/arm-emulator/seed";
import { appIdOf, assignmentCategory, categoryOf, armStandInForApp } from "./arm-test-kit";
import { ARM_CANCEL_CONCURRENCY, ARM_CANCELLED_MESSAGE, cancelArmItems, type ArmBulkItem } from "./bulk-cancel";
import { listArmRequestPage } from "./list-requests";

// Bulk cancels of Azure role requests against the real ARM stand-in: one POST per item, bounded, each item ending
// with exactly one verdict that matches what ARM then stores.

const h = armStandInForApp({ seed: { extraRequestsPerKind: 12 } });
const A = SEED_LANDMARKS.assignment;
const E = SEED_LANDMARKS.eligibility;


interface Report {
  index: number;
  verdict: Verdict;
  attempts: number;
}

// Items start at 100 to show that the index is the run's, not the ARM part's.
const itemsOf = (landmarks: readonly ArmLandmark[]): ArmBulkItem[] =>
  landmarks.map((landmark, k) => ({ index: 100 + k, category: categoryOf(landmark), id: appIdOf(landmark) }));

async function run(items: readonly ArmBulkItem[], token: string, signal?: AbortSignal) {
  const reports: Report[] = [];
  const result = await cancelArmItems(items, token, { signal, report: (index, verdict, attempts) => reports.push({ index, verdict, attempts }) });
  return { reports, byIndex: new Map(reports.map((r) => [r.index, r])), ...result };
}

const storedStatus = async (landmark: Pick<ArmLandmark, "kind" | "name">): Promise<string> => (await h.control(`state/${landmark.kind}/${landmark.name}`)).body.status;
const armLog = async (): Promise<Array<{ method: string; path: string; status: number }>> => (await h.control("requests")).body;

describe("bulk cancel in Azure Resource Manager", () => {
  it("gives every item exactly one verdict, in the user's words, and ARM's state agrees", async () => {
    const token = await h.token(ADMIN);
    await h.control(`requests/eligibility/${E.meganCancellable.name}`, { status: "Canceled" });
    const picks = [A.adminCancellable, E.adminCancellable, A.colleagueCancellable, E.colleagueCancellable, A.adminNotCancellable, A.restrictedCancellable, E.meganCancellable];
    const items = [...itemsOf(picks), { index: 200, category: assignmentCategory, id: "not-an-id" }];
    await h.control("requests", undefined, "DELETE");
    const { reports, byIndex, calls } = await run(items, token);

    expect(reports).toHaveLength(items.length);
    expect(new Set(reports.map((r) => r.index))).toEqual(new Set(items.map((i) => i.index)));
    for (const k of [0, 1, 2, 3]) {
      expect(byIndex.get(100 + k)).toMatchObject({ verdict: { outcome: "cancelled", message: ARM_CANCELLED_MESSAGE, requestId: expect.any(String) }, attempts: 1 });
      expect(await storedStatus(picks[k]!)).toBe("Canceled");
    }
    // Still open (provisioning) but past cancelling: the read-back says so, with ARM's status.
    expect(byIndex.get(104)?.verdict).toMatchObject({ outcome: "not_cancellable", upstreamCode: "RequestCannotBeCancelled", upstreamStatus: "PendingProvisioning" });
    expect(await storedStatus(A.adminNotCancellable)).toBe("PendingProvisioning");
    // Finance Restricted: Adele holds no role there, so ARM refuses; the message names the RBAC action.
    const refused = byIndex.get(105)!.verdict;
    expect(refused).toMatchObject({ outcome: "forbidden", upstreamCode: "AuthorizationFailed", requestId: expect.any(String) });
    expect(refused.message).toContain("Microsoft.Authorization/roleAssignmentScheduleRequests/cancel/action");
    expect(await storedStatus(A.restrictedCancellable)).toBe("PendingApproval");
    // Cancelled by someone else before the run reached it.
    expect(byIndex.get(106)?.verdict).toMatchObject({ outcome: "already_final", upstreamStatus: "Canceled" });
    // A malformed id is never sent.
    expect(byIndex.get(200)).toMatchObject({ verdict: { outcome: "failed" }, attempts: 0 });

    // One POST per valid item; a read-back GET per "not cancellable" refusal; every one counted.
    const log = await armLog();
    expect(log.filter((c) => c.method === "POST")).toHaveLength(picks.length);
    expect(log.filter((c) => c.method === "GET")).toHaveLength(2);
    expect(calls).toBe(log.length);
  });

  it("waits out 429s with Retry-After per call, re-sends only the throttled cancels, and counts the attempts", async () => {
    const token = await h.token(ADMIN);
    const picks = [A.adminCancellable, E.adminCancellable, A.colleagueCancellable, E.colleagueCancellable];
    await h.control("faults", { method: "POST", pathPattern: "/cancel$", status: 429, times: 3, retryAfterSeconds: 0.1 });
    await h.control("requests", undefined, "DELETE");
    const { reports, calls } = await run(itemsOf(picks), token);
    expect(reports.map((r) => r.verdict.outcome)).toEqual(["cancelled", "cancelled", "cancelled", "cancelled"]);
    expect(reports.reduce((sum, r) => sum + r.attempts, 0)).toBe(picks.length + 3);
    expect(calls).toBe(picks.length + 3);
    const posts = (await armLog()).filter((c) => c.method === "POST");
    expect(posts.filter((c) => c.status === 200)).toHaveLength(picks.length);
    for (const landmark of picks) expect(await storedStatus(landmark)).toBe("Canceled");
  });

  it("keeps to ARM's real write limit: a run past the burst finishes with every item cancelled once", async () => {
    // ARM's buckets are per principal and subscription: the run's items all live in one subscription.
    await h.control("config", { throttle: { enabled: true, writesBurst: 4, writesPerSecond: 20 } });
    const token = await h.token(ADMIN);
    const page = await listArmRequestPage({ category: assignmentCategory, view: "all", cursor: undefined, token });
    const subscriptionOf = (scope: string | undefined) => /^\/subscriptions\/[^/]+/i.exec(scope ?? "")?.[0].toLowerCase();
    const open = page.items.filter((item) => item.cancellable && subscriptionOf(item.scope?.id) === ARM_SCOPES.contosoProduction.toLowerCase()).slice(0, 6);
    expect(open).toHaveLength(6);
    await h.control("requests", undefined, "DELETE");
    const { reports, concurrency } = await run(
      open.map((item, index) => ({ index, category: assignmentCategory, id: item.id })),
      token,
    );
    expect(concurrency).toBe(Math.min(ARM_CANCEL_CONCURRENCY, open.length));
    expect(reports).toHaveLength(open.length);
    expect(reports.every((r) => r.verdict.outcome === "cancelled")).toBe(true);
    const posts = (await armLog()).filter((c) => c.method === "POST");
    expect(posts.filter((c) => c.status === 429).length).toBeGreaterThan(0);
    expect(posts.filter((c) => c.status === 200)).toHaveLength(open.length);
    for (const item of open) expect(await storedStatus({ kind: "assignment", name: assignmentCategory.requestRef(item.id).name })).toBe("Canceled");
  });

  it("reports a claims challenge with the claims ARM asked for", async () => {
    await h.control("claims-challenge", { authContext: "c1", method: "POST", pathPattern: "/cancel$" });
    const { reports } = await run(itemsOf([A.meganCancellable]), await h.token(MEGAN, { capabilities: ["cp1"] }));
    expect(reports).toEqual([
      { index: 100, attempts: 1, verdict: expect.objectContaining({ outcome: "claims_challenge", claims: expect.stringMatching(/^[A-Za-z0-9+/=]+$/), upstreamCode: "InvalidAuthenticationToken" }) },
    ]);
    expect(await storedStatus(A.meganCancellable)).toBe("PendingApproval");
  });

  it("stops sending when the run is aborted, and reports nothing it did not see answered", async () => {
    await h.control("config", { latencyMs: 150 });
    const token = await h.token(ADMIN);
    const picks = [A.adminCancellable, E.adminCancellable, A.colleagueCancellable, E.colleagueCancellable, A.meganCancellable, E.meganCancellable];
    const stop = new AbortController();
    setTimeout(() => stop.abort(), 50);
    await h.control("requests", undefined, "DELETE");
    const { reports } = await run(itemsOf(picks), token, stop.signal);
    expect(reports).toEqual([]);
    const already = new AbortController();
    already.abort();
    expect((await run(itemsOf(picks), token, already.signal)).calls).toBe(0);
  });

  it("ends the run when ARM rejects the token: the refused item and those never sent are token_rejected, none failed", async () => {
    const token = await h.token(ADMIN);
    const open = (await listArmRequestPage({ category: assignmentCategory, view: "all", cursor: undefined, token })).items.filter((r) => r.cancellable).slice(0, 14);
    expect(open.length).toBeGreaterThan(ARM_CANCEL_CONCURRENCY);
    await h.control("faults", { method: "POST", pathPattern: "/cancel$", status: 401, times: 1, code: "ExpiredAuthenticationToken" });
    const lines: BulkLine[] = [];
    await runCancels({ items: open.map((r) => ({ category: assignmentCategory, id: r.id })), view: "all", tokens: { arm: token } }, (line) => lines.push(line));
    const outcomes = lines.filter((l): l is BulkOutcomeLine => l.type === "outcome");
    expect(outcomes).toHaveLength(open.length);
    expect(outcomes.some((o) => o.outcome === "failed")).toBe(false);
    const rejected = outcomes.filter((o) => o.outcome === "token_rejected");
    expect(rejected.length).toBeGreaterThanOrEqual(1);
    expect(rejected.every((o) => o.upstream === "arm")).toBe(true);
    // Cancelled ones are Canceled in ARM; the others are as they were: nothing was done to them.
    const before = new Map(open.map((r) => [r.id, r.status]));
    for (const o of outcomes) {
      const stored = await storedStatus({ kind: "assignment", name: assignmentCategory.requestRef(o.id).name });
      expect([o.outcome, stored]).toEqual(o.outcome === "cancelled" ? ["cancelled", "Canceled"] : ["token_rejected", before.get(o.id)]);
    }
  });
});
