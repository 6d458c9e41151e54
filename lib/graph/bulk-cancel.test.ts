import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { DELETE, GET, OPTIONS, POST } from "@/app/api/requests/cancel/route";
import { bulkLineSchema, type BulkDoneLine, type BulkLine, type BulkOutcome, type BulkOutcomeLine } from "@/lib/requests/bulk-outcome";
import type { CategorySlug } from "@/lib/requests/pending-request";
import { CATEGORIES_UNDER_TEST, storedStatus, type CategoryUnderTest } from "../../e2e/support/categories";
import { ADMIN, MEGAN } from "../../stand-ins/demo-tenant";
import type { CollectionLandmarks } from "../../stand-ins/graph-emulator/seed";
import { startHarness, type Harness } from "../../stand-ins/graph-emulator/test-harness";

// The bulk cancel route against the real Graph emulator, in-process: every item must end with exactly one
// outcome that matches what the emulator then stores, in as few Graph round trips as the contract allows.

let h: Harness;
let adminToken = "";

beforeAll(async () => {
  // Extra requests give the 45- and 100-item runs enough real, cancellable v1.0 requests.
  h = await startHarness({ seed: { extraRequestsPerCollection: 20 } });
  // Before the first serverEnv() call, which caches the configuration.
  vi.stubEnv("GRAPH_BASE_URL", h.url);
  adminToken = await h.token(ADMIN);
});
afterAll(() => h.close());
beforeEach(async () => {
  await h.reset();
});

type LandmarkKey = keyof CollectionLandmarks;
const category = (slug: CategorySlug) => CATEGORIES_UNDER_TEST.find((c) => c.slug === slug)!;

interface Pick {
  under: CategoryUnderTest;
  key: LandmarkKey;
  expected: BulkOutcome;
}

const pick = (under: CategoryUnderTest, key: LandmarkKey, expected: BulkOutcome): Pick => ({ under, key, expected });
const appIdOf = (p: Pick) => p.under.appId(p.under.landmarks[p.key]);
const itemOf = (p: Pick) => ({ category: p.under.slug, id: appIdOf(p) });

async function bulk(body: unknown, token: string | null = adminToken): Promise<Response> {
  return POST(
    new Request("http://localhost/api/requests/cancel", {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    }),
  );
}

async function linesOf(response: Response): Promise<BulkLine[]> {
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/x-ndjson; charset=utf-8");
  const text = await response.text();
  expect(text.endsWith("\n")).toBe(true);
  return text.trimEnd().split("\n").map((line) => bulkLineSchema.parse(JSON.parse(line)));
}

/** Checks the frame (start, one outcome per item, done whose counts add up) and returns outcomes by item. */
function framed(lines: BulkLine[], items: ReadonlyArray<{ category: string; id: string }>) {
  const [start, ...rest] = lines;
  const done = rest.pop();
  expect(start).toEqual({ type: "start", total: items.length });
  expect(done?.type).toBe("done");
  const outcomes = rest as BulkOutcomeLine[];
  expect(outcomes.every((line) => line.type === "outcome")).toBe(true);
  const byKey = new Map(outcomes.map((o) => [`${o.category}:${o.id}`, o]));
  expect(byKey.size).toBe(outcomes.length);
  expect([...byKey.keys()].sort()).toEqual(items.map((i) => `${i.category}:${i.id}`).sort());
  const counts = (done as BulkDoneLine).counts;
  for (const [outcome, n] of Object.entries(counts)) expect(outcomes.filter((o) => o.outcome === outcome)).toHaveLength(n);
  for (const o of outcomes) expect(new Date(o.at).toISOString()).toBe(o.at);
  return { outcomes: byKey, done: done as BulkDoneLine };
}

async function graphLog(): Promise<Array<{ method: string; path: string; status: number; viaBatch: boolean }>> {
  return (await h.call("/_emulator/requests")).body;
}

const roundTripsIn = (log: Awaited<ReturnType<typeof graphLog>>) => log.filter((c) => !c.viaBatch).length;

async function stored(p: Pick): Promise<string> {
  const record = await h.call(`/_emulator/state/${p.under.collection}/${p.under.landmarks[p.key].id}`);
  expect(record.status).toBe(200);
  return storedStatus(record.body);
}

