import { expect, test } from "@playwright/test";
import { apiCallsAsAdmin } from "../support/api-suite";
import { bulkLineSchema, type BulkDoneLine, type BulkLine, type BulkOutcomeLine } from "../../lib/requests/bulk-outcome";
import { GRAPH_EMULATOR_URL } from "../../scripts/demo-env";
import { CATEGORIES_UNDER_TEST, storedStatus } from "../support/categories";
import { graphLog, graphState } from "../support/emulator";

// POST /api/requests/cancel through the running app: bad input never reaches Graph, and a real run streams one
// NDJSON outcome per item between a start and a done line.

const auth = apiCallsAsAdmin();
const good = { category: "group-assignment", id: "6aacaee8-4089-4048-9510-3119367fc943" };

for (const [what, items, message] of [
  ["no items", [], /at least one/i],
  ["1001 items", Array.from({ length: 1001 }, (_, i) => ({ category: "group-assignment", id: `id-${i}` })), /at most 1000/i],
  ["an unknown category", [good, { category: "printer-requests", id: "abc" }], /items\.1\.category/],
  ["a bad id", [{ category: "group-assignment", id: "../users" }], /items\.0\.id/],
  ["a duplicate", [good, { ...good }], /items\.1/],
] as const) {
  test(`${what} is a 400 before any Graph call`, async ({ request }) => {
    const response = await request.post("/api/requests/cancel", { headers: auth(), data: { items } });
    expect(response.status()).toBe(400);
    const { error } = await response.json();
    expect(error.code).toBe("invalid_input");
    expect(error.message).toMatch(message);
    expect(await graphLog(request)).toEqual([]);
  });
}

test("a run streams a start line, one outcome per item and a done line; a throttled item is retried", async ({ request }) => {
  const landmark = (slug: string, key: "colleagueCancellable" | "colleagueNotCancellable" | "colleagueClosed") => {
    const under = CATEGORIES_UNDER_TEST.find((c) => c.slug === slug)!;
    return { under, graphId: under.landmarks[key].id, item: { category: slug, id: under.appId(under.landmarks[key]) } };
  };
  const cancellable = CATEGORIES_UNDER_TEST.map((c) => landmark(c.slug, "colleagueCancellable"));
  const stillOpen = landmark("directory-role-assignment", "colleagueNotCancellable");
  const closed = landmark("access-package", "colleagueClosed");
  const throttled = cancellable.find((c) => c.under.slug === "group-assignment")!;
  const items = [...cancellable, stillOpen, closed].map((c) => c.item);

  // Graph throttles this one cancel once.
  const fault = await request.post(`${GRAPH_EMULATOR_URL}/_emulator/faults`, {
    data: { method: "POST", pathPattern: `/${throttled.graphId}/cancel$`, status: 429, times: 1, retryAfterSeconds: 0.2 },
  });
  expect(fault.ok()).toBe(true);

  const response = await request.post("/api/requests/cancel", { headers: auth(), data: { items, view: "all" } });
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/x-ndjson; charset=utf-8");
  const lines: BulkLine[] = (await response.text()).trimEnd().split("\n").map((line) => bulkLineSchema.parse(JSON.parse(line)));

  expect(lines[0]).toEqual({ type: "start", total: items.length });
  const done = lines.at(-1) as BulkDoneLine;
  expect(done.type).toBe("done");
  const outcomes = lines.slice(1, -1) as BulkOutcomeLine[];
  expect(outcomes.map((o) => `${o.category}:${o.id}`).sort()).toEqual(items.map((i) => `${i.category}:${i.id}`).sort());
  expect(Object.values(done.counts).reduce((a, b) => a + b, 0)).toBe(items.length);
  expect(done.counts).toEqual({ cancelled: cancellable.length, already_final: 1, not_cancellable: 1, forbidden: 0, failed: 0, claims_challenge: 0, token_rejected: 0 });

  const outcomeOf = (c: { item: { category: string; id: string } }) => outcomes.find((o) => o.category === c.item.category && o.id === c.item.id)!;
  expect(outcomeOf(throttled)).toMatchObject({ outcome: "cancelled", attempts: 2 });
  expect(outcomeOf(stillOpen)).toMatchObject({ outcome: "not_cancellable", upstreamCode: "RequestCannotBeCancelled", upstreamStatus: "PendingProvisioning" });
  expect(outcomeOf(closed)).toMatchObject({ outcome: "already_final", attempts: 1 });
  for (const c of cancellable) expect(storedStatus(await graphState(request, c.under.collection, c.graphId))).toBe(c.under.cancelledStatus);

  // Everything went through $batch; the server counts exactly what Graph received.
  const log = await graphLog(request);
  const envelopes = log.filter((c) => !c.viaBatch);
  expect(envelopes.every((c) => c.path.endsWith("/$batch"))).toBe(true);
  expect(done.graphRoundTrips).toBe(envelopes.length);
  expect(log.filter((c) => c.viaBatch && c.status === 429)).toHaveLength(1);
});
