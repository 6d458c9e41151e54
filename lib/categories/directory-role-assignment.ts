import { defineUnifiedRoleCategory, UNIFIED_ROLE_CANCELLABLE_STATUSES } from "./unified-role-requests";

// The PIM v3 successor of the seeds' deprecated role APIs (A, B); cancel → 204, status becomes Canceled.
export const directoryRoleAssignmentCategory = defineUnifiedRoleCategory({
  summary: {
    slug: "directory-role-assignment",
    label: "Directory roles (active)",
    description: "PIM v3 requests to activate or assign Microsoft Entra directory roles.",
    apiType: "unifiedRoleAssignmentScheduleRequest",
    apiVersion: "v1.0",
    cancellableStatuses: UNIFIED_ROLE_CANCELLABLE_STATUSES,
    retirement: null,
  },
  collection: "roleAssignmentScheduleRequests",
  readScopes: ["RoleAssignmentSchedule.Read.Directory", "RoleManagement.Read.Directory"],
  writeScopes: ["RoleAssignmentSchedule.ReadWrite.Directory", "RoleManagement.ReadWrite.Directory"],
  targetKind: "Active directory role",
  cancelEffect: "Graph marks the request Canceled: the role is not activated or assigned through it. Microsoft removes cancelled requests after 30 days.",
});
