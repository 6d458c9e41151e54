// Every Graph route the emulator serves, and the request collections the control endpoints can reach.
// Adding category A, B or E = one RequestCollection module + one line in COLLECTIONS below.

import { controlFor, requestCollectionRoutes, type RequestCollectionControl } from "../engine/request-collection";
import type { Route } from "../engine/routing";
import { accessPackageRequestCollection } from "./access-package-requests";
import { directoryRoutes } from "./directory";
import { groupRequestCollection } from "./group-requests";

const groupAssignments = groupRequestCollection("assignment");
const groupEligibilities = groupRequestCollection("eligibility");

export const GRAPH_ROUTES: readonly Route[] = [
  ...directoryRoutes,
  ...requestCollectionRoutes(groupAssignments),
  ...requestCollectionRoutes(groupEligibilities),
  ...requestCollectionRoutes(accessPackageRequestCollection),
];

export const REQUEST_COLLECTION_CONTROLS: readonly RequestCollectionControl[] = [
  controlFor(groupAssignments),
  controlFor(groupEligibilities),
  controlFor(accessPackageRequestCollection),
];

export function findRequestCollection(name: string): RequestCollectionControl | undefined {
  return REQUEST_COLLECTION_CONTROLS.find((c) => c.name.toLowerCase() === name.toLowerCase());
}
