import { describe, expect, it } from "vitest";
import { createLogger } from "./logger";
import { withRequestLog } from "./logged-api-request";
import { noteCategory, noteErrorCode, noteItemCount, recordUpstreamCall } from "./request-log-context";

function capture() {
  const raw: string[] = [];
  const logger = createLogger({ write: (line: string) => void raw.push(line) }, "info");
  return { logger, raw, lines: () => raw.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

const TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJvaWQiOiJtZWdhbiJ9.c2lnbmF0dXJl";

describe("one log line per API request", () => {
  it("names the route, status, category and the failed upstream call's ids, and nothing the caller sent", async () => {
    const { logger, lines, raw } = capture();
    const request = new Request("http://localhost/api/requests/directory-role/abc/cancel?cursor=c2VhbGVk", {
      method: "POST",
      headers: { authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ justification: "private reason" }),
    });
    const response = await withRequestLog(request, "/api/requests/[category]/[id]/cancel", async () => {
      noteCategory("directory-role");
      recordUpstreamCall({ upstream: "graph", method: "POST", status: 503, durationMs: 41.6, requestId: "graph-req-1", clientRequestId: "ours-1" });
      noteErrorCode("upstream_unavailable");
      return Response.json({ error: { code: "upstream_unavailable", message: "Graph is unavailable" } }, { status: 503 });
    }, { logger });

    expect(response.status).toBe(503);
    expect(lines()).toEqual([
      expect.objectContaining({
        level: "error",
        kind: "api_request",
        method: "POST",
        route: "/api/requests/[category]/[id]/cancel",
        status: 503,
        category: "directory-role",
        errorCode: "upstream_unavailable",
        upstreamCalls: 1,
        failedUpstreamCalls: [{ upstream: "graph", method: "POST", status: 503, durationMs: 42, requestId: "graph-req-1", clientRequestId: "ours-1" }],
      }),
    ]);
    const all = raw.join("");
    expect(all).not.toContain(TOKEN);
    expect(all).not.toContain("c2VhbGVk");
    expect(all).not.toContain("private reason");
  });

  it("logs a streamed answer once, when the stream ends, counting the calls made while it was read", async () => {
    const { logger, lines } = capture();
    const encoder = new TextEncoder();
    let sent = 0;
    const response = await withRequestLog({ method: "POST" }, "/api/requests/cancel", async () => {
      noteItemCount(2);
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent === 2) return controller.close();
          sent += 1;
          recordUpstreamCall({ upstream: sent === 1 ? "graph" : "arm", method: "POST", status: 200, durationMs: 5 });
          controller.enqueue(encoder.encode(`{"index":${sent}}\n`));
        },
      });
      return new Response(body, { headers: { "content-type": "application/x-ndjson" } });
    }, { logger });

    expect(lines()).toHaveLength(0);
    expect(await response.text()).toBe('{"index":1}\n{"index":2}\n');
    expect(lines()).toEqual([expect.objectContaining({ level: "info", status: 200, itemCount: 2, upstreamCalls: 2 })]);
    expect(lines()[0]).not.toHaveProperty("failedUpstreamCalls");
  });

  it("says when the client left a streamed answer early", async () => {
    const { logger, lines } = capture();
    const response = await withRequestLog({ method: "POST" }, "/api/requests/cancel", async () => {
      const body = new ReadableStream<Uint8Array>({ pull: (controller) => controller.enqueue(new Uint8Array([10])) });
      return new Response(body, { headers: { "content-type": "application/x-ndjson" } });
    }, { logger });
    const reader = response.body!.getReader();
    await reader.read();
    await reader.cancel();
    expect(lines()).toEqual([expect.objectContaining({ aborted: true, status: 200 })]);
  });
});

describe("a request with many failed upstream calls", () => {
  it("lists the first twenty with their ids and counts the rest", async () => {
    const { logger, lines } = capture();
    await withRequestLog({ method: "POST" }, "/api/requests/cancel", async () => {
      for (let i = 0; i < 80; i++) recordUpstreamCall({ upstream: "graph", method: "POST", status: 401, durationMs: 0, inBatch: true, requestId: `id-${i}` });
      return Response.json({ ok: true });
    }, { logger });
    const [line] = lines();
    expect(line).toMatchObject({ upstreamCalls: 0, batchedUpstreamRequests: 80, failedUpstreamCallsNotListed: 60 });
    expect((line?.failedUpstreamCalls as Array<{ requestId: string }>).map((call) => call.requestId)).toEqual(Array.from({ length: 20 }, (_, i) => `id-${i}`));
  });
});
