import { describe, expect, it } from "vitest";
import { CLOUD_PROFILES, resolveCloudEndpoints, type CloudName } from "@/lib/config/cloud-profiles";
import { registeredScopes } from "@/lib/categories/registry";
import { qualifiedArmScopes } from "./arm-scopes";

describe("qualifiedArmScopes", () => {
  it.each(Object.keys(CLOUD_PROFILES) as CloudName[])("writes the registry's ARM permissions on %s's ARM resource", (cloud) => {
    const { armResource } = resolveCloudEndpoints({ cloud });
    expect(qualifiedArmScopes(registeredScopes("arm"), { armResource })).toEqual([`${CLOUD_PROFILES[cloud].armHost}/user_impersonation`]);
  });

  it("uses an overridden resource (the demo's ARM stand-in) and writes one slash whichever way it is given", () => {
    for (const armResource of ["http://localhost:4200/", "http://localhost:4200"]) {
      expect(qualifiedArmScopes(["user_impersonation"], { armResource })).toEqual(["http://localhost:4200/user_impersonation"]);
    }
  });

  it("keeps a scope that is already qualified", () => {
    expect(qualifiedArmScopes(["https://management.azure.com/user_impersonation"], { armResource: "https://management.azure.com/" })).toEqual([
      "https://management.azure.com/user_impersonation",
    ]);
  });
});
