import { describe, expect, it } from "vitest";

import { ADMIN, MEGAN } from "../demo-tenant";
import { SEED_LANDMARKS } from "./seed";
import { governanceResourceId } from "./seed/governance-seed";
import { GOVERNANCE_BASE, harnessForFile } from "./test-harness";

const h = harnessForFile();

const landmarks = SEED_LANDMARKS.governanceRole;
const requests = (provider: string) => `${GOVERNANCE_BASE}/${provider}/roleAssignmentRequests`;
const AZURE = requests("azureResources");
const AZURE_SCOPE = "PrivilegedAccess.ReadWrite.AzureResources";
const ids = (answer: { body: { value: Array<{ id: string }> } }) => answer.body.value.map((r) => r.id);
const cancel = async (provider: string, id: string, token: string) => h.call(`${requests(provider)}/${id}/cancel`, { method: "POST", token });

describe("listing governance role assignment requests (A)", () => {
  it("answers 400 without a resourceId, subjectId or status/subStatus filter", async () => {
    const token = await h.token(ADMIN);
    const none = await h.call(AZURE, { token });
    expect(none.status).toBe(400);
    expect(none.body.error.code).toBe("BadRequest");
    expect(none.body.error.message).toMatch(/resourceId or subjectId/);
    expect((await h.call(`${AZURE}?$filter=type eq 'UserAdd'`, { token })).status).toBe(400);
  });

  it("lets anyone list their own requests by subjectId, and refuses someone else's", async () => {
    const token = await h.token(MEGAN);
    const own = await h.call(`${requests("aadGroups")}?$filter=subjectId eq '${MEGAN.oid}'`, { token });
    expect(own.status).toBe(200);
    expect(own.body["@odata.context"]).toMatch(/\/beta\/\$metadata#governanceRoleAssignmentRequests$/);
    expect(ids(own)).toContain(landmarks.meganCancellable.id);
    expect(own.body.value.every((r: { subjectId: string }) => r.subjectId === MEGAN.oid)).toBe(true);
    const theirs = await h.call(`${AZURE}?$filter=subjectId eq '${ADMIN.oid}'`, { token });
    expect(theirs.status).toBe(403);
    expect(theirs.body.error.code).toBe("Authorization_RequestDenied");
  });

  it("lists a resource's requests for an admin, with subject, roleDefinition and resource expanded", async () => {
    const resourceId = governanceResourceId("rg-payments");
    const url = `${AZURE}?$filter=resourceId eq '${resourceId}'&$expand=subject,roleDefinition,resource`;
    const answer = await h.call(url, { token: await h.token(ADMIN) });
    expect(answer.status).toBe(200);
    expect(answer.body.value).toHaveLength(3);
    const johanna = answer.body.value.find((r: { id: string }) => r.id === landmarks.colleagueCancellable.id);
    expect(johanna.reason).toBe(landmarks.colleagueCancellable.justification);
    expect(johanna.status).toEqual({ status: "InProgress", subStatus: "PendingAdminDecision", statusDetails: expect.any(Array) });
    expect(johanna.subject).toEqual({ id: johanna.subjectId, displayName: "Johanna Lorenz", email: "johanna@contoso.test", principalName: "johanna@contoso.test", type: "User" });
    expect(johanna.roleDefinition).toMatchObject({ displayName: "Contributor", resourceId, templateId: "b24988ac-6180-42a0-ab88-20f7382dd24c" });
    expect(johanna.resource).toMatchObject({ id: resourceId, displayName: "rg-payments", type: "ResourceGroup" });
    expect((await h.call(url, { token: await h.token(MEGAN) })).status).toBe(403);
  });

  it("serves the same list under resources/{id}/roleAssignmentRequests, for admins only", async () => {
    const path = `${GOVERNANCE_BASE}/azureResources/resources/${governanceResourceId("rg-payments")}/roleAssignmentRequests`;
    const answer = await h.call(`${path}?$select=id,reason`, { token: await h.token(ADMIN) });
    expect(answer.status).toBe(200);
    expect(answer.body.value).toHaveLength(3);
    expect(Object.keys(answer.body.value[0]).sort()).toEqual(["id", "reason"]);
    expect((await h.call(path, { token: await h.token(MEGAN) })).status).toBe(403);
  });

  it("answers the documented pending-admin-decision query for admins", async () => {
    const url = `${AZURE}?$filter=status/subStatus eq 'PendingAdminDecision'`;
    const answer = await h.call(url, { token: await h.token(ADMIN) });
    expect(answer.status).toBe(200);
    expect(answer.body.value.length).toBe(2);
    expect(answer.body.value.every((r: { status: { subStatus: string } }) => r.status.subStatus === "PendingAdminDecision")).toBe(true);
    expect((await h.call(url, { token: await h.token(MEGAN) })).status).toBe(403);
  });

  it("lists governance resources: all for an admin, only those with own requests otherwise", async () => {
    const admin = await h.call(`${GOVERNANCE_BASE}/azureResources/resources`, { token: await h.token(ADMIN) });
    expect(admin.body["@odata.context"]).toMatch(/#governanceResources$/);
    expect(admin.body.value.map((r: { displayName: string }) => r.displayName).sort()).toEqual(["Contoso Dev/Test", "Contoso Production", "rg-marketing-analytics", "rg-payments"]);
    const subscriptions = await h.call(`${GOVERNANCE_BASE}/azureResources/resources?$filter=type eq 'Subscription'&$select=id,externalId`, { token: await h.token(ADMIN) });
    expect(subscriptions.body.value).toHaveLength(2);
    expect(subscriptions.body.value[0].externalId).toMatch(/^\/subscriptions\/[0-9a-f-]{36}$/);
    const megan = await h.call(`${GOVERNANCE_BASE}/azureResources/resources`, { token: await h.token(MEGAN) });
    expect(megan.body.value.map((r: { displayName: string }) => r.displayName).sort()).toEqual(["Contoso Dev/Test", "rg-marketing-analytics"]);
    const tenant = await h.call(`${GOVERNANCE_BASE}/aadroles/resources`, { token: await h.token(ADMIN) });
    expect(tenant.body.value).toEqual([expect.objectContaining({ type: "Tenant", displayName: "Contoso" })]);
    const payments = `${GOVERNANCE_BASE}/azureResources/resources/${governanceResourceId("rg-payments")}`;
    const one = await h.call(`${payments}?$expand=parent`, { token: await h.token(ADMIN) });
    expect(one.body).toMatchObject({ displayName: "rg-payments", parent: { displayName: "Contoso Production", type: "Subscription" } });
    expect((await h.call(payments, { token: await h.token(MEGAN) })).status).toBe(404);
  });

  it("scopes every path to its provider, and matches the provider segment case-insensitively", async () => {
    const token = await h.token(ADMIN);
    const groupRequest = landmarks.meganCancellable;
    expect(groupRequest.provider).toBe("aadGroups");
    const wrong = await h.call(`${AZURE}/${groupRequest.id}`, { token });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.code).toBe("RoleAssignmentRequestNotFound");
    expect((await h.call(`${GOVERNANCE_BASE}/AADGROUPS/roleAssignmentRequests/${groupRequest.id}`, { token })).status).toBe(200);
    const tenantOnly = await h.call(`${GOVERNANCE_BASE}/AadRoles/roleAssignmentRequests?$filter=subjectId eq '${ADMIN.oid}'`, { token });
    expect(tenantOnly.body.value.every((r: { resourceId: string }) => r.resourceId === governanceResourceId("tenant"))).toBe(true);
    expect((await h.call(`/v1.0/privilegedAccess/azureResources/roleAssignmentRequests?$filter=subjectId eq '${ADMIN.oid}'`, { token })).status).toBe(400);
  });

  it("needs the provider's own permission", async () => {
    const other = await h.token(ADMIN, { scopes: ["PrivilegedAccess.ReadWrite.AzureAD"] });
    const refused = await h.call(`${AZURE}?$filter=subjectId eq '${ADMIN.oid}'`, { token: other });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("Authorization_RequestDenied");
    expect((await h.call(`${requests("aadroles")}?$filter=subjectId eq '${ADMIN.oid}'`, { token: other })).status).toBe(200);
    expect((await cancel("azureResources", landmarks.adminCancellable.id, other)).status).toBe(403);
  });
});

describe("cancelling a governance role assignment request (A)", () => {
  it("answers 204 without a body, then shows status Closed / Canceled", async () => {
    const target = landmarks.adminCancellable;
    const token = await h.token(ADMIN, { scopes: [AZURE_SCOPE] });
    const answer = await cancel(target.provider, target.id, token);
    expect(answer.status).toBe(204);
    expect(answer.text).toBe("");
    const after = await h.call(`${requests(target.provider)}/${target.id}`, { token });
    expect(after.body.status).toMatchObject({ status: "Closed", subStatus: "Canceled" });
    const again = await cancel(target.provider, target.id, token);
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe("RequestCannotBeCancelled");
  });

  it("answers 400 RoleAssignmentRequestNotFound for an unknown id and 400 RequestCannotBeCancelled when too late", async () => {
    const token = await h.token(ADMIN);
    const unknown = await cancel("azureResources", "7c53453e-d5a4-41e0-8eb1-32d5ec8bfdee", token);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe("RoleAssignmentRequestNotFound");
    for (const target of [landmarks.adminNotCancellable, landmarks.adminClosed, landmarks.colleagueNotCancellable, landmarks.colleagueClosed]) {
      const answer = await cancel(target.provider, target.id, token);
      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toBe("RequestCannotBeCancelled");
    }
  });

  it("lets Megan cancel her own request but not a colleague's", async () => {
    const token = await h.token(MEGAN);
    const theirs = landmarks.colleagueCancellable;
    expect((await cancel(theirs.provider, theirs.id, token)).status).toBe(403);
    const own = landmarks.meganCancellable;
    expect((await cancel(own.provider, own.id, token)).status).toBe(204);
    expect((await cancel(theirs.provider, theirs.id, await h.token(ADMIN))).status).toBe(204);
  });

  it("cancels inside $batch (item body null) and honours injected faults on the provider path", async () => {
    const token = await h.token(ADMIN);
    await h.call("/_emulator/faults", { body: { method: "POST", pathPattern: "^/beta/privilegedAccess/aadGroups/.*/cancel$", status: 503, times: 1 } });
    const batch = await h.call("/beta/$batch", {
      token,
      body: {
        requests: [
          { id: "1", method: "POST", url: `/privilegedAccess/azureResources/roleAssignmentRequests/${landmarks.adminCancellable.id}/cancel` },
          { id: "2", method: "POST", url: `/privilegedAccess/aadGroups/roleAssignmentRequests/${landmarks.meganCancellable.id}/cancel` },
        ],
      },
    });
    expect(batch.body.responses.map((r: { status: number }) => r.status)).toEqual([204, 503]);
    expect(batch.body.responses[0].body).toBeNull();
    const log = await h.call("/_emulator/requests");
    expect(log.body).toContainEqual(expect.objectContaining({ method: "POST", path: `/beta/privilegedAccess/azureResources/roleAssignmentRequests/${landmarks.adminCancellable.id}/cancel`, status: 204, viaBatch: true }));
  });

  it("lets tests change the sub-status behind the app's back; status follows", async () => {
    const target = landmarks.colleagueCancellable;
    const granted = await h.call(`/_emulator/entities/governanceRoleAssignmentRequests/${target.id}`, { body: { status: "granted" } });
    expect(granted.body).toMatchObject({ subStatus: "Granted", status: "InProgress" });
    const denied = await h.call(`/_emulator/entities/governanceRoleAssignmentRequests/${target.id}`, { body: { status: "AdminDenied" } });
    expect(denied.body).toMatchObject({ subStatus: "AdminDenied", status: "Closed" });
    expect((await cancel(target.provider, target.id, await h.token(ADMIN))).body.error.code).toBe("RequestCannotBeCancelled");
    expect((await h.call(`/_emulator/entities/governanceRoleAssignmentRequests/${target.id}`, { body: { status: "Exploded" } })).status).toBe(400);
    expect((await h.call(`/_emulator/state/governanceRoleAssignmentRequests/${landmarks.meganCancellable.id}`)).body.provider).toBe("aadGroups");
  });
});
