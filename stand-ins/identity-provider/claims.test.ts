import { describe, expect, it } from "vitest";

import { ADMIN, DEMO_PASSWORD, DEMO_TENANT_ID, MEGAN, ROLE_TEMPLATE_IDS, type DemoPerson } from "../demo-tenant";
import {
  authenticate,
  clientInfo,
  graphAccessTokenClaims,
  grantedGraphScopes,
  normaliseGraphScope,
  partitionRequestedGraphScopes,
  widsFor,
} from "./claims";

// DEMO_PEOPLE is fixed, so scope withholding is proven with a synthetic person.
const WITHHOLDING: DemoPerson = {
  ...MEGAN,
  oid: "00000000-0000-4000-8000-0000000000aa",
  withheldScopes: ["EntitlementManagement.ReadWrite.All"],
};

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

  it("grants the requested catalogue scopes as short names, deduplicated, in request order", () => {
    const requested = [
      "openid",
      "EntitlementManagement.ReadWrite.All",
      "offline_access",
      "https://graph.microsoft.com/User.Read",
      "User.Read",
      "Mail.Send",
    ];
    expect(grantedGraphScopes(requested, ADMIN)).toEqual(["EntitlementManagement.ReadWrite.All", "User.Read"]);
  });

  it("leaves out a person's withheld scopes, in either form", () => {
    const requested = ["User.Read", "https://graph.microsoft.com/EntitlementManagement.ReadWrite.All", "Group.Read.All"];
    expect(grantedGraphScopes(requested, WITHHOLDING)).toEqual(["User.Read", "Group.Read.All"]);
    expect(partitionRequestedGraphScopes(requested, WITHHOLDING)).toEqual({
      grant: ["User.Read", "Group.Read.All"],
      reject: ["https://graph.microsoft.com/EntitlementManagement.ReadWrite.All"],
    });
  });

  it("builds an Entra-style claim set without the withheld scope", () => {
    const claims = graphAccessTokenClaims(
      WITHHOLDING,
      "User.Read EntitlementManagement.ReadWrite.All EntitlementManagement.Read.All",
      "client-1",
    );
    expect(claims).toEqual({
      scp: "User.Read EntitlementManagement.Read.All",
      oid: WITHHOLDING.oid,
      tid: DEMO_TENANT_ID,
      name: "Megan Bowen",
      preferred_username: "megan@contoso.test",
      wids: [ROLE_TEMPLATE_IDS.defaultUser],
      azp: "client-1",
      ver: "2.0",
    });
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
