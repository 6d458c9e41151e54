import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { sealCursor } from "@/lib/upstreams/cursor";
import { cursorCaller } from "@/lib/upstreams/cursor-caller";
import { assignmentCategory } from "./arm-test-kit";
import { ArmAbortedError, ArmHttpError, ArmUnreachableError } from "./arm-error";
import { armRequest } from "./arm-fetch";
import { listArmRequestPage } from "./list-requests";

// A scripted HTTP server standing in for ARM's transport: each test queues the answers it wants, so the door's own
// habits (headers, retries, refusals to follow links elsewhere) are seen exactly.
type Answer = { status: number; headers?: Record<string, string>; body?: unknown; delayMs?: number; hangUp?: boolean };
// undici checks its header timeout on a coarse (about 1 s) clock, so the slow answer comes well after it.
const TIMEOUT_MS = 400;
let answers: Answer[] = [];
let received: Array<{ method: string; url: string; auth: string | undefined; clientRequestId: string | undefined; at: number }> = [];
let server: Server;
let base = "";

function reply(res: ServerResponse, answer: Answer) {
  if (answer.hangUp) return void res.socket?.destroy();
  const send = () => {
    res.writeHead(answer.status, { "content-type": "application/json", ...answer.headers });
    res.end(answer.body === undefined ? "" : JSON.stringify(answer.body));
  };
  if (answer.delayMs) setTimeout(send, answer.delayMs);
  else send();
}