describe("a mixed run across categories and Graph versions", () => {
  // v1.0: PIM for Groups, access packages, PIM v3 roles; beta: PIM v2 and PIM v1.
  const picks: Pick[] = [
    ...CATEGORIES_UNDER_TEST.map((c) => pick(c, "colleagueCancellable", "cancelled")),
    ...["group-assignment", "group-eligibility", "access-package", "directory-role-assignment", "directory-role-eligibility", "governance-role"].map(
      (slug) => pick(category(slug as CategorySlug), "colleagueNotCancellable", "not_cancellable"),
    ),
    // PIM v1's colleague landmark is Cancelling, which is closed; Approved is open but past cancelling.
    pick(category("privileged-role"), "adminNotCancellable", "not_cancellable"),
    ...CATEGORIES_UNDER_TEST.map((c) => pick(c, "colleagueClosed", "already_final")),
  ];

  it("gives every item exactly one correct outcome, retries only the throttled ones, and matches Graph's state", async () => {
    await h.call("/_emulator/faults", { body: { method: "POST", pathPattern: "/cancel$", status: 429, times: 2, retryAfterSeconds: 0.2 } });
    const items = picks.map(itemOf);
    const { outcomes, done } = framed(await linesOf(await bulk({ items, view: "all" })), items);

    for (const p of picks) {
      const line = outcomes.get(`${p.under.slug}:${appIdOf(p)}`)!;
      expect({ item: `${p.under.slug} ${p.key}`, outcome: line.outcome }).toEqual({ item: `${p.under.slug} ${p.key}`, outcome: p.expected });
      const before = p.under.landmarks[p.key].status;
      if (p.expected === "cancelled") {
        expect(await stored(p)).toBe(p.under.cancelledStatus);
      } else {
        expect(await stored(p)).toBe(before);
        // Read back after the refusal: Graph's current status (access packages report the coarse state, so
        // "delivering" for the detail status Delivering), and for a real refusal Graph's code.
        expect(line.upstreamStatus?.toLowerCase()).toBe(before.toLowerCase());
        if (p.expected === "not_cancellable") expect(line.upstreamCode).toMatch(/RequestCannotBeCancelled|BadRequest/);
      }
    }
    // PIM v1's cancel returns the entity, so its status is known without a read-back.
    expect(outcomes.get(`privileged-role:${appIdOf(picks[6]!)}`)?.upstreamStatus).toBe("Cancelling");
    expect(done.counts).toEqual({ cancelled: 7, already_final: 7, not_cancellable: 7, forbidden: 0, failed: 0, claims_challenge: 0, token_rejected: 0 });

    const attempts = [...outcomes.values()].map((o) => o.attempts).sort();
    expect(attempts).toEqual([...Array<number>(picks.length - 2).fill(1), 2, 2]);

    // 15 v1.0 + 6 beta items: one $batch each, at most one retry batch per version, one read-back batch per version.
    const log = await graphLog();
    expect(log.every((c) => c.viaBatch || c.path.endsWith("/$batch"))).toBe(true);
    expect(done.graphRoundTrips).toBe(roundTripsIn(log));
    expect(done.graphRoundTrips).toBeLessThanOrEqual(2 + 2 + 2);
    expect(log.filter((c) => c.viaBatch && c.method === "POST")).toHaveLength(picks.length + 2);
    expect(log.filter((c) => c.viaBatch && c.method === "GET")).toHaveLength(14);
  });

  it("writes the start line before Graph has answered", async () => {
    // Graph answers after a second; the emulator logs a call once it has answered it (engine/pipeline.ts), so an
    // empty log when the first line arrives means the route wrote it before any answer, instead of buffering.
    await h.call("/_emulator/config", { body: { latencyMs: 1_000 } });
    const items = picks.slice(0, 3).map(itemOf);
    const reader = (await bulk({ items })).body!.getReader();
    const decoder = new TextDecoder();
    const first = decoder.decode((await reader.read()).value);
    expect(first.trimEnd().split("\n").map((line) => JSON.parse(line) as BulkLine)).toEqual([{ type: "start", total: 3 }]);
    expect(await graphLog()).toEqual([]);
    // The rest arrives once Graph has answered (read to the end, so no batch is left running into the next test).
    let rest = "";
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) rest += decoder.decode(chunk.value);
    const lines = rest.trimEnd().split("\n").map((line) => JSON.parse(line) as BulkLine);
    expect(lines.map((line) => (line.type === "outcome" ? line.outcome : line.type))).toEqual(["cancelled", "cancelled", "cancelled", "done"]);
    expect((await graphLog()).filter((c) => c.viaBatch && c.method === "POST")).toHaveLength(3);
  });
});

