import { defineAzureRoleCategory } from "./azure-role-request";

// PIM for Azure resource roles, active side: activations and direct assignments (contract "Endpoints"); the
// successor of governance-role's azureResources provider. Cancel → 200 with an empty body, status Canceled.
export const azureRoleAssignmentCategory = defineAzureRoleCategory({
  slug: "azure-role-assignment",
  label: "Azure resource roles (active)",
  description: "Requests to activate or assign Azure roles on management groups, subscriptions, resource groups and resources.",
  resourceType: "roleAssignmentScheduleRequests",
  targetKind: "Azure role assignment",
  cancelEffect: "The activation or assignment request is withdrawn: no Azure role is granted through it. Roles already in effect are not touched.",
});
