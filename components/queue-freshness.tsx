"use client";

import { useIsMutating, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { CategoryFeed } from "@/lib/queries/use-request-queue";
import { requestKeys } from "@/lib/queries/request-queries";
import { formatAbsolute, formatRelative } from "@/lib/requests/format-dates";

// Often enough that "Updated 1 minute ago" never lags a whole minute behind.
const TICK_MS = 20_000;

/**
 * How old the queue on screen is, and a Refresh that asks Graph again for every category. Someone else may approve
 * or cancel a request in another portal at any time; the lists are not refetched behind the admin's back (10,000
 * rows cost seconds of Graph paging), so they decide when. Held while a bulk run is under way: its rows already
 * say what is happening to them, and the lists are fetched again when it ends.
 */
export function QueueFreshness({ feeds, holdRefresh }: { feeds: readonly CategoryFeed[]; holdRefresh: boolean }) {
  const queryClient = useQueryClient();
  const now = useNow(TICK_MS);
  const answered = feeds.filter((f) => f.updatedAt > 0);
  // A single cancel in flight holds it too: a list fetched before Graph has the cancel would undo the row's
  // "Cancelled" until the cancel's own refetch.
  const cancelling = useIsMutating() > 0;
  const refreshing = feeds.some((f) => f.refreshing);
  const held = refreshing || holdRefresh || cancelling || feeds.some((f) => f.stillLoading);
  if (answered.length === 0) return null;
  // The oldest answer is what the queue as a whole can vouch for.
  const oldest = new Date(Math.min(...answered.map((f) => f.updatedAt))).toISOString();
  return (
    <span className="flex items-center gap-2 text-slate-700">
      <span title={formatAbsolute(oldest)} data-testid="queue-updated">
        Updated {formatRelative(oldest, now)}
      </span>
      {/* aria-disabled, not disabled: a disabled button drops keyboard focus to the page the moment it is pressed. */}
      <button
        type="button"
        aria-disabled={held}
        onClick={() => {
          if (!held) void queryClient.invalidateQueries({ queryKey: requestKeys.lists() });
        }}
        className="rounded-md border border-slate-300 bg-white px-3 py-1 font-medium text-slate-800 hover:bg-slate-100 aria-disabled:cursor-not-allowed aria-disabled:text-slate-500 aria-disabled:hover:bg-white"
      >
        {refreshing ? "Refreshing…" : "Refresh"}
      </button>
    </span>
  );
}

function useNow(intervalMs: number): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
