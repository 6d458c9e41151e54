import { z } from "zod";
import type { PendingRequest, RequestStage } from "@/lib/requests/pending-request";
import { classifyUndocumentedCancelRefusal, type GraphCall, type GraphCategory, graphIdSchema } from "./category-definition";
import { odataString, requestScheduleSchema, scheduleFrom } from "./graph-shapes";
import { idSegment } from "./path-segment";
import { isOpenStage, statusIn } from "./pim-v3-status";

/**
 * Seed 004 names the cancellable states `accepted`, `pendingApproval`, `pendingNotBefore`,
 * `pendingApprovalEscalated`. They are neither the v1.0 `state` enum nor beta `requestState` (contract §9 D-2):
 * they are the finer `status` (v1.0) / `requestStatus` (beta) words, so the rule reads that field first.
 * Reviewed (issue 9): v1.0, beta and the Graph PowerShell cmdlet (Stop-MgEntitlementManagementAssignmentRequest)
 * give the same list, and it already covers every state before delivery (submitted, awaiting approval, a later
 * start), so the page stands; Delivering and later are excluded, the assignment being created.
 */
export const ACCESS_PACKAGE_CANCELLABLE_STATUSES = [
  "accepted",
  "pendingApproval",
  "pendingNotBefore",
  "pendingApprovalEscalated",
] as const;

// When only the coarse state is present, the same rule expressed in it: accepted → submitted,
// pendingApproval(+Escalated) → pendingApproval, pendingNotBefore → scheduled.
const CANCELLABLE_STATES = ["submitted", "pendingApproval", "scheduled"];

const STAGE_BY_STATE: Readonly<Record<string, RequestStage>> = {
  submitted: "submitted",
  pendingapproval: "awaiting-approval",
  scheduled: "approved-scheduled",
  delivering: "in-progress",
  delivered: "completed",
  partiallydelivered: "completed",
  deliveryfailed: "failed",
  denied: "denied",
  canceled: "cancelled",
};

const subjectSchema = z.object({
  id: z.string().nullish(),
  objectId: z.string().nullish(),
  displayName: z.string().nullish(),
  email: z.string().nullish(),
});

// One schema for both versions: v1.0 sends `state`/`status`, beta `requestState`/`requestStatus` (contract §6).
export const accessPackageRequestSchema = z.object({
  id: z.string(),
  state: z.string().nullish(),
  status: z.string().nullish(),
  requestState: z.string().nullish(),
  requestStatus: z.string().nullish(),
  requestType: z.string().nullish(),
  createdDateTime: z.string().nullish(),
  justification: z.string().nullish(),
  schedule: requestScheduleSchema.nullish(),
  accessPackage: z.object({ id: z.string(), displayName: z.string().nullish() }).nullish(),
  requestor: subjectSchema.nullish(),
});

export type AccessPackageRequest = z.infer<typeof accessPackageRequestSchema>;

const V1_BASE = "/identityGovernance/entitlementManagement/assignmentRequests";
// Seed 004's path: the beta collection that takes the self-cancel body.
const BETA_SELF_CANCEL_BASE = "/identityGovernance/entitlementManagement/accessPackageAssignmentRequests";
const MINE = `${V1_BASE}/filterByCurrentUser(on='target')`;
const EXPAND = "accessPackage,requestor";

export const accessPackageCategory: GraphCategory<AccessPackageRequest> = {
  upstream: "graph",
  idSchema: graphIdSchema,
  summary: {
    slug: "access-package",
    label: "Access packages",
    description: "Entitlement management requests for access packages.",
    apiType: "accessPackageAssignmentRequest",
    apiVersion: "v1.0",
    cancellableStatuses: ACCESS_PACKAGE_CANCELLABLE_STATUSES,
    retirement: null,
  },
  permissions: {
    listAll: ["EntitlementManagement.Read.All", "EntitlementManagement.ReadWrite.All"],
    listMine: ["EntitlementManagement.Read.All", "EntitlementManagement.ReadWrite.All"],
    cancelAll: ["EntitlementManagement.ReadWrite.All"],
    // Contract §9 D-3: the current beta page makes the subject-access permission the least privileged one.
    cancelMine: ["EntitlementMgmt-SubjectAccess.ReadWrite", "EntitlementManagement.ReadWrite.All"],
  },
  adminRoles: ["Identity Governance Administrator"],
  registeredScopes: ["EntitlementManagement.ReadWrite.All", "EntitlementMgmt-SubjectAccess.ReadWrite"],
  list: {
    all: { sources: () => [{ kind: "collection", call: { version: "v1.0", path: V1_BASE, query: { $expand: EXPAND } } }] },
    mine: { sources: () => [{ kind: "collection", call: { version: "v1.0", path: MINE, query: { $expand: EXPAND } } }] },
  },
  cancel: (id, view) =>
    view === "all"
      ? { version: "v1.0", path: `${V1_BASE}/${idSegment(id)}/cancel` }
      : // Seed 004: a non-administrator cancelling their own request must send its id and requestStatus
        // "cancelled" (British spelling, as documented) to the beta path.
        { version: "beta", path: `${BETA_SELF_CANCEL_BASE}/${idSegment(id)}/cancel`, body: { id, requestStatus: "cancelled" } },
  readBack: (id, view): GraphCall =>
    view === "all"
      ? { version: "v1.0", path: `${V1_BASE}/${idSegment(id)}`, query: { $expand: EXPAND } }
      : { version: "v1.0", path: MINE, query: { $filter: `id eq ${odataString(id)}`, $expand: EXPAND } },
  entitySchema: accessPackageRequestSchema,
  toPendingRequest,
  classifyCancelRefusal: classifyUndocumentedCancelRefusal,
  cancelEffect:
    "The request is withdrawn and marked canceled in entitlement management: the access package is not assigned through it, and any pending approval stops.",
};

function toPendingRequest(entity: AccessPackageRequest): PendingRequest {
  const state = entity.state ?? entity.requestState ?? "unknown";
  const detail = entity.status ?? entity.requestStatus ?? null;
  const stage = STAGE_BY_STATE[state.toLowerCase()] ?? "in-progress";
  const cancellable = detail
    ? statusIn(detail, ACCESS_PACKAGE_CANCELLABLE_STATUSES)
    : statusIn(state, CANCELLABLE_STATES);
  const requestor = entity.requestor;
  const principalId = requestor?.objectId ?? requestor?.id ?? "";
  return {
    id: entity.id,
    category: "access-package",
    status: state,
    statusDetail: detail,
    stage,
    isOpen: isOpenStage(stage),
    // A coarse state that is open can carry a detail like "Delivering"; only the documented words count.
    cancellable: cancellable && isOpenStage(stage),
    createdDateTime: entity.createdDateTime ?? null,
    principal: { id: principalId, displayName: requestor?.displayName ?? (principalId || "Unknown requestor") },
    target: {
      id: entity.accessPackage?.id ?? "",
      displayName: entity.accessPackage?.displayName ?? entity.accessPackage?.id ?? "Access package",
      kind: "Access package",
    },
    requestedBy: null,
    justification: entity.justification ?? null,
    action: entity.requestType ?? null,
    schedule: scheduleFrom(entity.schedule),
    ticket: null,
  };
}
