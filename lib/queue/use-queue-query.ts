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
    const onPopState = () => setQuery(fromLocation());
    window.addEventListener("popstate", onPopState);
    return () => window.removeEventListener("popstate", onPopState);
  }, []);
  const update = useCallback((patch: Partial<QueueQuery>) => {
    setQuery((current) => {
      const next = { ...current, ...patch };
      const params = queueQueryToParams(next);
      window.history.replaceState(window.history.state, "", `${window.location.pathname}${params.size > 0 ? `?${params}` : ""}`);
      return next;
    });
  }, []);
  return [query, update];
}
