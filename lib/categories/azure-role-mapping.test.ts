import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ArmDirectory } from "@/stand-ins/arm-emulator/model/directory";
import { renderRequest } from "@/stand-ins/arm-emulator/model/render";
import { kindInfo } from "@/stand-ins/arm-emulator/model/request-kinds";
import { isCancellable } from "@/stand-ins/arm-emulator/model/statuses";
import { SEED_LANDMARKS, buildArmSeed } from "@/stand-ins/arm-emulator/seed";
import { azureRoleAssignmentCategory } from "./azure-role-assignment";
import { azureRoleEligibilityCategory } from "./azure-role-eligibility";
import type { ArmCategory } from "./category-definition";

// The spec's own example bodies; the copies beside the ARM emulator, so this runs where ../shared is absent.
const EXAMPLES = fileURLToPath(new URL("../../stand-ins/arm-emulator/fixtures/arm-examples/", import.meta.url));
const readExample = (file: string) => JSON.parse(readFileSync(`${EXAMPLES}${file}`, "utf8"));
const exampleEntity = (file: string) => readExample(file).responses[200].body.value[0];

const SUB = "dfa2a084-766f-4003-8ae1-c4aeb893a99f";
const USER = "a3bb8764-cb92-4276-9d2a-ca1e895e55ea";
const CONTRIBUTOR = `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/c8d4ff99-41c3-41a8-9f60-21dfdad59608`;

function mapper<E>(category: ArmCategory<E>) {
  return (raw: unknown) => category.toPendingRequest(category.entitySchema.parse(raw));
}
const mapAssignment = mapper(azureRoleAssignmentCategory);
const mapEligibility = mapper(azureRoleEligibilityCategory);

/** The assignment example with some properties replaced (undefined removes one). */
function assignmentWith(properties: Record<string, unknown>, top: Record<string, unknown> = {}) {
  const entity = exampleEntity("RoleAssignmentScheduleRequests_ListForScope.json");
  return { ...entity, ...top, properties: { ...entity.properties, ...properties } };
}

describe("the spec's examples, as a user sees them", () => {
  it("RoleAssignmentScheduleRequests_ListForScope", () => {
    const item = mapAssignment(exampleEntity("RoleAssignmentScheduleRequests_ListForScope.json"));
    expect(item).toEqual({
      id: `${Buffer.from(`subscriptions/${SUB}`).toString("base64url")}.fea7a502-9a96-4806-a26f-eee560e52045`,
      category: "azure-role-assignment",
      status: "Provisioned",
      statusDetail: null,
      stage: "completed",
      isOpen: false,
      cancellable: false,
      createdDateTime: "2020-09-09T21:35:27.91Z",
      principal: { id: USER, displayName: "User Account" },
      target: { id: `${CONTRIBUTOR}@/subscriptions/${SUB}`, displayName: "Contributor on Pay-As-You-Go", kind: "Azure role assignment · Subscription" },
      // A self-activation: the requestor is the principal, whose name ARM expanded.
      requestedBy: { id: USER, displayName: "User Account" },
      justification: null,
      action: "SelfActivate",
      schedule: { startDateTime: "2020-09-09T21:35:27.91Z", endDateTime: null, duration: "PT8H" },
      ticket: null,
      scope: { id: `/subscriptions/${SUB}`, displayName: "Pay-As-You-Go", kind: "Subscription" },
      // The details panel shows the ABAC condition as the example writes it.
      condition: "@Resource[Microsoft.Storage/storageAccounts/blobServices/containers:ContainerName] StringEqualsIgnoreCase 'foo_storage_container'",
    });
  });

  it("RoleEligibilityScheduleRequests_ListForScope: its Microsoft.Subscription scope is read as the subscription", () => {
    const item = mapEligibility(exampleEntity("RoleEligibilityScheduleRequests_ListForScope.json"));
    expect(item).toMatchObject({
      category: "azure-role-eligibility",
      status: "Provisioned",
      stage: "completed",
      cancellable: false,
      target: { displayName: "Contributor on Pay-As-You-Go", kind: "Azure role eligibility · Subscription" },
      action: "AdminAssign",
      schedule: { startDateTime: "2020-09-09T21:31:27.91Z", endDateTime: null, duration: "P365D" },
    });
    expect(azureRoleEligibilityCategory.requestRef(item.id)).toEqual({ scope: `/subscriptions/${SUB}`, name: "64caffb6-55c0-4deb-a585-68e948ea1ad6" });
  });

  it("the assignment example's id addresses the request the Cancel example cancels", () => {
    const { parameters } = readExample("RoleAssignmentScheduleRequests_Cancel.json");
    const ref = azureRoleAssignmentCategory.requestRef(mapAssignment(exampleEntity("RoleAssignmentScheduleRequests_ListForScope.json")).id);
    expect(ref.name).toBe(parameters.roleAssignmentScheduleRequestName);
    expect(`/${parameters.scope}`.replace("/providers/Microsoft.Subscription", "")).toBe(ref.scope);
  });
});

