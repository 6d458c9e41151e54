import { describe, expect, it } from "vitest";

import { ADMIN, MEGAN, PATTI, ROLE_TEMPLATE_IDS } from "../demo-tenant";
import { roleAssignmentId } from "./collections/role-assignment-instances";
import { ROLE_MANAGEMENT_BASE, harnessForFile } from "./test-harness";

const h = harnessForFile();

const MINE = `${ROLE_MANAGEMENT_BASE}/roleAssignmentScheduleInstances/filterByCurrentUser(on='principal')`;
const { privilegedRoleAdministrator: PRA, identityGovernanceAdministrator: IGA } = ROLE_TEMPLATE_IDS;

describe("the caller's active directory roles (roleAssignmentScheduleInstances/filterByCurrentUser)", () => {
  it("builds ids as Entra does: the docs example's id decodes to its role and principal", () => {
    expect(roleAssignmentId("62e90394-69f5-4237-9190-012177145e10", "3fbd929d-8c56-4462-851e-0eb9a7b3a2a5")).toBe("lAPpYvVpN0KRkAEhdxReEJ2SvT9WjGJEhR4OuaezoqU-1");
  });

  it("returns one direct, permanent instance per role the person holds, shaped as the docs example", async () => {
    const answer = await h.call(MINE, { token: await h.token(ADMIN) });
    expect(answer.status).toBe(200);
    expect(answer.body["@odata.context"]).toMatch(/\/v1\.0\/\$metadata#Collection\(unifiedRoleAssignmentScheduleInstance\)$/);
    expect(answer.body.value).toEqual(
      [PRA, IGA].map((roleDefinitionId) => {
        const id = roleAssignmentId(roleDefinitionId, ADMIN.oid);
        return {
          "@odata.type": "#microsoft.graph.unifiedRoleAssignmentScheduleInstance",
          id,
          principalId: ADMIN.oid,
          roleDefinitionId,
          directoryScopeId: "/",
          appScopeId: null,
          startDateTime: null,
          endDateTime: null,
          assignmentType: "Assigned",
          memberType: "Direct",
          roleAssignmentOriginId: id,
          roleAssignmentScheduleId: id,
        };
      }),
    );
    // Megan holds no role (the default user role is not an assignment).
    expect((await h.call(MINE, { token: await h.token(MEGAN) })).body.value).toEqual([]);
  });

  it("supports $select and $filter, on v1.0 and beta", async () => {
    const token = await h.token(ADMIN);
    const selected = await h.call(`${MINE}?$select=roleDefinitionId`, { token });
    expect(selected.body.value).toEqual([PRA, IGA].map((roleDefinitionId) => ({ "@odata.type": "#microsoft.graph.unifiedRoleAssignmentScheduleInstance", roleDefinitionId })));
    const filtered = await h.call(`${MINE}?$filter=roleDefinitionId eq '${PRA}'`, { token });
    expect(filtered.body.value.map((r: { roleDefinitionId: string }) => r.roleDefinitionId)).toEqual([PRA]);
    expect((await h.call(`${MINE}?$filter=status eq 'x'`, { token })).status).toBe(400);
    expect((await h.call(`${MINE}?$select=nope`, { token })).status).toBe(400);
    const beta = await h.call(MINE.replace("/v1.0/", "/beta/"), { token });
    expect(beta.body.value).toHaveLength(2);
  });

  it("takes one of the documented permissions (or Directory.Read.All), and on='principal' only", async () => {
    const userReadOnly = await h.call(MINE, { token: await h.token(ADMIN, { scopes: ["User.Read"] }) });
    expect(userReadOnly.status).toBe(403);
    expect(userReadOnly.body.error.code).toBe("Authorization_RequestDenied");
    for (const scope of ["RoleAssignmentSchedule.Read.Directory", "RoleManagement.Read.All", "Directory.Read.All"]) {
      expect((await h.call(MINE, { token: await h.token(ADMIN, { scopes: [scope] }) })).status, scope).toBe(200);
    }
    const approver = await h.call(MINE.replace("'principal'", "'approver'"), { token: await h.token(ADMIN) });
    expect(approver.status).toBe(400);
  });

  it("answers inside $batch, and from the caller's own tenant", async () => {
    const batch = await h.call("/v1.0/$batch", {
      token: await h.token(ADMIN),
      body: { requests: [{ id: "1", method: "GET", url: "/roleManagement/directory/roleAssignmentScheduleInstances/filterByCurrentUser(on='principal')" }] },
    });
    expect(batch.body.responses[0]).toMatchObject({ status: 200, body: { value: [{ roleDefinitionId: PRA }, { roleDefinitionId: IGA }] } });
    const patti = await h.call(MINE, { token: await h.token(PATTI) });
    expect(patti.body.value).toEqual([expect.objectContaining({ principalId: PATTI.oid, roleDefinitionId: ROLE_TEMPLATE_IDS.globalAdministrator })]);
  });
});
