import { describe, expect, it } from "vitest";
import { exampleEntities } from "@/test-support/graph-examples";
import { accessPackageCategory } from "./access-package";

const map = (raw: unknown) => accessPackageCategory.toPendingRequest(accessPackageCategory.entitySchema.parse(raw));

describe("access package mapper against the docs examples", () => {
  it("maps the v1.0 list example: delivered, not cancellable", () => {
    const [raw] = exampleEntities("D-accessPackageAssignmentRequest-list.json");
    expect(map(raw)).toMatchObject({
      id: "7999249e-249e-7999-9e24-99799e249979",
      category: "access-package",
      status: "delivered",
      statusDetail: "Delivered",
      stage: "completed",
      cancellable: false,
      createdDateTime: "2019-10-25T22:55:11.623Z",
      action: "userAdd",
    });
  });

  it("maps the v1.0 filterByCurrentUser example", () => {
    const [raw] = exampleEntities("D-accessPackageAssignmentRequest-filterByCurrentUser.json");
    expect(map(raw)).toMatchObject({ id: "46c1410d-ef96-44c5-ae9c-a577d014fe0e", status: "delivered", cancellable: false, action: "adminAdd" });
  });

  it("maps the beta pending-approval example with its requestor as the principal", () => {
    const [raw] = exampleEntities("D-accessPackageAssignmentRequest-beta-list.json");
    expect(map(raw)).toMatchObject({
      id: "433dafca-5047-4614-95f7-a03510b1ded3",
      status: "PendingApproval",
      statusDetail: null,
      stage: "awaiting-approval",
      isOpen: true,
      cancellable: true,
      justification: "Need access",
      principal: { id: "ba7ef0fb-e16f-474b-87aa-02815d061e67", displayName: "displayname" },
    });
  });

  it("maps the beta filterByCurrentUser example (requestState Delivered, requestStatus Fulfilled)", () => {
    const [raw] = exampleEntities("D-accessPackageAssignmentRequest-beta-filterByCurrentUser.json");
    expect(map(raw)).toMatchObject({ status: "Delivered", statusDetail: "Fulfilled", stage: "completed", cancellable: false });
  });
});

describe("access package cancellable rule (seed 004)", () => {
  it.each([
    ["submitted", "Accepted", true],
    ["pendingApproval", "PendingApproval", true],
    ["pendingApproval", "PendingApprovalEscalated", true],
    ["scheduled", "PendingNotBefore", true],
    ["delivering", "Delivering", false],
    ["delivered", "Delivered", false],
    ["deliveryFailed", "DeliveryFailed", false],
    ["denied", "Denied", false],
    ["canceled", "Canceled", false],
    ["partiallyDelivered", "PartiallyDelivered", false],
  ])("v1.0 state %s with status %s → cancellable %s", (state, status, expected) => {
    expect(map({ id: "x", state, status }).cancellable).toBe(expected);
  });

  it.each([
    ["submitted", true],
    ["pendingApproval", true],
    ["scheduled", true],
    ["delivering", false],
    ["canceled", false],
  ])("without a detailed status, state %s → cancellable %s", (state, expected) => {
    expect(map({ id: "x", state }).cancellable).toBe(expected);
  });

  it("reads the beta words the seed uses, whatever their casing", () => {
    expect(map({ id: "x", requestState: "PendingApproval", requestStatus: "pendingApprovalEscalated" }).cancellable).toBe(true);
    expect(map({ id: "x", requestState: "Canceled", requestStatus: "cancelled" }).cancellable).toBe(false);
  });

  it("cancels a user's own request on the beta path with the documented body, and an admin's on v1.0 without one", () => {
    expect(accessPackageCategory.cancel("abc", "mine")).toEqual({
      version: "beta",
      path: "/identityGovernance/entitlementManagement/accessPackageAssignmentRequests/abc/cancel",
      body: { id: "abc", requestStatus: "cancelled" },
    });
    expect(accessPackageCategory.cancel("abc", "all")).toEqual({
      version: "v1.0",
      path: "/identityGovernance/entitlementManagement/assignmentRequests/abc/cancel",
    });
  });
});
