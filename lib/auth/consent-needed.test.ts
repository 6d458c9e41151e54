import { describe, expect, it } from "vitest";
import { categorySummaries } from "@/lib/categories/registry";
import { consentNeeded } from "./consent-needed";

const summary = (slug: string) => categorySummaries().find((c) => c.slug === slug)!;
const GLOBAL = { armResource: "https://management.azure.com/" };
const armCategories = categorySummaries().filter((c) => c.upstream === "arm");

describe("what an administrator is asked to grant for a refused category", () => {
  it("in a tenant that granted only User.Read: every registered permission of the category, groups included", () => {
    expect(consentNeeded(summary("group-assignment"), "mine", new Set(["User.Read"]), undefined, GLOBAL)).toEqual(["PrivilegedAssignmentSchedule.ReadWrite.AzureADGroup", "GroupMember.Read.All"]);
  });

  it("when only the group list is missing: that permission, for everyone's view", () => {
    const granted = new Set(["User.Read", "PrivilegedAssignmentSchedule.ReadWrite.AzureADGroup"]);
    expect(consentNeeded(summary("group-assignment"), "all", granted, undefined, GLOBAL)).toEqual(["GroupMember.Read.All"]);
  });

  it("nothing when an equivalent permission was granted and a role is what is missing", () => {
    const granted = new Set(["User.Read", "RoleManagement.ReadWrite.Directory"]);
    expect(consentNeeded(summary("directory-role-assignment"), "all", granted, undefined, GLOBAL)).toEqual([]);
  });

  it("nothing for an API past its retirement, whose list stays empty whatever is granted (PIM v1, PIM v2)", () => {
    const afterPimV2 = new Date("2026-11-01T12:00:00Z");
    for (const slug of ["privileged-role", "governance-role"]) {
      expect(consentNeeded(summary(slug), "all", new Set(["User.Read"]), undefined, GLOBAL, afterPimV2), slug).toEqual([]);
    }
    // The day before PIM v2's retirement, its permissions were still worth granting.
    expect(consentNeeded(summary("governance-role"), "all", new Set(["User.Read"]), undefined, GLOBAL, new Date("2026-10-27T12:00:00Z"))).not.toEqual([]);
  });

  it("nothing when everything registered was granted, or when nothing is known yet", () => {
    expect(consentNeeded(summary("access-package"), "all", new Set(["EntitlementManagement.ReadWrite.All", "entitlementmgmt-subjectaccess.readwrite"]), undefined, GLOBAL)).toEqual([]);
    expect(consentNeeded(summary("access-package"), "all", undefined, undefined, GLOBAL)).toEqual([]);
  });
});

describe("what an administrator is asked to grant for an Azure category", () => {
  const noConsent = { available: false, code: "consent_required", message: "not granted" } as const;

  it.each(armCategories.map((c) => c.slug))("%s: the cloud's user_impersonation, fully qualified, when the ARM token needs consent", (slug) => {
    for (const view of ["mine", "all"] as const) {
      expect(consentNeeded(summary(slug), view, new Set(["User.Read"]), noConsent, GLOBAL)).toEqual(["https://management.azure.com/user_impersonation"]);
      // Whatever Graph granted: the Graph grants say nothing about ARM.
      expect(consentNeeded(summary(slug), view, undefined, noConsent, { armResource: "http://localhost:4200/" })).toEqual(["http://localhost:4200/user_impersonation"]);
    }
  });

  it("nothing when the ARM token was had, or refused for another reason (no Azure role, a sign-in needed)", () => {
    const [azure] = armCategories;
    expect(consentNeeded(azure!, "all", new Set(["User.Read"]), { available: true }, GLOBAL)).toEqual([]);
    expect(consentNeeded(azure!, "all", new Set(["User.Read"]), { available: false, code: "forbidden", message: "no role" }, GLOBAL)).toEqual([]);
    expect(consentNeeded(azure!, "mine", new Set(["User.Read"]), { available: false, code: "unauthenticated", message: "sign in" }, GLOBAL)).toEqual([]);
    expect(consentNeeded(azure!, "mine", new Set(["User.Read"]), undefined, GLOBAL)).toEqual([]);
  });

  it("a Graph category is not marked by an ARM refusal", () => {
    expect(consentNeeded(summary("access-package"), "mine", new Set(["EntitlementManagement.ReadWrite.All", "EntitlementMgmt-SubjectAccess.ReadWrite"]), { available: false, code: "consent_required", message: "x" }, GLOBAL)).toEqual([]);
  });
});
