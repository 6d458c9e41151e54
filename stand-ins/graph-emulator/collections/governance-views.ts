// Category A entity shapes (contract §3, beta only): governanceRoleAssignmentRequest with its contained
// navigations subject, roleDefinition and resource, and the governanceResource / governanceRoleDefinition /
// governanceSubject types they expand to.

import type { UserRecord } from "../model";
import type { GovernanceResourceRecord, GovernanceRoleDefinitionRecord, GovernanceRoleRequestRecord } from "../model-roles";
import type { FilterableProperties } from "../engine/odata-filter";
import { navigation, type EntityView } from "../engine/render";

export const governanceResourceView: EntityView<GovernanceResourceRecord> = {
  typeName: "governanceResource",
  render: (r) => ({
    id: r.id,
    externalId: r.externalId,
    type: r.type,
    displayName: r.displayName,
    status: r.status,
    registeredDateTime: r.createdDateTime,
    registeredRoot: r.registeredRoot,
  }),
  navigations: {
    parent: navigation(
      () => governanceResourceView,
      (r, ctx) => (r.parentId ? ctx.state.governanceResources.get(r.parentId) : null),
    ),
  },
};

export const governanceRoleDefinitionView: EntityView<GovernanceRoleDefinitionRecord> = {
  typeName: "governanceRoleDefinition",
  render: (d) => ({ id: d.id, resourceId: d.resourceId, externalId: d.externalId, displayName: d.displayName, templateId: d.templateId }),
  navigations: { resource: navigation(() => governanceResourceView, (d, ctx) => ctx.state.governanceResources.get(d.resourceId)) },
};

/** governanceSubject: `type` is User, Group or ServicePrincipal; every seeded subject is a user. */
export const governanceSubjectView: EntityView<UserRecord> = {
  typeName: "governanceSubject",
  render: (u) => ({ id: u.id, displayName: u.displayName, email: u.mail, principalName: u.userPrincipalName, type: "User" }),
};

export const governanceRequestView: EntityView<GovernanceRoleRequestRecord> = {
  typeName: "governanceRoleAssignmentRequest",
  render: (r) => ({
    id: r.id,
    resourceId: r.resourceId,
    roleDefinitionId: r.roleDefinitionId,
    subjectId: r.subjectId,
    linkedEligibleRoleAssignmentId: r.linkedEligibleRoleAssignmentId,
    type: r.type,
    assignmentState: r.assignmentState,
    requestedDateTime: r.createdDateTime,
    reason: r.reason,
    schedule: r.schedule ? { ...r.schedule } : null,
    status: { status: r.status, subStatus: r.subStatus, statusDetails: r.statusDetails.map((d) => ({ ...d })) },
  }),
  navigations: {
    subject: navigation(() => governanceSubjectView, (r, ctx) => ctx.state.users.get(r.subjectId)),
    roleDefinition: navigation(() => governanceRoleDefinitionView, (r, ctx) => ctx.state.governanceRoleDefinitions.get(r.roleDefinitionId)),
    resource: navigation(() => governanceResourceView, (r, ctx) => ctx.state.governanceResources.get(r.resourceId)),
  },
};

/**
 * §3 says only "supports OData query parameters"; these are the properties the documented queries use (resourceId,
 * subjectId, status/subStatus) and the other scalars, as an **inference**.
 */
export const GOVERNANCE_REQUEST_FILTERABLE: FilterableProperties<GovernanceRoleRequestRecord> = {
  id: { type: "string", get: (r) => r.id },
  resourceId: { type: "string", get: (r) => r.resourceId },
  roleDefinitionId: { type: "string", get: (r) => r.roleDefinitionId },
  subjectId: { type: "string", get: (r) => r.subjectId },
  linkedEligibleRoleAssignmentId: { type: "string", get: (r) => r.linkedEligibleRoleAssignmentId },
  type: { type: "string", get: (r) => r.type },
  assignmentState: { type: "string", get: (r) => r.assignmentState },
  requestedDateTime: { type: "datetime", get: (r) => r.createdDateTime },
  "status/status": { type: "string", get: (r) => r.status },
  "status/subStatus": { type: "string", get: (r) => r.subStatus },
};

export const GOVERNANCE_RESOURCE_FILTERABLE: FilterableProperties<GovernanceResourceRecord> = {
  id: { type: "string", get: (r) => r.id },
  externalId: { type: "string", get: (r) => r.externalId },
  type: { type: "string", get: (r) => r.type },
  displayName: { type: "string", get: (r) => r.displayName },
  status: { type: "string", get: (r) => r.status },
  registeredDateTime: { type: "datetime", get: (r) => r.createdDateTime },
};
