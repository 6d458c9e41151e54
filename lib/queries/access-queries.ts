import { queryOptions } from "@tanstack/react-query";
import type { GetToken } from "@/lib/auth/token-request";
import { apiFetch } from "@/lib/client/api-client";
import { AppError } from "@/lib/errors/app-error";
import type { AccessReport, ViewAccess } from "@/lib/requests/category-access";
import { upstreamOf } from "@/lib/requests/pending-request";
import { rememberAccess, rememberedAccess } from "./remembered-access";

export const accessKeys = {
  all: ["access"] as const,
  account: (homeAccountId: string) => [...accessKeys.all, homeAccountId] as const,
};

/**
 * What Graph lets this account list, per category and view. Starts from the answer remembered from the last visit
 * (stale at once, so the probe runs anyway) and remembers each fresh answer.
 */
export function accessOptions(homeAccountId: string, getToken: GetToken) {
  // The token getter belongs to the signed-in account, which is in the key.
  // eslint-disable-next-line @tanstack/query/exhaustive-deps
  return queryOptions({
    queryKey: accessKeys.account(homeAccountId),
    queryFn: async () => {
      const access = await probeBothApis(getToken);
      rememberAccess(homeAccountId, access);
      return access;
    },
    initialData: () => rememberedAccess(homeAccountId),
    // Remembered, never trusted: older than any staleTime, so the probe runs on mount.
    initialDataUpdatedAt: 0,
    staleTime: 5 * 60_000,
  });
}

/**
 * The access probe with a Graph token and, when the browser can get one without bothering the user, an ARM token.
 * Without it (no consent for Azure Resource Manager, or Entra wants the user back for Azure) the Azure categories
 * read as unavailable with the reason the token request gave; the Graph categories are untouched.
 */
async function probeBothApis(getToken: GetToken): Promise<AccessReport> {
  const arm = await getToken({ audience: "arm", interactive: false }).catch((error: unknown) =>
    error instanceof AppError ? error : new AppError("unauthenticated", "Request Desk could not get an Azure Resource Manager token for you."),
  );
  const headers: Record<string, string> = typeof arm === "string" ? { "X-ARM-Authorization": `Bearer ${arm}` } : {};
  const report = await apiFetch<AccessReport>("/api/access", getToken, { headers });
  if (typeof arm === "string") return report;
  const refused: ViewAccess = { available: false, code: arm.code, message: arm.message };
  return {
    ...report,
    categories: report.categories.map((c) => (upstreamOf(c.category) === "arm" ? { ...c, views: { all: refused, mine: refused } } : c)),
  };
}
