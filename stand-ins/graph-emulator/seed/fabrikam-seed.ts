// The second tenant, Fabrikam (stand-ins/demo-tenant.ts), as it is the day it signed up for Request Desk: its one
// administrator in the directory, no groups, no catalogues and no requests in any collection. What every tenant has
// from the start stays: Entra's built-in role definitions (E) and the PIM v1 role list (B).

import { FABRIKAM_PEOPLE } from "../../demo-tenant";
import type { SeedData } from "../model";
import { seedDirectoryRoleDefinitions } from "./directory-role-seed";
import { userFrom } from "./directory-seed";
import { PRIVILEGED_ROLES } from "./privileged-role-seed";

export function buildFabrikamSeed(): SeedData {
  return {
    users: FABRIKAM_PEOPLE.map(userFrom),
    groups: [],
    connectedOrganizations: [],
    subjects: [],
    catalogs: [],
    accessPackages: [],
    groupAssignmentScheduleRequests: [],
    groupEligibilityScheduleRequests: [],
    accessPackageAssignmentRequests: [],
    governanceResources: [],
    governanceRoleDefinitions: [],
    governanceRoleAssignmentRequests: [],
    privilegedRoles: PRIVILEGED_ROLES.map((r) => ({ ...r })),
    privilegedRoleAssignmentRequests: [],
    directoryRoleDefinitions: seedDirectoryRoleDefinitions(),
    directoryRoleAssignmentScheduleRequests: [],
    directoryRoleEligibilityScheduleRequests: [],
  };
}
