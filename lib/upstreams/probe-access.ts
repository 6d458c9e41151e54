import "server-only";
import { armCategories } from "@/lib/categories/registry";
import type { AppError, Upstream } from "@/lib/errors/app-error";
import type { AccessReport, CategoryAccess } from "@/lib/requests/category-access";
import { probeArmAccess } from "@/lib/arm/probe-access";
import { probeGraphAccess } from "@/lib/graph/probe-access";

/**
 * What each category lets the user list, asked of both APIs side by side. Without an ARM token (the browser could
 * not get one: no consent, or a tenant without Azure) the Azure categories are unavailable with that reason; the
 * Graph categories are unaffected, and the reverse holds too.
 */
export async function probeAccess(tokens: Partial<Record<Upstream, string>>): Promise<AccessReport> {
  const arm = armCategories();
  const [graphReport, armAccess] = await Promise.all([
    probeGraphAccess(tokens.graph!),
    tokens.arm ? probeArmAccess(arm, tokens.arm).then((report) => report.categories) : Promise.resolve(arm.map(withoutToken)),
  ]);
  return { ...graphReport, categories: [...graphReport.categories, ...armAccess] };
}

function withoutToken(category: { summary: { slug: CategoryAccess["category"] } }): CategoryAccess {
  const refused = {
    available: false,
    code: "unauthenticated" as AppError["code"],
    message: "Request Desk has no Azure Resource Manager token for you, so Azure role requests cannot be listed.",
  };
  return { category: category.summary.slug, views: { all: refused, mine: refused } };
}
