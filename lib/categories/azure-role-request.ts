import { z } from "zod";
import type { CategoryDescription, CategorySlug, PendingRequest, PersonRef } from "@/lib/requests/pending-request";
import { armScopeKind, azureRoleIdSchema, decodeArmRequestId, encodeArmRequestId, KIND_BY_TYPE, same, SUBSCRIPTION_ALIAS } from "./azure-role-id";
import { AZURE_ROLE_API_VERSION, AZURE_ROLE_CANCELLABLE_STATUSES, azureRoleStage, isAzureRoleCancellable } from "./azure-role-status";
import type { ArmCategory, ArmRequestRef } from "./category-definition";
import { requestScheduleSchema, scheduleFrom, ticketFrom, ticketInfoSchema } from "./graph-shapes";
import { isOpenStage } from "./pim-v3-status";

// PIM for Azure resource roles in Azure Resource Manager (shared/arm-contract.md): role assignment and role
// eligibility schedule requests, which share their entity, statuses, scopes and operations. Each kind is one
// `defineAzureRoleCategory` call in its own module. The id encoding is in azure-role-id, the statuses in
// azure-role-status.

// ---- The entity (contract "Entity"; the spec's ListForScope examples) ----

const expandedSchema = z.object({ id: z.string().nullish(), displayName: z.string().nullish(), type: z.string().nullish() });

export const azureRoleRequestSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    type: z.string().nullish(),
    properties: z.object({
      scope: z.string().nullish(),
      roleDefinitionId: z.string().nullish(),
      principalId: z.string().nullish(),
      principalType: z.string().nullish(),
      requestType: z.string().nullish(),
      status: z.string(),
      scheduleInfo: requestScheduleSchema.nullish(),
      ticketInfo: ticketInfoSchema.nullish(),
      justification: z.string().nullish(),
      requestorId: z.string().nullish(),
      createdOn: z.string().nullish(),
      condition: z.string().nullish(),
      conditionVersion: z.string().nullish(),
      expandedProperties: z
        .object({
          scope: expandedSchema.nullish(),
          roleDefinition: expandedSchema.nullish(),
          principal: expandedSchema.extend({ email: z.string().nullish() }).nullish(),
        })
        .nullish(),
    }),
  })
  // An entity whose scope or name the app's id cannot carry is skipped: its Cancel would be refused as invalid.
  .superRefine((entity, context) => {
    try {
      encodeArmRequestId(requestRefOf(entity));
    } catch (error) {
      context.addIssue({ code: "custom", path: ["properties", "scope"], message: error instanceof Error ? error.message : String(error) });
    }
  });

export type AzureRoleRequest = z.infer<typeof azureRoleRequestSchema>;

/**
 * Where the request lives: `properties.scope`, else its resource id up to its own provider segment. The spec's
 * eligibility example writes a subscription as `/providers/Microsoft.Subscription/subscriptions/<id>` while its
 * expandedProperties.scope (and the assignment example) say `/subscriptions/<id>` for the same subscription; the
 * latter is the one resource id shape of a subscription, so the alias is read as it.
 */
function requestRefOf(entity: Pick<AzureRoleRequest, "id" | "name" | "properties">): ArmRequestRef {
  const cut = entity.id.toLowerCase().lastIndexOf("/providers/microsoft.authorization/");
  const scope = entity.properties.scope ?? (cut < 0 ? "" : entity.id.slice(0, cut));
  const slashed = scope.startsWith("/") ? scope : `/${scope}`;
  return { scope: slashed.replace(SUBSCRIPTION_ALIAS, "/"), name: entity.name };
}

const lastSegment = (id: string | null | undefined) => (id ? id.slice(id.lastIndexOf("/") + 1) || null : null);

