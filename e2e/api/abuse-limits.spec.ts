import { randomUUID } from "node:crypto";
import { request as httpRequest } from "node:http";
import { expect, test } from "@playwright/test";
import { apiCallsAsAdmin } from "../support/api-suite";
import { CATEGORIES_UNDER_TEST } from "../support/categories";
import { startAppBeside } from "../support/app-beside";
import { graphLog } from "../support/emulator";
import { APP_URL, GRAPH_EMULATOR_URL } from "../../scripts/demo-env";

// The cheap refusals, through the running app with its default limits (README, "Configuration"): no token means
// no body is read, bodies have a hard cap, one bulk run per caller; and, on a second instance with small limits, a
// caller or an address over its allowance gets a 429.

const auth = apiCallsAsAdmin();
const MiB = 1024 * 1024;

/** A made-up bearer: well-formed, so it passes the cheap checks, and new per test, so it starts with a full allowance. */
const madeUpBearer = () => ({ Authorization: `Bearer made-up.${randomUUID()}.token` });

test("a caller without a token is refused with a JSON 401 while its 1 MiB body is still on the way", async () => {
  const url = new URL("/api/requests/cancel", APP_URL);
  const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = httpRequest(url, { method: "POST", headers: { "content-type": "application/json", "content-length": MiB } }, (res) => {
      let body = "";
      res.on("data", (chunk: Buffer) => (body += chunk.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    // 64 KiB of the promised 1 MiB, and never the rest: an answer can only come from a server that did not wait for it.
    req.write(`{"items":[],"padding":"${"x".repeat(64 * 1024)}`);
  });
  expect(answer.status).toBe(401);
  expect(JSON.parse(answer.body)).toMatchObject({ error: { code: "unauthenticated" } });
});

test("a body over the cap is a 413, for a bulk cancel (1 MiB) and a single cancel (4 KiB), before any Graph call", async ({ request }) => {
  const bulk = await request.post("/api/requests/cancel", { headers: madeUpBearer(), data: { items: [], padding: "x".repeat(MiB) } });
  expect(bulk.status()).toBe(413);
  expect((await bulk.json()).error.code).toBe("payload_too_large");

  const id = CATEGORIES_UNDER_TEST[0]!.landmarks.colleagueCancellable.id;
  const single = await request.post(`/api/requests/group-assignment/${id}/cancel`, { headers: madeUpBearer(), data: { view: "all", padding: "x".repeat(5 * 1024) } });
  expect(single.status()).toBe(413);
  expect((await single.json()).error.code).toBe("payload_too_large");
  expect(await graphLog(request)).toEqual([]);
});

test("a second bulk run of the same user while the first is running is a 409; once it is over, a new one runs", async ({ request }) => {
  const under = CATEGORIES_UNDER_TEST.find((c) => c.slug === "group-assignment")!;
  const data = { items: [{ category: under.slug, id: under.appId(under.landmarks.colleagueCancellable) }], view: "all" };
  // Graph answers slowly, so the first run is still going when the second arrives.
  await request.post(`${GRAPH_EMULATOR_URL}/_emulator/config`, { data: { latencyMs: 3_000 } });
  try {
    // fetch resolves with the headers, sent as soon as the run has started (its "start" line).
    const first = await fetch(new URL("/api/requests/cancel", APP_URL), { method: "POST", headers: { ...auth(), "content-type": "application/json" }, body: JSON.stringify(data) });
    expect(first.status).toBe(200);

    const second = await request.post("/api/requests/cancel", { headers: auth(), data });
    expect(second.status()).toBe(409);
    expect((await second.json()).error.code).toBe("bulk_run_in_progress");

    expect((await first.text()).trimEnd().split("\n").map((line) => JSON.parse(line) as { type: string })).toContainEqual(expect.objectContaining({ type: "done" }));
  } finally {
    await request.post(`${GRAPH_EMULATOR_URL}/_emulator/config`, { data: { latencyMs: 0 } });
  }
  const third = await request.post("/api/requests/cancel", { headers: auth(), data });
  expect(third.status()).toBe(200);
});

test.describe("rate limits, on an instance of the app with small ones", () => {
  // Per user 2, per address 6 requests, refilling so slowly that no test run is long enough to see a refill.
  let app: { url: string; stop: () => void };
  test.beforeAll(async () => {
    app = await startAppBeside({
      API_RATE_LIMIT_USER_BURST: "2",
      API_RATE_LIMIT_USER_PER_SECOND: "0.001",
      API_RATE_LIMIT_ADDRESS_BURST: "6",
      API_RATE_LIMIT_ADDRESS_PER_SECOND: "0.001",
    });
  });
  test.afterAll(() => app?.stop());

  test("a caller past its allowance gets a 429 with Retry-After from any address; then the address itself is limited", async ({ request }) => {
    // An empty bulk cancel: a 400 once the caller is admitted, so nothing ever reaches Graph.
    const post = (headers: Record<string, string> = {}) => request.post(`${app.url}/api/requests/cancel`, { headers });
    const alice = madeUpBearer();
    expect((await post(alice)).status()).toBe(400);
    expect((await post(alice)).status()).toBe(400);

    const limited = await post(alice);
    expect(limited.status()).toBe(429);
    const retryAfter = limited.headers()["retry-after"];
    expect(retryAfter).toMatch(/^[1-9]\d*$/);
    expect(await limited.json()).toMatchObject({ error: { code: "rate_limited", retryAfterSeconds: Number(retryAfter) } });

    // Someone else is not held back by Alice...
    expect((await post(madeUpBearer())).status()).toBe(400);
    // ...until the address has used its own allowance (6), token or not.
    expect((await post()).status()).toBe(401);
    expect((await post()).status()).toBe(401);
    // Claiming another address does not help: with no trusted proxy the app counts the TCP peer, and the header it
    // uses to carry the peer is overwritten, not believed.
    const spoofed = await post({ "X-Forwarded-For": "198.51.100.7", "X-Request-Desk-Peer": "198.51.100.7", ...madeUpBearer() });
    expect(spoofed.status()).toBe(429);
    expect((await spoofed.json()).error.code).toBe("rate_limited");
    // Probes are never limited: a load balancer must not take a busy instance for a dead one.
    expect((await request.get(`${app.url}/api/health`)).status()).toBe(200);
    expect(await graphLog(request)).toEqual([]);
  });
});
