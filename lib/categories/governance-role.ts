import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import type { PendingRequest, RequestStage } from "@/lib/requests/pending-request";
import { classifyByCode, type GraphCall, type ListSource, type GraphCategory, graphIdSchema } from "./category-definition";
import { fromGovernanceSchedule, governanceScheduleSchema } from "./governance-schedule";
import { odataString } from "./graph-shapes";
import { idSegment } from "./path-segment";
import { isOpenStage, statusIn } from "./pim-v3-status";

// Seed 000: governanceRoleAssignmentRequest (PIM v2, beta, deprecated). Only `azureResources` is spelled out in
// the docs; the PIM service names the other providers `aadroles` and `aadGroups` (contract §3, §9 A-1).
const PROVIDERS = [
  // Retired with PIM v2 and, unlike the other two providers, with no Graph successor: its rows say where such
  // requests live now (the Azure resource role categories, on Azure Resource Manager).
  { id: "azureResources", scope: "PrivilegedAccess.ReadWrite.AzureResources", kind: "Azure resource role (retired PIM v2 API; now under Azure resource roles)" },
  { id: "aadroles", scope: "PrivilegedAccess.ReadWrite.AzureAD", kind: "Entra ID role" },
  { id: "aadGroups", scope: "PrivilegedAccess.ReadWrite.AzureADGroup", kind: "Group role" },
] as const;

/**
 * Seed 000 / contract §3, in the API's own words: "Only requests in status of Granted, PendingApproval,
 * PendingApprovalProvisioning and PendingAdminDecision can be cancelled". Reviewed against the PIM documentation
 * (issue 9): nothing there is wider than this page for PIM v2, whose service stopped returning data on 28 Oct 2026,
 * so the page stands. Its `subStatus` carries these words; `status` is only Pending/Closed.
 */
export const GOVERNANCE_ROLE_CANCELLABLE_STATUSES = ["Granted", "PendingApproval", "PendingApprovalProvisioning", "PendingAdminDecision"] as const;

const STAGE_BY_SUB_STATUS: Readonly<Record<string, RequestStage>> = {
  Accepted: "submitted",
  PendingEvaluation: "submitted",
  PendingApproval: "awaiting-approval",
  PendingAdminDecision: "awaiting-approval",
  PendingApprovalProvisioning: "awaiting-approval",
  Granted: "approved-scheduled",
  PendingProvisioning: "in-progress",
  ProvisioningStarted: "in-progress",
  PendingRevocation: "in-progress",
  Provisioned: "completed",
  AdminApproved: "completed",
  Denied: "denied",
  AdminDenied: "denied",
  Revoked: "revoked",
  Canceled: "cancelled",
  Failed: "failed",
  FailedAsResourceIsLocked: "failed",
  TimedOut: "expired",
};

const namedSchema = z.object({ id: z.string(), displayName: z.string().nullish() });

export const governanceRoleRequestSchema = z.object({
  id: z.string(),
  resourceId: z.string().nullish(),
  roleDefinitionId: z.string().nullish(),
  subjectId: z.string().nullish(),
  type: z.string().nullish(),
  requestedDateTime: z.string().nullish(),
  reason: z.string().nullish(),
  schedule: governanceScheduleSchema.nullish(),
  status: z.object({ status: z.string().nullish(), subStatus: z.string().nullish() }).nullish(),
  subject: namedSchema.nullish(),
  roleDefinition: namedSchema.nullish(),
  resource: namedSchema.extend({ type: z.string().nullish() }).nullish(),
});

export type GovernanceRoleRequest = z.infer<typeof governanceRoleRequestSchema>;

const EXPAND = "subject,roleDefinition,resource";

// Cancel needs the provider in its path, and the entity does not say which provider it came from, so the app's
// id for these requests is "<provider>_<Graph id>" (Graph ids here are GUIDs, which never contain "_").
function appId(provider: string, graphId: string): string {
  return `${provider}_${graphId}`;
}

// The Graph id part: GUIDs in the docs and the emulator; only its shape is checked, not that it is a GUID.
const GRAPH_ID = /^[A-Za-z0-9-]+$/;

/** `<provider>_<Graph id>`: the provider is one of the three, the rest Graph's id as any Graph category's. */
const governanceRoleIdSchema = graphIdSchema.regex(
  new RegExp(`^(${PROVIDERS.map((p) => p.id).join("|")})_[A-Za-z0-9-]+$`),
  "A PIM v2 request id is its provider, '_' and Graph's id of the request, e.g. azureResources_<id>.",
);

function splitAppId(id: string): { provider: (typeof PROVIDERS)[number]; graphId: string } {
  const separator = id.indexOf("_");
  const provider = PROVIDERS.find((p) => p.id === id.slice(0, separator));
  if (separator < 0 || !provider) {
    throw new AppError("invalid_input", "Invalid request id: a PIM v2 request id starts with its provider, e.g. azureResources_<id>.");
  }
  const graphId = id.slice(separator + 1);
  // Empty, it would make the path `…/roleAssignmentRequests//cancel`; a second "_" is no id Graph gave out.
  if (!GRAPH_ID.test(graphId)) {
    throw new AppError("invalid_input", "Invalid request id: after its provider and '_', a PIM v2 request id needs Graph's id of the request, e.g. azureResources_<id>.");
  }
  return { provider, graphId };
}

