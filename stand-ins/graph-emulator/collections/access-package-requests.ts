// Category D: access package assignment requests (contract §6, seed 004). v1.0 under /assignmentRequests; beta
// also under the older /accessPackageAssignmentRequests path, with the beta entity shape.

import type { AccessPackageRequestRecord } from "../model";
import { badRequest, forbidden } from "../engine/graph-error";
import type { RequestCollection } from "../engine/request-collection";
import type { RouteContext } from "../engine/routing";
import type { Caller } from "../engine/types";
import type { EmulatorState } from "../engine/state";
import {
  ACCESS_PACKAGE_STATUSES,
  FINAL_ACCESS_PACKAGE_STATES,
  isCancellableAccessPackageStatus,
  parseAccessPackageStatus,
} from "./access-package-status";
import { accessPackageRequestFilterable, accessPackageRequestView } from "./access-package-views";
import { ENTITLEMENT_ADMIN_ROLES, hasAnyRole } from "./roles";

const BASE = "identityGovernance/entitlementManagement";
const READ = ["EntitlementManagement.Read.All", "EntitlementManagement.ReadWrite.All"];
const ADMIN_WRITE = "EntitlementManagement.ReadWrite.All";

const isTarget = (caller: Caller, record: AccessPackageRequestRecord, state: EmulatorState) =>
  state.subjects.get(record.targetSubjectId)?.objectId === caller.oid;

/** An administrator in the sense of the learn tip (§6): the admin permission plus an entitlement-management role. */
const isAdmin = (caller: Caller) => caller.scopes.has(ADMIN_WRITE) && hasAnyRole(caller, ENTITLEMENT_ADMIN_ROLES);

/**
 * Seed 004 / §9 D-2: on beta a non-administrator cancelling their own request must send
 * {"id":"<request id>","requestStatus":"cancelled"} (British spelling). Administrators may send it or nothing;
 * whatever is sent must be right.
 */
function checkBetaCancelBody(ctx: RouteContext, record: AccessPackageRequestRecord): void {
  const body = ctx.call.body;
  const expected = `{"id":"${record.id}","requestStatus":"cancelled"}`;
  if (body === undefined || body === null) {
    if (isAdmin(ctx.caller)) return;
    throw badRequest(`To cancel your own request, send the request body ${expected}.`);
  }
  const sent = body as { id?: unknown; requestStatus?: unknown };
  if (typeof body !== "object" || Array.isArray(body) || typeof sent.id !== "string" || typeof sent.requestStatus !== "string") {
    throw badRequest(`The request body must be ${expected}.`);
  }
  if (sent.id.toLowerCase() !== record.id.toLowerCase()) {
    throw badRequest(`The id in the request body ('${sent.id}') does not match the request being cancelled ('${record.id}').`);
  }
  if (sent.requestStatus.toLowerCase() !== "cancelled") {
    throw badRequest(`requestStatus must be 'cancelled' (as documented), not '${sent.requestStatus}'.`);
  }
}

export const accessPackageRequestCollection: RequestCollection<AccessPackageRequestRecord> = {
  name: "accessPackageAssignmentRequests",
  paths: {
    "v1.0": [`${BASE}/assignmentRequests`],
    beta: [`${BASE}/assignmentRequests`, `${BASE}/accessPackageAssignmentRequests`],
  },
  records: (state) => state.accessPackageAssignmentRequests,
  view: accessPackageRequestView,
  filterable: accessPackageRequestFilterable,
  scopes: {
    read: READ,
    // §6 / §9 D-3: v1.0 names only the admin permission; beta makes the subject-access one least privileged.
    cancel: (version) => (version === "beta" ? ["EntitlementMgmt-SubjectAccess.ReadWrite", ADMIN_WRITE] : [ADMIN_WRITE]),
  },
  currentUser: {
    options: ["target", "createdBy", "approver"],
    matches(record, caller, on, state) {
      if (on === "target") return isTarget(caller, record, state);
      if (on === "createdBy") return record.createdById === caller.oid;
      return record.state === "pendingApproval" && record.approverIds.includes(caller.oid);
    },
  },
  authorizeList(caller) {
    if (!hasAnyRole(caller, ENTITLEMENT_ADMIN_ROLES)) throw forbidden();
    return () => true;
  },
  canRead: (caller, record, state) =>
    hasAnyRole(caller, ENTITLEMENT_ADMIN_ROLES) || isTarget(caller, record, state) || record.createdById === caller.oid || record.approverIds.includes(caller.oid),
  authorizeCancel(ctx, record) {
    if (!isTarget(ctx.caller, record, ctx.state) && !isAdmin(ctx.caller)) throw forbidden();
    if (ctx.call.version === "beta") checkBetaCancelBody(ctx, record);
  },
  isCancellable: (record) => isCancellableAccessPackageStatus(record.status),
  cancel(record, now) {
    record.status = "Canceled";
    record.state = "canceled";
    record.completedDateTime = now.toISOString();
  },
  // §9 D-1: the page text says 200 with no body; the examples disagree (204). Default 200, switchable.
  cancelSuccessStatus: (config) => config.dCancelSuccessStatus,
  setStatus(record, status, now) {
    const known = parseAccessPackageStatus(status);
    if (!known) throw badRequest(`Unknown access package request status '${status}'; use one of: ${Object.keys(ACCESS_PACKAGE_STATUSES).join(", ")}.`);
    record.status = known;
    record.state = ACCESS_PACKAGE_STATUSES[known].state;
    record.completedDateTime = FINAL_ACCESS_PACKAGE_STATES.includes(record.state) ? (record.completedDateTime ?? now.toISOString()) : null;
  },
  statusOf: (record) => record.status,
};