function toPendingRequest(entity: AzureRoleRequest, slug: CategorySlug, targetKind: string): PendingRequest {
  const p = entity.properties;
  const expanded = p.expandedProperties;
  const ref = requestRefOf(entity);
  const stage = azureRoleStage(p.status);
  const principalId = p.principalId ?? expanded?.principal?.id ?? "";
  const principal: PersonRef = { id: principalId, displayName: expanded?.principal?.displayName ?? principalId };
  const roleDefinitionId = p.roleDefinitionId ?? expanded?.roleDefinition?.id ?? "";
  const roleName = expanded?.roleDefinition?.displayName ?? lastSegment(roleDefinitionId) ?? "Azure role";
  const scopeName = expanded?.scope?.displayName ?? lastSegment(ref.scope) ?? ref.scope;
  const scopeKind = KIND_BY_TYPE[expanded?.scope?.type?.toLowerCase() ?? ""] ?? armScopeKind(ref.scope);
  return {
    id: encodeArmRequestId(ref),
    category: slug,
    status: p.status,
    statusDetail: null,
    stage,
    isOpen: isOpenStage(stage),
    cancellable: isAzureRoleCancellable(p.status),
    createdDateTime: p.createdOn ?? null,
    principal,
    target: { id: `${roleDefinitionId}@${ref.scope}`, displayName: `${roleName} on ${scopeName}`, kind: `${targetKind} · ${scopeKind}` },
    // ARM expands the principal but not the requestor: only a self-service request has a name for it.
    requestedBy: p.requestorId
      ? { id: p.requestorId, displayName: same(p.requestorId, principalId) ? principal.displayName : p.requestorId }
      : null,
    justification: p.justification ?? null,
    action: p.requestType ?? null,
    schedule: scheduleFrom(p.scheduleInfo),
    ticket: ticketFrom(p.ticketInfo),
    scope: { id: ref.scope, displayName: scopeName, kind: scopeKind },
    condition: p.condition ?? null,
  };
}

export interface AzureRoleCategoryOptions {
  slug: CategorySlug;
  label: string;
  description: string;
  /** The collection's path segment under `providers/Microsoft.Authorization/`. */
  resourceType: "roleAssignmentScheduleRequests" | "roleEligibilityScheduleRequests";
  /** What the target is, in the user's words; the scope's kind is added: "Azure role assignment · Subscription". */
  targetKind: string;
  cancelEffect: string;
}

// ARM has one delegated permission, user_impersonation; what a caller may see or cancel is Azure RBAC at the scope.
const ARM_PERMISSION = ["user_impersonation"] as const;

export function defineAzureRoleCategory(options: AzureRoleCategoryOptions): ArmCategory<AzureRoleRequest> {
  const summary: CategoryDescription = {
    slug: options.slug,
    label: options.label,
    description: options.description,
    apiType: `Microsoft.Authorization/${options.resourceType}`,
    apiVersion: AZURE_ROLE_API_VERSION,
    cancellableStatuses: AZURE_ROLE_CANCELLABLE_STATUSES,
    retirement: null,
  };
  return {
    upstream: "arm",
    summary,
    permissions: { listAll: ARM_PERMISSION, listMine: ARM_PERMISSION, cancelAll: ARM_PERMISSION, cancelMine: ARM_PERMISSION },
    // Listing everyone's requests needs `…/read` at the scope; Reader has it but not the cancel action.
    adminRoles: ["Owner", "User Access Administrator", "Reader (to list them only)"],
    registeredScopes: ARM_PERMISSION,
    idSchema: azureRoleIdSchema,
    entitySchema: azureRoleRequestSchema,
    toPendingRequest: (entity) => toPendingRequest(entity, options.slug, options.targetKind),
    cancelEffect: options.cancelEffect,
    resourceType: options.resourceType,
    apiVersion: AZURE_ROLE_API_VERSION,
    // Contract "Endpoints": asTarget() keeps to the caller's own requests and is allowed at any scope.
    list: { all: { scopes: "visible" }, mine: { scopes: "tenant-root", filter: "asTarget()" } },
    requestRef: decodeArmRequestId,
    cancelAction: `Microsoft.Authorization/${options.resourceType}/cancel/action`,
    cancelActionRoles: ["Owner", "User Access Administrator"],
    isCancellableStatus: isAzureRoleCancellable,
  };
}
