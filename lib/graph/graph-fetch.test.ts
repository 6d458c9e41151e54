import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { runBatch, runBatches } from "./batch";
import { GraphHttpError } from "./graph-error";
import { graphRequest } from "./graph-fetch";

// A scripted HTTP server standing in for Graph's transport: each test queues the answers it wants.
type Answer = { status: number; headers?: Record<string, string>; body?: unknown };
let answers: Answer[] = [];
let received: Array<{ url: string; auth: string | undefined; clientRequestId: string | undefined; body: string }> = [];
let server: Server;
let base = "";

function reply(res: ServerResponse, answer: Answer) {
  res.writeHead(answer.status, { "content-type": "application/json", ...answer.headers });
  res.end(answer.body === undefined ? "" : JSON.stringify(answer.body));
}

beforeAll(async () => {
  server = createServer(async (req: IncomingMessage, res) => {
    let body = "";
    for await (const chunk of req) body += chunk;
    received.push({ url: req.url ?? "", auth: req.headers.authorization, clientRequestId: req.headers["client-request-id"] as string, body });
    reply(res, answers.shift() ?? { status: 500 });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  vi.stubEnv("GRAPH_BASE_URL", base);
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  answers = [];
  received = [];
});

describe("graphRequest", () => {
  it("sends the bearer token and a client-request-id, and reads an empty 204 as null", async () => {
    answers.push({ status: 204 });
    const response = await graphRequest(`${base}/v1.0/x/cancel`, { token: "tok", method: "POST" });
    expect(response).toEqual({ status: 204, body: null });
    expect(received[0]?.auth).toBe("Bearer tok");
    expect(received[0]?.clientRequestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("retries a 429 after its Retry-After and returns the eventual answer", async () => {
    answers.push({ status: 429, headers: { "Retry-After": "0.05" }, body: { error: { code: "TooManyRequests" } } });
    answers.push({ status: 200, body: { value: [] } });
    const response = await graphRequest(`${base}/v1.0/groups`, { token: "tok" });
    expect(response.body).toEqual({ value: [] });
    expect(received).toHaveLength(2);
  });

  it("does not retry a refusal, and keeps Graph's code and request id", async () => {
    answers.push({
      status: 400,
      body: { error: { code: "RequestCannotBeCancelled", message: "no", innerError: { "request-id": "r-1" } } },
    });
    const error = await graphRequest(`${base}/v1.0/x/cancel`, { token: "tok", method: "POST" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphHttpError);
    expect(error).toMatchObject({ status: 400, upstreamCode: "RequestCannotBeCancelled", requestId: "r-1" });
    expect(received).toHaveLength(1);
  });

  it("with retry: false, sends once and throws the 429 for its caller to retry", async () => {
    answers.push({ status: 429, headers: { "Retry-After": "0.05" }, body: { error: { code: "TooManyRequests" } } });
    const error = await graphRequest(`${base}/v1.0/$batch`, { token: "tok", method: "POST", body: {}, retry: false }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 429, retryAfterMs: 50 });
    expect(received).toHaveLength(1);
  });

  it("gives up on a Retry-After longer than it may wait and reports the throttling", async () => {
    answers.push({ status: 429, headers: { "Retry-After": "60" }, body: { error: { code: "TooManyRequests" } } });
    const error = await graphRequest(`${base}/v1.0/groups`, { token: "tok" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 429, upstreamCode: "TooManyRequests", retryAfterMs: 60_000 });
  });
});

describe("runBatch", () => {
  it("sends at most 20 items per $batch and returns answers in call order even when Graph reorders them", async () => {
    const calls = Array.from({ length: 25 }, (_, i) => ({ version: "v1.0" as const, path: `/groups/g${i}` }));
    const echo = (ids: number[]) => ({ status: 200, body: { responses: ids.reverse().map((i) => ({ id: String(i), status: 200, body: { n: i } })) } });
    answers.push(echo([...Array(20).keys()]));
    answers.push(echo([20, 21, 22, 23, 24]));
    const results = await runBatch("v1.0", calls, "tok");
    expect(received.map((r) => (JSON.parse(r.body) as { requests: unknown[] }).requests.length)).toEqual([20, 5]);
    expect(results.map((r) => (r.body as { n: number }).n)).toEqual([...Array(25).keys()]);
    expect((JSON.parse(received[0]!.body) as { requests: Array<{ url: string }> }).requests[3]?.url).toBe("/groups/g3");
  });

  it("resends only the throttled items, after their Retry-After", async () => {
    const calls = [0, 1, 2].map((i) => ({ version: "v1.0" as const, path: `/r/${i}/cancel`, method: "POST" as const }));
    answers.push({
      status: 200,
      body: {
        responses: [
          { id: "0", status: 204, body: null },
          { id: "1", status: 429, headers: { "Retry-After": "0.05" }, body: { error: { code: "TooManyRequests" } } },
          { id: "2", status: 400, body: { error: { code: "RequestCannotBeCancelled" } } },
        ],
      },
    });
    answers.push({ status: 200, body: { responses: [{ id: "1", status: 204, body: null }] } });
    const results = await runBatch("v1.0", calls, "tok");
    expect(results.map((r) => r.status)).toEqual([204, 204, 400]);
    const second = JSON.parse(received[1]!.body) as { requests: Array<{ id: string; method: string }> };
    expect(second.requests).toEqual([expect.objectContaining({ id: "1", method: "POST" })]);
  });

  describe("a throttled $batch envelope", () => {
    const calls = [0, 1].map((i) => ({ version: "v1.0" as const, path: `/r/${i}/cancel`, method: "POST" as const }));
    const throttled: Answer = { status: 429, headers: { "Retry-After": "0.05" }, body: { error: { code: "TooManyRequests" } } };
    const answeredBoth: Answer = { status: 200, body: { responses: [0, 1].map((i) => ({ id: String(i), status: 204, body: null })) } };

    it("with retry-items, is resent by the run alone: each send is an attempt and a round trip", async () => {
      answers.push(throttled, answeredBoth);
      const attempts: number[] = [];
      const run = await runBatches(calls, "tok", { envelopeFailure: "retry-items", onResult: (index, _, sent) => (attempts[index] = sent) });
      expect(run.results.map((r) => r?.status)).toEqual([204, 204]);
      expect(received).toHaveLength(2);
      expect(run.roundTrips).toBe(2);
      expect(attempts).toEqual([2, 2]);
    });

    it("otherwise is resent by graphRequest, so a list fan-out still gets its answers", async () => {
      answers.push(throttled, answeredBoth);
      const run = await runBatches(calls, "tok");
      expect(run.results.map((r) => r?.status)).toEqual([204, 204]);
      expect(received).toHaveLength(2);
    });
  });
});
