import type { CategorySlug, CategorySummary } from "@/lib/requests/pending-request";
import type { ArmCategory, GraphCategory, RequestCategory, Upstream } from "./category-definition";
import { accessPackageCategory } from "./access-package";
import { azureRoleAssignmentCategory } from "./azure-role-assignment";
import { azureRoleEligibilityCategory } from "./azure-role-eligibility";
import { directoryRoleAssignmentCategory } from "./directory-role-assignment";
import { directoryRoleEligibilityCategory } from "./directory-role-eligibility";
import { governanceRoleCategory } from "./governance-role";
import { groupAssignmentCategory } from "./group-assignment";
import { groupEligibilityCategory } from "./group-eligibility";
import { privilegedRoleCategory } from "./privileged-role";

// The one list of categories. Route handlers, the UI and the tests iterate it; adding a category is one module
// plus an entry here.
export const CATEGORY_REGISTRY: readonly RequestCategory<unknown>[] = [
  erase(groupAssignmentCategory),
  erase(groupEligibilityCategory),
  erase(accessPackageCategory),
  erase(directoryRoleAssignmentCategory),
  erase(directoryRoleEligibilityCategory),
  erase(governanceRoleCategory),
  erase(privilegedRoleCategory),
  erase(azureRoleAssignmentCategory),
  erase(azureRoleEligibilityCategory),
];

// Each module's schema and mapper are typed together, so forgetting the entity type here is safe: the registry
// only ever hands a value its own schema produced to its own mapper.
function erase<Entity>(category: RequestCategory<Entity>): RequestCategory<unknown> {
  return category as unknown as RequestCategory<unknown>;
}

export function findCategory(slug: string): RequestCategory<unknown> | undefined {
  return CATEGORY_REGISTRY.find((c) => c.summary.slug === slug);
}

export function categorySummaries(): CategorySummary[] {
  return CATEGORY_REGISTRY.map((c) => ({
    ...c.summary,
    upstream: c.upstream,
    cancelEffect: c.cancelEffect,
    permissions: c.permissions,
    adminRoles: c.adminRoles,
    registeredScopes: c.registeredScopes,
    cancelRoles: c.upstream === "arm" ? c.cancelActionRoles : (c.cancelRoles?.names ?? []),
  }));
}

export function registeredSlugs(): CategorySlug[] {
  return CATEGORY_REGISTRY.map((c) => c.summary.slug);
}

/**
 * Every delegated permission the categories of one API need: the app registration lists exactly these (plus Graph's
 * User.Read for sign-in).
 */
export function registeredScopes(upstream: Upstream = "graph"): string[] {
  return [...new Set(CATEGORY_REGISTRY.filter((c) => c.upstream === upstream).flatMap((c) => c.registeredScopes))].sort();
}

/** The categories of one upstream, for the work only that upstream does (the access probe's `$batch`). */
export function graphCategories(): GraphCategory<unknown>[] {
  return CATEGORY_REGISTRY.filter((c): c is GraphCategory<unknown> => c.upstream === "graph");
}

export function armCategories(): ArmCategory<unknown>[] {
  return CATEGORY_REGISTRY.filter((c): c is ArmCategory<unknown> => c.upstream === "arm");
}
