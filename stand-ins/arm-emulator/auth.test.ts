// Tokens (contract "Hosts and tokens"): RS256 from the identity provider's keys, for the ARM audience (with or
// without trailing slash), a tenant (Contoso's, for any Contoso scope), and the delegated `user_impersonation` scope; refusals are 401 CloudErrors
// with ARM's WWW-Authenticate challenge.

import { describe, expect, it } from "vitest";

import { ADMIN, FABRIKAM_TENANT_ID, PATTI } from "../demo-tenant";
import { ARM_SCOPES } from "./seed";
import { ARM_TEST_ISSUER, ASSIGNMENT_REQUESTS, armHarnessForFile, startArmHarness } from "./test-harness";

const h = armHarnessForFile();
const path = `${ARM_SCOPES.contosoProduction}/${ASSIGNMENT_REQUESTS}?api-version=2020-10-01`;

function expectChallenge(answer: { status: number; headers: Headers }, error = "invalid_token") {
  expect(answer.status).toBe(401);
  const header = answer.headers.get("www-authenticate") ?? "";
  expect(header).toMatch(new RegExp(`^Bearer authorization_uri="${ARM_TEST_ISSUER}", error="${error}", error_description="[^"]+"`));
}

describe("token verification", () => {
  it("accepts the ARM audience with and without the trailing slash", async () => {
    for (const audience of ["https://management.azure.com", "https://management.azure.com/"]) {
      expect((await h.call(path, { token: await h.token(ADMIN, { audience }) })).status, audience).toBe(200);
    }
  });

  it("refuses a call without a token", async () => {
    const answer = await h.call(path);
    expectChallenge(answer);
    expect(answer.body.error.code).toBe("AuthenticationFailed");
  });

  it("refuses a Graph token (wrong audience), naming the allowed audiences", async () => {
    const answer = await h.call(path, { token: await h.token(ADMIN, { audience: "https://graph.microsoft.com" }) });
    expectChallenge(answer);
    expect(answer.body.error.code).toBe("InvalidAuthenticationToken");
    expect(answer.body.error.message).toContain("wrong audience or resource 'https://graph.microsoft.com'");
    expect(answer.body.error.message).toContain("'https://management.azure.com/'");
  });

  it("says ExpiredAuthenticationToken for an expired token", async () => {
    const answer = await h.call(path, { token: await h.token(ADMIN, { expiresIn: -120 }) });
    expectChallenge(answer);
    expect(answer.body.error.code).toBe("ExpiredAuthenticationToken");
    expect(answer.body.error.message).toMatch(/^The access token expiry UTC time '.+' is earlier than current UTC time '.+'\.$/);
  });

  it("refuses a bad signature and a foreign issuer", async () => {
    for (const token of [await h.token(ADMIN, { foreignKey: true }), await h.token(ADMIN, { issuer: "http://elsewhere.localhost" })]) {
      const answer = await h.call(path, { token });
      expectChallenge(answer);
      expect(answer.body.error.code).toBe("InvalidAuthenticationToken");
    }
  });

  it("holds Contoso's estate only: another tenant's token gets empty tenant-wide lists and is refused at any Contoso scope", async () => {
    const patti = await h.token(PATTI);
    const refused = await h.call(path, { token: patti });
    expectChallenge(refused);
    expect(refused.body.error.code).toBe("InvalidAuthenticationTokenTenant");
    expect(refused.body.error.message).toContain(FABRIKAM_TENANT_ID);
    for (const tenantWide of [
      "/subscriptions?api-version=2022-12-01",
      "/providers/Microsoft.Management/managementGroups?api-version=2021-04-01",
      `/providers/Microsoft.Authorization/roleAssignmentScheduleRequests?api-version=2020-10-01&$filter=asTarget()`,
    ]) {
      const answer = await h.call(tenantWide, { token: patti });
      expect(answer.status, tenantWide).toBe(200);
      expect(answer.body, tenantWide).toEqual({ value: [] });
    }
    const none = await h.call(path, { token: await h.token(ADMIN, { tenantId: null }) });
    expectChallenge(none);
    expect(none.body.error.message).toContain("'tid'");
  });

  it("requires the delegated user_impersonation scope (short or fully qualified)", async () => {
    const without = await h.call(path, { token: await h.token(ADMIN, { scopes: ["User.Read"] }) });
    expectChallenge(without);
    expect(without.body.error.message).toContain("user_impersonation");
    const qualified = await h.call(path, { token: await h.token(ADMIN, { scopes: ["https://management.azure.com/user_impersonation"] }) });
    expect(qualified.status).toBe(200);
  });

  it("stamps every answer with request ids and echoes the client's", async () => {
    const answer = await h.call(path, { token: await h.token(ADMIN), headers: { "x-ms-client-request-id": "client-123" } });
    expect(answer.headers.get("x-ms-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(answer.headers.get("x-ms-correlation-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(answer.headers.get("x-ms-client-request-id")).toBe("client-123");
    const refused = await h.call(path);
    expect(refused.headers.get("x-ms-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("a configured audience (the demo's: the stand-in's own address)", () => {
  it("accepts tokens for ARM_AUDIENCE and refuses the global cloud's", async () => {
    const demo = await startArmHarness({ audience: "http://localhost:4200" });
    try {
      for (const audience of ["http://localhost:4200", "http://localhost:4200/"]) {
        expect((await demo.call(path, { token: await demo.token(ADMIN, { audience }) })).status, audience).toBe(200);
      }
      const global = await demo.call(path, { token: await demo.token(ADMIN, { audience: "https://management.azure.com" }) });
      expectChallenge(global);
      expect(global.body.error.code).toBe("InvalidAuthenticationToken");
    } finally {
      await demo.close();
    }
  });
});
