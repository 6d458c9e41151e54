import { describe, expect, it } from "vitest";
import { assignmentCategory, eligibilityCategory } from "./arm-test-kit";
import { matchesAction, permitsAction, type ArmPermission } from "./scope-permissions";

// Reading ARM's permissions list as Azure RBAC evaluates roles: wildcards, case, and NotActions that subtract only
// within their own entry. The entries are the built-in roles' real definitions (learn.microsoft.com "Azure built-in
// roles"), as ARM reports them for a caller holding those roles.

const OWNER: ArmPermission = { actions: ["*"], notActions: [] };
const CONTRIBUTOR: ArmPermission = {
  actions: ["*"],
  notActions: ["Microsoft.Authorization/*/Delete", "Microsoft.Authorization/*/Write", "Microsoft.Authorization/elevateAccess/Action"],
};
const READER: ArmPermission = { actions: ["*/read"], notActions: [] };
const USER_ACCESS_ADMINISTRATOR: ArmPermission = { actions: ["*/read", "Microsoft.Authorization/*", "Microsoft.Support/*"], notActions: [] };
const VM_CONTRIBUTOR: ArmPermission = { actions: ["Microsoft.Authorization/*/read", "Microsoft.Compute/virtualMachines/*"], notActions: [] };

const cancels = [assignmentCategory.cancelAction, eligibilityCategory.cancelAction];

describe("matchesAction", () => {
  it("reads * as any run of characters, slashes included, and compares case-insensitively", () => {
    const cancel = "Microsoft.Authorization/roleAssignmentScheduleRequests/cancel/action";
    for (const pattern of ["*", "Microsoft.Authorization/*", "*/action", "*/cancel/action", "microsoft.authorization/*/CANCEL/*", cancel.toUpperCase(), "Microsoft.*Schedule*/cancel/action"]) {
      expect(matchesAction(pattern, cancel), pattern).toBe(true);
    }
    for (const pattern of ["*/read", "Microsoft.Authorization/*/read", "Microsoft.Authorization/*/Write", "Microsoft.Compute/*", "Microsoft.Authorization", "*/cancel", "Microsoft.*/read/*"]) {
      expect(matchesAction(pattern, cancel), pattern).toBe(false);
    }
    // The fixed start and end may not overlap.
    expect(matchesAction("ab*ba", "aba")).toBe(false);
    expect(matchesAction("a*a", "aa")).toBe(true);
  });
});

describe("permitsAction", () => {
  it("lets Owner, User Access Administrator and Contributor cancel, and not Reader or Virtual Machine Contributor", () => {
    for (const action of cancels) {
      expect(permitsAction([OWNER], action)).toBe(true);
      expect(permitsAction([USER_ACCESS_ADMINISTRATOR], action)).toBe(true);
      // Contributor's NotActions take away Authorization writes and deletes, not actions.
      expect(permitsAction([CONTRIBUTOR], action)).toBe(true);
      expect(permitsAction([READER], action)).toBe(false);
      expect(permitsAction([VM_CONTRIBUTOR], action)).toBe(false);
      expect(permitsAction([], action)).toBe(false);
    }
  });

  it("subtracts NotActions within their own entry only: another role can still grant the action", () => {
    const action = assignmentCategory.cancelAction;
    const noPim: ArmPermission = { actions: ["*"], notActions: ["Microsoft.Authorization/roleAssignmentScheduleRequests/*"] };
    expect(permitsAction([noPim], action)).toBe(false);
    expect(permitsAction([noPim], eligibilityCategory.cancelAction)).toBe(true);
    expect(permitsAction([noPim, READER], action)).toBe(false);
    expect(permitsAction([noPim, USER_ACCESS_ADMINISTRATOR], action)).toBe(true);
    // Merged into one entry, the same two roles would wrongly read as "no".
    expect(permitsAction([{ actions: [...noPim.actions, ...USER_ACCESS_ADMINISTRATOR.actions], notActions: noPim.notActions }], action)).toBe(false);
  });
});
