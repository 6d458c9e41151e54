"use client";

import { retirementLabel } from "@/lib/requests/format-dates";
import type { CategoryFeed } from "@/lib/queries/use-request-queue";
import type { CategorySlug } from "@/lib/requests/pending-request";

type CategoryFilter = CategorySlug | "all";

/** Category chips with their open counts; "All categories" is the one queue. */
export function QueueFilters({
  feeds,
  filter,
  onFilter,
  countOf,
}: {
  feeds: CategoryFeed[];
  filter: CategoryFilter;
  onFilter: (filter: CategoryFilter) => void;
  countOf: (feed: CategoryFeed) => number;
}) {
  const total = feeds.reduce((sum, feed) => sum + countOf(feed), 0);
  const today = new Date();
  const chip = (value: CategoryFilter, label: string, count: number | null, extra?: string) => (
    <button
      key={value}
      type="button"
      aria-pressed={filter === value}
      onClick={() => onFilter(value)}
      data-filter={value}
      className={`inline-flex items-center gap-2 rounded-full border px-3 py-1 text-sm font-medium ${
        filter === value ? "border-blue-700 bg-blue-700 text-white" : "border-slate-300 bg-white text-slate-800 hover:bg-slate-100"
      }`}
    >
      {label}
      {/* The separators and the count's noun are for screen readers: "Entra roles (PIM v1), retired 31 May 2021, 0 requests". */}
      {extra && (
        <span className={`text-xs ${filter === value ? "text-blue-100" : "text-slate-600"}`}>
          <span className="sr-only">, </span>
          {extra}
        </span>
      )}
      {count !== null && (
        <>
          <span className="sr-only">, </span>
          <span
            data-testid="category-count"
            className={`rounded-full px-1.5 text-xs font-semibold ${filter === value ? "bg-white/20" : "bg-slate-200 text-slate-800"}`}
          >
            {count}
          </span>
          <span className="sr-only">{count === 1 ? " request" : " requests"}</span>
        </>
      )}
    </button>
  );
  return (
    <div role="group" aria-label="Filter by category" className="flex flex-wrap gap-2">
      {chip("all", "All categories", total)}
      {feeds.map((feed) =>
        chip(
          feed.summary.slug,
          feed.summary.label,
          feed.state === "ready" ? countOf(feed) : null,
          feed.summary.retirement ? retirementLabel(feed.summary.retirement.date, today) : undefined,
        ),
      )}
    </div>
  );
}
