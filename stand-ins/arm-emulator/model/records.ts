// The stored shapes of the ARM emulator's tenant: scopes, role definitions, principals, RBAC role assignments and
// PIM schedule requests. Rendering to ARM's wire shape is model/render.ts.

import type { RequestKind } from "./request-kinds";
import type { ArmRequestStatus } from "./statuses";

/** `expandedProperties.scope.type` values (spec example: "subscription"); "tenant" is the root "/" scope. */
export type ScopeType = "tenant" | "managementgroup" | "subscription" | "resourcegroup" | "resource";

export interface ScopeNode {
  /** Canonical ARM id: "/", "/providers/Microsoft.Management/managementGroups/<name>", "/subscriptions/<guid>", … */
  id: string;
  displayName: string;
  type: ScopeType;
  /** The parent scope's id; undefined for the tenant root. */
  parentId: string | undefined;
}

export interface RoleDefinition {
  /** The built-in role's GUID (the same in every tenant). */
  guid: string;
  displayName: string;
  /** Control-plane actions and exclusions, wildcards as in Azure's role definitions. */
  actions: readonly string[];
  notActions: readonly string[];
  /** Data-plane actions (data roles); reported by the permissions list, never checked by the routes here. */
  dataActions?: readonly string[];
  notDataActions?: readonly string[];
}

/** Spec: principalType. */
export type PrincipalType = "User" | "Group" | "ServicePrincipal" | "ForeignGroup" | "Device";

export interface ArmPrincipal {
  id: string;
  displayName: string;
  email: string | null;
  type: PrincipalType;
}

/** An active RBAC role assignment; inherited by every scope below `scopeId`. */
export interface RoleAssignment {
  principalId: string;
  roleGuid: string;
  scopeId: string;
}

/** Spec: requestType. */
export type RequestType =
  | "AdminAssign"
  | "AdminRemove"
  | "AdminUpdate"
  | "AdminExtend"
  | "AdminRenew"
  | "SelfActivate"
  | "SelfDeactivate"
  | "SelfExtend"
  | "SelfRenew";

export type ExpirationType = "AfterDuration" | "AfterDateTime" | "NoExpiration";

export interface ArmRequestRecord {
  kind: RequestKind;
  /** The request's GUID (`name`). */
  name: string;
  /** A ScopeNode id. */
  scopeId: string;
  roleGuid: string;
  principalId: string;
  requestType: RequestType;
  status: ArmRequestStatus;
  approvalId: string | null;
  /** Who may approve it (`$filter=asApprover()`); not rendered. */
  approverIds: readonly string[];
  startDateTime: string | null;
  expiration: { type: ExpirationType; endDateTime: string | null; duration: string | null };
  justification: string | null;
  ticketNumber: string | null;
  ticketSystem: string | null;
  condition: string | null;
  conditionVersion: string | null;
  createdOn: string;
  requestorId: string;
  /** Assignments only: the eligibility a self-activation used. */
  linkedRoleEligibilityScheduleId: string | null;
  targetScheduleId: string | null;
  targetScheduleInstanceId: string | null;
}

export interface ArmSeed {
  scopes: readonly ScopeNode[];
  roleDefinitions: readonly RoleDefinition[];
  principals: readonly ArmPrincipal[];
  roleAssignments: readonly RoleAssignment[];
  requests: readonly ArmRequestRecord[];
}
