"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useAccessToken } from "@/lib/auth/use-access-token";
import { useGrantedScopes } from "@/lib/auth/use-granted-scopes";
import { accessOptions } from "@/lib/queries/access-queries";
import { useCancelRequest } from "@/lib/queries/use-cancel-request";
import { useRequestQueue, type CategoryFeed } from "@/lib/queries/use-request-queue";
import type { CategorySummary, PendingRequest, RequestView } from "@/lib/requests/pending-request";
import { CancelRequestDialog } from "./cancel-request-dialog";
import { CategoryNotices } from "./category-notices";
import { Notice } from "./notice";
import { PermissionsPanel } from "./permissions-panel";
import { QueueFilters, type CategoryFilter } from "./queue-filters";
import { RequestDetailsDrawer } from "./request-details-drawer";
import { RequestsTable } from "./requests-table";
import { TableSkeleton } from "./table-skeleton";
import { ViewSwitch } from "./view-switch";

type Feedback = { tone: "error" | "success"; text: string } | null;

export function Dashboard({ categories }: { categories: CategorySummary[] }) {
  const getToken = useAccessToken();
  const access = useQuery(accessOptions(getToken));
  const granted = useGrantedScopes();
  const [chosenView, setChosenView] = useState<RequestView | null>(null);
  const [filter, setFilter] = useState<CategoryFilter>("all");
  const [showClosed, setShowClosed] = useState(false);
  const [showRawStatus, setShowRawStatus] = useState(false);
  const [details, setDetails] = useState<PendingRequest | null>(null);
  const [confirming, setConfirming] = useState<PendingRequest | null>(null);
  const [feedback, setFeedback] = useState<Feedback>(null);
  // Rows acted on here stay visible after they close, so the user sees the outcome of what they did.
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const cancel = useCancelRequest();

  const accessByCategory = useMemo(() => new Map(access.data?.categories.map((c) => [c.category, c.views])), [access.data]);
  // "All requests" is offered only when Graph let this user list everyone's requests in some category.
  const canListAll = access.data?.categories.some((c) => c.views.all.available) ?? false;
  const view: RequestView = chosenView ?? (canListAll ? "all" : "mine");
  const feeds = useRequestQueue(categories, view, accessByCategory, !access.isPending);
  const byCategory = useMemo(() => new Map(categories.map((c) => [c.slug, c])), [categories]);

  const isShown = (r: PendingRequest) => showClosed || r.isOpen || touched.has(`${r.category}:${r.id}`);
  const countOf = (feed: CategoryFeed) => feed.items.filter(isShown).length;
  const rows = feeds
    .filter((f) => filter === "all" || f.summary.slug === filter)
    .flatMap((f) => f.items.filter(isShown))
    // Oldest first: the requests that have waited longest are the ones to look at.
    .sort((a, b) => (a.createdDateTime ?? "").localeCompare(b.createdDateTime ?? ""));
  const visibleFeeds = feeds.filter((f) => filter === "all" || f.summary.slug === filter);
  const loading = visibleFeeds.some((f) => f.state === "loading");
  const closedCount = feeds.reduce((sum, f) => sum + f.items.filter((r) => !r.isOpen).length, 0);

  const confirm = (request: PendingRequest) => {
    setConfirming(null);
    setDetails(null);
    setFeedback(null);
    setTouched((prev) => new Set(prev).add(`${request.category}:${request.id}`));
    const who = `${request.principal.displayName}'s request for ${request.target.displayName}`;
    cancel.mutate(
      { request, view },
      {
        onSuccess: () => setFeedback({ tone: "success", text: `Cancelled ${who}.` }),
        onError: (error) => setFeedback({ tone: "error", text: `Could not cancel ${who}. ${error.message}` }),
      },
    );
  };

  return (
    <main className="mx-auto max-w-7xl px-6 py-8">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Pending requests</h1>
          <p className="mt-1 text-slate-700">
            {view === "all" ? "Everyone's requests you can act on as an administrator." : "Requests you made, or that were made for you."}
          </p>
        </div>
        <div className="flex items-center gap-3">
          <PermissionsPanel categories={categories} access={access.data?.categories} granted={granted} />
          {access.isSuccess && <ViewSwitch view={view} onChange={setChosenView} canListAll={canListAll} />}
        </div>
      </div>

      {access.isPending ? (
        <p className="mt-8 text-slate-700" aria-busy="true">Checking what Microsoft Graph lets you see…</p>
      ) : (
        <div className="mt-6 space-y-4">
          {access.isError && (
            <Notice tone="warning" title="Could not check your permissions">
              {access.error.message} Showing your own requests.
            </Notice>
          )}
          <QueueFilters feeds={feeds} filter={filter} onFilter={setFilter} countOf={countOf} />
          <div className="flex flex-wrap items-center gap-6 text-sm text-slate-800">
            <label className="flex items-center gap-2">
              <input type="checkbox" checked={showClosed} onChange={(e) => setShowClosed(e.target.checked)} className="size-4" />
              Show closed requests ({closedCount})
            </label>
            <label className="flex items-center gap-2">
              <input type="checkbox" checked={showRawStatus} onChange={(e) => setShowRawStatus(e.target.checked)} className="size-4" />
              Show Graph status
            </label>
            {feeds.some((f) => f.stillLoading && f.state === "ready") && <span aria-live="polite">Loading more…</span>}
          </div>
          {feedback && (
            <Notice tone={feedback.tone} title={feedback.tone === "error" ? "Cancel refused" : "Request cancelled"} role={feedback.tone === "error" ? "alert" : "status"}>
              {feedback.text}
            </Notice>
          )}
          <CategoryNotices feeds={visibleFeeds} view={view} granted={granted} />
          {rows.length > 0 ? (
            <RequestsTable requests={rows} categories={byCategory} showRawStatus={showRawStatus} onCancel={setConfirming} onDetails={setDetails} />
          ) : loading ? (
            <TableSkeleton label="Loading requests" />
          ) : (
            <p className="rounded-md border border-dashed border-slate-300 bg-white px-4 py-6 text-center text-sm text-slate-700">
              Nothing is waiting here. {closedCount > 0 && !showClosed ? "Closed requests are hidden." : ""}
            </p>
          )}
        </div>
      )}
      <RequestDetailsDrawer
        request={details}
        category={details ? byCategory.get(details.category) : undefined}
        onClose={() => setDetails(null)}
        onCancel={(request) => {
          setDetails(null);
          setConfirming(request);
        }}
      />
      <CancelRequestDialog request={confirming} category={confirming ? byCategory.get(confirming.category) : undefined} onConfirm={confirm} onClose={() => setConfirming(null)} />
    </main>
  );
}
