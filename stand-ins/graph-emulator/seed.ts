// The seeded tenant the Graph emulator starts from (and returns to on POST /_emulator/reset), plus named
// landmark requests for tests. Deterministic: dates from the reference day (SEED_REFERENCE_DATE), ids derived from names,
// a seeded PRNG for generated extras. Imported by e2e tests, so it must stay free of server code.

import { DEMO_PEOPLE } from "../demo-tenant";
import type { SeedData } from "./model";
import type { DirectoryRoleRequestRecord, GovernanceProvider } from "./model-roles";
import { ACCESS_PACKAGE_ROWS, seedAccessPackageRequests } from "./seed/access-package-seed";
import { DIRECTORY_ROLE_ASSIGNMENT_ROWS, DIRECTORY_ROLE_ELIGIBILITY_ROWS, seedDirectoryRoleDefinitions, seedDirectoryRoleRequests } from "./seed/directory-role-seed";
import { buildDirectory, EXTERNAL_SUBJECT } from "./seed/directory-seed";
import { generateExtras } from "./seed/extra-requests";
import { generateRoleExtras } from "./seed/extra-role-requests";
import { GOVERNANCE_REQUEST_ROWS, seedGovernanceRequests } from "./seed/governance-request-seed";
import { buildGovernanceCatalog } from "./seed/governance-seed";
import { GROUP_ASSIGNMENT_ROWS, GROUP_ELIGIBILITY_ROWS, seedGroupRequests } from "./seed/group-request-seed";
import { PRIVILEGED_ROLE_ROWS, PRIVILEGED_ROLES, seedPrivilegedRoleRequests } from "./seed/privileged-role-seed";

export { SEED_REFERENCE_DATE } from "./seed/seed-kit";
export type { SeedData } from "./model";

export interface SeedOptions {
  /** Generated requests added to each request collection (colleagues and extra users only). Default 0. */
  extraRequestsPerCollection?: number;
  /** Generated directory users (`user0001@contoso.test`, …) for large tenants. Default 0. */
  extraUsers?: number;
}

export function buildSeed(options: SeedOptions = {}): SeedData {
  const directory = buildDirectory(options.extraUsers ?? 0);
  const seed: SeedData = {
    ...directory,
    groupAssignmentScheduleRequests: seedGroupRequests("assignment", directory.groups),
    groupEligibilityScheduleRequests: seedGroupRequests("eligibility", directory.groups),
    accessPackageAssignmentRequests: seedAccessPackageRequests(),
    ...buildGovernanceCatalog(directory.groups),
    governanceRoleAssignmentRequests: seedGovernanceRequests(),
    privilegedRoles: PRIVILEGED_ROLES.map((r) => ({ ...r })),
    privilegedRoleAssignmentRequests: seedPrivilegedRoleRequests(),
    directoryRoleDefinitions: seedDirectoryRoleDefinitions(),
    directoryRoleAssignmentScheduleRequests: seedDirectoryRoleRequests("assignment"),
    directoryRoleEligibilityScheduleRequests: seedDirectoryRoleRequests("eligibility"),
  };
  const extra = options.extraRequestsPerCollection ?? 0;
  if (extra > 0) {
    generateExtras(seed, extra);
    generateRoleExtras(seed, extra);
  }
  return seed;
}

/**
 * A seeded request a test can rely on. `principalId` is the target person's oid (D: the request's target; A: the
 * subject; B: the userId). `targetDisplayName` is the group (C), access package (D) or role (A, B, E).
 */
export interface SeedLandmark {
  id: string;
  justification: string;
  status: string;
  principalId: string;
  principalDisplayName: string;
  targetDisplayName: string;
}

/** Category A landmarks also name the provider (the `{provider}` path segment) and the governance resource. */
export interface GovernanceLandmark extends SeedLandmark {
  provider: GovernanceProvider;
  resourceDisplayName: string;
}

/**
 * Per collection, for Adele (admin), Megan and a colleague:
 * - `…Cancellable`: open and cancellable (PendingApproval, or the D detail status PendingApproval);
 * - `…NotCancellable`: still open (so the UI lists it by default) but past the point of cancelling
 *   (PendingProvisioning / PendingScheduleCreation for C, Delivering for D);
 * - `…Closed`: final (Provisioned / ScheduleCreated for C, Delivered for D), listed only with closed requests.
 */
export interface CollectionLandmarks<L extends SeedLandmark = SeedLandmark> {
  adminCancellable: L;
  adminNotCancellable: L;
  adminClosed: L;
  meganCancellable: L;
  meganNotCancellable: L;
  meganClosed: L;
  colleagueCancellable: L;
  colleagueNotCancellable: L;
  colleagueClosed: L;
}

const LANDMARK_KEYS = [
  "adminCancellable",
  "adminNotCancellable",
  "adminClosed",
  "meganCancellable",
  "meganNotCancellable",
  "meganClosed",
  "colleagueCancellable",
  "colleagueNotCancellable",
  "colleagueClosed",
] as const;

