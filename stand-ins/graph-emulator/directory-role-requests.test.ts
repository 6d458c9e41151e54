import { describe, expect, it } from "vitest";

import { ADMIN, DEMO_PEOPLE, GRAPH_DELEGATED_SCOPES, LEE, MEGAN } from "../demo-tenant";
import { SEED_LANDMARKS } from "./seed";
import { ROLE_MANAGEMENT_BASE as BASE, harnessForFile } from "./test-harness";

const h = harnessForFile();

const ASSIGNMENTS = `${BASE}/roleAssignmentScheduleRequests`;
const ELIGIBILITIES = `${BASE}/roleEligibilityScheduleRequests`;
const assignment = SEED_LANDMARKS.directoryRoleAssignment;
const eligibility = SEED_LANDMARKS.directoryRoleEligibility;
const cancel = (url: string, token: string) => h.call(`${url}/cancel`, { method: "POST", token });
const DIEGO = DEMO_PEOPLE.find((p) => p.userPrincipalName === "diego@contoso.test")!;
const ids = (answer: { body: { value: Array<{ id: string }> } }) => answer.body.value.map((r) => r.id);

describe("listing directory role schedule requests (E)", () => {
  it("lists every request for a Privileged Role Administrator, with principal and roleDefinition expanded", async () => {
    const answer = await h.call(`${ASSIGNMENTS}?$expand=principal,roleDefinition`, { token: await h.token(ADMIN) });
    expect(answer.status).toBe(200);
    expect(answer.body["@odata.context"]).toMatch(/\/v1\.0\/\$metadata#roleManagement\/directory\/roleAssignmentScheduleRequests$/);
    expect(answer.body.value).toHaveLength(22);
    const johanna = answer.body.value.find((r: { id: string }) => r.id === assignment.colleagueCancellable.id);
    expect(johanna).toMatchObject({ status: "Granted", action: "selfActivate", directoryScopeId: "/", justification: assignment.colleagueCancellable.justification });
    expect(johanna.principal).toMatchObject({ "@odata.type": "#microsoft.graph.user", displayName: "Johanna Lorenz" });
    expect(johanna.roleDefinition).toMatchObject({ id: "194ae4cb-b126-40b2-bd5b-6091b380977d", displayName: "Security Administrator", isBuiltIn: true });
  });

  it("filters on status, principalId and roleDefinitionId (eq, ne) and honours $select", async () => {
    const token = await h.token(ADMIN);
    const granted = await h.call(`${ELIGIBILITIES}?$filter=status eq 'Granted' and principalId eq '${MEGAN.oid}'&$select=id,status`, { token });
    expect(granted.body.value).toHaveLength(2);
    expect(ids(granted)).toContain(eligibility.meganCancellable.id);
    for (const row of granted.body.value) expect(Object.keys(row).sort()).toEqual(["id", "status"]);
    const notGranted = await h.call(`${ASSIGNMENTS}?$filter=status ne 'Granted'`, { token });
    expect(notGranted.body.value.every((r: { status: string }) => r.status !== "Granted")).toBe(true);
    const readers = await h.call(`${ASSIGNMENTS}?$filter=roleDefinitionId eq '4a5d8f65-41da-4de4-8968-e035b65339cf'`, { token });
    expect(readers.body.value.length).toBe(3);
    expect((await h.call(`${ASSIGNMENTS}?$filter=groupId eq 'x'`, { token })).status).toBe(400);
  });

  it("refuses the admin list to Megan, and the eligibility list to Lee when his token lacks every eligibility permission", async () => {
    const megan = await h.call(ASSIGNMENTS, { token: await h.token(MEGAN) });
    expect(megan.status).toBe(403);
    expect(megan.body.error.code).toBe("Authorization_RequestDenied");
    // Lee has no consent for directory-role eligibility (demo-tenant.ts): his tokens carry every other scope.
    const consented = GRAPH_DELEGATED_SCOPES.filter((s) => !s.startsWith("RoleEligibilitySchedule."));
    const withoutRoleManagement = await h.token(LEE, { scopes: consented.filter((s) => !s.startsWith("RoleManagement.")) });
    expect((await h.call(ELIGIBILITIES, { token: withoutRoleManagement })).status).toBe(403);
    expect((await h.call(ASSIGNMENTS, { token: withoutRoleManagement })).status).toBe(200);
    // RoleManagement.ReadWrite.Directory is a documented higher permission for both lists (contract §7).
    expect((await h.call(ELIGIBILITIES, { token: await h.token(LEE, { scopes: consented }) })).status).toBe(200);
  });

  it("filterByCurrentUser(on='principal') returns the caller's own; on='approver' what they may approve", async () => {
    const mine = await h.call(`${ASSIGNMENTS}/filterByCurrentUser(on='principal')`, { token: await h.token(MEGAN) });
    expect(mine.status).toBe(200);
    expect(mine.body["@odata.context"]).toMatch(/#Collection\(microsoft\.graph\.unifiedRoleAssignmentScheduleRequest\)$/);
    expect(mine.body.value).toHaveLength(6);
    expect(mine.body.value.every((r: { principalId: string }) => r.principalId === MEGAN.oid)).toBe(true);
    const granted = await h.call(`${ELIGIBILITIES}/filterByCurrentUser(on='principal')?$filter=status eq 'Granted'`, { token: await h.token(MEGAN) });
    expect(granted.body.value).toHaveLength(2);
    const awaiting = (answer: { body: { value: Array<{ principalId: string; status: string }> } }) => answer.body.value.map((r) => [r.principalId, r.status]);
    const approver = await h.call(`${ASSIGNMENTS}/filterByCurrentUser(on='approver')`, { token: await h.token(ADMIN) });
    expect(awaiting(approver)).toEqual([[DIEGO.oid, "PendingApproval"]]);
    const lee = await h.call(`${ASSIGNMENTS}/filterByCurrentUser(on='approver')`, { token: await h.token(LEE) });
    expect(awaiting(lee)).toEqual([[ADMIN.oid, "PendingApproval"]]);
  });

  it("answers 400 for filterByCurrentUser(on='createdBy'), documented as unsupported", async () => {
    const answer = await h.call(`${ASSIGNMENTS}/filterByCurrentUser(on='createdBy')`, { token: await h.token(MEGAN) });
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toMatch(/not supported.*principal, approver/);
    expect((await h.call(`${ELIGIBILITIES}/filterByCurrentUser(on='target')`, { token: await h.token(MEGAN) })).status).toBe(400);
  });

  it("expands targetSchedule and activatedUsing as in the docs example", async () => {
    const closed = assignment.meganClosed;
    const answer = await h.call(`${ASSIGNMENTS}/${closed.id}?$expand=targetSchedule,activatedUsing`, { token: await h.token(MEGAN) });
    expect(answer.status).toBe(200);
    expect(answer.body.targetSchedule).toMatchObject({ id: closed.id, createdUsing: closed.id, status: "Provisioned", assignmentType: "Activated", memberType: "Direct" });
    expect(answer.body.activatedUsing).toMatchObject({ principalId: MEGAN.oid, status: "Provisioned", memberType: "Direct" });
    const granted = await h.call(`${ELIGIBILITIES}/${eligibility.meganCancellable.id}?$expand=targetSchedule`, { token: await h.token(MEGAN) });
    expect(granted.body.targetSchedule).toBeNull();
    expect((await h.call(`${ELIGIBILITIES}/${eligibility.meganCancellable.id}?$expand=activatedUsing`, { token: await h.token(MEGAN) })).status).toBe(400);
  });

  it("serves beta on the same paths, and the role definitions", async () => {
    const beta = await h.call(`/beta/roleManagement/directory/roleEligibilityScheduleRequests/filterByCurrentUser(on='principal')`, { token: await h.token(MEGAN) });
    expect(beta.body.value).toHaveLength(6);
    expect(beta.body.value[0].ticketInfo).toHaveProperty("ticketSubmitterIdentityId");
    const definitions = await h.call(`${BASE}/roleDefinitions?$filter=displayName eq 'Global Reader'`, { token: await h.token(MEGAN) });
    expect(definitions.body.value).toEqual([expect.objectContaining({ id: "f2ef992c-3afb-46b9-b7cf-a126ee74c451", templateId: "f2ef992c-3afb-46b9-b7cf-a126ee74c451" })]);
    const pra = await h.call(`${BASE}/roleDefinitions/e8611ab8-c189-46e8-94e1-60213ab1f814`, { token: await h.token(MEGAN) });
    expect(pra.body).toMatchObject({ displayName: "Privileged Role Administrator", isBuiltIn: true });
    expect((await h.call(`${BASE}/roleDefinitions/nope`, { token: await h.token(MEGAN) })).body.error.code).toBe("Request_ResourceNotFound");
  });
});

describe("cancelling directory role schedule requests (E)", () => {
  it("cancels a Granted assignment request: 204, then Canceled with completedDateTime", async () => {
    const target = assignment.adminCancellable;
    const token = await h.token(ADMIN, { scopes: ["RoleAssignmentSchedule.ReadWrite.Directory"] });
    const answer = await cancel(`${ASSIGNMENTS}/${target.id}`, token);
    expect(answer.status).toBe(204);
    expect(answer.text).toBe("");
    const after = await h.call(`${ASSIGNMENTS}/${target.id}`, { token });
    expect(after.body.status).toBe("Canceled");
    expect(Date.parse(after.body.completedDateTime)).toBeGreaterThan(Date.now() - 60_000);
  });

  it("cancels a Granted eligibility request into Revoked (contract §9 E-1)", async () => {
    const target = eligibility.colleagueCancellable;
    const token = await h.token(ADMIN, { scopes: ["RoleManagement.ReadWrite.Directory"] });
    expect((await cancel(`${ELIGIBILITIES}/${target.id}`, token)).status).toBe(204);
    expect((await h.call(`${ELIGIBILITIES}/${target.id}`, { token })).body.status).toBe("Revoked");
    const again = await cancel(`${ELIGIBILITIES}/${target.id}`, token);
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe("RequestCannotBeCancelled");
  });

  it("refuses requests past approval: provisioning and final ones answer 400 RequestCannotBeCancelled", async () => {
    const token = await h.token(ADMIN);
    for (const [url, target] of [
      [ASSIGNMENTS, assignment.adminNotCancellable],
      [ASSIGNMENTS, assignment.colleagueNotCancellable],
      [ASSIGNMENTS, assignment.adminClosed],
      [ELIGIBILITIES, eligibility.meganNotCancellable],
      [ELIGIBILITIES, eligibility.colleagueClosed],
    ] as const) {
      const answer = await cancel(`${url}/${target.id}`, token);
      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toBe("RequestCannotBeCancelled");
      expect(answer.body.error.message).toContain(target.status);
    }
    const unknown = await cancel(`${ASSIGNMENTS}/00000000-0000-0000-0000-000000000000`, token);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe("itemNotFound");
  });

  it("refuses Megan (no Privileged Role Administrator) every cancel, her own Granted requests included (§7)", async () => {
    const token = await h.token(MEGAN);
    for (const [url, target] of [
      [ASSIGNMENTS, assignment.meganCancellable],
      [ELIGIBILITIES, eligibility.meganCancellable],
      [ASSIGNMENTS, assignment.colleagueCancellable],
    ] as const) {
      const answer = await cancel(`${url}/${target.id}`, token);
      expect(answer.status).toBe(403);
      expect(answer.body.error).toMatchObject({ code: "Authorization_RequestDenied", message: "Insufficient privileges to complete the operation." });
      expect(answer.body.error.innerError["request-id"]).toEqual(expect.any(String));
    }
    // Nothing changed, and listing her own requests is still allowed.
    expect((await h.call(`/_emulator/state/directoryRoleAssignmentScheduleRequests/${assignment.meganCancellable.id}`)).body.status).toBe("Granted");
    expect((await h.call(`/_emulator/state/directoryRoleEligibilityScheduleRequests/${eligibility.meganCancellable.id}`)).body.status).toBe("Granted");
    expect((await h.call(`${ELIGIBILITIES}/filterByCurrentUser(on='principal')`, { token })).status).toBe(200);
  });

  it("lets a Privileged Role Administrator cancel their own Granted requests, with the matching ReadWrite permission", async () => {
    const wrongScope = await h.token(ADMIN, { scopes: ["RoleAssignmentSchedule.ReadWrite.Directory", "RoleEligibilitySchedule.Read.Directory"] });
    expect((await cancel(`${ELIGIBILITIES}/${eligibility.adminCancellable.id}`, wrongScope)).status).toBe(403);
    const token = await h.token(ADMIN);
    expect((await cancel(`${ELIGIBILITIES}/${eligibility.adminCancellable.id}`, token)).status).toBe(204);
    expect((await cancel(`${ASSIGNMENTS}/${assignment.adminCancellable.id}`, token)).status).toBe(204);
  });

  it("refuses a non-administrator's cancels inside $batch too, item by item", async () => {
    const batch = await h.call("/v1.0/$batch", {
      token: await h.token(MEGAN),
      body: {
        requests: [
          { id: "a", method: "POST", url: `/roleManagement/directory/roleAssignmentScheduleRequests/${assignment.meganCancellable.id}/cancel` },
          { id: "e", method: "POST", url: `/roleManagement/directory/roleEligibilityScheduleRequests/${eligibility.meganCancellable.id}/cancel` },
        ],
      },
    });
    expect(batch.status).toBe(200);
    const byId = new Map(batch.body.responses.map((r: { id: string }) => [r.id, r]));
    for (const id of ["a", "e"]) {
      expect(byId.get(id)).toMatchObject({ status: 403, body: { error: { code: "Authorization_RequestDenied" } } });
    }
    expect((await h.call(`/_emulator/state/directoryRoleEligibilityScheduleRequests/${eligibility.meganCancellable.id}`)).body.status).toBe("Granted");
  });

  it("works through $batch and the control endpoints", async () => {
    const target = assignment.meganCancellable;
    await h.call(`/_emulator/entities/directoryRoleAssignmentScheduleRequests/${target.id}`, { body: { status: "provisioned" } });
    const eligible = eligibility.adminCancellable;
    const batch = await h.call("/v1.0/$batch", {
      token: await h.token(ADMIN),
      body: {
        requests: [
          { id: "a", method: "POST", url: `/roleManagement/directory/roleAssignmentScheduleRequests/${target.id}/cancel` },
          { id: "e", method: "POST", url: `/roleManagement/directory/roleEligibilityScheduleRequests/${eligible.id}/cancel` },
        ],
      },
    });
    expect(batch.body.responses.map((r: { status: number }) => r.status)).toEqual([400, 204]);
    expect(batch.body.responses[0].body.error.code).toBe("RequestCannotBeCancelled");
    expect((await h.call(`/_emulator/state/directoryRoleEligibilityScheduleRequests/${eligible.id}`)).body.status).toBe("Revoked");
    expect((await h.call("/_emulator/state/directoryRoleAssignmentScheduleRequests")).body).toHaveLength(22);
  });
});
