"use client";

import { useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { parseQueueQuery, queueQueryToParams, type QueueQuery } from "./queue-query";

/**
 * The queue's filters, search and sort, read from and written to the URL. Writing uses the History API, which
 * Next.js keeps in sync with useSearchParams without a server round trip, so typing in the search box stays fast.
 */
export function useQueueQuery(): [QueueQuery, (patch: Partial<QueueQuery>) => void] {
  const searchParams = useSearchParams();
  const query = useMemo(() => parseQueueQuery(new URLSearchParams(searchParams.toString())), [searchParams]);
  const update = useCallback(
    (patch: Partial<QueueQuery>) => {
      const params = queueQueryToParams({ ...query, ...patch });
      const search = params.size > 0 ? `?${params}` : "";
      window.history.replaceState(null, "", `${window.location.pathname}${search}`);
    },
    [query],
  );
  return [query, update];
}