describe("mapping what ARM may send", () => {
  it("offers Cancel on a request awaiting approval", () => {
    expect(mapAssignment(assignmentWith({ status: "PendingApproval" }))).toMatchObject({ stage: "awaiting-approval", isOpen: true, cancellable: true });
  });

  it("names a requestor ARM did not expand by their id", () => {
    const admin = "0a1b2c3d-0000-4000-8000-000000000001";
    expect(mapAssignment(assignmentWith({ requestorId: admin })).requestedBy).toEqual({ id: admin, displayName: admin });
    expect(mapAssignment(assignmentWith({ requestorId: undefined })).requestedBy).toBeNull();
  });

  it("finds the scope in the resource id when properties.scope is missing", () => {
    const item = mapAssignment(assignmentWith({ scope: undefined }));
    expect(azureRoleAssignmentCategory.requestRef(item.id).scope).toBe(`/subscriptions/${SUB}`);
  });

  it("falls back to ids and the scope's shape without expandedProperties", () => {
    const rgScope = `/subscriptions/${SUB}/resourceGroups/rg-web`;
    const item = mapAssignment(assignmentWith({ scope: rgScope, expandedProperties: undefined, scheduleInfo: undefined, ticketInfo: { ticketNumber: "CHG-7", ticketSystem: null } }));
    expect(item.principal).toEqual({ id: USER, displayName: USER });
    expect(item.target).toEqual({ id: `${CONTRIBUTOR}@${rgScope}`, displayName: "c8d4ff99-41c3-41a8-9f60-21dfdad59608 on rg-web", kind: "Azure role assignment · Resource group" });
    expect(item.schedule).toBeNull();
    expect(item.ticket).toEqual({ number: "CHG-7", system: null });
  });

  it.each([
    ["managementgroup", "/providers/Microsoft.Management/managementGroups/contoso-root", "Management group"],
    ["resourcegroup", `/subscriptions/${SUB}/resourceGroups/rg-web`, "Resource group"],
    ["resource", `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv-ledger`, "Resource"],
    [undefined, `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv-ledger`, "Resource"],
  ])("a %s scope reads as %s", (type, scope, kind) => {
    const item = mapAssignment(assignmentWith({ scope, expandedProperties: { scope: { id: scope, displayName: "Where", type } } }));
    expect(item.target.kind).toBe(`Azure role assignment · ${kind}`);
    expect(item.target.displayName.endsWith(" on Where")).toBe(true);
  });

  it.each([
    ["a scope smuggling a request path", { scope: `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleAssignmentScheduleRequests/fea7a502-9a96-4806-a26f-eee560e52045` }, {}],
    ["a scope with '%'", { scope: `/subscriptions/${SUB}/resourceGroups/rg%2Fx` }, {}],
    ["a management group's name as the subscription", { scope: "/subscriptions/contoso-production" }, {}],
    ["the tenant root", { scope: "/" }, {}],
    ["no scope and a tenant-root id", { scope: undefined }, { id: "/providers/Microsoft.Authorization/roleAssignmentScheduleRequests/fea7a502-9a96-4806-a26f-eee560e52045" }],
    ["a name that is not a GUID", {}, { name: "request-1" }],
  ])("skips an entity with %s (its Cancel would be refused)", (_, properties, top) => {
    const result = azureRoleAssignmentCategory.entitySchema.safeParse(assignmentWith(properties, top));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/Invalid Azure role request id/);
  });
});

describe("every request the ARM emulator seeds", () => {
  const seed = buildArmSeed();
  const directory = new ArmDirectory(seed);
  const categories = { assignment: azureRoleAssignmentCategory, eligibility: azureRoleEligibilityCategory } as const;

  it.each(["assignment", "eligibility"] as const)("%s: maps, with an id that leads back to it", (kind) => {
    const records = seed.requests.filter((r) => r.kind === kind);
    expect(records.length).toBeGreaterThan(20);
    for (const record of records) {
      const item = mapper(categories[kind])(renderRequest(record, kindInfo(kind), directory));
      expect(categories[kind].requestRef(item.id)).toEqual({ scope: record.scopeId, name: record.name });
      expect(item.cancellable).toBe(isCancellable(record.status));
    }
  });

  it.each(["assignment", "eligibility"] as const)("%s landmarks show their role, scope and person", (kind) => {
    const landmarks = Object.values(SEED_LANDMARKS[kind]);
    for (const landmark of landmarks) {
      const record = seed.requests.find((r) => r.kind === kind && r.name === landmark.name)!;
      const item = mapper(categories[kind])(renderRequest(record, kindInfo(kind), directory));
      expect(item.target.displayName).toBe(`${landmark.roleDisplayName} on ${landmark.scopeDisplayName}`);
      expect(item.principal).toEqual({ id: landmark.principalId, displayName: landmark.principalDisplayName });
      expect(item).toMatchObject({ status: landmark.status, justification: landmark.justification });
    }
  });
});

describe("the two categories", () => {
  it.each([
    [azureRoleAssignmentCategory, "roleAssignmentScheduleRequests"],
    [azureRoleEligibilityCategory, "roleEligibilityScheduleRequests"],
  ] as const)("state the ARM type and cancel action of $summary.slug", (category, resourceType) => {
    expect(category).toMatchObject({
      upstream: "arm",
      resourceType,
      apiVersion: "2020-10-01",
      summary: { apiType: `Microsoft.Authorization/${resourceType}`, apiVersion: "2020-10-01", retirement: null },
      cancelAction: `Microsoft.Authorization/${resourceType}/cancel/action`,
      list: { all: { scopes: "visible" }, mine: { scopes: "tenant-root", filter: "asTarget()" } },
    });
  });
});
