// The emulator's stored records: one record per Graph object, rendered into v1.0 or beta shapes on the way out
// (collections/*-views.ts). Fields that exist only for the emulator (approverIds, ownerIds…) never leave it
// except through the test-only `/_emulator/state` endpoint.

import type { RoleRequestSeedData } from "./model-roles";

export type GraphVersion = "v1.0" | "beta";
export const GRAPH_VERSIONS: readonly GraphVersion[] = ["v1.0", "beta"];

export interface UserRecord {
  id: string;
  displayName: string;
  givenName: string;
  surname: string;
  userPrincipalName: string;
  mail: string;
  jobTitle: string;
  officeLocation: string | null;
  createdDateTime: string;
}

export interface GroupRecord {
  id: string;
  displayName: string;
  description: string;
  mailNickname: string;
  mailEnabled: boolean;
  securityEnabled: boolean;
  /** Graph's `groupTypes`: "Unified" for a Microsoft 365 group, "DynamicMembership"; empty for a security group. */
  groupTypes: string[];
  isAssignableToRole: boolean;
  visibility: "Private" | "Public" | null;
  createdDateTime: string;
  ownerIds: string[];
}

export interface ConnectedOrganizationRecord {
  id: string;
  displayName: string;
  description: string;
  createdDateTime: string;
}

/** An entitlement-management subject (accessPackageSubject): a directory user or an external person. */
export interface SubjectRecord {
  id: string;
  /** The directory object id (a token's `oid`); null for an external person not yet invited. */
  objectId: string | null;
  displayName: string;
  email: string;
  principalName: string;
  connectedOrganizationId: string | null;
}

export interface CatalogRecord {
  id: string;
  displayName: string;
  description: string;
}

export interface AccessPackageRecord {
  id: string;
  displayName: string;
  description: string;
  catalogId: string;
  createdDateTime: string;
}

type ExpirationPatternType = "notSpecified" | "noExpiration" | "afterDateTime" | "afterDuration";

/**
 * Contract §2 `expirationPattern`. A PIM for Groups request keeps the casing it was created with: the docs'
 * examples send and return "AfterDuration" next to "SelfActivate" (§5), so the PascalCase spellings are stored too.
 */
export interface ExpirationPattern {
  type: ExpirationPatternType | Capitalize<ExpirationPatternType>;
  endDateTime: string | null;
  duration: string | null;
}

/** Contract §2 `requestSchedule` / `entitlementManagementSchedule` (recurrence is never used by these APIs). */
export interface RequestSchedule {
  startDateTime: string;
  recurrence: null;
  expiration: ExpirationPattern;
}

/** Every request the engine stores has an id and a creation time (the paging order, contract §8.4). */
export interface StoredRequest {
  id: string;
  createdDateTime: string;
}

/** Category C: privilegedAccessGroupAssignmentScheduleRequest / …EligibilityScheduleRequest (contract §5). */
export interface GroupRequestRecord extends StoredRequest {
  status: string;
  completedDateTime: string | null;
  approvalId: string | null;
  customData: null;
  createdById: string;
  action: string;
  isValidationOnly: boolean;
  justification: string;
  scheduleInfo: RequestSchedule;
  ticketInfo: { ticketNumber: string | null; ticketSystem: string | null };
  accessId: "member" | "owner";
  principalId: string;
  groupId: string;
  targetScheduleId: string;
  /** Who may approve it (for filterByCurrentUser(on='approver')). */
  approverIds: string[];
}

/** Category D: accessPackageAssignmentRequest (contract §6). `state` always follows `status`. */
export interface AccessPackageRequestRecord extends StoredRequest {
  /** v1.0 enum spelling: userAdd, adminAdd, … (beta renders it PascalCase). */
  requestType: string;
  /** v1.0 `state` enum value (submitted, pendingApproval, …). */
  state: string;
  /** v1.0 `status` detail text (Accepted, PendingApproval, …). */
  status: string;
  completedDateTime: string | null;
  justification: string | null;
  schedule: RequestSchedule;
  accessPackageId: string;
  targetSubjectId: string;
  createdById: string;
  /** The assignment this request created or changed; null while nothing was delivered. */
  assignmentId: string | null;
  approverIds: string[];
}

export interface TenantDirectory {
  users: UserRecord[];
  groups: GroupRecord[];
  connectedOrganizations: ConnectedOrganizationRecord[];
  subjects: SubjectRecord[];
  catalogs: CatalogRecord[];
  accessPackages: AccessPackageRecord[];
}

export interface SeedData extends TenantDirectory, RoleRequestSeedData {
  groupAssignmentScheduleRequests: GroupRequestRecord[];
  groupEligibilityScheduleRequests: GroupRequestRecord[];
  accessPackageAssignmentRequests: AccessPackageRequestRecord[];
}
