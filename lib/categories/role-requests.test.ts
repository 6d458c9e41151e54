import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import type { RequestCategory } from "./category-definition";
import { directoryRoleAssignmentCategory } from "./directory-role-assignment";
import { directoryRoleEligibilityCategory } from "./directory-role-eligibility";
import { governanceRoleCategory } from "./governance-role";
import { privilegedRoleCategory } from "./privileged-role";

function mapper<E>(category: RequestCategory<E>) {
  return (raw: unknown, tag?: string) => category.toPendingRequest(category.entitySchema.parse(raw), tag);
}

describe("PIM v2 (governance-role) rules, seed 000", () => {
  const map = mapper(governanceRoleCategory);
  it.each([
    ["Granted", true],
    ["PendingApproval", true],
    ["PendingApprovalProvisioning", true],
    ["PendingAdminDecision", true],
    ["PendingProvisioning", false],
    ["Provisioned", false],
    ["Canceled", false],
    ["Denied", false],
  ])("subStatus %s → cancellable %s", (subStatus, expected) => {
    expect(map({ id: "g", status: { status: "InProgress", subStatus } }).cancellable).toBe(expected);
  });

  it("carries the provider in the app's id so the cancel reaches the right provider path", () => {
    const item = map({ id: "7c53453e-d5a4-41e0-8eb1-32d5ec8bfdee", status: { status: "InProgress", subStatus: "Granted" } }, "aadroles");
    expect(item.id).toBe("aadroles_7c53453e-d5a4-41e0-8eb1-32d5ec8bfdee");
    expect(governanceRoleCategory.cancel(item.id, "all")).toEqual({
      version: "beta",
      path: "/privilegedAccess/aadroles/roleAssignmentRequests/7c53453e-d5a4-41e0-8eb1-32d5ec8bfdee/cancel",
    });
  });

  it("refuses an id without a known provider before any Graph call", () => {
    expect(() => governanceRoleCategory.cancel("7c53453e-d5a4-41e0-8eb1-32d5ec8bfdee", "all")).toThrow(AppError);
    expect(() => governanceRoleCategory.cancel("printers_7c53453e", "all")).toThrow(AppError);
  });

  it.each(["azureResources_", "aadroles__7c53453e", "aadGroups_7c53453e_x"])("refuses %s, whose Graph id is empty or malformed, as invalid input", (id) => {
    for (const call of [() => governanceRoleCategory.cancel(id, "all"), () => governanceRoleCategory.readBack(id, "mine")]) {
      expect(call).toThrow(expect.objectContaining({ code: "invalid_input", status: 400 }));
    }
  });

  it("reads both documented 400s for what they mean", () => {
    const classify = governanceRoleCategory.classifyCancelRefusal;
    expect(classify({ status: 400, code: "RequestCannotBeCancelled", message: "" })).toBe("not_cancellable");
    expect(classify({ status: 400, code: "RoleAssignmentRequestNotFound", message: "" })).toBe("not_found");
  });
});

describe("PIM v1 (privileged-role) rules, seeds 001/002", () => {
  const map = mapper(privilegedRoleCategory);
  it.each([
    ["Scheduled", true],
    ["PendingApproval", true],
    ["RequestedApproval", true],
    ["Approved", false],
    ["Completed", false],
    ["Cancelling", false],
    ["Cancelled", false],
    ["RequestExpired", false],
  ])("status %s → cancellable %s", (status, expected) => {
    expect(map({ id: "b", status }).cancellable).toBe(expected);
  });

  it("tells the documented error messages apart", () => {
    const classify = privilegedRoleCategory.classifyCancelRefusal;
    expect(classify({ status: 400, code: "BadRequest", message: "Cancellation can be done only on status Scheduled and PendingApproval." })).toBe("not_cancellable");
    expect(classify({ status: 400, code: "BadRequest", message: "Request with request ID not found." })).toBe("not_found");
  });

  it("reads the documented 403 as possibly gone, and a 403 for a missing permission as a permission problem", () => {
    const classify = privilegedRoleCategory.classifyCancelRefusal;
    expect(classify({ status: 403, code: "UnAuthorized", message: "Requester not allowed to make Cancel call or request not found." })).toBe("not_found");
    expect(classify({ status: 403, code: "Authorization_RequestDenied", message: "Insufficient privileges to complete the operation." })).toBeUndefined();
  });
});

describe("PIM v3 directory roles: only Granted is cancellable", () => {
  it.each([
    [directoryRoleAssignmentCategory, "Granted", true],
    [directoryRoleAssignmentCategory, "PendingApproval", false],
    [directoryRoleAssignmentCategory, "Provisioned", false],
    [directoryRoleEligibilityCategory, "Granted", true],
    [directoryRoleEligibilityCategory, "PendingAdminDecision", false],
    [directoryRoleEligibilityCategory, "Failed", false],
  ])("%#: %s → %s", (category, status, expected) => {
    expect(mapper(category)({ id: "e", status }).cancellable).toBe(expected);
  });

  it("requires Privileged Role Administrator (or Global Administrator) to cancel, own requests included (contract §7)", () => {
    for (const category of [directoryRoleAssignmentCategory, directoryRoleEligibilityCategory]) {
      expect(category.cancelRoles?.templateIds).toEqual(["e8611ab8-c189-46e8-94e1-60213ab1f814", "62e90394-69f5-4237-9190-012177145e10"]);
      expect(category.cancelRoles?.names).toEqual(["Privileged Role Administrator", "Global Administrator"]);
    }
    expect(governanceRoleCategory.cancelRoles).toBeUndefined();
    expect(privilegedRoleCategory.cancelRoles).toBeUndefined();
  });

  it("lists the caller's own requests with filterByCurrentUser(on='principal')", () => {
    const [source] = directoryRoleEligibilityCategory.list.mine.sources({ callerId: "" });
    expect(source).toMatchObject({
      kind: "collection",
      call: { version: "v1.0", path: "/roleManagement/directory/roleEligibilityScheduleRequests/filterByCurrentUser(on='principal')" },
    });
  });
});
