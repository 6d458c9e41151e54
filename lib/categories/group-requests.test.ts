import { describe, expect, it } from "vitest";
import { exampleEntities } from "@/test-support/graph-examples";
import { groupAssignmentCategory } from "./group-assignment";
import { groupEligibilityCategory } from "./group-eligibility";
import type { PimGroupRequest } from "./pim-for-groups";

const map = (category: typeof groupAssignmentCategory, raw: unknown) =>
  category.toPendingRequest(category.entitySchema.parse(raw));

describe("PIM for Groups mappers against the docs examples", () => {
  it("maps the assignment list example: a provisioned request that cannot be cancelled", () => {
    const [raw] = exampleEntities("C-privilegedAccessGroupAssignmentScheduleRequest-list.json");
    const item = map(groupAssignmentCategory, raw);
    expect(item).toMatchObject({
      id: "6aacaee8-4089-4048-9510-3119367fc943",
      category: "group-assignment",
      status: "Provisioned",
      stage: "completed",
      isOpen: false,
      cancellable: false,
      createdDateTime: "2023-02-07T07:05:53.7895614Z",
      justification: "Retrieve requests",
      action: "adminAssign",
      principal: { id: "3cce9d87-3986-4f19-8335-7ed075408ca2" },
      target: { id: "2b5ed229-4072-478d-9504-a047ebd4b07d", kind: "Active member" },
      schedule: { startDateTime: "2023-02-07T06:57:55.6183972Z", endDateTime: "2023-02-07T19:56:00Z" },
      requestedBy: { id: "3cce9d87-3986-4f19-8335-7ed075408ca2" },
    });
    expect(item.ticket).toBeNull();
  });

  it("maps the pending filterByCurrentUser example as cancellable, with its ticket and 8-hour duration", () => {
    const [raw] = exampleEntities("C-privilegedAccessGroupAssignmentScheduleRequest-filterByCurrentUser-pending.json");
    const item = map(groupAssignmentCategory, raw);
    expect(item).toMatchObject({
      id: "12345",
      status: "PendingApproval",
      stage: "awaiting-approval",
      isOpen: true,
      cancellable: true,
      justification: "Activate access",
      ticket: { number: "09876", system: null },
      schedule: { startDateTime: "2022-04-01T08:00:00.000Z", duration: "PT8H" },
    });
    // The docs example misspells createdDateTime (contract §9.11); the model says "unknown" rather than guessing.
    expect(item.createdDateTime).toBeNull();
  });

  it("maps the eligibility list example into the eligibility category", () => {
    const [raw] = exampleEntities("C-privilegedAccessGroupEligibilityScheduleRequest-list.json");
    const item = map(groupEligibilityCategory, raw);
    expect(item).toMatchObject({
      id: "534b3d4d-3ba0-8429-3568-5e9cce6c2cbd",
      category: "group-eligibility",
      status: "Provisioned",
      cancellable: false,
      target: { kind: "Eligible member" },
      justification: "Assign eligibility to user for PIM for groups.",
    });
  });

  it("uses expanded principal and group names when Graph sends them", () => {
    const raw: PimGroupRequest = {
      id: "r1",
      status: "Granted",
      groupId: "g1",
      principalId: "u1",
      accessId: "owner",
      principal: { id: "u1", displayName: "Megan Bowen" },
      group: { id: "g1", displayName: "Finance Approvers" },
    };
    const item = map(groupAssignmentCategory, raw);
    expect(item.principal).toEqual({ id: "u1", displayName: "Megan Bowen" });
    expect(item.target).toEqual({ id: "g1", displayName: "Finance Approvers", kind: "Active owner" });
    expect(item.stage).toBe("approved-scheduled");
  });
});

describe("PIM for Groups cancellable statuses (decided from the PIM v3 model)", () => {
  const cases: Array<[string, boolean]> = [
    ["PendingApproval", true],
    ["PendingAdminDecision", true],
    ["Granted", true],
    ["PendingProvisioning", false],
    ["PendingScheduleCreation", false],
    ["Provisioned", false],
    ["ScheduleCreated", false],
    ["Canceled", false],
    ["Denied", false],
    ["Failed", false],
    ["Revoked", false],
  ];
  it.each(cases)("%s → cancellable %s", (status, expected) => {
    expect(map(groupAssignmentCategory, { id: "x", status }).cancellable).toBe(expected);
    expect(map(groupEligibilityCategory, { id: "x", status }).cancellable).toBe(expected);
  });

  it("keeps an unknown future status open but never offers to cancel it", () => {
    const item = map(groupAssignmentCategory, { id: "x", status: "SomethingNew" });
    expect(item).toMatchObject({ isOpen: true, cancellable: false });
  });
});
