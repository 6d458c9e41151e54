import { expect, test } from "@playwright/test";
import { apiCallsAsAdmin } from "../support/api-suite";
import { graphLog } from "../support/emulator";
import { GRAPH_EMULATOR_URL } from "../../scripts/demo-env";

const auth = apiCallsAsAdmin();

test.afterEach(async ({ request }) => {
  // Bad input must be refused before anything reaches Graph.
  expect(await graphLog(request)).toEqual([]);
});

test("an unknown category is a 404 with a stable code", async ({ request }) => {
  const list = await request.get("/api/requests?category=printer-requests&view=all", { headers: auth() });
  expect(list.status()).toBe(404);
  expect((await list.json()).error).toMatchObject({ code: "unknown_category" });

  const cancel = await request.post("/api/requests/printer-requests/6aacaee8-4089-4048-9510-3119367fc943/cancel", {
    headers: auth(),
  });
  expect(cancel.status()).toBe(404);
  expect((await cancel.json()).error.code).toBe("unknown_category");
});

for (const [what, id] of [
  ["an encoded path traversal", "..%2F..%2Fusers"],
  ["a dot", "abc.def"],
  ["an encoded percent", "abc%2525def"],
  ["whitespace", "abc%20def"],
  ["a query string", "abc%3F%24select%3Did"],
]) {
  test(`a request id with ${what} is a 400 before any Graph call`, async ({ request }) => {
    const response = await request.post(`/api/requests/group-assignment/${id}/cancel`, { headers: auth() });
    expect(response.status()).toBe(400);
    const body = await response.json();
    expect(body.error.code).toBe("invalid_input");
    expect(body.error.message).toMatch(/request id/i);
  });
}

test("an invalid view or a malformed body is a 400", async ({ request }) => {
  const list = await request.get("/api/requests?category=group-assignment&view=everyone", { headers: auth() });
  expect(list.status()).toBe(400);
  expect((await list.json()).error.code).toBe("invalid_input");

  const cancel = await request.post("/api/requests/access-package/abc/cancel", {
    headers: { ...auth(), "Content-Type": "application/json" },
    data: "{not json",
  });
  expect(cancel.status()).toBe(400);
  expect((await cancel.json()).error.code).toBe("invalid_input");
});

test("a forged cursor is refused, not followed", async ({ request }) => {
  const forged = Buffer.from(
    JSON.stringify({ c: "access-package", v: "all", s: 0, l: `${GRAPH_EMULATOR_URL}/v1.0/users` }),
  ).toString("base64url");
  const response = await request.get(`/api/requests?category=access-package&view=all&cursor=${forged}`, {
    headers: auth(),
  });
  expect(response.status()).toBe(400);
  expect((await response.json()).error.code).toBe("invalid_cursor");
});

test("a missing or malformed token is a 401", async ({ request }) => {
  for (const headers of [{}, { Authorization: "Basic abc" }] as Array<Record<string, string>>) {
    const response = await request.get("/api/requests?category=access-package&view=all", { headers });
    expect(response.status()).toBe(401);
    expect((await response.json()).error.code).toBe("unauthenticated");
  }
  const cancel = await request.post("/api/requests/access-package/abc/cancel");
  expect(cancel.status()).toBe(401);
});
