// Every Graph route the emulator serves, and the request collections the control endpoints can reach.
// Adding a category = one RequestCollection module + its line in GRAPH_ROUTES and in REQUEST_COLLECTION_CONTROLS.

import { controlFor, requestCollectionRoutes, type RequestCollectionControl } from "../engine/request-collection";
import type { Route } from "../engine/routing";
import { accessPackageRequestCollection } from "./access-package-requests";
import { directoryRoutes } from "./directory";
import { directoryRoleRequestCollection, roleDefinitionRoutes } from "./directory-role-requests";
import { ALL_GOVERNANCE_REQUESTS, GOVERNANCE_REQUEST_COLLECTIONS } from "./governance-role-requests";
import { groupRequestCollection } from "./group-requests";
import { privilegedRoleRequestCollection } from "./privileged-role-requests";
import { roleAssignmentInstanceRoutes } from "./role-assignment-instances";

const groupAssignments = groupRequestCollection("assignment");
const groupEligibilities = groupRequestCollection("eligibility");
const directoryRoleAssignments = directoryRoleRequestCollection("assignment");
const directoryRoleEligibilities = directoryRoleRequestCollection("eligibility");

export const GRAPH_ROUTES: readonly Route[] = [
  ...directoryRoutes,
  ...roleDefinitionRoutes,
  ...roleAssignmentInstanceRoutes,
  ...requestCollectionRoutes(groupAssignments),
  ...requestCollectionRoutes(groupEligibilities),
  ...requestCollectionRoutes(accessPackageRequestCollection),
  // A: one collection per provider (azureResources, aadroles, aadGroups).
  ...GOVERNANCE_REQUEST_COLLECTIONS.flatMap((collection) => requestCollectionRoutes(collection)),
  ...requestCollectionRoutes(privilegedRoleRequestCollection),
  ...requestCollectionRoutes(directoryRoleAssignments),
  ...requestCollectionRoutes(directoryRoleEligibilities),
];

export const REQUEST_COLLECTION_CONTROLS: readonly RequestCollectionControl[] = [
  controlFor(groupAssignments),
  controlFor(groupEligibilities),
  controlFor(accessPackageRequestCollection),
  controlFor(ALL_GOVERNANCE_REQUESTS),
  controlFor(privilegedRoleRequestCollection),
  controlFor(directoryRoleAssignments),
  controlFor(directoryRoleEligibilities),
];

export function findRequestCollection(name: string): RequestCollectionControl | undefined {
  return REQUEST_COLLECTION_CONTROLS.find((c) => c.name.toLowerCase() === name.toLowerCase());
}
