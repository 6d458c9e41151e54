import { describe, expect, it } from "vitest";
import { categorySummaries } from "@/lib/categories/registry";
import { consentNeeded } from "./consent-needed";

const summary = (slug: string) => categorySummaries().find((c) => c.slug === slug)!;

describe("what an administrator is asked to grant for a refused category", () => {
  it("in a tenant that granted only User.Read: every registered permission of the category, groups included", () => {
    expect(consentNeeded(summary("group-assignment"), "mine", new Set(["User.Read"]))).toEqual(["PrivilegedAssignmentSchedule.ReadWrite.AzureADGroup", "GroupMember.Read.All"]);
  });

  it("when only the group list is missing: that permission, for everyone's view", () => {
    const granted = new Set(["User.Read", "PrivilegedAssignmentSchedule.ReadWrite.AzureADGroup"]);
    expect(consentNeeded(summary("group-assignment"), "all", granted)).toEqual(["GroupMember.Read.All"]);
  });

  it("nothing when an equivalent permission was granted and a role is what is missing", () => {
    const granted = new Set(["User.Read", "RoleManagement.ReadWrite.Directory"]);
    expect(consentNeeded(summary("directory-role-assignment"), "all", granted)).toEqual([]);
  });

  it("nothing when everything registered was granted, or when nothing is known yet", () => {
    expect(consentNeeded(summary("access-package"), "all", new Set(["EntitlementManagement.ReadWrite.All", "entitlementmgmt-subjectaccess.readwrite"]))).toEqual([]);
    expect(consentNeeded(summary("access-package"), "all", undefined)).toEqual([]);
  });
});
