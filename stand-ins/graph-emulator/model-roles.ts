// Stored records for the role-request categories: A (PIM v2 governanceRoleAssignmentRequest, contract §3),
// B (PIM v1 privilegedRoleAssignmentRequest, §4) and E (PIM v3 unifiedRole…ScheduleRequest, §7). As in model.ts,
// fields that exist only for the emulator (approverIds, linked schedule ids) never leave it except through the
// test-only `/_emulator/state` endpoint. `createdDateTime` is the paging order (§8.4); A and B render it as
// `requestedDateTime`, and the catalogue records (resources, role definitions) carry one for the same reason.

import type { RequestSchedule, StoredRequest } from "./model";

/** The PIM v2 providers (the `{provider}` path segment, contract §3 / §9 A-1). */
export type GovernanceProvider = "azureResources" | "aadroles" | "aadGroups";
export const GOVERNANCE_PROVIDERS: readonly GovernanceProvider[] = ["azureResources", "aadroles", "aadGroups"];

/** A PIM v2 governanceResource: a subscription or resource group, the tenant, or a PIM group. */
export interface GovernanceResourceRecord {
  id: string;
  provider: GovernanceProvider;
  externalId: string;
  /** "Subscription", "ResourceGroup", "Tenant", "Group". */
  type: string;
  displayName: string;
  status: "Active" | "Locked";
  /** Rendered as registeredDateTime. */
  createdDateTime: string;
  /** externalId of the registered root scope (a resource group's subscription). */
  registeredRoot: string;
  parentId: string | null;
}

/** A PIM v2 governanceRoleDefinition, which belongs to one resource. */
export interface GovernanceRoleDefinitionRecord {
  id: string;
  resourceId: string;
  externalId: string;
  displayName: string;
  templateId: string;
  createdDateTime: string;
}

/** Contract §2 `governanceSchedule` (A and B). */
export interface GovernanceSchedule {
  type: string;
  startDateTime: string | null;
  endDateTime: string | null;
  duration: string | null;
}

/** Category A. `status` is InProgress/Closed and always follows `subStatus`. */
export interface GovernanceRoleRequestRecord extends StoredRequest {
  provider: GovernanceProvider;
  resourceId: string;
  roleDefinitionId: string;
  subjectId: string;
  linkedEligibleRoleAssignmentId: string;
  type: string;
  assignmentState: "Eligible" | "Active";
  reason: string;
  schedule: GovernanceSchedule | null;
  status: "InProgress" | "Closed";
  subStatus: string;
  statusDetails: Array<{ key: string; value: string }>;
}

/** A PIM v1 privilegedRole (B's `roleInfo`): `{id, name}`; the id is the Entra role template id. */
export interface PrivilegedRoleRecord {
  id: string;
  name: string;
}

/** Category B. `userId` is the principal's oid (the docs examples show "Self"; our data keeps the real id). */
export interface PrivilegedRoleRequestRecord extends StoredRequest {
  userId: string;
  roleId: string;
  type: "UserAdd" | "AdminAdd";
  assignmentState: "Eligible" | "Active";
  status: string;
  /** Hours, as a string (the docs examples: "1", "2"). */
  duration: string;
  reason: string;
  ticketNumber: string | null;
  ticketSystem: string | null;
  schedule: GovernanceSchedule;
}

/** An Entra built-in role (unifiedRoleDefinition); its id is the template id. */
export interface DirectoryRoleDefinitionRecord {
  id: string;
  displayName: string;
  description: string;
  isPrivileged: boolean;
  /** Constant; only there for the paging order. */
  createdDateTime: string;
}

/** Category E, both collections (assignment and eligibility schedule requests). */
export interface DirectoryRoleRequestRecord extends StoredRequest {
  status: string;
  completedDateTime: string | null;
  approvalId: string | null;
  customData: null;
  createdById: string;
  action: string;
  principalId: string;
  roleDefinitionId: string;
  directoryScopeId: string;
  appScopeId: string | null;
  isValidationOnly: boolean;
  targetScheduleId: string | null;
  justification: string | null;
  scheduleInfo: RequestSchedule | null;
  ticketInfo: { ticketNumber: string | null; ticketSystem: string | null };
  /** The eligibility schedule an activation used (assignment requests, `activatedUsing`); null otherwise. */
  activatedUsingId: string | null;
  /** Who may approve it (filterByCurrentUser(on='approver')). */
  approverIds: string[];
}

export interface RoleRequestSeedData {
  governanceResources: GovernanceResourceRecord[];
  governanceRoleDefinitions: GovernanceRoleDefinitionRecord[];
  governanceRoleAssignmentRequests: GovernanceRoleRequestRecord[];
  privilegedRoles: PrivilegedRoleRecord[];
  privilegedRoleAssignmentRequests: PrivilegedRoleRequestRecord[];
  directoryRoleDefinitions: DirectoryRoleDefinitionRecord[];
  directoryRoleAssignmentScheduleRequests: DirectoryRoleRequestRecord[];
  directoryRoleEligibilityScheduleRequests: DirectoryRoleRequestRecord[];
}
