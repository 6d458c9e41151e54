import type { CategoryAccess } from "@/lib/requests/category-access";

// The last answer of the access probe, per account. The dashboard starts listing with it at once instead of waiting
// for the probe's two Graph round trips, and the probe still runs on every visit: when Graph's answer changed
// (a role removed, a permission granted), the dashboard follows the fresh one. Only what the user may list is kept
// here, never any request.
const KEY_PREFIX = "request-desk.access.";

export interface RememberedAccess {
  categories: CategoryAccess[];
  /** Not remembered: roles change with every PIM activation, so only the fresh answer says. */
  directoryRoles: null;
}

export function rememberAccess(homeAccountId: string, access: { categories: CategoryAccess[] }): void {
  try {
    localStorage.setItem(KEY_PREFIX + homeAccountId, JSON.stringify({ categories: access.categories }));
  } catch {
    // Storage full or blocked: the next visit waits for the probe, as a first visit does.
  }
}

export function rememberedAccess(homeAccountId: string): RememberedAccess | undefined {
  try {
    const value = JSON.parse(localStorage.getItem(KEY_PREFIX + homeAccountId) ?? "null") as { categories?: unknown } | null;
    return Array.isArray(value?.categories) && value.categories.every(isCategoryAccess) ? { categories: value.categories, directoryRoles: null } : undefined;
  } catch {
    return undefined;
  }
}

/** Signing out forgets the answer: the next person at this browser starts from what Graph tells them. */
export function forgetAccess(homeAccountId: string): void {
  try {
    localStorage.removeItem(KEY_PREFIX + homeAccountId);
  } catch {
    // Storage blocked: nothing was remembered either.
  }
}

/** Whether someone signed in here before and has not signed out since: a hint, used only to fetch code early. */
export function hasRememberedAccess(): boolean {
  try {
    return Object.keys(localStorage).some((key) => key.startsWith(KEY_PREFIX));
  } catch {
    return false;
  }
}

function isCategoryAccess(value: unknown): value is CategoryAccess {
  const entry = value as Partial<CategoryAccess> | null;
  return (
    typeof entry?.category === "string" &&
    typeof entry.views === "object" &&
    entry.views !== null &&
    typeof entry.views.mine?.available === "boolean" &&
    typeof entry.views.all?.available === "boolean"
  );
}
