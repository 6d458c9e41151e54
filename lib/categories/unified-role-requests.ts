import { z } from "zod";
import { BUILT_IN_ROLES } from "@/lib/requests/built-in-role-table";
import type { CategoryDescription, PendingRequest } from "@/lib/requests/pending-request";
import { classifyUndocumentedCancelRefusal, type CancelRoleRequirement, type GraphCategory, graphIdSchema } from "./category-definition";
import { pimV3Collection, pimV3RequestFields, pimV3RequestSchema } from "./pim-v3-request";

/**
 * Which directory-role requests are offered for cancelling, for assignments and eligibilities alike. Graph's cancel
 * pages are narrower than the service (contract §7, §9 E-1): they say only `Granted` requests can be cancelled and
 * are silent on requests awaiting approval. Yet Microsoft's PIM documentation ("Activate a Microsoft Entra role in
 * PIM", section "Cancel a pending request for new version") tells users that a request for a role that requires
 * approval can be cancelled at any time, from My requests; it is the case users meet most.
 * Sources:
 * - unifiedRoleAssignmentScheduleRequest: cancel
 *   https://learn.microsoft.com/en-us/graph/api/unifiedroleassignmentschedulerequest-cancel?view=graph-rest-1.0
 * - unifiedRoleEligibilityScheduleRequest: cancel
 *   https://learn.microsoft.com/en-us/graph/api/unifiedroleeligibilityschedulerequest-cancel?view=graph-rest-1.0&tabs=http
 * - Activate a Microsoft Entra role in PIM
 *   https://learn.microsoft.com/en-us/azure/active-directory/privileged-identity-management/pim-how-to-activate-role
 *   (source: https://github.com/MicrosoftDocs/entra-docs/blob/main/docs/id-governance/privileged-identity-management/pim-how-to-activate-role.yml)
 * So:
 * - PendingApproval / PendingAdminDecision: nobody has decided yet; offered, as the PIM docs and the portal do;
 * - Granted: approved, not yet in effect; the one status the Graph page names;
 * - PendingProvisioning / PendingScheduleCreation: the schedule is being written, a cancel would race it (as for
 *   PIM for Groups); every other status is final.
 * Should Graph refuse one of these in a tenant (it would answer 400, as the page reads), the cancel is reported as
 * not cancellable (409) and the row loses its Cancel, as for any refusal.
 */
export const UNIFIED_ROLE_CANCELLABLE_STATUSES = ["PendingApproval", "PendingAdminDecision", "Granted"] as const;

export const unifiedRoleRequestSchema = pimV3RequestSchema.extend({
  roleDefinitionId: z.string().nullish(),
  directoryScopeId: z.string().nullish(),
  roleDefinition: z.object({ id: z.string(), displayName: z.string().nullish() }).nullish(),
});

export type UnifiedRoleRequest = z.infer<typeof unifiedRoleRequestSchema>;

interface UnifiedRoleOptions {
  summary: CategoryDescription;
  /** `roleAssignmentScheduleRequests` or `roleEligibilityScheduleRequests`. */
  collection: string;
  readScopes: readonly string[];
  writeScopes: readonly string[];
  targetKind: string;
  cancelEffect: string;
}

const EXPAND = "principal,roleDefinition";
// Contract §7: delegated reads need one of these directory roles; writes need Privileged Role Administrator.
const READER_ROLES = ["Privileged Role Administrator", "Global Reader", "Security Reader", "Security Operator", "Security Administrator"];

/**
 * Contract §7: a delegated cancel (a write) needs Privileged Role Administrator, whoever's request it is, so a
 * user who may list their own requests may still not cancel them. Global Administrator holds every permission
 * of Privileged Role Administrator. The ids are Entra's built-in role template ids, the same in every tenant.
 */
const CANCEL_ROLE_NAMES = ["Privileged Role Administrator", "Global Administrator"] as const;

export const DIRECTORY_ROLE_CANCEL_ROLES: CancelRoleRequirement = {
  templateIds: CANCEL_ROLE_NAMES.map((name) => BUILT_IN_ROLES[name]),
  names: CANCEL_ROLE_NAMES,
  reason:
    "Only a Privileged Role Administrator (or Global Administrator) can cancel directory role requests, their own " +
    "included, and your account does not hold that role right now. Ask a Privileged Role Administrator to cancel " +
    "it, or to assign you the role; if you are eligible for it, activate it and sign in again.",
};

/** unifiedRoleAssignmentScheduleRequest / unifiedRoleEligibilityScheduleRequest (PIM v3, v1.0). */
export function defineUnifiedRoleCategory(options: UnifiedRoleOptions): GraphCategory<UnifiedRoleRequest> {
  const base = `/roleManagement/directory/${options.collection}`;
  // filterByCurrentUser supports only `principal` and `approver`; `createdBy` is in the enum but unsupported.
  const collection = pimV3Collection(base, EXPAND);
  return {
    upstream: "graph",
    idSchema: graphIdSchema,
    summary: options.summary,
    permissions: {
      listAll: [...options.readScopes, ...options.writeScopes],
      // The filterByCurrentUser permission includes list ReadWrite as "least" (a docs generator oddity, §7).
      listMine: [...options.writeScopes, ...options.readScopes],
      cancelAll: options.writeScopes,
      cancelMine: options.writeScopes,
    },
    adminRoles: READER_ROLES,
    registeredScopes: [options.writeScopes[0]!],
    list: {
      all: { sources: () => [{ kind: "collection", call: { version: "v1.0", path: base, query: { $expand: EXPAND } } }] },
      mine: collection.mineList,
    },
    cancel: collection.cancel,
    readBack: collection.readBack,
    entitySchema: unifiedRoleRequestSchema,
    toPendingRequest: (entity) => toPendingRequest(entity, options),
    // The docs give a 400 without a code string (contract §7); the emulator answers as PIM does elsewhere.
    classifyCancelRefusal: classifyUndocumentedCancelRefusal,
    cancelEffect: options.cancelEffect,
    cancelRoles: DIRECTORY_ROLE_CANCEL_ROLES,
  };
}

function toPendingRequest(entity: UnifiedRoleRequest, options: UnifiedRoleOptions): PendingRequest {
  const scope = !entity.directoryScopeId || entity.directoryScopeId === "/" ? "tenant-wide" : `scope ${entity.directoryScopeId}`;
  return {
    ...pimV3RequestFields(entity, UNIFIED_ROLE_CANCELLABLE_STATUSES),
    category: options.summary.slug,
    target: {
      id: entity.roleDefinition?.id ?? entity.roleDefinitionId ?? "",
      displayName: entity.roleDefinition?.displayName ?? entity.roleDefinitionId ?? "Directory role",
      kind: `${options.targetKind}, ${scope}`,
    },
  };
}