describe("when the browser goes away", () => {
  it("sends nothing more once the stream is cancelled", async () => {
    await h.call("/_emulator/config", { body: { latencyMs: 200 } });
    const items = Array.from({ length: 100 }, (_, i) => ({ category: "group-assignment", id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}` }));
    const response = await bulk({ items });
    const reader = response.body!.getReader();
    await reader.read();
    await reader.cancel();
    // The four batches already in flight finish; the fifth is never sent.
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(roundTripsIn(await graphLog())).toBe(4);
  });
});

describe("batching", () => {
  async function cancellable(collection: string, statuses: readonly string[], count: number): Promise<string[]> {
    const records = (await h.call(`/_emulator/state/${collection}`)).body as Array<{ id: string; status: string }>;
    return records.filter((r) => statuses.includes(r.status)).slice(0, count).map((r) => r.id);
  }

  it("sends 45 items as 3 $batch requests of at most 20", async () => {
    const PIM_V3_OPEN = ["PendingApproval", "PendingAdminDecision", "Granted"];
    const pools = await Promise.all(
      [
        { slug: "group-assignment", statuses: PIM_V3_OPEN },
        { slug: "group-eligibility", statuses: PIM_V3_OPEN },
        { slug: "access-package", statuses: ["Accepted", "PendingApproval", "PendingNotBefore", "PendingApprovalEscalated"] },
        { slug: "directory-role-assignment", statuses: ["Granted"] },
        { slug: "directory-role-eligibility", statuses: ["Granted"] },
      ].map(async ({ slug, statuses }) => {
        const ids = await cancellable(category(slug as CategorySlug).collection, statuses, 20);
        return ids.map((id) => ({ category: slug, id }));
      }),
    );
    const items = pools.flat().slice(0, 45);
    expect(items).toHaveLength(45);
    const { outcomes, done } = framed(await linesOf(await bulk({ items })), items);
    expect(done.counts.cancelled).toBe(45);
    expect([...outcomes.values()].every((o) => o.attempts === 1)).toBe(true);
    const log = await graphLog();
    expect(log.filter((c) => !c.viaBatch).map((c) => c.path)).toEqual(["/v1.0/$batch", "/v1.0/$batch", "/v1.0/$batch"]);
    expect(log.filter((c) => c.viaBatch)).toHaveLength(45);
    expect(done.graphRoundTrips).toBe(3);
  });

  // 429 and 503 are the statuses graphRequest would itself retry: the run must be the only one to resend, so that
  // every $batch sent is one attempt of its items and one of the round trips it reports.
  it.each([500, 503, 429])("retries the items of a $batch that failed as a whole (%i), counting every send", async (status) => {
    await h.call("/_emulator/faults", { body: { method: "POST", pathPattern: "/\\$batch$", status, times: 1, retryAfterSeconds: 0.1 } });
    const picks = [pick(category("group-assignment"), "colleagueCancellable", "cancelled"), pick(category("access-package"), "colleagueCancellable", "cancelled")];
    const items = picks.map(itemOf);
    const { outcomes, done } = framed(await linesOf(await bulk({ items })), items);
    expect([...outcomes.values()].map((o) => [o.outcome, o.attempts])).toEqual([["cancelled", 2], ["cancelled", 2]]);
    const log = await graphLog();
    expect(log.filter((c) => c.path === "/v1.0/$batch").map((c) => c.status)).toEqual([status, 200]);
    expect(done.graphRoundTrips).toBe(2);
    expect(done.graphRoundTrips).toBe(roundTripsIn(log));
    for (const p of picks) expect(await stored(p)).toBe(p.under.cancelledStatus);
  });

  it("stops sending once Graph refuses the token, and asks the user to sign in again instead of failing the items", async () => {
    const items = Array.from({ length: 100 }, (_, i) => ({ category: "group-assignment", id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}` }));
    const refused = await h.token(ADMIN, { foreignKey: true });
    const { outcomes, done } = framed(await linesOf(await bulk({ items }, refused)), items);
    expect(done.counts).toMatchObject({ token_rejected: 100, failed: 0 });
    expect([...outcomes.values()].every((o) => /sign in again/i.test(o.message) && o.upstream === "graph")).toBe(true);
    // The 80 in the batches under way were refused unread; the other 20 were never sent.
    expect([...outcomes.values()].filter((o) => o.attempts === 0)).toHaveLength(20);
    // Four batches were already in flight; the fifth was never sent.
    expect(done.graphRoundTrips).toBe(4);
    expect(roundTripsIn(await graphLog())).toBe(4);
  });
});