beforeAll(async () => {
  server = createServer(async (req: IncomingMessage, res) => {
    for await (const chunk of req) void chunk;
    received.push({
      method: req.method ?? "",
      url: req.url ?? "",
      auth: req.headers.authorization,
      clientRequestId: req.headers["x-ms-client-request-id"] as string | undefined,
      at: Date.now(),
    });
    reply(res, answers.shift() ?? { status: 500 });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // Before the first serverEnv() call, which caches the configuration.
  vi.stubEnv("ARM_BASE_URL", base);
  vi.stubEnv("GRAPH_TIMEOUT_MS", String(TIMEOUT_MS));
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  answers = [];
  received = [];
});

const throttled = (retryAfter?: string): Answer => ({
  status: 429,
  headers: { ...(retryAfter ? { "Retry-After": retryAfter } : {}), "x-ms-request-id": "throttle-1" },
  body: { error: { code: "TooManyRequests", message: "The request is being throttled." } },
});

describe("armRequest", () => {
  it("sends the bearer token and an x-ms-client-request-id, and reads a cancel's empty 200 as null", async () => {
    answers.push({ status: 200, headers: { "x-ms-request-id": "req-1" } });
    const response = await armRequest("/subscriptions/x/providers/Microsoft.Authorization/roleAssignmentScheduleRequests/y/cancel?api-version=2020-10-01", {
      token: "tok",
      method: "POST",
    });
    expect(response.status).toBe(200);
    expect(response.body).toBeNull();
    expect(response.headers["x-ms-request-id"]).toBe("req-1");
    expect(received[0]).toMatchObject({ method: "POST", auth: "Bearer tok" });
    expect(received[0]?.clientRequestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("retries a 429 after its Retry-After, with the same client request id, and counts every send", async () => {
    answers.push(throttled("0.2"), { status: 200, body: { value: [] } });
    let sends = 0;
    const response = await armRequest("/subscriptions?api-version=2022-12-01", { token: "tok", onSend: () => sends++ });
    expect(response.body).toEqual({ value: [] });
    expect(sends).toBe(2);
    expect(received[1]!.at - received[0]!.at).toBeGreaterThanOrEqual(180);
    expect(received[1]?.clientRequestId).toBe(received[0]?.clientRequestId);
  });

  it("backs off when ARM sends no Retry-After, and gives up after the retry budget", async () => {
    answers.push({ status: 503, body: { error: { code: "ServiceUnavailable", message: "later" } } }, { status: 503 });
    const error = await armRequest("/subscriptions?api-version=2022-12-01", { token: "tok", maxRetries: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArmHttpError);
    expect((error as ArmHttpError).status).toBe(503);
    expect(received).toHaveLength(2);
  });

  it("gives a Retry-After longer than the server will wait back to the caller at once", async () => {
    answers.push(throttled("30"));
    const error = (await armRequest("/subscriptions?api-version=2022-12-01", { token: "tok" }).catch((e: unknown) => e)) as ArmHttpError;
    expect(error.status).toBe(429);
    expect(error.retryAfterMs).toBe(30_000);
    expect(received).toHaveLength(1);
  });

  it("does not retry a refusal, and keeps ARM's code, message and request id (or the correlation id)", async () => {
    answers.push(
      { status: 400, headers: { "x-ms-request-id": "r-1" }, body: { error: { code: "RequestCannotBeCancelled", message: "Request is not in cancellable state" } } },
      { status: 403, headers: { "x-ms-correlation-request-id": "c-2" }, body: { code: "AuthorizationFailed", message: "top-level shape" } },
    );
    const first = (await armRequest("/a?api-version=1", { token: "tok", method: "POST" }).catch((e: unknown) => e)) as ArmHttpError;
    expect(first).toMatchObject({ status: 400, upstreamCode: "RequestCannotBeCancelled", message: "Request is not in cancellable state", requestId: "r-1" });
    const second = (await armRequest("/b?api-version=1", { token: "tok" }).catch((e: unknown) => e)) as ArmHttpError;
    expect(second).toMatchObject({ status: 403, upstreamCode: "AuthorizationFailed", message: "top-level shape", requestId: "c-2" });
    expect(received).toHaveLength(2);
  });

  it("reads a CAE claims challenge from WWW-Authenticate", async () => {
    const claims = Buffer.from('{"access_token":{"acrs":{"essential":true,"value":"c1"}}}').toString("base64");
    answers.push({
      status: 401,
      headers: { "WWW-Authenticate": `Bearer authorization_uri="https://login", error="insufficient_claims", claims="${claims}"` },
      body: { error: { code: "InvalidAuthenticationToken", message: "challenge" } },
    });
    const error = (await armRequest("/subscriptions?api-version=2022-12-01", { token: "tok" }).catch((e: unknown) => e)) as ArmHttpError;
    expect(error.claimsChallenge).toBe(claims);
  });

  it("refuses, unsent, a link to another host or a protocol-relative path", async () => {
    for (const link of ["https://evil.example/subscriptions?api-version=2022-12-01", "//evil.example/x", `${base.replace("127.0.0.1", "localhost")}/x`]) {
      const error = await armRequest(link, { token: "tok" }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: "upstream_error", upstream: "arm" });
    }
    expect(received).toHaveLength(0);
  });

  it("says ARM could not be reached when the connection drops, and did not answer in time when it is slow", async () => {
    answers.push({ status: 200, hangUp: true });
    const dropped = await armRequest("/subscriptions?api-version=2022-12-01", { token: "tok" }).catch((e: unknown) => e);
    expect(dropped).toBeInstanceOf(ArmUnreachableError);
    expect((dropped as ArmUnreachableError).timedOut).toBe(false);
    answers.push({ status: 200, body: { value: [] }, delayMs: TIMEOUT_MS + 2_000 });
    const slow = await armRequest("/subscriptions?api-version=2022-12-01", { token: "tok" }).catch((e: unknown) => e);
    expect(slow).toBeInstanceOf(ArmUnreachableError);
    expect((slow as ArmUnreachableError).message).toBe("Azure Resource Manager did not answer in time.");
    // Neither is retried: a cancel that may have reached ARM is not sent twice behind the user's back.
    expect(received).toHaveLength(2);
  });

  it("stops waiting for a retry when the caller aborts", async () => {
    answers.push(throttled("1.5"));
    const stop = new AbortController();
    setTimeout(() => stop.abort(), 100);
    const started = Date.now();
    const aborted = await armRequest("/subscriptions?api-version=2022-12-01", { token: "tok", signal: stop.signal }).catch((e: unknown) => e);
    expect(aborted).toBeInstanceOf(ArmAbortedError);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(received).toHaveLength(1);
  });
});

describe("links ARM hands back", () => {
  const category = assignmentCategory;
  const mine = (cursor?: string) => listArmRequestPage({ category, view: "mine", cursor, token: "tok" });
  const entry = "/providers/Microsoft.Authorization/roleAssignmentScheduleRequests";

  it("puts a nextLink that continues the list behind the cursor, and follows it back", async () => {
    const next = `${base}${entry}?api-version=2020-10-01&$filter=asTarget()&$skipToken=abc`;
    answers.push({ status: 200, body: { value: [], nextLink: next } }, { status: 200, body: { value: [] } });
    const first = await mine();
    expect(received[0]?.url).toBe(`${entry}?api-version=2020-10-01&$filter=asTarget()`);
    expect(first.nextCursor).not.toBeNull();
    const second = await mine(first.nextCursor!);
    expect(second.nextCursor).toBeNull();
    expect(received[1]?.url).toBe(`${entry}?api-version=2020-10-01&$filter=asTarget()&$skipToken=abc`);
  });

  it("follows a nextLink that left out the api-version or filter with them put back", async () => {
    answers.push({ status: 200, body: { value: [], nextLink: `${base}${entry}?$skipToken=abc` } }, { status: 200, body: { value: [] } });
    const first = await mine();
    await mine(first.nextCursor!);
    expect(received[1]?.url).toBe(`${entry}?api-version=2020-10-01&$filter=asTarget()&$skipToken=abc`);
  });

  it("never follows a nextLink to another host, another path or another filter", async () => {
    for (const nextLink of [
      `https://evil.example${entry}?api-version=2020-10-01&$filter=asTarget()&$skipToken=abc`,
      `${base}/providers/Microsoft.Authorization/roleEligibilityScheduleRequests?api-version=2020-10-01&$filter=asTarget()`,
      `${base}${entry}?api-version=2020-10-01&$filter=atScope()&$skipToken=abc`,
      `${base}${entry}?api-version=2020-10-01&$filter=asTarget()&$filter=atScope()`,
    ]) {
      answers.push({ status: 200, body: { value: [], nextLink } });
      await expect(mine()).rejects.toMatchObject({ code: "upstream_error", status: 502, upstream: "arm" });
    }
    expect(received).toHaveLength(4);
  });

  it("refuses a cursor not sealed for this list and caller, or one the list never hands out, before calling ARM (400)", async () => {
    const sealed = (view: "mine" | "all", source = 0, caller = cursorCaller("tok")) =>
      sealCursor({ category: "azure-role-assignment", view, caller }, { source, paging: [["$skipToken", "abc"]] });
    for (const cursor of ["not-a-cursor", sealed("mine", 1), sealed("mine", 0, cursorCaller("another-token"))]) {
      await expect(mine(cursor)).rejects.toMatchObject({ code: "invalid_cursor", status: 400 });
    }
    // The admin view's cursors name a later scope and carry no skip token (list-requests.ts): this one is not its own.
    await expect(listArmRequestPage({ category, view: "all", cursor: sealed("all"), token: "tok" })).rejects.toMatchObject({ code: "invalid_cursor" });
    expect(received).toHaveLength(0);
  });

  it("skips an entity that does not parse instead of failing the page", async () => {
    answers.push({ status: 200, body: { value: [{ id: "/odd", name: "not-a-guid", properties: {} }] } });
    const page = await mine();
    expect(page.items).toEqual([]);
  });
});
