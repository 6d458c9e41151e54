import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { PendingRequest } from "@/lib/requests/pending-request";
import { exampleEntities, GRAPH_EXAMPLES_DIR } from "@/test-support/graph-examples";
import type { RequestCategory } from "./category-definition";
import { findCategory } from "./registry";

// Contract tests: every docs example body in graph-examples parses through its category's mapper into the
// PendingRequest a user should see. A new fixture without an entry here fails the last test.
const EXPECTED: Record<string, { category: string; items: Array<Partial<PendingRequest>> }> = {
  "A-governanceRoleAssignmentRequest-list.json": {
    category: "governance-role",
    items: [
      { id: "d75c65d8-9e66-44ff-b1cd-1ab0947fde1d", status: "Revoked", statusDetail: "Closed", stage: "revoked", cancellable: false, justification: "Deactivation request", action: "UserRemove", schedule: null },
      {
        id: "38f42071-3e81-4191-8c0b-11450fb6b547",
        status: "Provisioned",
        stage: "completed",
        cancellable: false,
        justification: "test activations",
        // "0001-01-01T00:00:00Z" is .NET's "no date", not year one.
        schedule: { startDateTime: "2018-01-10T20:58:11.363914Z", endDateTime: null, duration: "PT5H" },
      },
    ],
  },
  "B-privilegedRoleAssignmentRequest-list.json": {
    category: "privileged-role",
    items: [
      { id: "03ea0c3d-90a0-42d4-b220-11c049c506fb", status: "ApprovalAborted", stage: "cancelled", cancellable: false, ticket: { number: "222", system: "222" } },
      { id: "fe4450bb-6d28-4583-8fc4-25b0ea91daf5", status: "Completed", stage: "completed", cancellable: false, justification: "asdf", ticket: null },
    ],
  },
  "B-privilegedRoleAssignmentRequest-my.json": {
    category: "privileged-role",
    items: [
      {
        id: "e13ef8a0-c1cb-4d03-aaae-9cd1c8ede2d1",
        status: "RequestedApproval",
        stage: "awaiting-approval",
        cancellable: true,
        principal: { id: "self", displayName: "You" },
        target: { id: "88d8e3e3-8f55-4a1e-953a-9b9898b8876b", displayName: "Directory Readers", kind: "Directory role activation (PIM v1)" },
        justification: "Activate the role for business purpose",
      },
      { id: "03ea0c3d-90a0-42d4-b220-11c049c506fb", status: "ApprovalAborted", cancellable: false, target: { id: "88d8e3e3-8f55-4a1e-953a-9b9898b8876b", displayName: "Directory Readers", kind: "Directory role activation (PIM v1)" } },
    ],
  },
  "B-privilegedRoleAssignmentRequest-cancel-response.json": {
    category: "privileged-role",
    items: [{ id: "bcfb11e3-fc0d-49ea-b3d5-7d60a48e5043", status: "Cancelling", stage: "cancelled", isOpen: false, cancellable: false }],
  },
  "C-privilegedAccessGroupAssignmentScheduleRequest-list.json": {
    category: "group-assignment",
    items: [{ id: "6aacaee8-4089-4048-9510-3119367fc943", status: "Provisioned", cancellable: false, justification: "Retrieve requests" }],
  },
  "C-privilegedAccessGroupAssignmentScheduleRequest-filterByCurrentUser-pending.json": {
    category: "group-assignment",
    items: [{ id: "12345", status: "PendingApproval", cancellable: true, justification: "Activate access" }],
  },
  "C-privilegedAccessGroupEligibilityScheduleRequest-list.json": {
    category: "group-eligibility",
    items: [{ id: "534b3d4d-3ba0-8429-3568-5e9cce6c2cbd", status: "Provisioned", cancellable: false }],
  },
  "D-accessPackageAssignmentRequest-list.json": {
    category: "access-package",
    items: [{ id: "7999249e-249e-7999-9e24-99799e249979", status: "delivered", cancellable: false }],
  },
  "D-accessPackageAssignmentRequest-filterByCurrentUser.json": {
    category: "access-package",
    items: [{ id: "46c1410d-ef96-44c5-ae9c-a577d014fe0e", status: "delivered", cancellable: false }],
  },
  "D-accessPackageAssignmentRequest-beta-list.json": {
    category: "access-package",
    items: [{ id: "433dafca-5047-4614-95f7-a03510b1ded3", status: "PendingApproval", cancellable: true, principal: { id: "ba7ef0fb-e16f-474b-87aa-02815d061e67", displayName: "displayname" } }],
  },
  "D-accessPackageAssignmentRequest-beta-filterByCurrentUser.json": {
    category: "access-package",
    items: [{ id: "46c1410d-ef96-44c5-ae9c-a577d014fe0e", status: "Delivered", statusDetail: "Fulfilled", cancellable: false }],
  },
  "E-unifiedRoleAssignmentScheduleRequest-list.json": {
    category: "directory-role-assignment",
    items: [
      {
        id: "95c690fb-3eb3-4942-a03f-4524aed6f31e",
        status: "Provisioned",
        stage: "completed",
        cancellable: false,
        justification: "Assign Groups Admin to IT Helpdesk group",
        target: { id: "fdd7a751-b60b-444a-984c-02652fe8fa1c", displayName: "fdd7a751-b60b-444a-984c-02652fe8fa1c", kind: "Active directory role, tenant-wide" },
        requestedBy: { id: "3fbd929d-8c56-4462-851e-0eb9a7b3a2a5", displayName: "3fbd929d-8c56-4462-851e-0eb9a7b3a2a5" },
      },
    ],
  },
  "E-unifiedRoleEligibilityScheduleRequest-list.json": {
    category: "directory-role-eligibility",
    items: [
      { id: "50877283-9d40-433c-bab8-7986dc10458a", status: "Provisioned", cancellable: false, schedule: { startDateTime: "2022-04-12T09:05:41.8532931Z", endDateTime: "2024-04-10T00:00:00Z", duration: null } },
      { id: "f341269e-c926-41fa-a905-cef3b01b2a67", status: "Revoked", stage: "revoked", isOpen: false, cancellable: false, justification: null, schedule: null },
    ],
  },
};

