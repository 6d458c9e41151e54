import { afterEach, describe, expect, it, vi } from "vitest";

import { ADMIN, MEGAN } from "../demo-tenant";
import { SEED_LANDMARKS } from "./seed";
import { groupId } from "./seed/directory-seed";
import { AP_V1_BASE, PIM_GROUP_BASE, harnessForFile } from "./test-harness";

// 40 generated requests per collection on top of the hand-written ones, 7 per page.
const h = harnessForFile({ pageSize: 7, seed: { extraRequestsPerCollection: 40 } });
// A test on the fake clock that failed midway must not leave it to the next.
afterEach(() => {
  vi.useRealTimers();
});

// Captured before any test fakes setTimeout, to let real HTTP round trips happen while the fake clock stands still.
const realSetTimeout = globalThis.setTimeout;
async function pollUntil(condition: () => boolean, maxMs = 10_000) {
  for (let waited = 0; waited < maxMs && !condition(); waited += 10) await new Promise((resolve) => realSetTimeout(resolve, 10));
}

const ids = (pages: Array<{ body: { value: Array<{ id: string }> } }>) => pages.flatMap((p) => p.body.value.map((r) => r.id));

describe("paging", () => {
  it("follows @odata.nextLink verbatim to every item exactly once, keeping the query options", async () => {
    const token = await h.token(ADMIN);
    const first = `${AP_V1_BASE}?$expand=requestor&$select=id,state,createdDateTime`;
    const pages = await h.allPages(first, token);
    expect(pages.length).toBe(Math.ceil(63 / 7));
    for (const page of pages.slice(0, -1)) {
      expect(page.body.value).toHaveLength(7);
      const link = new URL(page.body["@odata.nextLink"]);
      expect(`${link.origin}${link.pathname}`).toBe(`${h.url}${AP_V1_BASE}`);
      expect(link.searchParams.get("$expand")).toBe("requestor");
      expect(link.searchParams.get("$select")).toBe("id,state,createdDateTime");
      expect(link.searchParams.get("$skiptoken")).toBeTruthy();
    }
    expect(pages.at(-1)!.body).not.toHaveProperty("@odata.nextLink");
    const all = ids(pages);
    expect(all).toHaveLength(63);
    expect(new Set(all).size).toBe(63);
    const created = pages.flatMap((p) => p.body.value.map((r: { createdDateTime: string }) => r.createdDateTime));
    expect([...created].sort()).toEqual(created);
  });

  it("still reaches every item once when a request is cancelled between pages", async () => {
    const token = await h.token(ADMIN);
    const firstPage = await h.call(AP_V1_BASE, { token });
    await h.call(`${AP_V1_BASE}/${SEED_LANDMARKS.accessPackage.colleagueCancellable.id}/cancel`, { method: "POST", token });
    const rest = await h.allPages(firstPage.body["@odata.nextLink"], token);
    const all = [...firstPage.body.value.map((r: { id: string }) => r.id), ...ids(rest)];
    expect(new Set(all).size).toBe(63);
    expect(all).toHaveLength(63);
  });

  it("pages filterByCurrentUser and the groups list the same way", async () => {
    const token = await h.token(ADMIN);
    const groups = await h.allPages("/v1.0/groups?$filter=securityEnabled eq true&$select=id,displayName", token);
    expect(groups.length).toBe(2);
    expect(ids(groups)).toHaveLength(12);
    const approvals = await h.allPages(`${PIM_GROUP_BASE}/assignmentScheduleRequests/filterByCurrentUser(on='approver')`, token);
    expect(new Set(ids(approvals)).size).toBe(ids(approvals).length);
  });

  it("honours $top up to the page size and carries it into the next link", async () => {
    const token = await h.token(ADMIN);
    const two = await h.call(`${AP_V1_BASE}?$top=2`, { token });
    expect(two.body.value).toHaveLength(2);
    expect(new URL(two.body["@odata.nextLink"]).searchParams.get("$top")).toBe("2");
    expect((await h.call(`${AP_V1_BASE}?$top=500`, { token })).body.value).toHaveLength(7);
    expect((await h.call(`${AP_V1_BASE}?$top=abc`, { token })).status).toBe(400);
    expect((await h.call(`${AP_V1_BASE}?$skiptoken=garbage`, { token })).status).toBe(400);
  });

  it("adds @odata.count on the first page when asked", async () => {
    const answer = await h.call(`${AP_V1_BASE}?$count=true`, { token: await h.token(ADMIN) });
    expect(answer.body["@odata.count"]).toBe(63);
  });
});

