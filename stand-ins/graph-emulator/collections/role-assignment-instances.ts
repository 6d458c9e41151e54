// The caller's active directory roles: GET /{v}/roleManagement/directory/roleAssignmentScheduleInstances/
// filterByCurrentUser(on='principal') (unifiedRoleAssignmentScheduleInstance: filterByCurrentUser). One permanent,
// direct assignment per role in the person's `directoryRoles` (stand-ins/demo-tenant.ts, as in their token's
// `wids`; the default user role is not an assignment), shaped as the docs example: `$select` and `$filter` apply.

import { ALL_DEMO_PEOPLE } from "../../demo-tenant";
import { GRAPH_VERSIONS } from "../model";
import { collectionBody } from "../engine/paging";
import { compileFilter, type FilterableProperties } from "../engine/odata-filter";
import { badRequest } from "../engine/graph-error";
import { queryOptions, renderContext } from "../engine/collection-reads";
import { renderEntity, type EntityView } from "../engine/render";
import type { Route } from "../engine/routing";

interface RoleAssignmentInstance {
  id: string;
  principalId: string;
  roleDefinitionId: string;
}

/** A GUID's bytes in .NET order (the first three groups little-endian), as Entra packs them into assignment ids. */
function guidBytes(guid: string): Buffer {
  const b = Buffer.from(guid.replace(/-/g, ""), "hex");
  return Buffer.from([b[3]!, b[2]!, b[1]!, b[0]!, b[5]!, b[4]!, b[7]!, b[6]!, ...b.subarray(8)]);
}

/**
 * Entra's id for a tenant-wide role assignment: base64url of the role definition's and the principal's GUID bytes,
 * then "-1". The docs example's id ("lAPpYvVpN0KRkAEhdxReEJ2SvT9WjGJEhR4OuaezoqU-1") decodes to exactly the Global
 * Administrator template id and the example's principalId, so we build ids the same way.
 */
export function roleAssignmentId(roleDefinitionId: string, principalId: string): string {
  return `${Buffer.concat([guidBytes(roleDefinitionId), guidBytes(principalId)]).toString("base64url")}-1`;
}

const instanceView: EntityView<RoleAssignmentInstance> = {
  typeName: "unifiedRoleAssignmentScheduleInstance",
  // As the docs example: a direct assignment (not through PIM) has no start or end, and is its own origin and schedule.
  render: (r) => ({
    "@odata.type": "#microsoft.graph.unifiedRoleAssignmentScheduleInstance",
    id: r.id,
    principalId: r.principalId,
    roleDefinitionId: r.roleDefinitionId,
    directoryScopeId: "/",
    appScopeId: null,
    startDateTime: null,
    endDateTime: null,
    assignmentType: "Assigned",
    memberType: "Direct",
    roleAssignmentOriginId: r.id,
    roleAssignmentScheduleId: r.id,
  }),
};

const FILTERABLE: FilterableProperties<RoleAssignmentInstance> = {
  id: { type: "string", get: (r) => r.id },
  principalId: { type: "string", get: (r) => r.principalId },
  roleDefinitionId: { type: "string", get: (r) => r.roleDefinitionId },
  directoryScopeId: { type: "string", get: () => "/" },
  appScopeId: { type: "string", get: () => null },
  assignmentType: { type: "string", get: () => "Assigned" },
  memberType: { type: "string", get: () => "Direct" },
};

/** Delegated permissions, least privileged first (the docs page), plus Directory.Read.All. */
const READ = [
  "RoleAssignmentSchedule.Read.Directory",
  "RoleManagement.Read.Directory",
  "RoleManagement.Read.All",
  "RoleAssignmentSchedule.ReadWrite.Directory",
  "RoleManagement.ReadWrite.Directory",
  "Directory.Read.All",
];

export const roleAssignmentInstanceRoutes: Route[] = [
  {
    method: "GET",
    versions: GRAPH_VERSIONS,
    path: "roleManagement/directory/roleAssignmentScheduleInstances/filterByCurrentUser(...)",
    scopes: READ,
    handle(ctx) {
      // `principal` is the only documented value (besides unknownFutureValue).
      if (ctx.params.on?.toLowerCase() !== "principal") throw badRequest(`The value '${ctx.params.on ?? ""}' is not valid for the parameter 'on'; use: principal.`);
      const options = queryOptions(ctx);
      // Someone in this tenant's directory (a Fabrikam token never finds Contoso's people, and the other way round).
      const person = ctx.state.users.has(ctx.caller.oid) ? ALL_DEMO_PEOPLE.find((p) => p.oid === ctx.caller.oid) : undefined;
      const instances = (person?.directoryRoles ?? []).map((roleDefinitionId) => ({
        id: roleAssignmentId(roleDefinitionId, ctx.caller.oid),
        principalId: ctx.caller.oid,
        roleDefinitionId,
      }));
      const matches = options.filter ? compileFilter(options.filter, FILTERABLE, instanceView.typeName) : () => true;
      const rctx = renderContext(ctx);
      // A handful per person: one page, whatever $top says; $select is checked even when nothing matches.
      renderEntity(instanceView, { id: "", principalId: "", roleDefinitionId: "" }, options, rctx);
      const values = instances.filter(matches).map((r) => renderEntity(instanceView, r, options, rctx));
      // The docs example's context names the type without its namespace.
      return { status: 200, body: collectionBody(ctx.call, "Collection(unifiedRoleAssignmentScheduleInstance)", values, {}) };
    },
  },
];
