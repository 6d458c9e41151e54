import { defineAzureRoleCategory } from "./azure-role-request";

// PIM for Azure resource roles, eligible side: requests to make someone eligible for an Azure role (contract
// "Endpoints", "the same three" operations as assignments).
export const azureRoleEligibilityCategory = defineAzureRoleCategory({
  slug: "azure-role-eligibility",
  label: "Azure resource roles (eligible)",
  description: "Requests to make someone eligible for an Azure role on management groups, subscriptions, resource groups and resources.",
  resourceType: "roleEligibilityScheduleRequests",
  targetKind: "Azure role eligibility",
  cancelEffect: "The eligibility request is withdrawn: nobody becomes eligible for the Azure role through it. Existing eligibilities are not touched.",
});
