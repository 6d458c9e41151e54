import { queryOptions } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-client";
import type { CategoryAccess } from "@/lib/requests/category-access";

export const accessKeys = { all: ["access"] as const };

export function accessOptions(getToken: () => Promise<string>) {
  // The token getter belongs to the signed-in account; signing out leaves the page, and the cache with it.
  // eslint-disable-next-line @tanstack/query/exhaustive-deps
  return queryOptions({
    queryKey: accessKeys.all,
    queryFn: () => apiFetch<{ categories: CategoryAccess[] }>("/api/access", getToken),
    staleTime: 5 * 60_000,
  });
}