const requestsPath = (provider: string) => `/privilegedAccess/${provider}/roleAssignmentRequests`;

export const governanceRoleCategory: GraphCategory<GovernanceRoleRequest> = {
  upstream: "graph",
  idSchema: governanceRoleIdSchema,
  summary: {
    slug: "governance-role",
    label: "Azure resource and PIM v2 roles",
    description: "PIM v2 role requests for Azure resources, Entra ID roles and groups (deprecated API).",
    apiType: "governanceRoleAssignmentRequest",
    apiVersion: "beta",
    cancellableStatuses: GOVERNANCE_ROLE_CANCELLABLE_STATUSES,
    retirement: {
      date: "2026-10-28",
      note: "Microsoft deprecated the PIM v2 API and set 28 October 2026 as the day it stops returning data. Azure resource roles moved to Azure Resource Manager (the Azure role categories), Entra roles and groups to PIM v3 (the directory role and group categories).",
      successors: ["azure-role-assignment", "azure-role-eligibility", "directory-role-assignment", "group-assignment"],
    },
  },
  permissions: {
    listAll: PROVIDERS.map((p) => p.scope),
    listMine: PROVIDERS.map((p) => p.scope),
    cancelAll: PROVIDERS.map((p) => p.scope),
    cancelMine: PROVIDERS.map((p) => p.scope),
  },
  adminRoles: ["Privileged Role Administrator", "an Owner or User Access Administrator assignment on the Azure resource"],
  // User.Read: the self-service list filters on the caller's object id, read from /me.
  registeredScopes: [...PROVIDERS.map((p) => p.scope), "User.Read"],
  list: {
    all: {
      sources: () =>
        PROVIDERS.map(
          (p): ListSource => ({
            kind: "fan-out",
            skipWhenRefused: true,
            parents: { version: "beta", path: `/privilegedAccess/${p.id}/resources`, query: { $select: "id,displayName" } },
            child: (resourceId) => ({
              version: "beta",
              // Graph gave this id (a resource of the provider): checked and encoded like any id before it is a path.
              path: `/privilegedAccess/${p.id}/resources/${idSegment(resourceId)}/roleAssignmentRequests`,
              query: { $expand: EXPAND },
              tag: p.id,
            }),
          }),
        ),
    },
    mine: {
      needsCallerId: true,
      sources: ({ callerId }) =>
        PROVIDERS.map(
          (p): ListSource => ({
            kind: "collection",
            call: {
              version: "beta",
              path: requestsPath(p.id),
              query: { $filter: `subjectId eq ${odataString(callerId)}`, $expand: EXPAND },
              tag: p.id,
            },
          }),
        ),
    },
  },
  cancel: (id) => {
    const { provider, graphId } = splitAppId(id);
    return { version: "beta", path: `${requestsPath(provider.id)}/${idSegment(graphId)}/cancel` };
  },
  readBack: (id): GraphCall => {
    const { provider, graphId } = splitAppId(id);
    return { version: "beta", path: `${requestsPath(provider.id)}/${idSegment(graphId)}`, query: { $expand: EXPAND }, tag: provider.id };
  },
  entitySchema: governanceRoleRequestSchema,
  toPendingRequest,
  // Seed 000: both documented errors are 400s, "not found" included.
  classifyCancelRefusal: classifyByCode(["RequestCannotBeCancelled"], ["RoleAssignmentRequestNotFound"]),
  cancelEffect: "The request is withdrawn in PIM: the role is not assigned or activated through it. Existing assignments are not touched.",
};

function toPendingRequest(entity: GovernanceRoleRequest, provider?: string): PendingRequest {
  const subStatus = entity.status?.subStatus ?? entity.status?.status ?? "Unknown";
  const stage = STAGE_BY_SUB_STATUS[subStatus] ?? "in-progress";
  const kind = PROVIDERS.find((p) => p.id === provider)?.kind ?? "PIM v2 role";
  const principalId = entity.subject?.id ?? entity.subjectId ?? "";
  const resourceName = entity.resource?.displayName ?? entity.resourceId;
  return {
    id: provider ? appId(provider, entity.id) : entity.id,
    category: "governance-role",
    status: subStatus,
    statusDetail: entity.status?.status ?? null,
    stage,
    isOpen: isOpenStage(stage),
    cancellable: statusIn(subStatus, GOVERNANCE_ROLE_CANCELLABLE_STATUSES),
    createdDateTime: entity.requestedDateTime ?? null,
    principal: { id: principalId, displayName: entity.subject?.displayName ?? principalId },
    target: {
      id: entity.roleDefinition?.id ?? entity.roleDefinitionId ?? "",
      displayName: entity.roleDefinition?.displayName ?? entity.roleDefinitionId ?? "Role",
      kind: resourceName ? `${kind} on ${resourceName}` : kind,
    },
    requestedBy: null,
    justification: entity.reason ?? null,
    action: entity.type ?? null,
    schedule: fromGovernanceSchedule(entity.schedule),
    ticket: null,
  };
}
