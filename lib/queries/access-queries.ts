import { queryOptions } from "@tanstack/react-query";
import type { GetToken } from "@/lib/auth/token-request";
import { apiFetch } from "@/lib/client/api-client";
import type { AccessReport } from "@/lib/requests/category-access";
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
      const access = await apiFetch<AccessReport>("/api/access", getToken);
      rememberAccess(homeAccountId, access);
      return access;
    },
    initialData: () => rememberedAccess(homeAccountId),
    // Remembered, never trusted: older than any staleTime, so the probe runs on mount.
    initialDataUpdatedAt: 0,
    staleTime: 5 * 60_000,
  });
}
