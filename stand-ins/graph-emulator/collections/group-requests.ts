// Category C: PIM for Groups assignment and eligibility schedule requests (contract §5, seed 003), v1.0 and beta
// on the same paths.

import type { GroupRequestRecord } from "../model";
import { badRequest, forbidden } from "../engine/graph-error";
import { conjunctEquals } from "../engine/odata-filter";
import type { RequestCollection } from "../engine/request-collection";
import type { Caller } from "../engine/types";
import type { EmulatorState } from "../engine/state";
import { FINAL_PIM_STATUSES } from "../seed/group-request-seed";
import { GROUP_REQUEST_FILTERABLE, groupRequestView, type GroupRequestKind } from "./group-request-views";
import { canManageGroup, GROUP_ADMIN_ROLES, hasAnyRole } from "./roles";

/**
 * Contract §9 C-1: the docs do not say which statuses can be cancelled ("a pending request"). Our decision, from
 * the PIM v3 status model (§2): not yet decided (PendingApproval, PendingAdminDecision) or approved but not started
 * (Granted). Everything else → 400 RequestCannotBeCancelled (an inference, see engine/graph-error.ts).
 */
export const CANCELLABLE_PIM_GROUP_STATUSES = ["PendingApproval", "PendingAdminDecision", "Granted"];

const KNOWN_STATUSES = [...CANCELLABLE_PIM_GROUP_STATUSES, "PendingProvisioning", "PendingScheduleCreation", ...FINAL_PIM_STATUSES];

const sameId = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

function canRead(caller: Caller, record: GroupRequestRecord, state: EmulatorState): boolean {
  return sameId(record.principalId, caller.oid) || sameId(record.createdById, caller.oid) || canManageGroup(caller, state.groups.get(record.groupId));
}

export function groupRequestCollection(kind: GroupRequestKind): RequestCollection<GroupRequestRecord> {
  const segment = kind === "assignment" ? "assignmentScheduleRequests" : "eligibilityScheduleRequests";
  const base = `identityGovernance/privilegedAccess/group/${segment}`;
  const schedule = kind === "assignment" ? "PrivilegedAssignmentSchedule" : "PrivilegedEligibilitySchedule";
  const readWrite = `${schedule}.ReadWrite.AzureADGroup`;
  return {
    name: kind === "assignment" ? "groupAssignmentScheduleRequests" : "groupEligibilityScheduleRequests",
    paths: { "v1.0": [base], beta: [base] },
    records: (state) => (kind === "assignment" ? state.groupAssignmentScheduleRequests : state.groupEligibilityScheduleRequests),
    view: (version) => groupRequestView(kind, version),
    filterable: () => GROUP_REQUEST_FILTERABLE,
    scopes: { read: [`${schedule}.Read.AzureADGroup`, readWrite], cancel: () => [readWrite] },
    currentUser: {
      options: ["principal", "createdBy", "approver"],
      matches(record, caller, on) {
        if (on === "principal") return sameId(record.principalId, caller.oid);
        if (on === "createdBy") return sameId(record.createdById, caller.oid);
        return record.status === "PendingApproval" && record.approverIds.includes(caller.oid);
      },
    },
    // Newer docs (§9 C-1): the list needs `groupId eq` or `principalId eq`. Asking about yourself is always
    // allowed; asking about a group needs a role that manages it, or ownership; other principals need an admin role.
    authorizeList(caller, filter, state) {
      const groupIds = conjunctEquals(filter, "groupId");
      const principalIds = conjunctEquals(filter, "principalId");
      if (groupIds.length === 0 && principalIds.length === 0) {
        throw badRequest("A filter on groupId or principalId is required, for example $filter=groupId eq '{groupId}'.");
      }
      if (!principalIds.some((id) => sameId(id, caller.oid))) {
        const allowed = groupIds.length > 0
          ? groupIds.every((id) => canManageGroup(caller, state.groups.get(id.toLowerCase())))
          : hasAnyRole(caller, GROUP_ADMIN_ROLES);
        if (!allowed) throw forbidden();
      }
      return (record) => canRead(caller, record, state);
    },
    canRead,
    authorizeCancel(ctx, record) {
      if (sameId(record.principalId, ctx.caller.oid)) return;
      if (!canManageGroup(ctx.caller, ctx.state.groups.get(record.groupId))) throw forbidden();
    },
    isCancellable: (record) => CANCELLABLE_PIM_GROUP_STATUSES.some((s) => sameId(s, record.status)),
    cancel(record, now) {
      record.status = "Canceled";
      record.completedDateTime = now.toISOString();
    },
    cancelSuccessStatus: () => 204,
    setStatus(record, status, now) {
      // The CSDL types status as a free string (§2); known values are stored in their documented casing.
      record.status = KNOWN_STATUSES.find((s) => sameId(s, status)) ?? status;
      record.completedDateTime = FINAL_PIM_STATUSES.includes(record.status) ? (record.completedDateTime ?? now.toISOString()) : null;
    },
    statusOf: (record) => record.status,
  };
}