function landmarks<L extends SeedLandmark>(
  rows: ReadonlyArray<{ landmark?: string; who: string }>,
  toLandmark: (index: number) => L,
): CollectionLandmarks<L> {
  const found = Object.fromEntries(
    LANDMARK_KEYS.map((key) => {
      const index = rows.findIndex((row) => row.landmark === key);
      if (index < 0) throw new Error(`Seed has no landmark ${key}`);
      return [key, toLandmark(index)];
    }),
  );
  return found as unknown as CollectionLandmarks<L>;
}

function buildLandmarks() {
  const seed = buildSeed();
  const person = (oid: string) => DEMO_PEOPLE.find((p) => p.oid === oid)?.displayName ?? oid;
  const group = (id: string) => seed.groups.find((g) => g.id === id)?.displayName ?? id;
  const groupLandmark = (records: SeedData["groupAssignmentScheduleRequests"]) => (index: number) => {
    const r = records[index]!;
    return { id: r.id, justification: r.justification, status: r.status, principalId: r.principalId, principalDisplayName: person(r.principalId), targetDisplayName: group(r.groupId) };
  };
  const packageLandmark = (index: number): SeedLandmark => {
    const r = seed.accessPackageAssignmentRequests[index]!;
    const subject = seed.subjects.find((s) => s.id === r.targetSubjectId) ?? EXTERNAL_SUBJECT;
    const target = seed.accessPackages.find((p) => p.id === r.accessPackageId)?.displayName ?? r.accessPackageId;
    return { id: r.id, justification: r.justification ?? "", status: r.status, principalId: subject.objectId ?? subject.id, principalDisplayName: subject.displayName, targetDisplayName: target };
  };
  const governanceLandmark = (index: number): GovernanceLandmark => {
    const r = seed.governanceRoleAssignmentRequests[index]!;
    const role = seed.governanceRoleDefinitions.find((d) => d.id === r.roleDefinitionId)?.displayName ?? r.roleDefinitionId;
    const resource = seed.governanceResources.find((g) => g.id === r.resourceId)?.displayName ?? r.resourceId;
    return { id: r.id, justification: r.reason, status: r.subStatus, principalId: r.subjectId, principalDisplayName: person(r.subjectId), targetDisplayName: role, provider: r.provider, resourceDisplayName: resource };
  };
  const privilegedLandmark = (index: number): SeedLandmark => {
    const r = seed.privilegedRoleAssignmentRequests[index]!;
    const role = seed.privilegedRoles.find((p) => p.id === r.roleId)?.name ?? r.roleId;
    return { id: r.id, justification: r.reason, status: r.status, principalId: r.userId, principalDisplayName: person(r.userId), targetDisplayName: role };
  };
  const directoryRoleLandmark = (records: readonly DirectoryRoleRequestRecord[]) => (index: number): SeedLandmark => {
    const r = records[index]!;
    const role = seed.directoryRoleDefinitions.find((d) => d.id === r.roleDefinitionId)?.displayName ?? r.roleDefinitionId;
    return { id: r.id, justification: r.justification ?? "", status: r.status, principalId: r.principalId, principalDisplayName: person(r.principalId), targetDisplayName: role };
  };
  return {
    groupAssignment: landmarks(GROUP_ASSIGNMENT_ROWS, groupLandmark(seed.groupAssignmentScheduleRequests)),
    groupEligibility: landmarks(GROUP_ELIGIBILITY_ROWS, groupLandmark(seed.groupEligibilityScheduleRequests)),
    accessPackage: landmarks(ACCESS_PACKAGE_ROWS, packageLandmark),
    governanceRole: landmarks(GOVERNANCE_REQUEST_ROWS, governanceLandmark),
    privilegedRole: landmarks(PRIVILEGED_ROLE_ROWS, privilegedLandmark),
    directoryRoleAssignment: landmarks(DIRECTORY_ROLE_ASSIGNMENT_ROWS, directoryRoleLandmark(seed.directoryRoleAssignmentScheduleRequests)),
    directoryRoleEligibility: landmarks(DIRECTORY_ROLE_ELIGIBILITY_ROWS, directoryRoleLandmark(seed.directoryRoleEligibilityScheduleRequests)),
  };
}

/**
 * Named requests for tests, e.g. `SEED_LANDMARKS.groupAssignment.colleagueCancellable` (Alex's PendingApproval
 * request, which Adele may cancel and Megan may not). Statuses: the v1.0 `status` text (D: detail status; A: the
 * `status.subStatus`; B: `status`). Where a status model has no open-but-not-cancellable status, NotCancellable
 * is still an open one here: A PendingProvisioning/ProvisioningStarted/PendingEvaluation, B Approved/NotStarted/
 * Cancelling, E PendingScheduleCreation/PendingProvisioning (E also cancels requests awaiting approval by default,
 * so those are not landmarks). E's Cancellable landmarks are Granted, cancellable in either mode.
 */
export const SEED_LANDMARKS = buildLandmarks();
