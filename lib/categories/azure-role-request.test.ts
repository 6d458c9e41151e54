import { describe, expect, it } from "vitest";
import type { RequestStage } from "@/lib/requests/pending-request";
import { ARM_REQUEST_STATUSES, CANCELLABLE_STATUSES } from "@/stand-ins/arm-emulator/model/statuses";
import { azureRoleAssignmentCategory } from "./azure-role-assignment";
import { azureRoleEligibilityCategory } from "./azure-role-eligibility";
import { armScopeKind, decodeArmRequestId, encodeArmRequestId } from "./azure-role-id";
import { AZURE_ROLE_CANCELLABLE_STATUSES, AZURE_ROLE_REQUEST_STATUSES, azureRoleStage } from "./azure-role-status";

const SUB = "11111111-1111-1111-1111-111111111111";
const NAME = "fea7a502-9a96-4806-a26f-eee560e52045";
const CATEGORIES = [azureRoleAssignmentCategory, azureRoleEligibilityCategory];

/** Node's own base64url (no padding), independent of the module's encoder. */
const token = (scopeWithoutSlash: string) => Buffer.from(scopeWithoutSlash, "utf8").toString("base64url");
const idOf = (scopeWithoutSlash: string, name = NAME) => `${token(scopeWithoutSlash)}.${name}`;

describe("Azure role request statuses", () => {
  // The stage a user sees for every value of the spec's enum.
  const EXPECTED_STAGE: Record<string, RequestStage> = {
    Accepted: "submitted",
    PendingEvaluation: "submitted",
    PendingApproval: "awaiting-approval",
    PendingAdminDecision: "awaiting-approval",
    PendingApprovalProvisioning: "awaiting-approval",
    AdminApproved: "approved-scheduled",
    Granted: "approved-scheduled",
    PendingProvisioning: "in-progress",
    ProvisioningStarted: "in-progress",
    PendingScheduleCreation: "in-progress",
    PendingExternalProvisioning: "in-progress",
    PendingRevocation: "in-progress",
    Provisioned: "completed",
    ScheduleCreated: "completed",
    Denied: "denied",
    AdminDenied: "denied",
    Revoked: "revoked",
    Canceled: "cancelled",
    Failed: "failed",
    FailedAsResourceIsLocked: "failed",
    Invalid: "failed",
    TimedOut: "expired",
  };

  it("knows exactly the spec's enum, as the ARM emulator does", () => {
    expect([...AZURE_ROLE_REQUEST_STATUSES].sort()).toEqual([...ARM_REQUEST_STATUSES].sort());
    expect(Object.keys(EXPECTED_STAGE).sort()).toEqual([...AZURE_ROLE_REQUEST_STATUSES].sort());
  });

  it.each(Object.entries(EXPECTED_STAGE))("%s reads as %s", (status, stage) => {
    expect(azureRoleStage(status)).toBe(stage);
    expect(azureRoleStage(status.toUpperCase())).toBe(stage);
  });

  it.each(CATEGORIES)("$summary.slug offers Cancel for exactly the decided statuses, the emulator's", (category) => {
    const cancellable = AZURE_ROLE_REQUEST_STATUSES.filter((s) => category.isCancellableStatus(s));
    expect(cancellable.sort()).toEqual(
      ["Accepted", "AdminApproved", "Granted", "PendingAdminDecision", "PendingApproval", "PendingApprovalProvisioning", "PendingEvaluation"],
    );
    expect(new Set(cancellable)).toEqual(new Set(CANCELLABLE_STATUSES));
    expect([...category.summary.cancellableStatuses].sort()).toEqual(cancellable);
    expect(category.isCancellableStatus("pendingapproval")).toBe(true);
  });

  it("keeps every cancellable status in an open stage", () => {
    for (const status of AZURE_ROLE_CANCELLABLE_STATUSES) {
      expect(["submitted", "awaiting-approval", "approved-scheduled"]).toContain(azureRoleStage(status));
    }
  });

  it("reads a status outside the enum as still open and not cancellable", () => {
    expect(azureRoleStage("PendingSomethingNew")).toBe("in-progress");
    expect(azureRoleAssignmentCategory.isCancellableStatus("PendingSomethingNew")).toBe(false);
    expect(azureRoleAssignmentCategory.isCancellableStatus("")).toBe(false);
  });
});

