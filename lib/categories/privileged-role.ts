import { z } from "zod";
import { CALLER_PRINCIPAL, type PendingRequest, type RequestStage } from "@/lib/requests/pending-request";
import { type GraphCall, type GraphRefusal, type RefusalKind, type GraphCategory, graphIdSchema } from "./category-definition";
import { fromGovernanceSchedule, governanceScheduleSchema } from "./governance-schedule";
import { idSegment } from "./path-segment";
import { isOpenStage, statusIn } from "./pim-v3-status";

/**
 * Seeds 001/002: privilegedRoleAssignmentRequest (PIM v1, beta, retired). The cancel error says only "Scheduled
 * and PendingApproval" can be cancelled, but PendingApproval is not a status this resource documents: its own
 * list has RequestedApproval for the same moment (contract §9 B-1). All three are accepted. Reviewed (issue 9):
 * the API was retired on 31 May 2021 and nothing documents a wider practice, so the page stands.
 */
export const PRIVILEGED_ROLE_CANCELLABLE_STATUSES = ["Scheduled", "PendingApproval", "RequestedApproval"] as const;

const STAGE_BY_STATUS: Readonly<Record<string, RequestStage>> = {
  NotStarted: "submitted",
  RequestedApproval: "awaiting-approval",
  PendingApproval: "awaiting-approval",
  Scheduled: "approved-scheduled",
  Approved: "in-progress",
  Completed: "completed",
  ApprovalDenied: "denied",
  ApprovalAborted: "cancelled",
  Cancelling: "cancelled",
  Cancelled: "cancelled",
  Revoked: "revoked",
  RequestExpired: "expired",
};

export const privilegedRoleRequestSchema = z.object({
  id: z.string(),
  userId: z.string().nullish(),
  roleId: z.string().nullish(),
  type: z.string().nullish(),
  requestedDateTime: z.string().nullish(),
  status: z.string(),
  reason: z.string().nullish(),
  ticketNumber: z.string().nullish(),
  ticketSystem: z.string().nullish(),
  schedule: governanceScheduleSchema.nullish(),
  roleInfo: z.object({ id: z.string(), name: z.string().nullish() }).nullish(),
});

export type PrivilegedRoleRequest = z.infer<typeof privilegedRoleRequestSchema>;

const BASE = "/privilegedRoleAssignmentRequests";
const EXPAND = { $expand: "roleInfo" };

export const privilegedRoleCategory: GraphCategory<PrivilegedRoleRequest> = {
  upstream: "graph",
  idSchema: graphIdSchema,
  summary: {
    slug: "privileged-role",
    label: "Entra roles (PIM v1)",
    description: "PIM v1 directory role requests (retired API).",
    apiType: "privilegedRoleAssignmentRequest",
    apiVersion: "beta",
    cancellableStatuses: PRIVILEGED_ROLE_CANCELLABLE_STATUSES,
    retirement: {
      date: "2021-05-31",
      note: "Microsoft retired the PIM v1 API: it stopped returning data on 31 May 2021. Directory role requests now live under Directory roles (PIM v3).",
    },
  },
  permissions: {
    listAll: ["PrivilegedAccess.ReadWrite.AzureAD", "Directory.Read.All", "Directory.AccessAsUser.All"],
    listMine: ["PrivilegedAccess.ReadWrite.AzureAD", "Directory.Read.All", "Directory.AccessAsUser.All"],
    cancelAll: ["PrivilegedAccess.ReadWrite.AzureAD", "Directory.AccessAsUser.All"],
    cancelMine: ["PrivilegedAccess.ReadWrite.AzureAD", "Directory.AccessAsUser.All"],
  },
  adminRoles: ["Privileged Role Administrator"],
  // User.ReadBasic.All: PIM v1 requests carry only the user's id, so names are looked up; User.Read: the caller's
  // own are "Self", named from /me.
  registeredScopes: ["PrivilegedAccess.ReadWrite.AzureAD", "User.ReadBasic.All", "User.Read"],
  lookUpPrincipalNames: true,
  list: {
    all: { sources: () => [{ kind: "collection", call: { version: "beta", path: BASE, query: EXPAND } }] },
    // `my` is a CSDL function, so GET, although one docs page writes POST (contract §9 B-2).
    mine: { sources: () => [{ kind: "collection", call: { version: "beta", path: `${BASE}/my`, query: EXPAND } }] },
  },
  // Cancel answers 200 with the updated entity, so no read-back is needed after it.
  cancel: (id) => ({ version: "beta", path: `${BASE}/${idSegment(id)}/cancel` }),
  readBack: (id): GraphCall => ({ version: "beta", path: `${BASE}/${idSegment(id)}`, query: EXPAND }),
  entitySchema: privilegedRoleRequestSchema,
  toPendingRequest,
  classifyCancelRefusal,
  cancelEffect: "The request is withdrawn in PIM v1 (Graph reports it as Cancelling, then Cancelled): the role is not activated through it.",
};

/**
 * Seed 001 documents messages, not codes: every 400 is a plain "BadRequest" told apart by its text. Its one 403
 * ("UnAuthorized") reads "Requester not allowed to make Cancel call or request not found.": it may mean the request
 * is gone, so it is classed not_found, and the app keeps it a 403 but says both (see map-graph-error). A 403 for a
 * missing permission comes with another code and stays a permission problem.
 */
function classifyCancelRefusal({ status, code, message }: GraphRefusal): RefusalKind {
  if (status === 400 && /cancellation can be done only/i.test(message)) return "not_cancellable";
  if (status === 404 || (status === 400 && /not found/i.test(message))) return "not_found";
  if (status === 403 && (code?.toLowerCase() === "unauthorized" || /not allowed to make cancel call/i.test(message))) return "not_found";
  return undefined;
}

function toPendingRequest(entity: PrivilegedRoleRequest): PendingRequest {
  const stage = STAGE_BY_STATUS[entity.status] ?? "in-progress";
  // The caller's own requests say "Self" where an id belongs (every docs example does, contract §4).
  const self = entity.userId?.toLowerCase() === "self";
  const principalId = entity.userId ?? "";
  return {
    id: entity.id,
    category: "privileged-role",
    status: entity.status,
    statusDetail: null,
    stage,
    isOpen: isOpenStage(stage),
    cancellable: statusIn(entity.status, PRIVILEGED_ROLE_CANCELLABLE_STATUSES),
    createdDateTime: entity.requestedDateTime ?? null,
    principal: self ? { ...CALLER_PRINCIPAL } : { id: principalId, displayName: principalId },
    target: {
      id: entity.roleInfo?.id ?? entity.roleId ?? "",
      displayName: entity.roleInfo?.name ?? entity.roleId ?? "Directory role",
      kind: entity.schedule?.type === "assignment" ? "Directory role assignment (PIM v1)" : "Directory role activation (PIM v1)",
    },
    requestedBy: null,
    justification: entity.reason ?? null,
    action: entity.type ?? null,
    schedule: fromGovernanceSchedule(entity.schedule),
    ticket: entity.ticketNumber || entity.ticketSystem ? { number: entity.ticketNumber ?? null, system: entity.ticketSystem ?? null } : null,
  };
}
