import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { ADMIN, MEGAN } from "../demo-tenant";
import { PIM_GROUP_BASE, startHarness, TEST_ISSUER, type Harness } from "./test-harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const GROUPS = "/v1.0/groups?$select=id,displayName";

function expectGraphError(answer: { status: number; body: { error?: { code?: string; message?: string; innerError?: Record<string, string> } } }, status: number, code: string) {
  expect(answer.status).toBe(status);
  expect(answer.body.error?.code).toBe(code);
  expect(answer.body.error?.innerError?.["request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  expect(answer.body.error?.innerError?.date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
}

describe("authentication", () => {
  it("answers 401 'Access token is empty.' with a Bearer challenge when no token is sent", async () => {
    const answer = await h.call(GROUPS);
    expectGraphError(answer, 401, "InvalidAuthenticationToken");
    expect(answer.body.error.message).toBe("Access token is empty.");
    expect(answer.headers.get("www-authenticate")).toMatch(/^Bearer /);
  });

  it("rejects a token signed by a key the identity provider does not publish", async () => {
    const answer = await h.call(GROUPS, { token: await h.token(ADMIN, { foreignKey: true }) });
    expectGraphError(answer, 401, "InvalidAuthenticationToken");
    expect(answer.body.error.message).toMatch(/Invalid signature/);
  });

  it("rejects a token for another audience", async () => {
    const answer = await h.call(GROUPS, { token: await h.token(ADMIN, { audience: "api://some-other-api" }) });
    expectGraphError(answer, 401, "InvalidAuthenticationToken");
    expect(answer.body.error.message).toBe("Access token validation failure. Invalid audience.");
  });

  it("rejects an expired token and a token from another issuer", async () => {
    const expired = await h.call(GROUPS, { token: await h.token(ADMIN, { expiresIn: -600 }) });
    expectGraphError(expired, 401, "InvalidAuthenticationToken");
    expect(expired.body.error.message).toMatch(/expired/);
    const foreignIssuer = await h.call(GROUPS, { token: await h.token(ADMIN, { issuer: `${TEST_ISSUER}/other` }) });
    expect(foreignIssuer.body.error.message).toMatch(/Invalid issuer/);
  });

  it("rejects a token that is not a JWT at all", async () => {
    expectGraphError(await h.call(GROUPS, { token: "not-a-jwt" }), 401, "InvalidAuthenticationToken");
  });

  it("accepts Graph's app id as the audience too", async () => {
    const answer = await h.call(GROUPS, { token: await h.token(ADMIN, { audience: "00000003-0000-0000-c000-000000000000" }) });
    expect(answer.status).toBe(200);
  });
});

describe("permissions", () => {
  it("answers 403 Authorization_RequestDenied when the token lacks every accepted scope", async () => {
    const token = await h.token(ADMIN, { scopes: ["User.Read"] });
    const answer = await h.call(GROUPS, { token });
    expectGraphError(answer, 403, "Authorization_RequestDenied");
    expect(answer.body.error.message).toBe("Insufficient privileges to complete the operation.");
  });

  it("accepts a higher permission than the least privileged one", async () => {
    const token = await h.token(ADMIN, { scopes: ["Directory.Read.All"] });
    expect((await h.call(GROUPS, { token })).status).toBe(200);
  });

  it("lets User.Read read /me but not other users", async () => {
    const token = await h.token(MEGAN, { scopes: ["User.Read"] });
    const me = await h.call("/v1.0/me", { token });
    expect(me.status).toBe(200);
    expect(me.body.displayName).toBe("Megan Bowen");
    expect((await h.call(`/v1.0/users/${ADMIN.oid}`, { token })).status).toBe(403);
    expect((await h.call("/v1.0/users", { token })).status).toBe(403);
  });
});

describe("error shapes and headers", () => {
  it("answers an unknown segment with Graph's 400 'Resource not found for the segment'", async () => {
    const token = await h.token(ADMIN);
    const answer = await h.call(`${PIM_GROUP_BASE}/assignmentScheduleRequestz`, { token });
    expectGraphError(answer, 400, "BadRequest");
    expect(answer.body.error.message).toBe("Resource not found for the segment 'assignmentScheduleRequestz'.");
  });

  it("answers 405 with Allow for a method the path does not support", async () => {
    const answer = await h.call(`${PIM_GROUP_BASE}/assignmentScheduleRequests/some-id/cancel`, { method: "GET", token: await h.token(ADMIN) });
    expect(answer.status).toBe(405);
    expect(answer.headers.get("allow")).toBe("POST");
  });

  it("refuses versions other than v1.0 and beta", async () => {
    const answer = await h.call("/v2.0/groups", { token: await h.token(ADMIN) });
    expectGraphError(answer, 400, "BadRequest");
  });

  it("echoes client-request-id in the headers and in innerError, and sends request-id and Graph's JSON content type", async () => {
    const answer = await h.call(GROUPS, { headers: { "client-request-id": "my-correlation-id" } });
    expect(answer.headers.get("client-request-id")).toBe("my-correlation-id");
    expect(answer.body.error.innerError["client-request-id"]).toBe("my-correlation-id");
    expect(answer.headers.get("request-id")).toBe(answer.body.error.innerError["request-id"]);
    expect(answer.headers.get("content-type")).toBe("application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8");
    expect(answer.headers.get("date")).toBeTruthy();
  });

  it("answers malformed JSON bodies with 400", async () => {
    const answer = await h.call(`${PIM_GROUP_BASE}/assignmentScheduleRequests/x/cancel`, { method: "POST", token: await h.token(ADMIN), body: "{not json" });
    expectGraphError(answer, 400, "BadRequest");
  });

  it("reports /health without a token", async () => {
    const answer = await h.call("/health");
    expect(answer.status).toBe(200);
    expect(answer.body.status).toBe("ok");
  });
});

describe("query options", () => {
  it("rejects unknown properties in $select, $expand and $filter with 400", async () => {
    const token = await h.token(ADMIN);
    expect((await h.call("/v1.0/groups?$select=nope", { token })).status).toBe(400);
    expect((await h.call("/v1.0/groups?$expand=nope", { token })).status).toBe(400);
    const filter = await h.call("/v1.0/groups?$filter=nope eq 1", { token });
    expect(filter.status).toBe(400);
    expect(filter.body.error.message).toMatch(/Invalid filter clause/);
  });

  it("filters groups on booleans combined with and", async () => {
    const token = await h.token(ADMIN);
    const answer = await h.call("/v1.0/groups?$filter=securityEnabled eq true and isAssignableToRole eq true&$select=displayName", { token });
    expect(answer.body.value.map((g: { displayName: string }) => g.displayName).sort()).toEqual([
      "Azure Subscription Owners (PIM)",
      "Break-Glass Operators",
      "Entra Security Operators (PIM)",
      "Helpdesk Tier 2",
    ]);
    expect(answer.body.value[0]).toEqual({ displayName: expect.any(String) });
  });
});