describe("the app's id of an Azure role request", () => {
  const LONG_NAME = "a".repeat(260);
  it.each([
    ["management group", "providers/Microsoft.Management/managementGroups/contoso-production"],
    ["management group (odd but valid name)", "providers/microsoft.management/MANAGEMENTGROUPS/Team_(EU).1"],
    ["subscription", `subscriptions/${SUB}`],
    ["subscription (upper-case id and keyword)", `SUBSCRIPTIONS/${SUB.toUpperCase().replace(/1/g, "A")}`],
    ["resource group", `subscriptions/${SUB}/resourceGroups/rg-web`],
    ["resource group (every allowed character)", `subscriptions/${SUB}/resourcegroups/My.RG_(prod)-1`],
    ["resource", `subscriptions/${SUB}/resourceGroups/rg-payments/providers/Microsoft.KeyVault/vaults/kv-payments-prod`],
    ["nested resource", `subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st1/blobServices/default/containers/c.1`],
    ["resource with a 260-character name", `subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/${LONG_NAME}`],
  ])("round-trips a %s scope", (_, scope) => {
    for (const name of [NAME, NAME.toUpperCase()]) {
      const id = encodeArmRequestId({ scope: `/${scope}`, name });
      expect(id).toBe(idOf(scope, name));
      // One URL path segment: nothing a router or ARM would read as a separator or an escape.
      expect(id).toMatch(/^[A-Za-z0-9_-]+\.[0-9A-Fa-f-]{36}$/);
      expect(decodeArmRequestId(id)).toEqual({ scope: `/${scope}`, name });
      for (const category of CATEGORIES) {
        expect(category.requestRef(id)).toEqual({ scope: `/${scope}`, name });
        expect(category.idSchema.safeParse(id).success).toBe(true);
      }
    }
  });

  const validToken = token(`subscriptions/${SUB}`);
  // 50 characters → the last base64 digit carries 2 unused bits; setting one gives a second spelling of the scope.
  const lastDigit = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  const sloppyToken = validToken.slice(0, -1) + lastDigit[lastDigit.indexOf(validToken.at(-1)!) | 1];
  const paddedToken = Buffer.from(`subscriptions/${SUB}`).toString("base64");
  const nested = (pairs: number) =>
    `subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/s` + `/t/${"n".repeat(100)}`.repeat(pairs);

  it.each([
    ["a request path smuggled in as the scope", idOf(`subscriptions/${SUB}/providers/Microsoft.Authorization/roleAssignmentScheduleRequests/${NAME}/cancel`)],
    ["a request smuggled in as a resource", idOf(`subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Authorization/roleEligibilityScheduleRequests/${NAME}`)],
    ["Microsoft.Authorization nested under a resource", idOf(`subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/s/providers/microsoft.authorization`)],
    ["a '..' resource group", idOf(`subscriptions/${SUB}/resourceGroups/..`)],
    ["a '..' resource name", idOf(`subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/..`)],
    ["'..' segments climbing out", idOf(`subscriptions/${SUB}/resourceGroups/rg/../../../providers/Microsoft.Management/managementGroups/x`)],
    ["an encoded slash", idOf(`subscriptions/${SUB}/resourceGroups/rg%2F..%2Fother`)],
    ["a '%' anywhere", idOf(`subscriptions/${SUB}/resourceGroups/rg%41`)],
    ["a management group's name where the subscription id belongs", idOf("subscriptions/contoso-production")],
    ["the spec's Microsoft.Subscription alias (the app only writes /subscriptions/<id>)", idOf(`providers/Microsoft.Subscription/subscriptions/${SUB}`)],
    ["an unknown provider scope", idOf("providers/Microsoft.Billing/billingAccounts/x")],
    ["the tenant root", `.${NAME}`],
    ["a leading slash in the scope", idOf(`/subscriptions/${SUB}`)],
    ["a trailing slash in the scope", idOf(`subscriptions/${SUB}/`)],
    ["an empty segment", idOf(`subscriptions/${SUB}//resourceGroups/rg`)],
    ["whitespace", idOf(`subscriptions/${SUB}/resourceGroups/rg web`)],
    ["a query", idOf(`subscriptions/${SUB}?api-version=2015-01-01`)],
    ["a fragment", idOf(`subscriptions/${SUB}#x`)],
    ["a backslash", idOf(`subscriptions/${SUB}/resourceGroups/rg\\..`)],
    ["non-ASCII", idOf(`subscriptions/${SUB}/resourceGroups/rg-é`)],
    ["a resource group ending with '.'", idOf(`subscriptions/${SUB}/resourceGroups/rg.`)],
    ["a resource without a name", idOf(`subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts`)],
    ["a name that is not a GUID", `${validToken}.not-a-guid`],
    ["a name that is a GUID with extra text", `${validToken}.${NAME}x`],
    ["no name", `${validToken}.`],
    ["no '.' at all", validToken],
    ["the empty string", ""],
    ["a second '.'", `${validToken}.${NAME}.${NAME}`],
    ["non-canonical base64 (unused bits set)", `${sloppyToken}.${NAME}`],
    ["base64 padding", `${paddedToken}.${NAME}`],
    ["a raw scope instead of its encoding", `subscriptions/${SUB}.${NAME}`],
    ["an over-long id", idOf(nested(7))],
  ])("refuses %s as invalid input", (_, id) => {
    for (const category of CATEGORIES) {
      expect(() => category.requestRef(id)).toThrow(expect.objectContaining({ code: "invalid_input", status: 400 }));
      expect(category.idSchema.safeParse(id).success).toBe(false);
    }
  });

  it("checks its own inputs: each differs from an accepted id only in what it tests", () => {
    expect(idOf(nested(7)).length).toBeGreaterThan(1024);
    expect(idOf(nested(6)).length).toBeLessThanOrEqual(1024);
    expect(decodeArmRequestId(idOf(nested(6))).scope).toBe(`/${nested(6)}`);
    expect(atob(sloppyToken.replace(/-/g, "+").replace(/_/g, "/"))).toBe(`subscriptions/${SUB}`);
    expect(paddedToken).toBe(`${validToken}=`);
  });

  it("explains the refusal", () => {
    expect(() => decodeArmRequestId(`${validToken}.not-a-guid`)).toThrow(/Invalid Azure role request id: .*GUID/);
    expect(() => decodeArmRequestId(idOf("subscriptions/contoso-production"))).toThrow(/subscription is named by its id/);
    expect(azureRoleAssignmentCategory.idSchema.safeParse(idOf(`subscriptions/${SUB}%2F`)).error?.issues[0]?.message).toMatch(/'%'/);
  });

  it.each([
    [{ scope: `subscriptions/${SUB}`, name: NAME }, /start with '\/'/],
    [{ scope: `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleAssignmentScheduleRequests/${NAME}`, name: NAME }, /./],
    [{ scope: `/subscriptions/${SUB}`, name: "12345" }, /GUID/],
    [{ scope: "/", name: NAME }, /empty/],
    [{ scope: `/${nested(7)}`, name: NAME }, /longer than 1024/],
  ])("will not write an id it would refuse (%o)", (ref, message) => {
    expect(() => encodeArmRequestId(ref)).toThrow(expect.objectContaining({ code: "invalid_input", message: expect.stringMatching(message) }));
  });
});

describe("armScopeKind", () => {
  it.each([
    ["/providers/Microsoft.Management/managementGroups/contoso-root", "Management group"],
    [`/subscriptions/${SUB}`, "Subscription"],
    [`/providers/Microsoft.Subscription/subscriptions/${SUB}`, "Subscription"],
    [`/subscriptions/${SUB}/resourceGroups/rg-web`, "Resource group"],
    [`/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv`, "Resource"],
    [`/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/s/blobServices/default`, "Resource"],
  ])("%s is a %s", (scope, kind) => {
    expect(armScopeKind(scope)).toBe(kind);
  });
});
