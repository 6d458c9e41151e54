import { SEED_LANDMARKS, type CollectionLandmarks, type SeedLandmark } from "../../stand-ins/graph-emulator/seed";
import type { CategorySlug } from "../../lib/requests/pending-request";

/** Each category with its seeded landmarks, the emulator's control collection, and how the app names its ids. */
export interface CategoryUnderTest {
  slug: CategorySlug;
  landmarks: CollectionLandmarks;
  collection: string;
  appId: (landmark: SeedLandmark) => string;
  /** Graph's status after a successful cancel, as the emulator stores it. */
  cancelledStatus: string;
  /** The badge the row ends with once Graph's answer is in. */
  cancelledBadge: string;
  /**
   * Set when Graph lets only holders of this directory role cancel, their own requests included (contract §7 for
   * directory roles): Megan, who holds none, lists her own requests there but is offered no Cancel.
   */
  cancelNeedsRole?: string;
}

const plainId = (landmark: SeedLandmark) => landmark.id;

export const CATEGORIES_UNDER_TEST: CategoryUnderTest[] = [
  { slug: "group-assignment", landmarks: SEED_LANDMARKS.groupAssignment, collection: "groupAssignmentScheduleRequests", appId: plainId, cancelledStatus: "Canceled", cancelledBadge: "Cancelled" },
  { slug: "group-eligibility", landmarks: SEED_LANDMARKS.groupEligibility, collection: "groupEligibilityScheduleRequests", appId: plainId, cancelledStatus: "Canceled", cancelledBadge: "Cancelled" },
  { slug: "access-package", landmarks: SEED_LANDMARKS.accessPackage, collection: "accessPackageAssignmentRequests", appId: plainId, cancelledStatus: "Canceled", cancelledBadge: "Cancelled" },
  {
    slug: "directory-role-assignment",
    landmarks: SEED_LANDMARKS.directoryRoleAssignment,
    collection: "directoryRoleAssignmentScheduleRequests",
    appId: plainId,
    cancelledStatus: "Canceled",
    cancelledBadge: "Cancelled",
    cancelNeedsRole: "Privileged Role Administrator",
  },
  // Contract §9 E-1: a cancelled eligibility request reads Revoked.
  {
    slug: "directory-role-eligibility",
    landmarks: SEED_LANDMARKS.directoryRoleEligibility,
    collection: "directoryRoleEligibilityScheduleRequests",
    appId: plainId,
    cancelledStatus: "Revoked",
    cancelledBadge: "Revoked",
    cancelNeedsRole: "Privileged Role Administrator",
  },
  {
    slug: "governance-role",
    landmarks: SEED_LANDMARKS.governanceRole,
    collection: "governanceRoleAssignmentRequests",
    // The app prefixes PIM v2 ids with their provider, which the cancel path needs.
    appId: (landmark) => `${(landmark as SeedLandmark & { provider: string }).provider}_${landmark.id}`,
    cancelledStatus: "Canceled",
    cancelledBadge: "Cancelled",
  },
  { slug: "privileged-role", landmarks: SEED_LANDMARKS.privilegedRole, collection: "privilegedRoleAssignmentRequests", appId: plainId, cancelledStatus: "Cancelling", cancelledBadge: "Cancelled" },
];

/** The status the emulator stores, whatever shape the collection's record has (A nests it as subStatus). */
export function storedStatus(record: Record<string, unknown>): string {
  return String(record.subStatus ?? record.status);
}
