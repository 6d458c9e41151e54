import { SEED_LANDMARKS, type CollectionLandmarks, type SeedLandmark } from "../../stand-ins/graph-emulator/seed";
import type { CategorySlug } from "../../lib/requests/pending-request";
import type { RequestKind } from "../../stand-ins/arm-emulator/model/request-kinds";
import { SEED_LANDMARKS as ARM_SEED_LANDMARKS, type ArmLandmark } from "../../stand-ins/arm-emulator/seed";
import type { LandmarkName } from "../../stand-ins/arm-emulator/seed/landmark-requests";
import { encodeArmRequestId } from "../../lib/categories/azure-role-id";
import { findCategory } from "../../lib/categories/registry";

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

/**
 * The app's id of a seeded ARM request, written by the category's own encoder: the scope (base64url, without its
 * leading slash), ".", the request's name.
 */
export function armAppId(landmark: Pick<ArmLandmark, "scope" | "name">): string {
  return encodeArmRequestId({ scope: landmark.scope, name: landmark.name });
}

/** Each ARM category (PIM for Azure resource roles) with the ARM stand-in's landmarks of its kind. */
export interface ArmCategoryUnderTest {
  slug: CategorySlug;
  /** The stand-in's request kind: its control endpoints' path segment. */
  kind: RequestKind;
  landmarks: Record<LandmarkName, ArmLandmark>;
  appId: (landmark: ArmLandmark) => string;
  /** How the row's target line names the kind, before " · <scope kind>". */
  targetKind: string;
}

export const ARM_CATEGORIES_UNDER_TEST: ArmCategoryUnderTest[] = [
  { slug: "azure-role-assignment", kind: "assignment", landmarks: ARM_SEED_LANDMARKS.assignment, appId: armAppId, targetKind: "Azure role assignment" },
  { slug: "azure-role-eligibility", kind: "eligibility", landmarks: ARM_SEED_LANDMARKS.eligibility, appId: armAppId, targetKind: "Azure role eligibility" },
];

/** ARM's status after a successful cancel, for both kinds (stand-in README, "Statuses and the cancel decision"). */
export const ARM_CANCELLED_STATUS = "Canceled";

/**
 * Every category of both upstreams that Microsoft has not retired, in the order of the lists above (which
 * lib/categories/registry.test.ts holds to the registry); retirement is the registry's own word.
 */
export function activeCategorySlugs(): CategorySlug[] {
  return [...CATEGORIES_UNDER_TEST, ...ARM_CATEGORIES_UNDER_TEST].map((c) => c.slug).filter((slug) => findCategory(slug)?.summary.retirement === null);
}
