import { describe, expect, it } from "vitest";

import { decideScopes, GRAPH_SCOPE_RULES, unconsentedEntries } from "./scope-grant";

const decideGraphScopes = (requested: readonly string[], consented: readonly string[]) => decideScopes(requested, consented, GRAPH_SCOPE_RULES);
const unconsentedScopes = (requested: readonly string[], consented: readonly string[]) => unconsentedEntries(requested, consented, GRAPH_SCOPE_RULES);

const CONSENTED = ["User.Read", "GroupMember.Read.All", "EntitlementManagement.Read.All"] as const;

describe("which Graph scopes a request gets", () => {
  it("answers .default (either spelling) with every consented scope", () => {
    for (const scope of [".default", "https://graph.microsoft.com/.default"]) {
      expect(decideGraphScopes(["openid", scope, "offline_access"], [...CONSENTED])).toEqual({
        granted: [...CONSENTED],
        selfConsented: [],
      });
    }
    expect(unconsentedScopes(["https://graph.microsoft.com/.default", "Directory.Read.All"], [])).toEqual([]);
  });

  it("grants explicit scopes when all are consented, as short names in request order", () => {
    expect(decideGraphScopes(["https://graph.microsoft.com/EntitlementManagement.Read.All", "User.Read", "openid"], [...CONSENTED])).toEqual({
      granted: ["EntitlementManagement.Read.All", "User.Read"],
      selfConsented: [],
    });
  });

  it("refuses when an explicit catalogue scope is not consented, naming the missing ones", () => {
    expect(decideGraphScopes(["User.Read", "RoleEligibilitySchedule.Read.Directory", "Directory.Read.All"], [...CONSENTED])).toEqual({
      missing: ["RoleEligibilitySchedule.Read.Directory", "Directory.Read.All"],
    });
  });

  it("lets a person consent to User.Read for themselves", () => {
    expect(decideGraphScopes(["openid", "User.Read"], [])).toEqual({ granted: ["User.Read"], selfConsented: ["User.Read"] });
    expect(unconsentedScopes(["User.Read"], [])).toEqual([]);
  });

  it("ignores scopes outside the catalogue", () => {
    expect(decideGraphScopes(["Mail.Send", "User.Read"], [...CONSENTED])).toEqual({ granted: ["User.Read"], selfConsented: [] });
  });
});
