"use client";

import { useCallback, useEffect, useState } from "react";
import { parseQueueQuery, queueQueryToParams, type QueueQuery } from "./queue-query";

function fromLocation(): QueueQuery {
  return parseQueueQuery(new URLSearchParams(typeof window === "undefined" ? "" : window.location.search));
}

/**
 * The queue's filters, search and sort, kept in React state (so controls answer at once) and mirrored to the URL
 * with the History API (so a view can be shared, and reloading keeps it) without a server round trip.
 */
export function useQueueQuery(): [QueueQuery, (patch: Partial<QueueQuery>) => void] {
  const [query, setQuery] = useState(fromLocation);
  useEffect(() => {
    // A hand-edited or outdated link may hold values the queue does not know (they fell back to defaults): the
    // address bar then shows what is applied, so the link shared next is the view on screen.
    const applied = queueQueryToParams(fromLocation());
    if (applied.toString() !== new URLSearchParams(window.location.search).toString()) showInAddressBar(applied);
    const onPopState = () => setQuery(fromLocation());
    window.addEventListener("popstate", onPopState);
    return () => window.removeEventListener("popstate", onPopState);
  }, []);
  const update = useCallback((patch: Partial<QueueQuery>) => {
    setQuery((current) => {
      const next = { ...current, ...patch };
      showInAddressBar(queueQueryToParams(next));
      return next;
    });
  }, []);
  return [query, update];
}

function showInAddressBar(params: URLSearchParams): void {
  window.history.replaceState(window.history.state, "", `${window.location.pathname}${params.size > 0 ? `?${params}` : ""}${window.location.hash}`);
}
