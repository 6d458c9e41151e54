// The emulator's mutable tenant: maps keyed by id, built from a deep copy of the seed so a reset is exact.

import type {
  AccessPackageRecord,
  AccessPackageRequestRecord,
  CatalogRecord,
  ConnectedOrganizationRecord,
  GroupRecord,
  GroupRequestRecord,
  SeedData,
  SubjectRecord,
  UserRecord,
} from "../model";
import type {
  DirectoryRoleDefinitionRecord,
  DirectoryRoleRequestRecord,
  GovernanceResourceRecord,
  GovernanceRoleDefinitionRecord,
  GovernanceRoleRequestRecord,
  PrivilegedRoleRecord,
  PrivilegedRoleRequestRecord,
} from "../model-roles";

export interface EmulatorState {
  users: Map<string, UserRecord>;
  groups: Map<string, GroupRecord>;
  connectedOrganizations: Map<string, ConnectedOrganizationRecord>;
  subjects: Map<string, SubjectRecord>;
  catalogs: Map<string, CatalogRecord>;
  accessPackages: Map<string, AccessPackageRecord>;
  groupAssignmentScheduleRequests: Map<string, GroupRequestRecord>;
  groupEligibilityScheduleRequests: Map<string, GroupRequestRecord>;
  accessPackageAssignmentRequests: Map<string, AccessPackageRequestRecord>;
  governanceResources: Map<string, GovernanceResourceRecord>;
  governanceRoleDefinitions: Map<string, GovernanceRoleDefinitionRecord>;
  governanceRoleAssignmentRequests: Map<string, GovernanceRoleRequestRecord>;
  privilegedRoles: Map<string, PrivilegedRoleRecord>;
  privilegedRoleAssignmentRequests: Map<string, PrivilegedRoleRequestRecord>;
  directoryRoleDefinitions: Map<string, DirectoryRoleDefinitionRecord>;
  directoryRoleAssignmentScheduleRequests: Map<string, DirectoryRoleRequestRecord>;
  directoryRoleEligibilityScheduleRequests: Map<string, DirectoryRoleRequestRecord>;
}

const byId = <T extends { id: string }>(items: readonly T[]) => new Map(items.map((item) => [item.id, item]));

export function stateFromSeed(seed: SeedData): EmulatorState {
  const copy = structuredClone(seed);
  return {
    users: byId(copy.users),
    groups: byId(copy.groups),
    connectedOrganizations: byId(copy.connectedOrganizations),
    subjects: byId(copy.subjects),
    catalogs: byId(copy.catalogs),
    accessPackages: byId(copy.accessPackages),
    groupAssignmentScheduleRequests: byId(copy.groupAssignmentScheduleRequests),
    groupEligibilityScheduleRequests: byId(copy.groupEligibilityScheduleRequests),
    accessPackageAssignmentRequests: byId(copy.accessPackageAssignmentRequests),
    governanceResources: byId(copy.governanceResources),
    governanceRoleDefinitions: byId(copy.governanceRoleDefinitions),
    governanceRoleAssignmentRequests: byId(copy.governanceRoleAssignmentRequests),
    privilegedRoles: byId(copy.privilegedRoles),
    privilegedRoleAssignmentRequests: byId(copy.privilegedRoleAssignmentRequests),
    directoryRoleDefinitions: byId(copy.directoryRoleDefinitions),
    directoryRoleAssignmentScheduleRequests: byId(copy.directoryRoleAssignmentScheduleRequests),
    directoryRoleEligibilityScheduleRequests: byId(copy.directoryRoleEligibilityScheduleRequests),
  };
}
