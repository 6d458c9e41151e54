// Category E: PIM v3 directory role assignment and eligibility schedule requests (contract §7), v1.0 and beta on
// the same paths, plus the role definitions they refer to.

import { GRAPH_VERSIONS } from "../model";
import type { DirectoryRoleRequestRecord as R } from "../model-roles";
import { entityResult, listCollection } from "../engine/collection-reads";
import { forbidden, GraphError } from "../engine/graph-error";
import type { RequestCollection } from "../engine/request-collection";
import type { Route } from "../engine/routing";
import type { Caller } from "../engine/types";
import {
  DIRECTORY_ROLE_REQUEST_FILTERABLE,
  directoryRoleRequestView,
  ROLE_DEFINITION_FILTERABLE,
  unifiedRoleDefinitionView,
  type DirectoryRoleRequestKind,
} from "./directory-role-views";
import { FINAL_DIRECTORY_ROLE_STATUSES, isCancellableDirectoryRoleStatus, normalizePimV3Status } from "./role-request-status";
import { DIRECTORY_ROLE_READ_ROLES, DIRECTORY_ROLE_WRITE_ROLES, hasAnyRole } from "./roles";

const sameId = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
const canReadAll = (caller: Caller) => hasAnyRole(caller, DIRECTORY_ROLE_READ_ROLES);

export function directoryRoleRequestCollection(kind: DirectoryRoleRequestKind): RequestCollection<R> {
  const segment = kind === "assignment" ? "roleAssignmentScheduleRequests" : "roleEligibilityScheduleRequests";
  const base = `roleManagement/directory/${segment}`;
  const schedule = kind === "assignment" ? "RoleAssignmentSchedule" : "RoleEligibilitySchedule";
  const readWrite = [`${schedule}.ReadWrite.Directory`, "RoleManagement.ReadWrite.Directory"];
  return {
    name: kind === "assignment" ? "directoryRoleAssignmentScheduleRequests" : "directoryRoleEligibilityScheduleRequests",
    paths: { "v1.0": [base], beta: [base] },
    records: (state) => (kind === "assignment" ? state.directoryRoleAssignmentScheduleRequests : state.directoryRoleEligibilityScheduleRequests),
    view: (version) => directoryRoleRequestView(kind, version),
    filterable: () => DIRECTORY_ROLE_REQUEST_FILTERABLE,
    // §7: Read least, ReadWrite and RoleManagement.* higher; cancel needs a ReadWrite one.
    scopes: { read: [`${schedule}.Read.Directory`, "RoleManagement.Read.Directory", ...readWrite], cancel: () => readWrite },
    // §7: `createdBy` is in the enum but documented as unsupported; we answer it 400.
    currentUser: {
      options: ["principal", "approver"],
      unsupported: ["createdBy"],
      matches(r, caller, on) {
        if (on === "principal") return sameId(r.principalId, caller.oid);
        return r.status === "PendingApproval" && r.approverIds.includes(caller.oid);
      },
    },
    // §7: reading everyone's requests takes one of the reader roles; there is no self-service list filter.
    authorizeList(caller) {
      if (!canReadAll(caller)) throw forbidden();
      return () => true;
    },
    canRead: (caller, r) => canReadAll(caller) || sameId(r.principalId, caller.oid) || sameId(r.createdById, caller.oid) || r.approverIds.includes(caller.oid),
    /**
     * §7: delegated callers need Privileged Role Administrator for writes (Global Administrator holds it too),
     * whoever's request it is: a principal without the role may list their own requests but not cancel them.
     */
    authorizeCancel(ctx) {
      if (!hasAnyRole(ctx.caller, DIRECTORY_ROLE_WRITE_ROLES)) throw forbidden();
    },
    // Granted (§7), and by default requests awaiting approval too (role-request-status.ts); otherwise the 400 below.
    isCancellable: (r, config) => isCancellableDirectoryRoleStatus(r.status, config.eCancelPendingApproval),
    // §7 / §9 E-1: a cancelled assignment request reads Canceled, a cancelled eligibility request Revoked, whether
    // it was Granted or still awaiting approval (**inference** for the latter: no page shows one).
    cancel(r, now) {
      r.status = kind === "assignment" ? "Canceled" : "Revoked";
      r.completedDateTime = now.toISOString();
    },
    cancelSuccessStatus: () => 204,
    setStatus(r, status, now) {
      r.status = normalizePimV3Status(status);
      r.completedDateTime = FINAL_DIRECTORY_ROLE_STATUSES.includes(r.status) ? (r.completedDateTime ?? now.toISOString()) : null;
    },
    statusOf: (r) => r.status,
  };
}

const ROLE_DEFINITIONS = "roleManagement/directory/roleDefinitions";
/** Role definitions: RoleManagement.Read.Directory least; the directory-wide read permissions also serve. */
const ROLE_DEFINITION_READ = ["RoleManagement.Read.Directory", "RoleManagement.Read.All", "RoleManagement.ReadWrite.Directory", "Directory.Read.All", "Directory.ReadWrite.All"];

export const roleDefinitionRoutes: Route[] = [
  {
    method: "GET",
    versions: GRAPH_VERSIONS,
    path: ROLE_DEFINITIONS,
    scopes: ROLE_DEFINITION_READ,
    handle: (ctx) =>
      listCollection(ctx, {
        records: ctx.state.directoryRoleDefinitions.values(),
        view: unifiedRoleDefinitionView,
        filterable: ROLE_DEFINITION_FILTERABLE,
        contextFragment: ROLE_DEFINITIONS,
      }),
  },
  {
    method: "GET",
    versions: GRAPH_VERSIONS,
    path: `${ROLE_DEFINITIONS}/{id}`,
    scopes: ROLE_DEFINITION_READ,
    handle(ctx) {
      const id = ctx.params.id ?? "";
      const definition = ctx.state.directoryRoleDefinitions.get(id.toLowerCase());
      // Role definitions live in the directory, whose unknown ids answer Request_ResourceNotFound (directory.ts).
      if (!definition) throw new GraphError(404, "Request_ResourceNotFound", `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`);
      return entityResult(ctx, unifiedRoleDefinitionView, definition, ROLE_DEFINITIONS);
    },
  },
];
