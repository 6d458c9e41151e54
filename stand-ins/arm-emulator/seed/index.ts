// Contoso's ARM seed (the only tenant this stand-in serves): scopes, built-in roles, principals, RBAC role
// assignments and PIM schedule requests, deterministic for a given reference day (SEED_REFERENCE_DATE, shared with
// the Graph emulator: GRAPH_SEED_AS_OF pins it for both).

import type { ArmSeed } from "../model/records";
import { coverageSpecs } from "./coverage-requests";
import { extraSpecs } from "./extra-requests";
import { LANDMARK_NAMES, landmarkSpec } from "./landmark-requests";
import { SEED_PRINCIPALS } from "./principals";
import { buildRequest } from "./request-builder";
import { SEED_ROLE_ASSIGNMENTS } from "./role-assignments";
import { ROLE_DEFINITIONS } from "./role-definitions";
import { SEED_SCOPES } from "./scopes-seed";
import { REQUEST_KINDS } from "../model/request-kinds";

export { SEED_REFERENCE_DATE } from "../../graph-emulator/seed/seed-kit";
export { ARM_SCOPES, SUBSCRIPTION_IDS } from "./scopes-seed";
export { ROLE_IDS } from "./role-definitions";
export { SEED_LANDMARKS, type ArmLandmark } from "./landmarks";

export interface ArmSeedOptions {
  /** Generated cancellable requests added per kind (benchmarks), at scopes Adele owns. Default 0. */
  extraRequestsPerKind?: number;
}

export function buildArmSeed(options: ArmSeedOptions = {}): ArmSeed {
  const landmarks = REQUEST_KINDS.flatMap(({ kind }) => LANDMARK_NAMES.map((name) => landmarkSpec(kind, name)));
  const specs = [...landmarks, ...coverageSpecs(), ...extraSpecs(options.extraRequestsPerKind ?? 0)];
  return {
    scopes: SEED_SCOPES,
    roleDefinitions: ROLE_DEFINITIONS,
    principals: SEED_PRINCIPALS,
    roleAssignments: SEED_ROLE_ASSIGNMENTS,
    requests: specs.map(buildRequest),
  };
}
