import { z } from "zod";
import type { CategoryDescription, PendingRequest } from "@/lib/requests/pending-request";
import { classifyByCode, type GraphCall, type RequestCategory } from "./category-definition";
import {
  directoryObjectSchema,
  identitySetSchema,
  odataString,
  personFromIdentitySet,
  requestScheduleSchema,
  scheduleFrom,
  ticketFrom,
  ticketInfoSchema,
} from "./graph-shapes";
import { isOpenStage, pimV3Stage, statusIn } from "./pim-v3-status";

/** Contract §7: only Granted requests can be cancelled, for assignments and eligibilities alike. */
export const UNIFIED_ROLE_CANCELLABLE_STATUSES = ["Granted"] as const;

export const unifiedRoleRequestSchema = z.object({
  id: z.string(),
  status: z.string(),
  createdDateTime: z.string().nullish(),
  action: z.string().nullish(),
  justification: z.string().nullish(),
  principalId: z.string().nullish(),
  roleDefinitionId: z.string().nullish(),
  directoryScopeId: z.string().nullish(),
  scheduleInfo: requestScheduleSchema.nullish(),
  ticketInfo: ticketInfoSchema.nullish(),
  createdBy: identitySetSchema.nullish(),
  principal: directoryObjectSchema.nullish(),
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

/** unifiedRoleAssignmentScheduleRequest / unifiedRoleEligibilityScheduleRequest (PIM v3, v1.0). */
export function defineUnifiedRoleCategory(options: UnifiedRoleOptions): RequestCategory<UnifiedRoleRequest> {
  const base = `/roleManagement/directory/${options.collection}`;
  // Only `principal` and `approver` are supported; `createdBy` is in the enum but documented as unsupported.
  const mine = `${base}/filterByCurrentUser(on='principal')`;
  return {
    summary: options.summary,
    permissions: {
      listAll: [...options.readScopes, ...options.writeScopes],
      // The filterByCurrentUser permission includes list ReadWrite as "least" (a docs generator oddity, §7).
      listMine: [...options.writeScopes, ...options.readScopes],
      cancelAll: options.writeScopes,
      cancelMine: options.writeScopes,
    },
    adminRoles: READER_ROLES,
    signInScopes: [options.writeScopes[0]!],
    list: {
      all: { sources: () => [{ kind: "collection", call: { version: "v1.0", path: base, query: { $expand: EXPAND } } }] },
      mine: { sources: () => [{ kind: "collection", call: { version: "v1.0", path: mine, query: { $expand: EXPAND } } }] },
    },
    cancel: (id) => ({ version: "v1.0", path: `${base}/${id}/cancel` }),
    readBack: (id, view): GraphCall =>
      view === "all"
        ? { version: "v1.0", path: `${base}/${id}`, query: { $expand: EXPAND } }
        : { version: "v1.0", path: mine, query: { $filter: `id eq ${odataString(id)}`, $expand: EXPAND } },
    entitySchema: unifiedRoleRequestSchema,
    toPendingRequest: (entity) => toPendingRequest(entity, options),
    // The docs give a 400 without a code string (contract §7); the emulator answers as PIM does elsewhere.
    classifyCancelRefusal: classifyByCode(["RequestCannotBeCancelled"]),
    cancelEffect: options.cancelEffect,
  };
}

function toPendingRequest(entity: UnifiedRoleRequest, options: UnifiedRoleOptions): PendingRequest {
  const stage = pimV3Stage(entity.status);
  const principalId = entity.principal?.id ?? entity.principalId ?? "";
  const scope = !entity.directoryScopeId || entity.directoryScopeId === "/" ? "tenant-wide" : `scope ${entity.directoryScopeId}`;
  return {
    id: entity.id,
    category: options.summary.slug,
    status: entity.status,
    statusDetail: null,
    stage,
    isOpen: isOpenStage(stage),
    cancellable: statusIn(entity.status, UNIFIED_ROLE_CANCELLABLE_STATUSES),
    createdDateTime: entity.createdDateTime ?? null,
    principal: { id: principalId, displayName: entity.principal?.displayName ?? principalId },
    target: {
      id: entity.roleDefinition?.id ?? entity.roleDefinitionId ?? "",
      displayName: entity.roleDefinition?.displayName ?? entity.roleDefinitionId ?? "Directory role",
      kind: `${options.targetKind}, ${scope}`,
    },
    requestedBy: personFromIdentitySet(entity.createdBy),
    justification: entity.justification ?? null,
    action: entity.action ?? null,
    schedule: scheduleFrom(entity.scheduleInfo),
    ticket: ticketFrom(entity.ticketInfo),
  };
}
