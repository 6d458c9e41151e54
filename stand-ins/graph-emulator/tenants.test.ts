import { describe, expect, it } from "vitest";

import { ADMIN, DEMO_TENANT_ID, FABRIKAM_TENANT_ID, PATTI } from "../demo-tenant";
import { SEED_LANDMARKS } from "./seed";
import { AP_V1_BASE, PIM_GROUP_BASE, PRIVILEGED_ROLE_BASE, ROLE_MANAGEMENT_BASE, harnessForFile } from "./test-harness";

const h = harnessForFile();

const FABRIKAM = `tenant=${FABRIKAM_TENANT_ID}`;

describe("tenants chosen by the token's tid", () => {
  it("serves Fabrikam its own directory: Patti alone, no groups", async () => {
    const token = await h.token(PATTI);
    expect((await h.call("/v1.0/me", { token })).body).toMatchObject({ id: PATTI.oid, userPrincipalName: "admin@fabrikam.test" });
    expect((await h.call("/v1.0/users?$select=id", { token })).body.value).toEqual([{ id: PATTI.oid }]);
    expect((await h.call(`/v1.0/users/${ADMIN.oid}`, { token })).body.error.code).toBe("Request_ResourceNotFound");
    expect((await h.call("/v1.0/groups", { token })).body.value).toEqual([]);
    // Contoso's tokens keep Contoso.
    expect((await h.call("/v1.0/users?$select=id", { token: await h.token(ADMIN) })).body.value.length).toBeGreaterThan(1);
  });

  it("holds no requests in any collection, while the routes and built-in role definitions are the same", async () => {
    const token = await h.token(PATTI);
    for (const path of [
      `${PIM_GROUP_BASE}/assignmentScheduleRequests/filterByCurrentUser(on='principal')`,
      `${PIM_GROUP_BASE}/eligibilityScheduleRequests/filterByCurrentUser(on='principal')`,
      `${AP_V1_BASE}`,
      `${AP_V1_BASE}/filterByCurrentUser(on='target')`,
      `/beta/privilegedAccess/aadroles/roleAssignmentRequests?$filter=subjectId eq '${PATTI.oid}'`,
      `/beta/privilegedAccess/azureResources/resources`,
      PRIVILEGED_ROLE_BASE,
      `${ROLE_MANAGEMENT_BASE}/roleAssignmentScheduleRequests`,
      `${ROLE_MANAGEMENT_BASE}/roleEligibilityScheduleRequests`,
    ]) {
      const answer = await h.call(path, { token });
      expect({ path, status: answer.status, value: answer.body.value }).toEqual({ path, status: 200, value: [] });
    }
    const contosoRequest = SEED_LANDMARKS.directoryRoleAssignment.adminCancellable.id;
    expect((await h.call(`${ROLE_MANAGEMENT_BASE}/roleAssignmentScheduleRequests/${contosoRequest}/cancel`, { method: "POST", token })).status).toBe(404);
    const definitions = await h.call(`${ROLE_MANAGEMENT_BASE}/roleDefinitions`, { token });
    expect(definitions.body.value.length).toBeGreaterThan(10);
  });

  it("refuses a token for an unknown tenant, or without tid, with 401 InvalidAuthenticationToken", async () => {
    for (const tenantId of ["00000000-0000-0000-0000-000000000000", null]) {
      const answer = await h.call("/v1.0/me", { token: await h.token(ADMIN, { tenantId }) });
      expect(answer.status).toBe(401);
      expect(answer.body.error.code).toBe("InvalidAuthenticationToken");
      expect(answer.body.error.message).toMatch(/tenant|tid/i);
      expect(answer.headers.get("www-authenticate")).toMatch(/^Bearer /);
    }
    // A Contoso person presenting a Fabrikam token is not in Fabrikam's directory.
    expect((await h.call("/v1.0/me", { token: await h.token(ADMIN, { tenantId: FABRIKAM_TENANT_ID }) })).status).toBe(404);
  });

  it("lets a $batch envelope's token choose the tenant for every item", async () => {
    const batch = await h.call("/v1.0/$batch", {
      token: await h.token(PATTI),
      body: { requests: [{ id: "me", method: "GET", url: "/me" }, { id: "groups", method: "GET", url: "/groups" }] },
    });
    expect(batch.body.responses.map((r: { status: number }) => r.status)).toEqual([200, 200]);
    expect(batch.body.responses[0].body.id).toBe(PATTI.oid);
    expect(batch.body.responses[1].body.value).toEqual([]);
  });
});

describe("control endpoints per tenant (?tenant=)", () => {
  it("act on Contoso by default and on Fabrikam when named: faults, claims challenges, config, state", async () => {
    const [patti, adele] = [await h.token(PATTI, { capabilities: ["cp1"] }), await h.token(ADMIN, { capabilities: ["cp1"] })];
    await h.call(`/_emulator/faults?${FABRIKAM}`, { body: { pathPattern: "^/v1.0/me$", status: 503 } });
    expect((await h.call("/v1.0/me", { token: adele })).status).toBe(200);
    expect((await h.call("/v1.0/me", { token: patti })).status).toBe(503);
    expect((await h.call("/_emulator/faults")).body.faults).toEqual([]);

    await h.call(`/_emulator/claims-challenge?${FABRIKAM}`, { body: {} });
    expect((await h.call("/v1.0/me", { token: adele })).status).toBe(200);
    expect((await h.call("/v1.0/me", { token: patti })).status).toBe(401);

    await h.call(`/_emulator/config?${FABRIKAM}`, { body: { eCancelPendingApproval: false } });
    expect((await h.call(`/_emulator/config?${FABRIKAM}`)).body.eCancelPendingApproval).toBe(false);
    expect((await h.call("/_emulator/config")).body.eCancelPendingApproval).toBe(true);

    expect((await h.call(`/_emulator/state/directoryRoleAssignmentScheduleRequests?${FABRIKAM}`)).body).toEqual([]);
    expect((await h.call("/_emulator/state/directoryRoleAssignmentScheduleRequests")).body.length).toBeGreaterThan(0);
    expect((await h.call(`/_emulator/faults?tenant=nope`)).status).toBe(404);
  });

  it("log every tenant's calls with tenantId, narrowed by ?tenant=; reset resets every tenant", async () => {
    await h.call("/v1.0/me", { token: await h.token(ADMIN) });
    await h.call("/v1.0/me", { token: await h.token(PATTI) });
    const log = (await h.call("/_emulator/requests")).body;
    expect(log.map((c: { tenantId: string }) => c.tenantId)).toEqual([DEMO_TENANT_ID, FABRIKAM_TENANT_ID]);
    expect((await h.call(`/_emulator/requests?${FABRIKAM}`)).body).toEqual([log[1]]);
    await h.call(`/_emulator/requests?${FABRIKAM}`, { method: "DELETE" });
    expect((await h.call("/_emulator/requests")).body).toEqual([log[0]]);

    await h.call(`/_emulator/config?${FABRIKAM}`, { body: { pageSize: 1 } });
    await h.call(`/_emulator/faults?${FABRIKAM}`, { body: { pathPattern: ".", status: 500, times: 9 } });
    await h.reset();
    expect((await h.call(`/_emulator/config?${FABRIKAM}`)).body.pageSize).toBe(50);
    expect((await h.call(`/_emulator/faults?${FABRIKAM}`)).body.faults).toEqual([]);
    expect((await h.call("/_emulator/requests")).body).toEqual([]);
  });
});
