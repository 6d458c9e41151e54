"use client";

import type { CategoryFeed } from "@/lib/queries/use-request-queue";
import type { CategorySummary, PendingRequest } from "@/lib/requests/pending-request";
import { ExportViewButton } from "./export-view-button";
import { QueueFreshness } from "./queue-freshness";

/** Above the table: how many rows and how fresh, and what can be done with them (export, cancel the selection). */
export function QueueSummaryBar({
  rows,
  loadingMore,
  feeds,
  categories,
  selectedCount,
  canCancelSelected,
  onCancelSelected,
  bulkRunning,
}: {
  rows: readonly PendingRequest[];
  loadingMore: boolean;
  feeds: readonly CategoryFeed[];
  categories: ReadonlyMap<string, CategorySummary>;
  selectedCount: number;
  canCancelSelected: boolean;
  onCancelSelected: () => void;
  bulkRunning: boolean;
}) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-3 text-sm text-slate-800">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <p aria-live="polite" data-testid="row-count">
          {rows.length} request{rows.length === 1 ? "" : "s"}
          {loadingMore ? " so far, loading more…" : ""}
        </p>
        <QueueFreshness feeds={feeds} holdRefresh={bulkRunning} />
      </div>
      <div className="flex items-center gap-3">
        <ExportViewButton rows={rows} categories={categories} partial={loadingMore} />
        <button
          type="button"
          disabled={!canCancelSelected || bulkRunning}
          onClick={onCancelSelected}
          className="rounded-md bg-red-700 px-4 py-1.5 font-semibold text-white hover:bg-red-800 disabled:bg-slate-300 disabled:text-slate-700"
        >
          Cancel selected ({selectedCount})
        </button>
      </div>
    </div>
  );
}
