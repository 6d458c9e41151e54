// The seeded tenant the Graph emulator starts from (and returns to on POST /_emulator/reset), plus named
// landmark requests for tests. Deterministic: fixed reference date (SEED_REFERENCE_DATE), ids derived from names,
// a seeded PRNG for generated extras. Imported by e2e tests, so it must stay free of server code.

import { DEMO_PEOPLE } from "../demo-tenant";
import type { SeedData } from "./model";
import { ACCESS_PACKAGE_ROWS, seedAccessPackageRequests } from "./seed/access-package-seed";
import { buildDirectory, EXTERNAL_SUBJECT } from "./seed/directory-seed";
import { generateExtras } from "./seed/extra-requests";
import { GROUP_ASSIGNMENT_ROWS, GROUP_ELIGIBILITY_ROWS, seedGroupRequests } from "./seed/group-request-seed";

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
  };
  const extra = options.extraRequestsPerCollection ?? 0;
  if (extra > 0) generateExtras(seed, extra);
  return seed;
}

/** A seeded request a test can rely on. `principalId` is the target person's oid (D: the request's target). */
export interface SeedLandmark {
  id: string;
  justification: string;
  status: string;
  principalId: string;
  principalDisplayName: string;
  targetDisplayName: string;
}

/**
 * Per collection, for Adele (admin), Megan and a colleague:
 * - `…Cancellable`: open and cancellable (PendingApproval, or the D detail status PendingApproval);
 * - `…NotCancellable`: still open (so the UI lists it by default) but past the point of cancelling
 *   (PendingProvisioning / PendingScheduleCreation for C, Delivering for D);
 * - `…Closed`: final (Provisioned / ScheduleCreated for C, Delivered for D), listed only with closed requests.
 */
export interface CollectionLandmarks {
  adminCancellable: SeedLandmark;
  adminNotCancellable: SeedLandmark;
  adminClosed: SeedLandmark;
  meganCancellable: SeedLandmark;
  meganNotCancellable: SeedLandmark;
  meganClosed: SeedLandmark;
  colleagueCancellable: SeedLandmark;
  colleagueNotCancellable: SeedLandmark;
  colleagueClosed: SeedLandmark;
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

function landmarks(
  rows: ReadonlyArray<{ landmark?: string; who: string; justification: string }>,
  toLandmark: (index: number) => SeedLandmark,
): CollectionLandmarks {
  const found = Object.fromEntries(
    LANDMARK_KEYS.map((key) => {
      const index = rows.findIndex((row) => row.landmark === key);
      if (index < 0) throw new Error(`Seed has no landmark ${key}`);
      return [key, toLandmark(index)];
    }),
  );
  return found as unknown as CollectionLandmarks;
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
  return {
    groupAssignment: landmarks(GROUP_ASSIGNMENT_ROWS, groupLandmark(seed.groupAssignmentScheduleRequests)),
    groupEligibility: landmarks(GROUP_ELIGIBILITY_ROWS, groupLandmark(seed.groupEligibilityScheduleRequests)),
    accessPackage: landmarks(ACCESS_PACKAGE_ROWS, packageLandmark),
  };
}

/**
 * Named requests for tests, e.g. `SEED_LANDMARKS.groupAssignment.colleagueCancellable` (Alex's PendingApproval
 * request, which Adele may cancel and Megan may not). Statuses: the v1.0 `status` text (D: detail status).
 */
export const SEED_LANDMARKS = buildLandmarks();