describe("$batch", () => {
  const batch = (requests: unknown[], token?: string, version = "v1.0") => h.call(`/${version}/$batch`, { token, body: { requests } });

  it("answers each item with its own status; a 204 item has body null", async () => {
    const token = await h.token(ADMIN);
    const answer = await batch(
      [
        { id: "groups", method: "GET", url: "/groups?$select=id&$top=1" },
        { id: "list", method: "GET", url: `identityGovernance/privilegedAccess/group/assignmentScheduleRequests?$filter=groupId eq '${groupId("campaign-editors")}'` },
        { id: "cancel", method: "POST", url: `/identityGovernance/privilegedAccess/group/assignmentScheduleRequests/${SEED_LANDMARKS.groupAssignment.colleagueCancellable.id}/cancel` },
        { id: "final", method: "POST", url: `/identityGovernance/privilegedAccess/group/assignmentScheduleRequests/${SEED_LANDMARKS.groupAssignment.adminClosed.id}/cancel` },
        { id: "missing", method: "GET", url: "/identityGovernance/privilegedAccess/group/assignmentScheduleRequests/nope" },
        { id: "unknown", method: "GET", url: "/nothingHere" },
      ],
      token,
    );
    expect(answer.status).toBe(200);
    const byId = Object.fromEntries(answer.body.responses.map((r: { id: string }) => [r.id, r]));
    expect(byId.groups.status).toBe(200);
    expect(byId.groups.body["@odata.nextLink"]).toMatch(new RegExp(`^${h.url}/v1.0/groups\\?`));
    expect(byId.list.status).toBe(200);
    expect(byId.cancel).toMatchObject({ status: 204, body: null });
    expect(byId.final.status).toBe(400);
    expect(byId.final.body.error.code).toBe("RequestCannotBeCancelled");
    expect(byId.missing.body.error.code).toBe("itemNotFound");
    expect(byId.unknown.status).toBe(400);
  });

  it("accepts 20 items and refuses 21, duplicate ids and a malformed envelope", async () => {
    const token = await h.token(ADMIN);
    const item = (i: number) => ({ id: String(i), method: "GET", url: "/me" });
    const twenty = await batch(Array.from({ length: 20 }, (_, i) => item(i)), token);
    expect(twenty.status).toBe(200);
    expect(twenty.body.responses).toHaveLength(20);
    const tooMany = await batch(Array.from({ length: 21 }, (_, i) => item(i)), token);
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.code).toBe("BadRequest");
    expect((await batch([item(1), item(1)], token)).status).toBe(400);
    expect((await batch([{ method: "GET", url: "/me" }], token)).status).toBe(400);
    expect((await h.call("/v1.0/$batch", { token, body: { nope: [] } })).status).toBe(400);
  });

  it("uses the envelope's token for every item", async () => {
    const none = await batch([{ id: "1", method: "GET", url: "/me" }]);
    expect(none.status).toBe(200);
    expect(none.body.responses[0].status).toBe(401);
    const megan = await batch([{ id: "1", method: "GET", url: "/identityGovernance/entitlementManagement/assignmentRequests" }], await h.token(MEGAN));
    expect(megan.body.responses[0].status).toBe(403);
  });

  it("throttles per item: an injected 429 carries Retry-After and the TooManyRequests body", async () => {
    await h.call("/_emulator/faults", { body: { pathPattern: "/assignmentScheduleRequests$", status: 429, times: 1, retryAfterSeconds: 2 } });
    const filter = (key: string) => `/identityGovernance/privilegedAccess/group/assignmentScheduleRequests?$filter=groupId eq '${groupId(key)}'`;
    const answer = await batch(
      [
        { id: "a", method: "GET", url: filter("campaign-editors") },
        { id: "b", method: "GET", url: filter("legal-hold") },
      ],
      await h.token(ADMIN),
    );
    const statuses = answer.body.responses.map((r: { status: number }) => r.status).sort();
    expect(statuses).toEqual([200, 429]);
    const throttled = answer.body.responses.find((r: { status: number }) => r.status === 429);
    expect(throttled.headers["Retry-After"]).toBe("2");
    expect(throttled.body.error).toMatchObject({ code: "TooManyRequests", message: "Please retry again later.", innerError: { code: "429", status: "429" } });
  });

  it("answers 424 for an item whose dependency failed, and refuses nested batches", async () => {
    const token = await h.token(ADMIN);
    const answer = await batch(
      [
        { id: "1", method: "GET", url: "/identityGovernance/privilegedAccess/group/assignmentScheduleRequests/nope" },
        { id: "2", method: "GET", url: "/me", dependsOn: ["1"] },
        { id: "3", method: "POST", url: "/$batch", body: { requests: [] } },
      ],
      token,
    );
    const byId = Object.fromEntries(answer.body.responses.map((r: { id: string }) => [r.id, r]));
    expect(byId["2"].status).toBe(424);
    expect(byId["3"].status).toBe(400);
    expect((await batch([{ id: "1", method: "GET", url: "/me", dependsOn: ["9"] }], token)).status).toBe(400);
  });

  it("runs items side by side: all 20 wait out their latency at once, and one latency answers the batch", async () => {
    // The latency runs on vitest's fake clock, which moves only when told: this test reads no clock and waits out no
    // latency (bench B3 measures what batches cost in real time). Items run one after another would never have 20
    // latencies pending at once, nor be answered after one.
    const LATENCY_MS = 5_000;
    const token = await h.token(ADMIN);
    await h.call("/v1.0/me", { token }); // the signing keys are fetched now, on real timers
    await h.call("/_emulator/config", { body: { latencyMs: LATENCY_MS } });
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const answer = batch(Array.from({ length: 20 }, (_, i) => ({ id: String(i), method: "GET", url: "/me" })), token);
    // At least 20 pending: the HTTP client may hold a timer of its own.
    await pollUntil(() => vi.getTimerCount() >= 20);
    expect(vi.getTimerCount()).toBeGreaterThanOrEqual(20);
    await vi.advanceTimersByTimeAsync(LATENCY_MS);
    const { body } = await answer;
    expect(body.responses.map((r: { status: number }) => r.status)).toEqual(Array<number>(20).fill(200));
  });

  it("works on beta too", async () => {
    const answer = await batch([{ id: "1", method: "GET", url: "/identityGovernance/entitlementManagement/accessPackageAssignmentRequests?$top=1" }], await h.token(ADMIN), "beta");
    expect(answer.body.responses[0].status).toBe(200);
    expect(answer.body.responses[0].body.value[0]).toHaveProperty("requestState");
  });
});
