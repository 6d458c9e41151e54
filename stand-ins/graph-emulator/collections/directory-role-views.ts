// Category E entity shapes (contract §7): unifiedRoleAssignmentScheduleRequest and
// unifiedRoleEligibilityScheduleRequest (both derive from `request`, §2), the unifiedRoleDefinition they expand
// to, and the schedules behind `targetSchedule` / `activatedUsing`. v1.0 and beta render alike, except beta's
// ticketInfo has two more members (and `action` is a string rather than an enum, which JSON does not show).

import type { GraphVersion } from "../model";
import type { DirectoryRoleDefinitionRecord, DirectoryRoleRequestRecord } from "../model-roles";
import type { FilterableProperties } from "../engine/odata-filter";
import { navigation, type EntityView, type RenderContext } from "../engine/render";
import { directoryObjectUserView } from "./directory-views";

export type DirectoryRoleRequestKind = "assignment" | "eligibility";

export const unifiedRoleDefinitionView: EntityView<DirectoryRoleDefinitionRecord> = {
  typeName: "unifiedRoleDefinition",
  render: (d) => ({
    id: d.id,
    description: d.description,
    displayName: d.displayName,
    isBuiltIn: true,
    isEnabled: true,
    isPrivileged: d.isPrivileged,
    resourceScopes: ["/"],
    templateId: d.id,
    version: "1",
    rolePermissions: [],
  }),
};

export const ROLE_DEFINITION_FILTERABLE: FilterableProperties<DirectoryRoleDefinitionRecord> = {
  id: { type: "string", get: (d) => d.id },
  displayName: { type: "string", get: (d) => d.displayName },
  templateId: { type: "string", get: (d) => d.id },
  isBuiltIn: { type: "boolean", get: () => true },
  isPrivileged: { type: "boolean", get: (d) => d.isPrivileged },
};

const DAY_MS = 86_400_000;
const shift = (iso: string, days: number) => new Date(Date.parse(iso) + days * DAY_MS).toISOString();

/** The schedule a request created (its id is the request's targetScheduleId), shaped as in the docs example. */
function targetScheduleView(kind: DirectoryRoleRequestKind): EntityView<DirectoryRoleRequestRecord> {
  return {
    typeName: kind === "assignment" ? "unifiedRoleAssignmentSchedule" : "unifiedRoleEligibilitySchedule",
    render: (r) => ({
      id: r.targetScheduleId,
      principalId: r.principalId,
      roleDefinitionId: r.roleDefinitionId,
      directoryScopeId: r.directoryScopeId,
      appScopeId: r.appScopeId,
      createdUsing: r.id,
      createdDateTime: r.createdDateTime,
      modifiedDateTime: r.completedDateTime ?? r.createdDateTime,
      status: "Provisioned",
      ...(kind === "assignment" ? { assignmentType: r.action === "selfActivate" ? "Activated" : "Assigned" } : {}),
      memberType: "Direct",
      scheduleInfo: r.scheduleInfo ? structuredClone(r.scheduleInfo) : null,
    }),
  };
}

/** The eligibility an activation used (`activatedUsing`): a standing eligibility from 90 days before the request. */
const activatedUsingView: EntityView<DirectoryRoleRequestRecord> = {
  typeName: "unifiedRoleEligibilitySchedule",
  render: (r) => ({
    id: r.activatedUsingId,
    principalId: r.principalId,
    roleDefinitionId: r.roleDefinitionId,
    directoryScopeId: r.directoryScopeId,
    appScopeId: r.appScopeId,
    createdUsing: r.activatedUsingId,
    createdDateTime: shift(r.createdDateTime, -90),
    modifiedDateTime: shift(r.createdDateTime, -90),
    status: "Provisioned",
    memberType: "Direct",
    scheduleInfo: { startDateTime: shift(r.createdDateTime, -90), recurrence: null, expiration: { type: "noExpiration", endDateTime: null, duration: null } },
  }),
};

/** A schedule exists once the request created it; Granted ones have not started yet. */
const HAS_SCHEDULE = ["Provisioned", "ScheduleCreated"];

export function directoryRoleRequestTypeName(kind: DirectoryRoleRequestKind): string {
  return kind === "assignment" ? "unifiedRoleAssignmentScheduleRequest" : "unifiedRoleEligibilityScheduleRequest";
}

export function directoryRoleRequestView(kind: DirectoryRoleRequestKind, version: GraphVersion): EntityView<DirectoryRoleRequestRecord> {
  const schedules = targetScheduleView(kind);
  const none = () => null;
  return {
    typeName: directoryRoleRequestTypeName(kind),
    render: (r, ctx: RenderContext) => ({
      id: r.id,
      status: r.status,
      createdDateTime: r.createdDateTime,
      completedDateTime: r.completedDateTime,
      approvalId: r.approvalId,
      customData: r.customData,
      action: r.action,
      principalId: r.principalId,
      roleDefinitionId: r.roleDefinitionId,
      directoryScopeId: r.directoryScopeId,
      appScopeId: r.appScopeId,
      isValidationOnly: r.isValidationOnly,
      targetScheduleId: r.targetScheduleId,
      justification: r.justification,
      createdBy: { application: null, device: null, user: { displayName: ctx.state.users.get(r.createdById)?.displayName ?? null, id: r.createdById } },
      scheduleInfo: r.scheduleInfo ? structuredClone(r.scheduleInfo) : null,
      ticketInfo: version === "beta" ? { ...r.ticketInfo, ticketApproverIdentityId: null, ticketSubmitterIdentityId: null } : { ...r.ticketInfo },
    }),
    navigations: {
      principal: navigation(() => directoryObjectUserView, (r, ctx) => ctx.state.users.get(r.principalId)),
      roleDefinition: navigation(() => unifiedRoleDefinitionView, (r, ctx) => ctx.state.directoryRoleDefinitions.get(r.roleDefinitionId)),
      targetSchedule: navigation(() => schedules, (r) => (r.targetScheduleId && HAS_SCHEDULE.includes(r.status) ? r : null)),
      // "/" is the whole tenant, not a directory object; no administrative units or app scopes are seeded.
      directoryScope: { expand: none },
      appScope: { expand: none },
      ...(kind === "assignment" ? { activatedUsing: navigation(() => activatedUsingView, (r) => (r.activatedUsingId ? r : null)) } : {}),
    },
  };
}

/** §7: id, principalId, roleDefinitionId, status, targetScheduleId, appScopeId, directoryScopeId (+ action, createdDateTime). */
export const DIRECTORY_ROLE_REQUEST_FILTERABLE: FilterableProperties<DirectoryRoleRequestRecord> = {
  id: { type: "string", get: (r) => r.id },
  principalId: { type: "string", get: (r) => r.principalId },
  roleDefinitionId: { type: "string", get: (r) => r.roleDefinitionId },
  status: { type: "string", get: (r) => r.status },
  targetScheduleId: { type: "string", get: (r) => r.targetScheduleId },
  appScopeId: { type: "string", get: (r) => r.appScopeId },
  directoryScopeId: { type: "string", get: (r) => r.directoryScopeId },
  action: { type: "string", get: (r) => r.action },
  createdDateTime: { type: "datetime", get: (r) => r.createdDateTime },
};
