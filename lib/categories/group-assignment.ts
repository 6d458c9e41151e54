import { definePimForGroupsCategory, PIM_GROUP_CANCELLABLE_STATUSES } from "./pim-for-groups";

// Seed 003: privilegedAccessGroupAssignmentScheduleRequest (v1.0); cancel → 204 No Content.
export const groupAssignmentCategory = definePimForGroupsCategory({
  summary: {
    slug: "group-assignment",
    label: "Group access (active)",
    description: "PIM for Groups requests to become an active member or owner of a group.",
    apiType: "privilegedAccessGroupAssignmentScheduleRequest",
    apiVersion: "v1.0",
    cancellableStatuses: PIM_GROUP_CANCELLABLE_STATUSES,
    retirement: null,
  },
  collection: "assignmentScheduleRequests",
  readScope: "PrivilegedAssignmentSchedule.Read.AzureADGroup",
  writeScope: "PrivilegedAssignmentSchedule.ReadWrite.AzureADGroup",
  targetKind: (accessId) => (accessId === "owner" ? "Active owner" : "Active member"),
  cancelEffect:
    "The request is withdrawn and marked Canceled in PIM: the person does not become an active member or owner of the group through it. Access they already have is not touched.",
});
