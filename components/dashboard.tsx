"use client";

import { useQuery } from "@tanstack/react-query";
import type { RowSelectionState } from "@tanstack/react-table";
import { useCallback, useMemo, useState } from "react";
import { useAccessToken } from "@/lib/auth/use-access-token";
import { useSignedInAccount } from "@/lib/auth/use-signed-in-account";
import { useGrantedScopes } from "@/lib/auth/use-granted-scopes";
import { accessOptions } from "@/lib/queries/access-queries";
import { consentRoleOf } from "@/lib/auth/consent-roles";
import { useReturnFromIdentityProvider } from "@/lib/auth/use-return-from-identity-provider";
import { useBulkCancel } from "@/lib/queries/use-bulk-cancel";
import { useCancelRequest } from "@/lib/queries/use-cancel-request";
import { useRequestQueue, type CategoryFeed } from "@/lib/queries/use-request-queue";
import { filterQueue, rowKey, sortQueue, type SortColumn } from "@/lib/queue/queue-query";
import { applyRefusals, withRefusal, type CancelRefusals } from "@/lib/queue/refused-cancels";
import { useQueueQuery } from "@/lib/queue/use-queue-query";
import type { CategorySummary, PendingRequest, RequestView } from "@/lib/requests/pending-request";
import { CategoryNotices } from "./category-notices";
import { IdentityProviderNotices, SupportReference } from "./lazy-notices";
import { supportDetails } from "@/lib/errors/support-details";
import { AFTER_DISMISS_FOCUS_ID, DismissButton } from "./dismiss-button";
import { InterruptedRunNotice } from "./interrupted-run-notice";
import { BulkCancelDialog, BulkProgress, CancelRequestDialog, MountOnceOpened, RequestDetailsDrawer } from "./lazy-dialogs";
import { Notice } from "./notice";
import { PermissionsButton } from "./permissions-button";
import { QueueFilters } from "./queue-filters";
import { QueueSummaryBar } from "./queue-summary-bar";
import { QueueTable } from "./queue-table";
import { QueueToolbar } from "./queue-toolbar";
import { TableSkeleton } from "./table-skeleton";
import { ViewSwitch } from "./view-switch";

type Feedback = { tone: "error" | "success"; text: string; requestId?: string; time?: string } | null;
const FEEDBACK_TITLES = { error: "Cancel refused", success: "Request cancelled" } as const;

function countByCategory(rows: readonly PendingRequest[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.category, (counts.get(row.category) ?? 0) + 1);
  return counts;
}

