import { z } from "zod";
import type { PendingRequest, CategoryDescription } from "@/lib/requests/pending-request";
import { classifyUndocumentedCancelRefusal, type ListSource, type GraphCategory, graphIdSchema } from "./category-definition";
import { directoryObjectSchema, odataString } from "./graph-shapes";
import { pimV3Collection, pimV3RequestFields, pimV3RequestSchema } from "./pim-v3-request";

/** What lets the admin view list the tenant's groups (Graph's list-groups page), least privileged first. */
const GROUP_READ_PERMISSIONS = ["GroupMember.Read.All", "Group.Read.All", "Directory.Read.All"] as const;

/**
 * Which PIM for Groups requests can be cancelled. The docs do not say (contract §5 "Cancel", §9 C-1): the Graph
 * cancel page names no status, and the PIM for Groups user doc only has a section "Cancel a pending request" (My
 * requests > Groups > Cancel). Decided from the PIM v3 status model (§2):
 * - PendingApproval / PendingAdminDecision: nobody has decided yet, so withdrawing it is the point of cancel;
 * - Granted: approved but not yet in effect (a future start); E's docs make exactly this status cancellable;
 * - PendingProvisioning / PendingScheduleCreation are excluded: the schedule is being written right now, and a
 *   cancel would race the service; every other status is final.
 * Sources:
 * - privilegedAccessGroupAssignmentScheduleRequest: cancel
 *   https://github.com/microsoftgraph/microsoft-graph-docs-contrib/blob/main/api-reference/v1.0/api/privilegedaccessgroupassignmentschedulerequest-cancel.md
 * - privilegedAccessGroupEligibilityScheduleRequest: cancel
 *   https://docs.microsoft.com/en-us/graph/api/privilegedaccessgroupeligibilityschedulerequest-cancel
 * - Activate your group membership or ownership in Privileged Identity Management
 *   https://learn.microsoft.com/en-us/azure/active-directory/privileged-identity-management/groups-activate-roles
 * - Activate a Microsoft Entra role in PIM ("Cancel a pending request for new version": cancel at any time while it
 *   awaits approval), the same PIM service's rule for roles
 *   https://learn.microsoft.com/en-us/azure/active-directory/privileged-identity-management/pim-how-to-activate-role
 * Reviewed 2026-12-05 against these sources: none lists cancellable statuses for PIM for Groups, both user docs
 * offer Cancel on a pending request, so the list above stands unchanged.
 */
export const PIM_GROUP_CANCELLABLE_STATUSES = ["PendingApproval", "PendingAdminDecision", "Granted"] as const;

// Contract §5: `accessId` is owner | member.
export const pimGroupRequestSchema = pimV3RequestSchema.extend({
  groupId: z.string().nullish(),
  accessId: z.string().nullish(),
  group: directoryObjectSchema.nullish(),
});

export type PimGroupRequest = z.infer<typeof pimGroupRequestSchema>;

interface PimForGroupsOptions {
  summary: CategoryDescription;
  /** `assignmentScheduleRequests` or `eligibilityScheduleRequests`. */
  collection: string;
  readScope: string;
  writeScope: string;
  /** How the target reads in the table: "Active member", "Eligible member", … */
  targetKind: (accessId: string | null | undefined) => string;
  cancelEffect: string;
}

const EXPAND = "principal,group($select=id,displayName)";

/**
 * The groups PIM for Groups can govern: security groups and Microsoft 365 groups (Microsoft's PIM for Groups
 * docs). A Microsoft 365 group's securityEnabled may be false, so two lists, read one after the other, that never
 * overlap: every security group, then the Microsoft 365 groups that are not security groups. Only filters Graph
 * answers without advanced queries (`eq`, `any`); excluding dynamic-membership or on-premises-synced groups (which
 * PIM cannot manage) would take `not`/`ne`, i.e. ConsistencyLevel: eventual and $count, so they are asked about
 * too and simply have no requests. See README, "PIM for Groups".
 */
export const PIM_GROUP_FILTERS = [
  "securityEnabled eq true",
  "groupTypes/any(g:g eq 'Unified') and securityEnabled eq false",
] as const;

// Contract §5 role requirement for writes on groups that are not role-assignable, plus the role-assignable one.
const GROUP_ADMIN_ROLES = [
  "Privileged Role Administrator",
  "Identity Governance Administrator",
  "Groups Administrator",
  "User Administrator",
  "Directory Writers",
];

export function definePimForGroupsCategory(options: PimForGroupsOptions): GraphCategory<PimGroupRequest> {
  const base = `/identityGovernance/privilegedAccess/group/${options.collection}`;
  const collection = pimV3Collection(base, EXPAND);
  return {
    upstream: "graph",
    idSchema: graphIdSchema,
    summary: options.summary,
    permissions: {
      listAll: [options.readScope, options.writeScope],
      listMine: [options.readScope, options.writeScope],
      cancelAll: [options.writeScope],
      cancelMine: [options.writeScope],
    },
    adminRoles: GROUP_ADMIN_ROLES,
    // GroupMember.Read.All: the admin view must discover the groups to ask about (see README, "PIM for Groups").
    registeredScopes: [options.writeScope, "GroupMember.Read.All"],
    list: {
      all: {
        sources: () =>
          PIM_GROUP_FILTERS.map(
            (filter): ListSource => ({
              kind: "fan-out",
              parentsPermissions: GROUP_READ_PERMISSIONS,
              parents: { version: "v1.0", path: "/groups", query: { $filter: filter, $select: "id,displayName" } },
              child: (groupId) => ({
                version: "v1.0",
                path: base,
                query: { $filter: `groupId eq ${odataString(groupId)}`, $expand: EXPAND },
              }),
            }),
          ),
      },
      mine: collection.mineList,
    },
    cancel: collection.cancel,
    readBack: collection.readBack,
    entitySchema: pimGroupRequestSchema,
    toPendingRequest: (entity) => toPendingRequest(entity, options),
    classifyCancelRefusal: classifyUndocumentedCancelRefusal,
    cancelEffect: options.cancelEffect,
  };
}

function toPendingRequest(entity: PimGroupRequest, options: PimForGroupsOptions): PendingRequest {
  const groupId = entity.group?.id ?? entity.groupId ?? "";
  return {
    ...pimV3RequestFields(entity, PIM_GROUP_CANCELLABLE_STATUSES),
    category: options.summary.slug,
    target: { id: groupId, displayName: entity.group?.displayName ?? groupId, kind: options.targetKind(entity.accessId) },
  };
}
