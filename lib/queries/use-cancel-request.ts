"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useAccessToken } from "@/lib/auth/use-access-token";
import { apiFetch } from "@/lib/client/api-client";
import type { AppError } from "@/lib/errors/app-error";
import { upstreamOf, type PendingRequest, type RequestView } from "@/lib/requests/pending-request";
import { replaceItem, requestKeys, type RequestList } from "./request-queries";

interface CancelVariables {
  request: PendingRequest;
  view: RequestView;
}

interface CancelContext {
  previous: RequestList | undefined;
}

/**
 * Cancels one request optimistically: the row shows "Cancelled" at once, rolls back if Graph refuses, and the
 * list is refetched either way so it ends in Graph's real state.
 */
export function useCancelRequest() {
  const queryClient = useQueryClient();
  const getToken = useAccessToken();
  return useMutation<{ item: PendingRequest | null }, AppError, CancelVariables, CancelContext>({
    // A claims challenge answered by a redirect comes back to the same page and cancels this request then.
    mutationFn: ({ request, view }) =>
      apiFetch(
        `/api/requests/${request.category}/${encodeURIComponent(request.id)}/cancel`,
        getToken,
        { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ view }) },
        { kind: "cancel", request, view },
        [upstreamOf(request.category)],
      ),
    onMutate: async ({ request, view }) => {
      const key = requestKeys.list(request.category, view);
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<RequestList>(key);
      queryClient.setQueryData<RequestList>(key, (data) =>
        replaceItem(data, request.id, (item) => ({ ...item, stage: "cancelled", isOpen: false, cancellable: false })),
      );
      return { previous };
    },
    onError: (_error, { request, view }, context) => {
      queryClient.setQueryData(requestKeys.list(request.category, view), context?.previous);
    },
    onSuccess: ({ item }, { request, view }) => {
      if (item) queryClient.setQueryData<RequestList>(requestKeys.list(request.category, view), (data) => replaceItem(data, request.id, () => item));
    },
    onSettled: (_data, _error, { request }) =>
      queryClient.invalidateQueries({ queryKey: requestKeys.category(request.category) }),
  });
}
