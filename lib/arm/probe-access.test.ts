import { describe, expect, it } from "vitest";
import { ADMIN, LEE, MEGAN } from "../../stand-ins/demo-tenant";
import { assignmentCategory, eligibilityCategory, armStandInForApp } from "./arm-test-kit";
import { NO_VISIBLE_SCOPES_MESSAGE } from "./no-visible-scopes";
import { probeArmAccess } from "./probe-access";
import { listVisibleScopes } from "./visible-scopes";

// What the dashboard learns before listing: which Azure role views the user may open, from the scope discovery alone.

const h = armStandInForApp();
const categories = [assignmentCategory, eligibilityCategory];


const armLog = async (): Promise<Array<{ method: string; path: string; status: number }>> => (await h.control("requests")).body;

describe("probeArmAccess", () => {
  it("opens both views to an admin with Azure roles, in two ARM calls for every category together", async () => {
    const report = await probeArmAccess(categories, await h.token(ADMIN));
    expect(report.categories).toEqual([
      { category: "azure-role-assignment", views: { mine: { available: true }, all: { available: true } } },
      { category: "azure-role-eligibility", views: { mine: { available: true }, all: { available: true } } },
    ]);
    expect(await armLog()).toHaveLength(2);
  });

  it("offers someone with no Azure role their own requests only, and says why", async () => {
    const report = await probeArmAccess(categories, await h.token(MEGAN));
    for (const access of report.categories) {
      expect(access.views.mine).toEqual({ available: true });
      expect(access.views.all).toEqual({ available: false, code: "forbidden", message: NO_VISIBLE_SCOPES_MESSAGE });
    }
  });

  it("closes both views when ARM refuses the token (a Graph token)", async () => {
    const report = await probeArmAccess(categories, await h.token(ADMIN, { audience: "https://graph.microsoft.com" }));
    for (const access of report.categories) {
      expect(access.views.mine).toMatchObject({ available: false, code: "unauthenticated" });
      expect(access.views.all).toMatchObject({ available: false, code: "unauthenticated" });
      expect(access.views.all.message).toContain("Azure Resource Manager did not accept your sign-in");
    }
  });

  it("throws a claims challenge rather than calling the views refused", async () => {
    await h.control("claims-challenge", { authContext: "c1" });
    await expect(probeArmAccess(categories, await h.token(ADMIN, { capabilities: ["cp1"] }))).rejects.toMatchObject({
      code: "claims_challenge",
      upstream: "arm",
      claims: expect.any(String),
    });
  });

  it("leaves both views open when ARM is down: the list shows its own error", async () => {
    await h.control("faults", { method: "GET", pathPattern: "^/subscriptions$", status: 503, times: 10, retryAfterSeconds: 0 });
    const report = await probeArmAccess(categories, await h.token(ADMIN));
    expect(report.categories[0]?.views).toEqual({ mine: { available: true }, all: { available: true } });
  });
});

describe("listVisibleScopes", () => {
  it("lists management groups first, then subscriptions, following every page, and treats a refused group list as none", async () => {
    await h.control("config", { pageSize: 1 });
    expect(await listVisibleScopes(await h.token(ADMIN))).toEqual([
      { id: "/providers/Microsoft.Management/managementGroups/contoso-production", displayName: "Production", kind: "Management group" },
      expect.objectContaining({ displayName: "Contoso Development", kind: "Subscription" }),
      expect.objectContaining({ displayName: "Contoso Production", kind: "Subscription" }),
      expect.objectContaining({ displayName: "Contoso Sandbox", kind: "Subscription" }),
      expect.objectContaining({ displayName: "Marketing Analytics", kind: "Subscription" }),
    ]);
    await h.control("faults", { method: "GET", pathPattern: "managementGroups$", status: 403 });
    const withoutGroups = await listVisibleScopes(await h.token(ADMIN));
    expect(withoutGroups.map((s) => s.kind)).toEqual(["Subscription", "Subscription", "Subscription", "Subscription"]);
    expect(await listVisibleScopes(await h.token(LEE))).toEqual([expect.objectContaining({ displayName: "Marketing Analytics", kind: "Subscription" })]);
  });
});
