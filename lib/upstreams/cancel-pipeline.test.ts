import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as bulkPost } from "@/app/api/requests/cancel/route";
import { POST as singlePost } from "@/app/api/requests/[category]/[id]/cancel/route";
import { bulkLineSchema, type BulkOutcomeLine } from "@/lib/requests/bulk-outcome";
import { CATEGORIES_UNDER_TEST, storedStatus } from "../../e2e/support/categories";
import { ADMIN } from "../../stand-ins/demo-tenant";
import { startHarness, type Harness } from "../../stand-ins/graph-emulator/test-harness";

// One cancel pipeline, single and bulk, against the real Graph emulator: a cancel Graph carried out but whose answer
// was lost reads as cancelled, and a token Graph rejects asks for a new sign-in instead of failing requests.

let h: Harness;
let token = "";

beforeAll(async () => {
  h = await startHarness({ seed: { extraRequestsPerCollection: 20 } });
  vi.stubEnv("GRAPH_BASE_URL", h.url);
  token = await h.token(ADMIN);
});
afterAll(() => h.close());
beforeEach(async () => {
  await h.reset();
});

const groups = CATEGORIES_UNDER_TEST.find((c) => c.slug === "group-assignment")!;
const accessPackages = CATEGORIES_UNDER_TEST.find((c) => c.slug === "access-package")!;

function cancelOne(slug: string, id: string): Promise<Response> {
  return singlePost(
    new Request(`http://localhost/api/requests/${slug}/${id}/cancel`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ view: "all" }),
    }),
    { params: Promise.resolve({ category: slug, id }) },
  );
}

async function cancelMany(items: Array<{ category: string; id: string }>): Promise<BulkOutcomeLine[]> {
  const response = await bulkPost(
    new Request("http://localhost/api/requests/cancel", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ items, view: "all" }),
    }),
  );
  expect(response.status).toBe(200);
  const lines = (await response.text()).trimEnd().split("\n").map((line) => bulkLineSchema.parse(JSON.parse(line)));
  return lines.filter((line): line is BulkOutcomeLine => line.type === "outcome");
}

const cancelPosts = async (id: string) =>
  ((await h.call("/_emulator/requests")).body as Array<{ method: string; path: string; status: number }>).filter((c) => c.method === "POST" && c.path.endsWith(`${id}/cancel`));

describe("a cancel whose answer was lost", () => {
  it("single: Graph cancelled it but answered 504, the retry was refused, and the user is told it is cancelled", async () => {
    const landmark = groups.landmarks.colleagueCancellable;
    await h.call("/_emulator/lost-answers", { body: { status: 504 } });
    const response = await cancelOne(groups.slug, groups.appId(landmark));
    expect(response.status).toBe(200);
    expect((await response.json()).item).toMatchObject({ status: "Canceled", stage: "cancelled", isOpen: false });
    expect((await cancelPosts(landmark.id)).map((c) => c.status)).toEqual([504, 400]);
  });

  it("single: a refusal with every answer heard stays a refusal (409), naming the status read back", async () => {
    const landmark = groups.landmarks.colleagueNotCancellable;
    const response = await cancelOne(groups.slug, groups.appId(landmark));
    expect(response.status).toBe(409);
    expect((await response.json()).error).toMatchObject({ code: "not_cancellable", message: expect.stringContaining("still open") });
  });

  it("bulk: lost answers (503) of requests Graph cancelled read as cancelled, each cancel sent at most twice", async () => {
    const picks = [groups.landmarks.colleagueCancellable, groups.landmarks.adminCancellable];
    const ap = accessPackages.landmarks.colleagueCancellable;
    await h.call("/_emulator/lost-answers", { body: { status: 503, times: 3 } });
    const items = [...picks.map((l) => ({ category: groups.slug, id: groups.appId(l) })), { category: accessPackages.slug, id: accessPackages.appId(ap) }];
    const outcomes = await cancelMany(items);
    expect(outcomes.map((o) => o.outcome)).toEqual(["cancelled", "cancelled", "cancelled"]);
    for (const l of picks) expect(storedStatus((await h.call(`/_emulator/state/${groups.collection}/${l.id}`)).body)).toBe("Canceled");
    for (const id of [...picks.map((l) => l.id), ap.id]) expect((await cancelPosts(id)).length).toBeLessThanOrEqual(2);
  });
});

describe("a token Graph rejects", () => {
  it("single: answers 401 unauthenticated (sign in again), and nothing was cancelled", async () => {
    const landmark = groups.landmarks.colleagueCancellable;
    await h.call("/_emulator/token-expiry", { body: {} });
    const response = await cancelOne(groups.slug, groups.appId(landmark));
    expect(response.status).toBe(401);
    expect((await response.json()).error).toMatchObject({ code: "unauthenticated", upstream: "graph", message: expect.stringMatching(/sign in again/i) });
    expect(storedStatus((await h.call(`/_emulator/state/${groups.collection}/${landmark.id}`)).body)).toBe(landmark.status);
  });

  it("bulk: the refused item is token_rejected, not failed; the items Graph answered keep their outcomes", async () => {
    const [a, b] = [groups.landmarks.colleagueCancellable, groups.landmarks.adminCancellable];
    await h.call("/_emulator/token-expiry", { body: { pathPattern: `${b.id}/cancel$` } });
    const outcomes = await cancelMany([a, b].map((l) => ({ category: groups.slug, id: groups.appId(l) })));
    const byId = new Map(outcomes.map((o) => [o.id, o]));
    expect(byId.get(groups.appId(a))?.outcome).toBe("cancelled");
    expect(byId.get(groups.appId(b))).toMatchObject({ outcome: "token_rejected", upstream: "graph" });
    expect(outcomes.some((o) => o.outcome === "failed")).toBe(false);
  });
});
