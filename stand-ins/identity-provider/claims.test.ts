import { describe, expect, it } from "vitest";

import { ADMIN, DEMO_PASSWORD, DEMO_TENANT_ID, FABRIKAM_TENANT_ID, MEGAN, PATTI, ROLE_TEMPLATE_IDS } from "../demo-tenant";
import {
  authenticate,
  clientInfo,
  findSignInPersonByOid,
  accessTokenClaims,
  normaliseGraphScope,
  openIdClaims,
  widsFor,
} from "./claims";
import { explicitEntries, GRAPH_SCOPE_RULES } from "./scope-grant";

describe("Graph scope rules", () => {
  it("normalises both the short and the fully-qualified form, and nothing else", () => {
    expect(normaliseGraphScope("User.Read")).toBe("User.Read");
    expect(normaliseGraphScope("https://graph.microsoft.com/EntitlementManagement.ReadWrite.All")).toBe(
      "EntitlementManagement.ReadWrite.All",
    );
    expect(normaliseGraphScope("openid")).toBeUndefined();
    expect(normaliseGraphScope("Mail.Read")).toBeUndefined();
    expect(normaliseGraphScope("https://graph.microsoft.com/.default")).toBeUndefined();
    expect(normaliseGraphScope("api://other/User.Read")).toBeUndefined();
  });


  it("reads the requested catalogue scopes as short names, deduplicated, in request order", () => {
    const requested = [
      "openid",
      "EntitlementManagement.ReadWrite.All",
      "offline_access",
      "https://graph.microsoft.com/User.Read",
      "User.Read",
      "Mail.Send",
    ];
    expect(explicitEntries(requested, GRAPH_SCOPE_RULES)).toEqual(["EntitlementManagement.ReadWrite.All", "User.Read"]);
  });

  it("builds an Entra-style claim set from the decided grant", () => {
    const grant = { scopes: ["User.Read", "EntitlementManagement.Read.All"], cp1: false, authContexts: [] };
    expect(accessTokenClaims(MEGAN, grant, "client-1")).toEqual({
      scp: "User.Read EntitlementManagement.Read.All",
      oid: MEGAN.oid,
      tid: DEMO_TENANT_ID,
      name: "Megan Bowen",
      preferred_username: "megan@contoso.test",
      wids: [ROLE_TEMPLATE_IDS.defaultUser],
      azp: "client-1",
      ver: "2.0",
    });
  });

  it("adds xms_cc only for CP1 and acrs only for satisfied contexts", () => {
    const claims = accessTokenClaims(ADMIN, { scopes: ["User.Read"], cp1: true, authContexts: ["c1", "c2"] }, "client-1");
    expect(claims.xms_cc).toEqual(["cp1"]);
    expect(claims.acrs).toEqual(["c1", "c2"]);
  });

  it("puts each person's home tenant in tid", () => {
    const grant = { scopes: ["User.Read"], cp1: false, authContexts: [] };
    expect(accessTokenClaims(PATTI, grant, "client-1").tid).toBe(FABRIKAM_TENANT_ID);
    expect(openIdClaims(PATTI).tid).toBe(FABRIKAM_TENANT_ID);
    expect(openIdClaims(ADMIN).tid).toBe(DEMO_TENANT_ID);
  });

  it("puts directory roles plus the default user role in wids", () => {
    expect(widsFor(ADMIN)).toEqual([
      ROLE_TEMPLATE_IDS.privilegedRoleAdministrator,
      ROLE_TEMPLATE_IDS.identityGovernanceAdministrator,
      ROLE_TEMPLATE_IDS.defaultUser,
    ]);
    expect(widsFor(MEGAN)).toEqual([ROLE_TEMPLATE_IDS.defaultUser]);
  });
});

describe("sign-in rules", () => {
  it("accepts a sign-in person with the demo password, case-insensitively by email", () => {
    expect(authenticate("admin@contoso.test", DEMO_PASSWORD)?.oid).toBe(ADMIN.oid);
    expect(authenticate("  Megan@Contoso.TEST ", DEMO_PASSWORD)?.oid).toBe(MEGAN.oid);
    expect(authenticate("admin@fabrikam.test", DEMO_PASSWORD)?.oid).toBe(PATTI.oid);
    expect(findSignInPersonByOid(PATTI.oid)?.userPrincipalName).toBe("admin@fabrikam.test");
  });

  it("rejects wrong passwords, unknown people and people who may not sign in", () => {
    expect(authenticate("admin@contoso.test", "wrong")).toBeUndefined();
    expect(authenticate("admin@contoso.test", "")).toBeUndefined();
    expect(authenticate("nobody@contoso.test", DEMO_PASSWORD)).toBeUndefined();
    expect(authenticate("alex@contoso.test", DEMO_PASSWORD)).toBeUndefined();
  });

  it("encodes client_info like Entra", () => {
    const decoded: unknown = JSON.parse(Buffer.from(clientInfo("o", "t"), "base64url").toString("utf8"));
    expect(decoded).toEqual({ uid: "o", utid: "t" });
  });
});
