import { expect, test, type APIResponse } from "@playwright/test";
import { rawRequest, type RawAnswer } from "../support/raw-http";

// Whatever the path, method, encoding or header size, the API answers in its documented JSON error shape, with
// its security headers, and never with a 5xx (README, "API errors").

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const fromResponse = async (response: APIResponse): Promise<Answer> => ({
  status: response.status(),
  headers: response.headers(),
  body: await response.text(),
});

function expectJsonError(answer: Answer | RawAnswer, status: number, code: string): void {
  expect(answer.status, answer.body).toBe(status);
  expect(answer.headers["content-type"]).toMatch(/^application\/json/);
  const body = JSON.parse(answer.body) as { error?: { code?: unknown; message?: unknown } };
  expect(body.error?.code).toBe(code);
  expect(typeof body.error?.message).toBe("string");
  expectApiHeaders(answer);
}

function expectApiHeaders(answer: Answer | RawAnswer): void {
  expect(answer.headers["cache-control"]).toContain("no-store");
  expect(answer.headers["x-content-type-options"]).toBe("nosniff");
  expect(answer.headers["strict-transport-security"]).toMatch(/^max-age=\d+/);
  expect(answer.headers["content-security-policy"]).toContain("default-src 'none'");
}

test.describe("malformed paths are a JSON 400, never Next's 500 or HTML", () => {
  for (const [what, path] of [
    ["a malformed percent-escape", "POST /api/requests/%zz/abc/cancel"],
    ["a truncated percent-escape", "GET /api/requests/abc%2"],
    ["an escape that is not UTF-8", "GET /api/requests/%C3%28"],
    ["a dot-dot segment", "GET /api/../api/health"],
    ["an encoded dot-dot segment", "POST /api/requests/%2e%2e/%2e%2e/cancel"],
    ["a dot-dot segment leading out of /api", "GET /api/requests/../../redirect"],
    ["an absolute-form target", "GET http://elsewhere.example/api/health"],
  ]) {
    test(`${what}: ${path}`, async () => {
      expectJsonError(await rawRequest(`${path} HTTP/1.1`), 400, "invalid_input");
    });
  }

  test("raw non-ASCII bytes in the path", async () => {
    const head = Buffer.concat([Buffer.from("GET /api/requests/caf"), Buffer.from("é", "utf8"), Buffer.from(" HTTP/1.1")]);
    expectJsonError(await rawRequest(head), 400, "invalid_input");
  });

  test("a bad escape in the query is the route's own 4xx, in JSON", async ({ request }) => {
    const answer = await fromResponse(await request.get("/api/requests?category=%zz&view=%E0"));
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
    expect(JSON.parse(answer.body).error.code).toEqual(expect.any(String));
    expectApiHeaders(answer);
  });
});

test.describe("methods no route takes are a JSON 405 with Allow", () => {
  for (const method of ["TRACE", "TRACK", "PROPFIND", "BREW"]) {
    test(`${method}`, async () => {
      for (const path of ["/api/health", "/api/requests/cancel", "/"]) {
        const answer = await rawRequest(`${method} ${path} HTTP/1.1`);
        expectJsonError(answer, 405, "method_not_allowed");
        expect(answer.headers.allow).toBe("GET, HEAD, POST, OPTIONS");
      }
    });
  }

  test("CONNECT", async () => {
    const answer = await rawRequest(`CONNECT elsewhere.example:443 HTTP/1.1`);
    expectJsonError(answer, 405, "method_not_allowed");
  });
});

const GET_ROUTES = ["/api/health", "/api/ready", "/api/access", "/api/requests?category=group-assignment&view=all"];
const POST_ROUTES = ["/api/requests/cancel", "/api/requests/group-assignment/abc/cancel"];

test("every route answers the methods it does not take with a JSON 405 naming the ones it does", async ({ request }) => {
  for (const [routes, refused, allow] of [
    [GET_ROUTES, ["POST", "PUT", "PATCH", "DELETE"], "GET, HEAD, OPTIONS"],
    [POST_ROUTES, ["GET", "PUT", "PATCH", "DELETE"], "POST, OPTIONS"],
  ] as const) {
    for (const route of routes) {
      for (const method of refused) {
        const answer = await fromResponse(await request.fetch(route, { method }));
        expectJsonError(answer, 405, "method_not_allowed");
        expect(answer.headers.allow, `${method} ${route}`).toBe(allow);
      }
      const options = await request.fetch(route, { method: "OPTIONS" });
      expect(options.status()).toBe(204);
      expect(options.headers().allow).toBe(allow);
    }
  }
});

test("HEAD works wherever GET does", async ({ request }) => {
  const head = await request.head("/api/health");
  expect(head.status()).toBe(200);
  expectApiHeaders(await fromResponse(head));
});

test("an unknown /api path is a JSON 404 for every method", async ({ request }) => {
  for (const path of ["/api", "/api/nothing-here", "/api/requests/group-assignment", "/api/requests/a/b/c/d/e", "/api/health/extra"]) {
    for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"]) {
      expectJsonError(await fromResponse(await request.fetch(path, { method })), 404, "not_found");
    }
  }
});

test("headers beyond the documented 32 KiB limit are a JSON 431", async () => {
  const answer = await rawRequest(`GET /api/health HTTP/1.1\r\nX-Filler: ${"a".repeat(40 * 1024)}`);
  expectJsonError(answer, 431, "header_too_large");
  expect(JSON.parse(answer.body).error.message).toContain("32768 bytes");
  // Two full-size bearer tokens are well within it.
  const tokens = await rawRequest(`GET /api/health HTTP/1.1\r\nAuthorization: Bearer ${"t".repeat(8 * 1024)}\r\nX-ARM-Authorization: Bearer ${"t".repeat(8 * 1024)}`);
  expect(tokens.status).toBe(200);
});

test("a request line Node cannot parse is a JSON 400", async () => {
  expectJsonError(await rawRequest("GET /api/health HTTP/9.9"), 400, "invalid_input");
  expectJsonError(await rawRequest("GET /api/health HTTP/1.1\r\nBad Header Name: x"), 400, "invalid_input");
});

test("an Expect other than 100-continue is a JSON 417", async () => {
  expectJsonError(await rawRequest("GET /api/health HTTP/1.1\r\nExpect: teapot"), 417, "expectation_failed");
});

test("successful API answers carry the same headers", async ({ request }) => {
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expectApiHeaders(await fromResponse(health));
});
