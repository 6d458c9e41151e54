import { describe, expect, it } from "vitest";
import { POST } from "./route";

// What the bulk cancel route says of bodies it cannot take. Every case is refused before anything reaches Graph, so
// no Graph is needed (GRAPH_BASE_URL points at the real cloud, which these machines cannot reach).

const ID = "6aacaee8-4089-4048-9510-3119367fc943";

function post(body: BodyInit, headers: Record<string, string> = { "content-type": "application/json" }): Promise<Response> {
  return POST(new Request("http://localhost/api/requests/cancel", { method: "POST", headers: { authorization: "Bearer x", ...headers }, body }));
}

async function errorOf(response: Response) {
  return { status: response.status, code: ((await response.json()) as { error: { code: string; message: string } }).error.code };
}

describe("POST /api/requests/cancel bodies", () => {
  it("refuses a body that is not declared as JSON with 415", async () => {
    const body = JSON.stringify({ items: [{ category: "access-package", id: ID }] });
    expect(await errorOf(await post(body, { "content-type": "text/plain" }))).toEqual({ status: 415, code: "unsupported_media_type" });
    expect(await errorOf(await post(body, {}))).toEqual({ status: 415, code: "unsupported_media_type" });
  });

  it("refuses a body over 1 MiB with 413, whatever its Content-Length says", async () => {
    const huge = JSON.stringify({ items: [], padding: "x".repeat(1024 * 1024) });
    expect(await errorOf(await post(huge))).toEqual({ status: 413, code: "payload_too_large" });
    const streamed = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 20; i++) controller.enqueue(new TextEncoder().encode("x".repeat(64 * 1024)));
        controller.close();
      },
    });
    const response = await POST(
      new Request("http://localhost/api/requests/cancel", { method: "POST", headers: { authorization: "Bearer x", "content-type": "application/json" }, body: streamed, duplex: "half" } as RequestInit),
    );
    expect(await errorOf(response)).toEqual({ status: 413, code: "payload_too_large" });
  });

  it("takes a JSON media type with parameters, and refuses broken JSON with 400", async () => {
    expect(await errorOf(await post("{not json", { "content-type": "application/json; charset=utf-8" }))).toEqual({ status: 400, code: "invalid_input" });
  });

  it("counts the same id in another letter case as a duplicate", async () => {
    const items = [
      { category: "access-package", id: ID },
      { category: "access-package", id: ID.toUpperCase() },
    ];
    const response = await post(JSON.stringify({ items }));
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/already item 0/);
  });
});