describe("who may cancel", () => {
  it("reports forbidden for a non-admin's cancel of other people's requests, and cancels her own from 'My requests'", async () => {
    const megan = await h.token(MEGAN);
    const others = ["group-assignment", "access-package", "directory-role-assignment", "governance-role", "privileged-role"].map((slug) =>
      pick(category(slug as CategorySlug), "colleagueCancellable", "forbidden"),
    );
    const items = others.map(itemOf);
    const { outcomes } = framed(await linesOf(await bulk({ items, view: "all" }, megan)), items);
    for (const p of others) {
      const line = outcomes.get(`${p.under.slug}:${appIdOf(p)}`)!;
      expect([p.under.slug, line.outcome]).toEqual([p.under.slug, "forbidden"]);
      expect(line.message).toMatch(/does not let you cancel/);
      expect(await stored(p)).toBe(p.under.landmarks[p.key].status);
    }

    // Her own access package request goes through the beta self-service path with its body.
    const own = pick(category("access-package"), "meganCancellable", "cancelled");
    const mine = [itemOf(own)];
    const result = framed(await linesOf(await bulk({ items: mine, view: "mine" }, megan)), mine);
    expect(result.outcomes.get(`access-package:${appIdOf(own)}`)?.outcome).toBe("cancelled");
    expect(await stored(own)).toBe("Canceled");
    expect((await graphLog()).some((c) => c.path === "/beta/$batch")).toBe(true);
  });
});

describe("input validation", () => {
  const good = { category: "group-assignment", id: "6aacaee8-4089-4048-9510-3119367fc943" };
  const cases: Array<[string, unknown, RegExp]> = [
    ["no items", { items: [] }, /at least one/i],
    ["1001 items", { items: Array.from({ length: 1001 }, (_, i) => ({ category: "group-assignment", id: `id-${i}` })) }, /at most 1000/i],
    ["an unknown category, naming the item", { items: [good, { category: "printer-requests", id: "abc" }] }, /items\.1\.category.*printer-requests/],
    ["a bad id", { items: [{ category: "group-assignment", id: "../users" }] }, /items\.0\.id/],
    ["a duplicate", { items: [good, { ...good }] }, /items\.1.*already item 0/],
    ["a PIM v2 id without its provider", { items: [{ category: "governance-role", id: "abc" }] }, /items\.0\.id.*provider/],
    ["an unknown view", { items: [good], view: "everyone" }, /view/],
    ["an unknown field", { items: [good], url: "/users" }, /Invalid body/],
    ["no items field", {}, /items/],
  ];

  it.each(cases)("refuses %s with a 400 before any Graph call", async (_, body, message) => {
    const response = await bulk(body);
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe("invalid_input");
    expect(error.message).toMatch(message);
    expect(await graphLog()).toEqual([]);
  });

  it("answers any method but POST with a JSON 405 that says to use POST", async () => {
    for (const [handler, method] of [[GET, "GET"], [DELETE, "DELETE"]] as const) {
      const response = handler(new Request("http://localhost/api/requests/cancel", { method }));
      expect(response.status).toBe(405);
      expect(response.headers.get("allow")).toBe("POST, OPTIONS");
      const { error } = (await response.json()) as { error: { code: string; message: string } };
      expect(error).toMatchObject({ code: "method_not_allowed", message: `${method} is not supported here; use POST.` });
    }
    expect(OPTIONS().headers.get("allow")).toBe("POST, OPTIONS");
    expect(await graphLog()).toEqual([]);
  });

  it("answers a valid body without a token with a 401", async () => {
    const response = await bulk({ items: [good] }, null);
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("unauthenticated");
    expect(await graphLog()).toEqual([]);
  });
});
