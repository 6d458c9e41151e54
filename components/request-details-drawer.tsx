"use client";

import * as Dialog from "@radix-ui/react-dialog";
import type { ReactNode } from "react";
import { formatAbsolute, formatRelative } from "@/lib/requests/format-dates";
import { formatDuration } from "@/lib/requests/format-duration";
import type { CategorySummary, PendingRequest } from "@/lib/requests/pending-request";
import { STAGE_LABELS } from "@/lib/requests/stage-labels";
import { useReturnFocus } from "./use-return-focus";

/** Everything known about one request, and what cancelling it would do. */
export function RequestDetailsDrawer({
  request,
  category,
  onClose,
  onCancel,
}: {
  request: PendingRequest | null;
  category: CategorySummary | undefined;
  onClose: () => void;
  onCancel: (request: PendingRequest) => void;
}) {
  const returnFocus = useReturnFocus(request !== null);
  return (
    <Dialog.Root open={request !== null} onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <Dialog.Content onCloseAutoFocus={returnFocus} className="fixed z-50 inset-y-0 right-0 w-[min(34rem,100vw)] overflow-y-auto bg-white p-6 shadow-xl">
          {request && category && (
            <>
              <div className="flex items-start justify-between gap-4">
                <div>
                  <p className="text-sm font-medium text-blue-800">{category.label}</p>
                  <Dialog.Title className="text-xl font-semibold text-slate-900">
                    {request.principal.displayName} → {request.target.displayName}
                  </Dialog.Title>
                  <Dialog.Description className="text-sm text-slate-700">{request.target.kind}</Dialog.Description>
                </div>
                <Dialog.Close className="rounded-md px-2 py-1 text-sm text-slate-700 hover:bg-slate-100" aria-label="Close details">
                  Close
                </Dialog.Close>
              </div>
              <dl className="mt-6 grid grid-cols-[9rem_1fr] gap-x-4 gap-y-3 text-sm">
                <Row term="Status">
                  {STAGE_LABELS[request.stage]}{" "}
                  <span className="font-mono text-xs text-slate-700">
                    ({category.upstream === "arm" ? "Azure" : "Graph"}: {request.status}
                    {request.statusDetail ? ` · ${request.statusDetail}` : ""})
                  </span>
                </Row>
                <Row term="Justification">{request.justification ?? "None given"}</Row>
                <Row term="Ticket">
                  {request.ticket ? [request.ticket.number, request.ticket.system].filter(Boolean).join(" in ") : "None"}
                </Row>
                <Row term="Schedule">{scheduleWords(request)}</Row>
                <Row term="Principal">{request.principal.displayName}</Row>
                <Row term="Requested by">{request.requestedBy?.displayName ?? request.principal.displayName}</Row>
                <Row term="Target">
                  {request.target.displayName} <span className="text-slate-700">({request.target.kind})</span>
                </Row>
                {request.scope && (
                  <Row term="Scope">
                    {request.scope.displayName} <span className="text-slate-700">({request.scope.kind})</span>
                    <span className="block break-all font-mono text-xs text-slate-700">{request.scope.id}</span>
                  </Row>
                )}
                {request.condition && (
                  <Row term="Condition">
                    <span className="break-all font-mono text-xs">{request.condition}</span>
                  </Row>
                )}
                <Row term="Action">{request.action ?? "Not stated"}</Row>
                <Row term="Created">
                  {formatAbsolute(request.createdDateTime)} ({formatRelative(request.createdDateTime)})
                </Row>
                <Row term={category.upstream === "arm" ? "Azure type" : "Graph type"}>
                  <span className="font-mono text-xs">{category.apiType}</span> ({category.apiVersion})
                </Row>
                <Row term="Request id">
                  <span className="break-all font-mono text-xs">{request.id}</span>
                </Row>
              </dl>
              {category.retirement && (
                <p className="mt-4 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
                  {category.retirement.note}
                </p>
              )}
              <section className="mt-6 rounded-md border border-slate-200 bg-slate-50 p-4 text-sm" aria-label="What cancelling does">
                <h3 className="font-semibold text-slate-900">If you cancel</h3>
                {request.cancellable ? (
                  <p className="mt-1 text-slate-800">{category.cancelEffect}</p>
                ) : request.cancelBlockedReason ? (
                  <p className="mt-1 text-slate-800" data-testid="cancel-blocked-reason">
                    {request.cancelBlockedReason}
                  </p>
                ) : (
                  <p className="mt-1 text-slate-800">
                    This request cannot be cancelled: {category.upstream === "arm" ? "Azure Resource Manager" : "Graph"} only cancels{" "}
                    {category.label} requests whose status is{" "}
                    {category.cancellableStatuses.join(", ")}.
                  </p>
                )}
                {request.cancellable && (
                  <button
                    type="button"
                    onClick={() => onCancel(request)}
                    className="mt-3 rounded-md bg-red-700 px-4 py-2 text-sm font-semibold text-white hover:bg-red-800"
                  >
                    Cancel this request…
                  </button>
                )}
              </section>
            </>
          )}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt className="font-medium text-slate-700">{term}</dt>
      <dd className="text-slate-900">{children}</dd>
    </>
  );
}

function scheduleWords(request: PendingRequest): string {
  const schedule = request.schedule;
  if (!schedule) return "Not stated";
  const parts: string[] = [];
  if (schedule.startDateTime) parts.push(`starts ${formatAbsolute(schedule.startDateTime)}`);
  if (schedule.endDateTime) parts.push(`ends ${formatAbsolute(schedule.endDateTime)}`);
  const duration = formatDuration(schedule.duration);
  if (duration) parts.push(`lasts ${duration}`);
  if (!schedule.endDateTime && !duration) parts.push("no end date");
  return parts.join(", ");
}
