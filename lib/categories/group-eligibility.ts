import { definePimForGroupsCategory, PIM_GROUP_CANCELLABLE_STATUSES } from "./pim-for-groups";

// privilegedAccessGroupEligibilityScheduleRequest (v1.0, contract §5): same shape and rules as assignments.
export const groupEligibilityCategory = definePimForGroupsCategory({
  summary: {
    slug: "group-eligibility",
    label: "Group access (eligible)",
    description: "PIM for Groups requests to become eligible for membership or ownership of a group.",
    apiType: "privilegedAccessGroupEligibilityScheduleRequest",
    apiVersion: "v1.0",
    cancellableStatuses: PIM_GROUP_CANCELLABLE_STATUSES,
    retirement: null,
  },
  collection: "eligibilityScheduleRequests",
  readScope: "PrivilegedEligibilitySchedule.Read.AzureADGroup",
  writeScope: "PrivilegedEligibilitySchedule.ReadWrite.AzureADGroup",
  targetKind: (accessId) => (accessId === "owner" ? "Eligible owner" : "Eligible member"),
  cancelEffect:
    "The request is withdrawn and marked Canceled in PIM: the person does not become eligible for the group through it. Existing eligibility is not touched.",
});
