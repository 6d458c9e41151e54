import { defineUnifiedRoleCategory, UNIFIED_ROLE_CANCELLABLE_STATUSES } from "./unified-role-requests";

// unifiedRoleEligibilityScheduleRequest (PIM v3, v1.0); cancel → 204 and, as documented, status Revoked
// rather than Canceled (contract §9 E-1).
export const directoryRoleEligibilityCategory = defineUnifiedRoleCategory({
  summary: {
    slug: "directory-role-eligibility",
    label: "Directory roles (eligible)",
    description: "PIM v3 requests to make people eligible for Microsoft Entra directory roles.",
    apiType: "unifiedRoleEligibilityScheduleRequest",
    apiVersion: "v1.0",
    cancellableStatuses: UNIFIED_ROLE_CANCELLABLE_STATUSES,
    retirement: null,
  },
  collection: "roleEligibilityScheduleRequests",
  readScopes: ["RoleEligibilitySchedule.Read.Directory", "RoleManagement.Read.Directory"],
  writeScopes: ["RoleEligibilitySchedule.ReadWrite.Directory", "RoleManagement.ReadWrite.Directory"],
  targetKind: "Eligible directory role",
  cancelEffect: "Graph marks the request Revoked (as its docs say for eligibility requests): the person does not become eligible through it.",
});
