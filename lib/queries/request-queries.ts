import { experimental_streamedQuery as streamedQuery, queryOptions } from "@tanstack/react-query";
import type { GetToken } from "@/lib/auth/token-request";
import { apiFetch } from "@/lib/client/api-client";
import { upstreamOf, type CategorySlug, type PendingRequest, type RequestPage, type RequestView, type SkippedScope } from "@/lib/requests/pending-request";
import { requestPages, type StreamedPage } from "./request-pages";

// One key factory for every request query, shared by useQueries, invalidation and optimistic writes.
export const requestKeys = {
  all: ["requests"] as const,
  lists: () => [...requestKeys.all, "list"] as const,
  category: (category: CategorySlug) => [...requestKeys.lists(), category] as const,
  list: (category: CategorySlug, view: RequestView) => [...requestKeys.category(category), view] as const,
};

/** A category's requests as far as they have arrived, and whether Graph's last page is among them. */
export interface RequestList {
  items: PendingRequest[];
  complete: boolean;
  /** What the upstream left out of the list for this user (see RequestPage). */
  skippedScopes: SkippedScope[];
}

const EMPTY_LIST: RequestList = { items: [], complete: false, skippedScopes: [] };

/**
 * A category's requests, page after page: the query has data (and the table rows) as soon as the first page
 * arrives, and keeps fetching until the server's cursor runs out. A refetch keeps the rows on screen and swaps
 * them when the new list is complete.
 */
export function requestListOptions(
  category: CategorySlug,
  view: RequestView,
  getToken: GetToken,
  enabled = true,
) {
  // The token getter is not part of the key: it belongs to the signed-in account, and signing out leaves the page.
  return queryOptions({
    queryKey: requestKeys.list(category, view),
    enabled,
    queryFn: streamedQuery<StreamedPage, RequestList>({
      streamFn: () => requestPages((cursor) => fetchPage(category, view, getToken, cursor)),
      // Completeness lives with the rows: a list cut short (a cancel stops its fetch) or dropped from the cache
      // and fetched again is never taken for a whole one. A restarted list starts over from its first page.
      reducer: (before, page) => {
        const list = page.restarted ? EMPTY_LIST : before;
        return {
          items: [...list.items, ...page.items],
          complete: page.nextCursor === null,
          skippedScopes: page.skippedScopes?.length ? [...list.skippedScopes, ...page.skippedScopes] : list.skippedScopes,
        };
      },
      initialValue: EMPTY_LIST,
      refetchMode: "replace",
    }),
  });
}

function fetchPage(category: CategorySlug, view: RequestView, getToken: GetToken, cursor: string | null): Promise<RequestPage> {
  const params = new URLSearchParams({ category, view });
  if (cursor) params.set("cursor", cursor);
  return apiFetch<RequestPage>(`/api/requests?${params}`, getToken, {}, undefined, [upstreamOf(category)]);
}

/** Replaces one request in a cached list. */
export function replaceItem(
  list: RequestList | undefined,
  id: string,
  update: (item: PendingRequest) => PendingRequest,
): RequestList | undefined {
  return replaceItems(list, (item) => (item.id === id ? update : undefined));
}

/** Replaces every request of a cached list that `updateFor` has an update for, in one pass. */
export function replaceItems(
  list: RequestList | undefined,
  updateFor: (item: PendingRequest) => ((item: PendingRequest) => PendingRequest) | undefined,
): RequestList | undefined {
  return list && { ...list, items: list.items.map((item) => updateFor(item)?.(item) ?? item) };
}
