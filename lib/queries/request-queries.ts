import { experimental_streamedQuery as streamedQuery, queryOptions } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-client";
import type { CategorySlug, PendingRequest, RequestPage, RequestView } from "@/lib/requests/pending-request";

// One key factory for every request query, shared by useQueries, invalidation and optimistic writes.
export const requestKeys = {
  all: ["requests"] as const,
  lists: () => [...requestKeys.all, "list"] as const,
  category: (category: CategorySlug) => [...requestKeys.lists(), category] as const,
  list: (category: CategorySlug, view: RequestView) => [...requestKeys.category(category), view] as const,
};

/**
 * A category's requests, page after page: the query has data (and the table rows) as soon as the first page
 * arrives, and keeps fetching until the server's cursor runs out. A refetch keeps the rows on screen and swaps
 * them when the new list is complete.
 */
export function requestListOptions(
  category: CategorySlug,
  view: RequestView,
  getToken: () => Promise<string>,
  enabled = true,
) {
  // The token getter is not part of the key: it belongs to the signed-in account, and signing out leaves the page.
  return queryOptions({
    queryKey: requestKeys.list(category, view),
    enabled,
    queryFn: streamedQuery<RequestPage, PendingRequest[]>({
      streamFn: () => pages(category, view, getToken),
      reducer: (items, page) => [...items, ...page.items],
      initialValue: [],
      refetchMode: "replace",
    }),
  });
}

async function* pages(category: CategorySlug, view: RequestView, getToken: () => Promise<string>) {
  let cursor: string | null = null;
  do {
    const params = new URLSearchParams({ category, view });
    if (cursor) params.set("cursor", cursor);
    const page: RequestPage = await apiFetch<RequestPage>(`/api/requests?${params}`, getToken);
    yield page;
    cursor = page.nextCursor;
  } while (cursor);
}

/** Replaces one request in a cached list. */
export function replaceItem(
  items: PendingRequest[] | undefined,
  id: string,
  update: (item: PendingRequest) => PendingRequest,
): PendingRequest[] | undefined {
  return items?.map((item) => (item.id === id ? update(item) : item));
}
