"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useAccessToken } from "@/lib/auth/use-access-token";
import { itemsOf, requestListOptions } from "@/lib/queries/request-queries";
import { useCancelRequest } from "@/lib/queries/use-cancel-request";
import type { ViewAccess } from "@/lib/requests/category-access";
import type { CategorySummary, PendingRequest, RequestView } from "@/lib/requests/pending-request";
import { CancelRequestDialog } from "./cancel-request-dialog";
import { Notice } from "./notice";
import { RequestsTable } from "./requests-table";
import { TableSkeleton } from "./table-skeleton";

type Feedback = { tone: "error" | "success"; text: string } | null;

export function CategorySection({
  category,
  view,
  access,
}: {
  category: CategorySummary;
  view: RequestView;
  access: ViewAccess | undefined;
}) {
  const getToken = useAccessToken();
  const refused = access?.available === false;
  const query = useInfiniteQuery(requestListOptions(category.slug, view, getToken, !refused));
  const cancel = useCancelRequest();
  const [confirming, setConfirming] = useState<PendingRequest | null>(null);
  const [showClosed, setShowClosed] = useState(false);
  // Rows acted on here stay visible after they close, so the user sees the outcome of what they did.
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [feedback, setFeedback] = useState<Feedback>(null);

  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  const items = itemsOf(query.data);
  const openCount = items.filter((r) => r.isOpen).length;
  const visible = items
    .filter((r) => showClosed || r.isOpen || touched.has(r.id))
    .sort((a, b) => (a.createdDateTime ?? "").localeCompare(b.createdDateTime ?? ""));
  const headingId = `category-${category.slug}`;

  const confirm = (request: PendingRequest) => {
    setConfirming(null);
    setFeedback(null);
    setTouched((prev) => new Set(prev).add(request.id));
    cancel.mutate(
      { request, view },
      {
        onSuccess: () => setFeedback({ tone: "success", text: `Cancelled ${request.principal.displayName}'s request for ${request.target.displayName}.` }),
        onError: (error) =>
          setFeedback({ tone: "error", text: `Could not cancel ${request.principal.displayName}'s request for ${request.target.displayName}. ${error.message}` }),
      },
    );
  };

  return (
    <section aria-labelledby={headingId} data-category={category.slug}>
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <div>
          <h2 id={headingId} className="text-lg font-semibold text-slate-900">
            {category.label}{" "}
            {query.isSuccess && (
              <span className="ml-1 rounded-full bg-slate-200 px-2 py-0.5 text-sm font-semibold text-slate-800" data-testid="open-count">
                {openCount} open
              </span>
            )}
          </h2>
          <p className="text-sm text-slate-700">{category.description}</p>
        </div>
        {query.isSuccess && items.length > openCount && (
          <label className="flex items-center gap-2 text-sm text-slate-800">
            <input type="checkbox" checked={showClosed} onChange={(e) => setShowClosed(e.target.checked)} className="size-4" />
            Show closed requests ({items.length - openCount})
          </label>
        )}
      </div>

      <div className="mt-3 space-y-3">
        {feedback && (
          <Notice tone={feedback.tone} title={feedback.tone === "error" ? "Cancel refused" : "Request cancelled"} role={feedback.tone === "error" ? "alert" : "status"}>
            {feedback.text}
          </Notice>
        )}
        {refused && (
          <Notice tone="info" title="Not available to you">
            {access.message}
          </Notice>
        )}
        {!refused && query.isPending && <TableSkeleton label={`Loading ${category.label} requests`} />}
        {query.isError && (
          <Notice
            tone="error"
            title={`${category.label} could not be loaded`}
            action={
              <button type="button" onClick={() => void query.refetch()} className="rounded-md border border-current px-3 py-1 text-sm font-medium">
                Try again
              </button>
            }
          >
            {query.error.message}
          </Notice>
        )}
        {query.isSuccess && visible.length === 0 && (
          <p className="rounded-md border border-dashed border-slate-300 bg-white px-4 py-6 text-center text-sm text-slate-700">
            {items.length === 0 ? "No requests in this category." : "Nothing is waiting here: every request is closed."}
          </p>
        )}
        {query.isSuccess && visible.length > 0 && (
          <RequestsTable caption={`${category.label} requests`} requests={visible} onCancel={setConfirming} />
        )}
      </div>
      <CancelRequestDialog request={confirming} onConfirm={confirm} onClose={() => setConfirming(null)} />
    </section>
  );
}
