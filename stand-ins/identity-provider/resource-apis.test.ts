import { describe, expect, it } from "vitest";

import { ARM_RESOURCE } from "../demo-tenant";
import { GRAPH_API, apisNamedBy, armApi, consentEntryOf, isScopeOf, resourceApis } from "./resource-apis";
import { decideScopes, unconsentedEntries } from "./scope-grant";

const ARM_ENTRY = `${ARM_RESOURCE}/user_impersonation`;
const arm = armApi();

describe("the ARM API", () => {
  it("reads its scopes fully qualified only, with the doubled slash Azure SDKs send", () => {
    expect(arm.resource).toBe(ARM_RESOURCE);
    expect(arm.entryOf(ARM_ENTRY)).toBe(ARM_ENTRY);
    expect(arm.entryOf(`${ARM_RESOURCE}//user_impersonation`)).toBe(ARM_ENTRY);
    expect(arm.entryOf("user_impersonation")).toBeUndefined();
    expect(arm.entryOf(`${ARM_RESOURCE}/.default`)).toBeUndefined();
    expect([`${ARM_RESOURCE}/.default`, `${ARM_RESOURCE}//.default`].every(arm.isDefault)).toBe(true);
    expect(arm.isDefault(".default")).toBe(false);
    expect(arm.scpName(ARM_ENTRY)).toBe("user_impersonation");
  });

  it("takes another address, trailing slash or not", () => {
    const usGov = armApi("https://management.usgovcloudapi.net/");
    expect(usGov.resource).toBe("https://management.usgovcloudapi.net");
    expect(usGov.catalogue).toEqual(["https://management.usgovcloudapi.net/user_impersonation"]);
    expect(usGov.entryOf(ARM_ENTRY)).toBeUndefined();
  });

  it("tells which API a request names, Graph first", () => {
    const { all } = resourceApis();
    expect(apisNamedBy(all, ["openid", ARM_ENTRY, "offline_access"])).toEqual([all[1]]);
    expect(apisNamedBy(all, [".default", `${ARM_RESOURCE}/.default`]).map((a) => a.resource)).toEqual([GRAPH_API.resource, ARM_RESOURCE]);
    expect(apisNamedBy(all, ["openid", "profile"])).toEqual([]);
    expect(isScopeOf(GRAPH_API, ARM_ENTRY)).toBe(false);
    expect(consentEntryOf(all, "https://graph.microsoft.com/User.Read")).toBe("User.Read");
    expect(consentEntryOf(all, ARM_ENTRY)).toBe(ARM_ENTRY);
    expect(consentEntryOf(all, `${ARM_RESOURCE}/.default`)).toBeUndefined();
  });
});

describe("which ARM permissions a request gets", () => {
  it("grants user_impersonation when consented, explicitly or by .default", () => {
    expect(decideScopes([ARM_ENTRY, "openid"], [ARM_ENTRY], arm)).toEqual({ granted: [ARM_ENTRY], selfConsented: [] });
    expect(decideScopes([`${ARM_RESOURCE}/.default`], [ARM_ENTRY], arm)).toEqual({ granted: [ARM_ENTRY], selfConsented: [] });
  });

  it("refuses it without consent (nobody consents to it alone), and .default with no ARM consent at all", () => {
    expect(decideScopes([ARM_ENTRY], [], arm)).toEqual({ missing: [ARM_ENTRY] });
    expect(decideScopes([`${ARM_RESOURCE}/.default`, "offline_access"], [], arm)).toEqual({ missing: [ARM_ENTRY] });
    expect(unconsentedEntries(["User.Read", "openid"], [], arm)).toEqual([]);
  });
});
