// The two request collections (contract "Endpoints": assignment requests, and eligibility requests with "the same
// three" operations). Everything that differs between them lives here, so routes, rendering, seed and control
// endpoints iterate this list instead of switching on a kind.

export type RequestKind = "assignment" | "eligibility";

export interface RequestKindInfo {
  kind: RequestKind;
  /** The path segment after `providers/Microsoft.Authorization/` (matched case-insensitively). */
  segment: string;
  /** The entity's `type` and the segment inside its `id`, cased as the spec's example shows them. */
  resourceType: string;
  /** The RBAC actions that guard reading and cancelling (contract "Cancel rules": `…/cancel/action`). */
  readAction: string;
  cancelAction: string;
  /** Contract "Errors": a "RoleAssignmentScheduleRequestNotFound-style" code per kind. */
  notFoundCode: string;
  /** `properties` keys naming the schedule the request creates (spec: targetRole…ScheduleId / …InstanceId). */
  targetScheduleKey: string;
  targetInstanceKey: string;
  apiVersions: readonly string[];
}

/** Contract "Hosts and tokens": 2020-10-01, and a 2024-09-01-preview exists too. */
const PIM_API_VERSIONS = ["2020-10-01", "2024-09-01-preview"] as const;

export const REQUEST_KINDS: readonly RequestKindInfo[] = [
  {
    kind: "assignment",
    segment: "roleAssignmentScheduleRequests",
    resourceType: "RoleAssignmentScheduleRequests",
    readAction: "Microsoft.Authorization/roleAssignmentScheduleRequests/read",
    cancelAction: "Microsoft.Authorization/roleAssignmentScheduleRequests/cancel/action",
    notFoundCode: "RoleAssignmentScheduleRequestNotFound",
    targetScheduleKey: "targetRoleAssignmentScheduleId",
    targetInstanceKey: "targetRoleAssignmentScheduleInstanceId",
    apiVersions: PIM_API_VERSIONS,
  },
  {
    kind: "eligibility",
    segment: "roleEligibilityScheduleRequests",
    // The spec's eligibility example says "RoleEligibilityRequests"; the resource's own name in the same spec is
    // RoleEligibilityScheduleRequests, which is what ARM returns, so we use that.
    resourceType: "RoleEligibilityScheduleRequests",
    readAction: "Microsoft.Authorization/roleEligibilityScheduleRequests/read",
    cancelAction: "Microsoft.Authorization/roleEligibilityScheduleRequests/cancel/action",
    notFoundCode: "RoleEligibilityScheduleRequestNotFound",
    targetScheduleKey: "targetRoleEligibilityScheduleId",
    targetInstanceKey: "targetRoleEligibilityScheduleInstanceId",
    apiVersions: PIM_API_VERSIONS,
  },
];

/** A kind by its path segment or its short name, case-insensitively (control endpoints take either). */
export function findKind(name: string): RequestKindInfo | undefined {
  const wanted = name.toLowerCase();
  return REQUEST_KINDS.find((k) => k.kind === wanted || k.segment.toLowerCase() === wanted);
}

export function kindInfo(kind: RequestKind): RequestKindInfo {
  return REQUEST_KINDS.find((k) => k.kind === kind)!;
}