export function Dashboard({ categories }: { categories: CategorySummary[] }) {
  const getToken = useAccessToken();
  const account = useSignedInAccount();
  const access = useQuery(accessOptions(account?.homeAccountId ?? "none", getToken));
  const granted = useGrantedScopes();
  const [query, setQuery] = useQueueQuery();
  const [details, setDetails] = useState<PendingRequest | null>(null);
  const [confirming, setConfirming] = useState<PendingRequest | null>(null);
  const [bulkSelection, setBulkSelection] = useState<PendingRequest[] | null>(null);
  const [selection, setSelection] = useState<RowSelectionState>({});
  const [feedback, setFeedback] = useState<Feedback>(null);
  // Rows acted on here stay visible after they close, so the user sees the outcome of what they did.
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const cancel = useCancelRequest();
  const [refusals, setRefusals] = useState<CancelRefusals>(new Map());
  const refused = useCallback((request: PendingRequest, reason: string) => setRefusals((prev) => withRefusal(prev, request, reason)), []);
  const bulk = useBulkCancel(refused);
  const canGrant = consentRoleOf(access.data?.directoryRoles);

  const accessByCategory = useMemo(() => new Map(access.data?.categories.map((c) => [c.category, c.views])), [access.data]);
  // "All requests" is offered only when Graph let this user list everyone's requests in some category.
  const canListAll = access.data?.categories.some((c) => c.views.all.available) ?? false;
  const view: RequestView = query.view === "all" && !canListAll ? "mine" : (query.view ?? (canListAll ? "all" : "mine"));
  const queue = useRequestQueue(categories, view, accessByCategory, !access.isPending);
  const { feeds } = queue;
  const allItems = useMemo(() => applyRefusals(queue.allItems, refusals), [queue.allItems, refusals]);
  const byCategory = useMemo(() => new Map(categories.map((c) => [c.slug, c])), [categories]);

  // Filters apply in the keystroke's own render: one pass over the rows and a screenful of table rows cost less
  // (about 20 ms at 10,000 rows, bench B5c) than deferring them, whose time-sliced render showed rows twice as late.
  const sorted = useMemo(
    () => sortQueue(allItems, query.sort, query.dir, (slug) => byCategory.get(slug)?.label ?? slug),
    [allItems, query.sort, query.dir, byCategory],
  );
  // One pass over every row per filter change: the matches in every category give the chips their counts, and the
  // rows of the chosen category (filtering keeps the sorted order).
  const matching = useMemo(() => filterQueue(sorted, { ...query, category: "all" }, touched), [sorted, query, touched]);
  const counts = useMemo(() => countByCategory(matching), [matching]);
  const rows = useMemo(
    () => (query.category === "all" ? matching : matching.filter((r) => r.category === query.category)),
    [matching, query.category],
  );
  const visibleFeeds = feeds.filter((f) => query.category === "all" || f.summary.slug === query.category);
  const countOf = (feed: CategoryFeed) => counts.get(feed.summary.slug) ?? 0;
  const closedCount = useMemo(() => allItems.filter((r) => !r.isOpen).length, [allItems]);
  // Only when something is selected: a key per row for 10,000 rows is not free, and this runs on every render.
  const selectedRows = useMemo(() => (Object.keys(selection).length > 0 ? rows.filter((r) => selection[rowKey(r)]) : []), [rows, selection]);
  // Any category shown that has not finished its first answer (no page yet, or more to come) leaves the rows partial:
  // the count says "so far" and the export waits.
  const loadingMore = visibleFeeds.some((f) => f.stillLoading);

  const confirm = (request: PendingRequest, inView: RequestView = view) => {
    setConfirming(null);
    setDetails(null);
    setFeedback(null);
    setTouched((prev) => new Set(prev).add(rowKey(request)));
    const who = `${request.principal.displayName}'s request for ${request.target.displayName}`;
    cancel.mutate(
      { request, view: inView },
      {
        onSuccess: () => setFeedback({ tone: "success", text: `Cancelled ${who}.` }),
        onError: (error) => {
          // Refused as past cancelling, or as not the user's to cancel (an Azure role lower down that the
          // permissions read could not see): a second click would only be refused again.
          if (error.code === "not_cancellable" || error.code === "forbidden") refused(request, error.message);
          setFeedback({ tone: "error", text: `Could not cancel ${who}. ${error.message}`, requestId: error.requestId, time: error.time });
        },
      },
    );
  };
  // Back from a sign-in a claims challenge needed: what the user was doing is done now, once.
  const returned = useReturnFromIdentityProvider((action) => {
    if (action.kind === "cancel") confirm(action.request, action.view);
    else void bulk.resume(action.run);
  });
  const confirmBulk = (requests: PendingRequest[]) => {
    setBulkSelection(null);
    setSelection({});
    // The run's own progress panel reports from here on; a single cancel's message above it would read as its result.
    setFeedback(null);
    setTouched((prev) => new Set([...prev, ...requests.map(rowKey)]));
    void bulk.start(requests, view);
  };
  // Stable props: the memoized table re-renders when its rows, sort or selection change, not when a dialog opens.
  const tableSort = useMemo(() => ({ column: query.sort, desc: query.dir === "desc" }), [query.sort, query.dir]);
  const onSort = useCallback((sort: SortColumn, desc: boolean) => setQuery({ sort, dir: desc ? "desc" : "asc" }), [setQuery]);
  const columnActions = useMemo(
    () => ({ categories: byCategory, showRawStatus: query.raw === "1", onCancel: setConfirming, onDetails: setDetails }),
    [byCategory, query.raw],
  );

  return (
    <main className="mx-auto max-w-screen-2xl px-6 py-8">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 id={AFTER_DISMISS_FOCUS_ID} tabIndex={-1} className="text-2xl font-semibold tracking-tight focus:outline-none">
            Pending requests
          </h1>
          <p className="mt-1 text-slate-700">
            {view === "all" ? "Everyone's requests you can act on as an administrator." : "Requests you made, or that were made for you."}
          </p>
        </div>
        <div className="flex items-center gap-3">
          <PermissionsButton
            categories={categories}
            access={access.data?.categories}
            granted={granted}
            canGrant={canGrant}
            directoryRoles={access.data?.directoryRoles}
          />
          {access.isSuccess && <ViewSwitch view={view} onChange={(v) => setQuery({ view: v })} canListAll={canListAll} />}
        </div>
      </div>

      {access.isPending ? (
        <p className="mt-8 text-slate-700" aria-busy="true">Checking what Microsoft Graph lets you see…</p>
      ) : (
        <div className="mt-6 space-y-4">
          <InterruptedRunNotice />
          {(returned.consent || returned.failure) && (
            <IdentityProviderNotices
              consent={returned.consent}
              failure={returned.failure}
              onDismissConsent={returned.dismissConsent}
              onDismissFailure={returned.dismissFailure}
            />
          )}
          {access.isError && (
            <Notice tone="warning" title="Could not check your permissions">
              {access.error.message} Showing your own requests.
              <SupportReference {...supportDetails(access.error)} />
            </Notice>
          )}
          <QueueFilters feeds={feeds} filter={query.category} onFilter={(category) => setQuery({ category })} countOf={countOf} />
          <QueueToolbar query={query} onChange={setQuery} closedCount={closedCount} />
          {bulk.run && <BulkProgress run={bulk.run} onDismiss={bulk.dismiss} onSignInAgain={() => void bulk.signInAgain()} onStop={bulk.stopHere} />}
          {feedback && (
            <Notice
              tone={feedback.tone}
              title={FEEDBACK_TITLES[feedback.tone]}
              role={feedback.tone === "error" ? "alert" : "status"}
              action={<DismissButton what={FEEDBACK_TITLES[feedback.tone]} onClick={() => setFeedback(null)} />}
            >
              {feedback.text}
              {feedback.tone === "error" && <SupportReference requestId={feedback.requestId} time={feedback.time} />}
            </Notice>
          )}
          <CategoryNotices
            feeds={visibleFeeds}
            view={view}
            granted={granted}
            canGrant={canGrant}
            onShowCategory={(category) => setQuery({ category })}
            labelOf={(slug) => categories.find((c) => c.slug === slug)?.label}
          />
          <QueueSummaryBar
            rows={rows}
            loadingMore={loadingMore}
            feeds={visibleFeeds}
            categories={byCategory}
            selectedCount={selectedRows.length}
            canCancelSelected={selectedRows.length > 0}
            onCancelSelected={() => setBulkSelection(selectedRows)}
            bulkRunning={bulk.run?.phase === "running" || bulk.run?.phase === "verifying" || bulk.run?.phase === "paused"}
          />
          {rows.length > 0 ? (
            <QueueTable
              rows={rows}
              growing={loadingMore}
              sort={tableSort}
              onSort={onSort}
              selection={selection}
              onSelection={setSelection}
              actions={columnActions}
            />
          ) : visibleFeeds.some((f) => f.state === "loading") ? (
            <TableSkeleton label="Loading requests" />
          ) : (
            <p className="rounded-md border border-dashed border-slate-300 bg-white px-4 py-6 text-center text-sm text-slate-700">
              Nothing matches. {closedCount > 0 && query.closed === "0" ? "Closed requests are hidden." : ""}
            </p>
          )}
        </div>
      )}
      <MountOnceOpened open={details !== null}>
        <RequestDetailsDrawer
          request={details}
          category={details ? byCategory.get(details.category) : undefined}
          onClose={() => setDetails(null)}
          onCancel={(request) => {
            setDetails(null);
            setConfirming(request);
          }}
        />
      </MountOnceOpened>
      <MountOnceOpened open={confirming !== null}>
        <CancelRequestDialog request={confirming} category={confirming ? byCategory.get(confirming.category) : undefined} onConfirm={confirm} onClose={() => setConfirming(null)} />
      </MountOnceOpened>
      <MountOnceOpened open={bulkSelection !== null}>
        <BulkCancelDialog selected={bulkSelection} categories={byCategory} onConfirm={confirmBulk} onClose={() => setBulkSelection(null)} />
      </MountOnceOpened>
    </main>
  );
}
