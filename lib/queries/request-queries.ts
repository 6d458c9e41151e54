import { infiniteQueryOptions, type InfiniteData } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-client";
import type { CategorySlug, PendingRequest, RequestPage, RequestView } from "@/lib/requests/pending-request";

// One key factory for every request query, shared by useQuery, invalidation and optimistic writes.
export const requestKeys = {
  all: ["requests"] as const,
  lists: () => [...requestKeys.all, "list"] as const,
  category: (category: CategorySlug) => [...requestKeys.lists(), category] as const,
  list: (category: CategorySlug, view: RequestView) => [...requestKeys.category(category), view] as const,
};

export type RequestPages = InfiniteData<RequestPage, string | null>;

export function requestListOptions(
  category: CategorySlug,
  view: RequestView,
  getToken: () => Promise<string>,
  enabled = true,
) {
  // The token getter is not part of the key: it belongs to the signed-in account, and signing out leaves the page.
  // eslint-disable-next-line @tanstack/query/exhaustive-deps
  return infiniteQueryOptions({
    enabled,
    queryKey: requestKeys.list(category, view),
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({ category, view });
      if (pageParam) params.set("cursor", pageParam);
      return apiFetch<RequestPage>(`/api/requests?${params}`, getToken);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

export function itemsOf(data: { pages: RequestPage[] } | undefined): PendingRequest[] {
  return data?.pages.flatMap((page) => page.items) ?? [];
}

/** Replaces one request in every page of a cached list. */
export function replaceItem(
  data: RequestPages | undefined,
  id: string,
  update: (item: PendingRequest) => PendingRequest,
): RequestPages | undefined {
  if (!data) return data;
  return {
    ...data,
    pages: data.pages.map((page) => ({
      ...page,
      items: page.items.map((item) => (item.id === id ? update(item) : item)),
    })),
  };
}