// The expanded E example has no ids (it was fetched with $select): it shows what $expand brings, names.
const EXPANDED_E = "E-unifiedRoleAssignmentScheduleRequest-list-expanded.json";

function mapFixture(file: string, slug: string): PendingRequest[] {
  const category = findCategory(slug) as RequestCategory<unknown>;
  return exampleEntities(file).map((raw) => category.toPendingRequest(category.entitySchema.parse(raw)));
}

describe("every docs example maps into the right PendingRequest", () => {
  it.each(Object.entries(EXPECTED))("%s", (file, { category, items }) => {
    const mapped = mapFixture(file, category);
    expect(mapped).toHaveLength(items.length);
    items.forEach((expected, index) => {
      expect(mapped[index]).toMatchObject({ category, ...expected });
    });
  });

  it("names the principal and role from the expanded E example", () => {
    const category = findCategory("directory-role-assignment") as RequestCategory<unknown>;
    const [raw] = exampleEntities(EXPANDED_E);
    // The example was fetched with $select and so carries no id or status; the names are what it proves.
    const entity = category.entitySchema.parse({ id: "from-select", status: "Provisioned", ...(raw as object) });
    const item = category.toPendingRequest(entity);
    expect(item.principal).toEqual({ id: "071cc716-8147-4397-a5ba-b2105951cc0b", displayName: "Conf Room Adams" });
    expect(item.target.displayName).toBe("Groups Administrator");
  });

  it("covers every fixture in the folder", () => {
    const fixtures = readdirSync(GRAPH_EXAMPLES_DIR).filter((f) => /^[A-E]-.*\.json$/.test(f));
    expect(fixtures.sort()).toEqual([...Object.keys(EXPECTED), EXPANDED_E].sort());
  });
});
