import type { ViewAccess } from "@/lib/requests/category-access";
import type { CategorySummary, RequestView } from "@/lib/requests/pending-request";
import { qualifiedArmScopes } from "./arm-scopes";
import type { PublicAuthConfig } from "./auth-config-types";
import { missingPermission } from "./use-granted-scopes";
import { hasRetired } from "@/lib/requests/retirement";

/**
 * The permissions an administrator should grant so that a category its upstream refused can be listed, or none when the
 * refusal is not about consent (a directory role is missing). The answer is the category's registered permissions
 * the tenant has not granted (so one consent lets the user list and cancel, and lists the groups or users the view
 * needs as well), but only when consent is really what stands in the way: the view's own permission, or one it
 * relies on (GroupMember.Read.All to find the groups, User.ReadBasic.All for names), is missing. An admin who
 * granted an equivalent permission instead (RoleManagement.ReadWrite.Directory) is not sent to grant another.
 */
export function consentNeeded(
  summary: CategorySummary,
  view: RequestView,
  granted: ReadonlySet<string> | undefined,
  /** What the access probe said of this view: for ARM, whether the token request failed for want of consent. */
  access: ViewAccess | undefined,
  config: Pick<PublicAuthConfig, "armResource">,
  now: Date = new Date(),
): string[] {
  // A retired API answers nothing whatever is granted: asking a tenant to consent to its permissions would only widen
  // what the app may do (PIM v2's PrivilegedAccess.* for a list that is empty since 28 Oct 2026).
  if (hasRetired(summary.retirement?.date, now)) return [];
  // The Graph grants say nothing about ARM: the ARM token request answers for the Azure categories. It failed with
  // consent_required (AADSTS65001), so the category's ARM permissions, fully qualified as Entra's admin consent
  // endpoint takes them (the cloud's `<ARM resource>/user_impersonation`), are what an administrator must grant.
  if (summary.upstream === "arm") return access?.code === "consent_required" ? qualifiedArmScopes(summary.registeredScopes, config) : [];
  if (!granted) return [];
  const lower = new Set([...granted].map((s) => s.toLowerCase()));
  const missing = summary.registeredScopes.filter((s) => !lower.has(s.toLowerCase()));
  if (missing.length === 0) return [];
  const { listAll, listMine, cancelAll, cancelMine } = summary.permissions;
  const viewBlocked = view === "all" ? missingPermission(listAll, granted, cancelAll) : missingPermission(listMine, granted, cancelMine);
  const operationScopes = new Set([...listAll, ...listMine, ...cancelAll, ...cancelMine].map((s) => s.toLowerCase()));
  const supportMissing = missing.some((s) => !operationScopes.has(s.toLowerCase()));
  return viewBlocked || supportMissing ? missing : [];
}
