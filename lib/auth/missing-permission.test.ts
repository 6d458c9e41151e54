import { describe, expect, it } from "vitest";
import { missingPermission } from "./use-granted-scopes";

const list = ["RoleEligibilitySchedule.Read.Directory", "RoleEligibilitySchedule.ReadWrite.Directory", "RoleManagement.ReadWrite.Directory"];
const cancel = ["RoleEligibilitySchedule.ReadWrite.Directory", "RoleManagement.ReadWrite.Directory"];

describe("the permission an admin is asked to grant", () => {
  it("is the least privileged one that also lets the user cancel, not a read-only one", () => {
    expect(missingPermission(list, new Set(["User.Read"]), cancel)).toBe("RoleEligibilitySchedule.ReadWrite.Directory");
    expect(missingPermission(list, new Set(["User.Read"]))).toBe("RoleEligibilitySchedule.Read.Directory");
  });

  it("is nothing when any of them was granted (in any letter case), or when nothing is known yet", () => {
    expect(missingPermission(list, new Set(["roleeligibilityschedule.read.directory"]), cancel)).toBeNull();
    expect(missingPermission(list, undefined, cancel)).toBeNull();
  });
});
