// Category C entity shape (contract §2 request → privilegedAccessScheduleRequest → group assignment/eligibility
// request, §5), identical in v1.0 and beta except beta's ticketInfo has two more members.

import type { GraphVersion, GroupRequestRecord } from "../model";
import type { FilterableProperties } from "../engine/odata-filter";
import { navigation, type EntityView } from "../engine/render";
import { directoryObjectUserView, groupView } from "./directory-views";

export type GroupRequestKind = "assignment" | "eligibility";

export function groupRequestTypeName(kind: GroupRequestKind): string {
  return kind === "assignment" ? "privilegedAccessGroupAssignmentScheduleRequest" : "privilegedAccessGroupEligibilityScheduleRequest";
}

export function groupRequestView(kind: GroupRequestKind, version: GraphVersion): EntityView<GroupRequestRecord> {
  return {
    typeName: groupRequestTypeName(kind),
    render: (r, ctx) => ({
      id: r.id,
      status: r.status,
      createdDateTime: r.createdDateTime,
      completedDateTime: r.completedDateTime,
      approvalId: r.approvalId,
      customData: r.customData,
      createdBy: { user: { displayName: ctx.state.users.get(r.createdById)?.displayName ?? null, id: r.createdById } },
      action: r.action,
      isValidationOnly: r.isValidationOnly,
      justification: r.justification,
      scheduleInfo: structuredClone(r.scheduleInfo),
      ticketInfo: version === "beta" ? { ...r.ticketInfo, ticketApproverIdentityId: null, ticketSubmitterIdentityId: null } : { ...r.ticketInfo },
      accessId: r.accessId,
      principalId: r.principalId,
      groupId: r.groupId,
      targetScheduleId: r.targetScheduleId,
    }),
    navigations: {
      principal: navigation(() => directoryObjectUserView, (r, ctx) => ctx.state.users.get(r.principalId)),
      group: navigation(() => groupView, (r, ctx) => ctx.state.groups.get(r.groupId)),
    },
  };
}

export const GROUP_REQUEST_FILTERABLE: FilterableProperties<GroupRequestRecord> = {
  id: { type: "string", get: (r) => r.id },
  groupId: { type: "string", get: (r) => r.groupId },
  principalId: { type: "string", get: (r) => r.principalId },
  status: { type: "string", get: (r) => r.status },
  accessId: { type: "string", get: (r) => r.accessId },
  action: { type: "string", get: (r) => r.action },
  targetScheduleId: { type: "string", get: (r) => r.targetScheduleId },
  approvalId: { type: "string", get: (r) => r.approvalId },
  createdDateTime: { type: "datetime", get: (r) => r.createdDateTime },
};
