"use client";

import { useQueries, type UseQueryResult } from "@tanstack/react-query";
import { useAccessToken } from "@/lib/auth/use-access-token";
import type { AppError } from "@/lib/errors/app-error";
import type { ViewAccess } from "@/lib/requests/category-access";
import type { CategorySlug, CategorySummary, PendingRequest, RequestView, SkippedScope } from "@/lib/requests/pending-request";
import { requestListOptions, type RequestList } from "./request-queries";
import { hasRetired } from "@/lib/requests/retirement";

/**
 * - loading: nothing yet; ready: rows (more pages may still be coming, see `stillLoading`);
 * - refused: Graph does not let this user list this view; error: it failed;
 * - retired: a retired API that answers with nothing, which is what Microsoft says it now does.
 */
export type FeedState = "loading" | "ready" | "refused" | "error" | "retired";

export interface CategoryFeed {
  summary: CategorySummary;
  state: FeedState;
  items: PendingRequest[];
  /** Pages of the first answer are still arriving: the rows so far are not the whole list. */
  stillLoading: boolean;
  /** A complete list is on screen and Graph is being asked again (Refresh, or after a cancel). */
  refreshing: boolean;
  /** When Graph's answer now shown arrived (ms since epoch); 0 before the first. */
  updatedAt: number;
  error: AppError | null;
  access: ViewAccess | undefined;
  /** Parts of the list the upstream would not show (Azure scopes that refused): the rest is shown. */
  skippedScopes: SkippedScope[];
  refetch: () => void;
}

// One shared empty list, so a category still loading keeps the same identity from render to render.
const NO_ITEMS: PendingRequest[] = [];
const NO_SCOPES: SkippedScope[] = [];

/** Every category's requests for one view, fetched side by side; one failing category leaves the others alone. */
export function useRequestQueue(
  categories: CategorySummary[],
  view: RequestView,
  access: Map<CategorySlug, Record<RequestView, ViewAccess>>,
  /** False until the access probe has answered, so no list is fetched for a view the user will not get. */
  ready: boolean,
): { feeds: CategoryFeed[]; allItems: PendingRequest[] } {
  const getToken = useAccessToken();
  const { results, allItems } = useQueries({
    queries: categories.map((c) =>
      requestListOptions(c.slug, view, getToken, ready && access.get(c.slug)?.[view]?.available !== false),
    ),
    combine: withAllItems,
  });
  const feeds = categories.map((summary, index): CategoryFeed => {
    const result = results[index]!;
    const viewAccess = access.get(summary.slug)?.[view];
    const items = result.data?.items ?? NO_ITEMS;
    const complete = result.data?.complete ?? false;
    const error = (result.error as AppError | null) ?? null;
    const fetching = result.fetchStatus === "fetching";
    return {
      summary,
      state: feedState(summary, viewAccess, result.status, items, error),
      items,
      stillLoading: fetching && !complete,
      refreshing: fetching && complete,
      updatedAt: result.dataUpdatedAt,
      error,
      access: viewAccess,
      skippedScopes: result.data?.skippedScopes ?? NO_SCOPES,
      refetch: () => void result.refetch(),
    };
  });
  return { feeds, allItems };
}

// A stable (module-level) combine: TanStack Query then recomputes it only when a query's result changes, so
// the 10,000-row concatenation is not redone on every keystroke.
function withAllItems(results: Array<UseQueryResult<RequestList>>) {
  return { results, allItems: results.flatMap((r) => r.data?.items ?? NO_ITEMS) };
}

/** A category that cannot show rows (refused, failed, retired) and so has a notice of its own. */
export function needsNotice(feed: Pick<CategoryFeed, "state">): boolean {
  return feed.state === "refused" || feed.state === "error" || feed.state === "retired";
}

/** How one category's list reads; exported for its tests. */
export function feedState(
  summary: CategorySummary,
  access: ViewAccess | undefined,
  status: "pending" | "error" | "success",
  items: PendingRequest[],
  error: AppError | null,
  now: Date = new Date(),
): FeedState {
  // Refused by a retired API: it would answer nothing if granted, so it reads as retired (with its successors), not as
  // a permission to ask an administrator for.
  if (access?.available === false) return hasRetired(summary.retirement?.date, now) ? "retired" : "refused";
  // What a retired API does: answer with nothing (the emulator's GRAPH_B_RETIRED mode), or its endpoint is gone
  // ("not found"). Any other failure (a Graph 5xx, throttling) is a failure like any category's, with Try again.
  if (summary.retirement && status === "success" && items.length === 0) return "retired";
  if (summary.retirement && status === "error" && error?.code === "not_found") return "retired";
  if (status === "error") return "error";
  if (status === "pending") return "loading";
  return "ready";
}
