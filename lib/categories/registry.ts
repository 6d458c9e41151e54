import type { CategorySlug, CategorySummary } from "@/lib/requests/pending-request";
import type { RequestCategory } from "./category-definition";
import { accessPackageCategory } from "./access-package";
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
    cancelEffect: c.cancelEffect,
    permissions: c.permissions,
    adminRoles: c.adminRoles,
    registeredScopes: c.registeredScopes,
  }));
}

export function registeredSlugs(): CategorySlug[] {
  return CATEGORY_REGISTRY.map((c) => c.summary.slug);
}

/** Every Graph permission the categories need: the app registration lists exactly these, plus User.Read for sign-in. */
export function registeredScopes(): string[] {
  return [...new Set(CATEGORY_REGISTRY.flatMap((c) => c.registeredScopes))].sort();
}
