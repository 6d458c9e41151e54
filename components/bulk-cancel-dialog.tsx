"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { BULK_CANCEL_MAX_ITEMS } from "@/lib/requests/bulk-constants";
import type { CategorySummary, PendingRequest } from "@/lib/requests/pending-request";
import { STAGE_LABELS } from "@/lib/requests/stage-labels";
import { useReturnFocus } from "./use-return-focus";

/** Confirms a bulk cancel: how many per category, and which will be skipped and why, before anything is sent. */
export function BulkCancelDialog({
  selected,
  categories,
  onConfirm,
  onClose,
}: {
  selected: PendingRequest[] | null;
  categories: ReadonlyMap<string, CategorySummary>;
  onConfirm: (requests: PendingRequest[]) => void;
  onClose: () => void;
}) {
  const cancellable = selected?.filter((r) => r.cancellable) ?? [];
  const skipped = selected?.filter((r) => !r.cancellable) ?? [];
  const perCategory = countBy(cancellable, (r) => categories.get(r.category)?.label ?? r.category);
  const skippedReasons = countBy(skipped, (r) => `${categories.get(r.category)?.label ?? r.category}: ${skipReason(r)}`);
  const returnFocus = useReturnFocus(selected !== null);
  return (
    <Dialog.Root open={selected !== null} onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/50" />
        <Dialog.Content onCloseAutoFocus={returnFocus} className="fixed z-50 left-1/2 top-1/2 flex max-h-[85vh] w-[min(36rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 flex-col rounded-lg bg-white p-6 shadow-xl">
          <Dialog.Title className="text-lg font-semibold text-slate-900">
            Cancel {cancellable.length} request{cancellable.length === 1 ? "" : "s"}?
          </Dialog.Title>
          <Dialog.Description className="mt-2 text-sm text-slate-700">
            Each request is withdrawn in Microsoft Entra ID or Azure and cannot be reopened. Progress is shown as Microsoft
            Graph and Azure Resource Manager answer, and a receipt is available at the end.
          </Dialog.Description>
          {/* The only part that scrolls: the buttons below stay in view however many categories and kinds of skip there are. */}
          <div className="-mx-1 mt-2 min-h-0 flex-1 overflow-y-auto px-1" tabIndex={0} aria-label="Requests to cancel and skipped" data-testid="bulk-summary">
            {cancellable.length > BULK_CANCEL_MAX_ITEMS && (
              <p className="mt-2 text-sm text-slate-700" data-testid="bulk-parts">
                Sent in {Math.ceil(cancellable.length / BULK_CANCEL_MAX_ITEMS)} parts of up to {BULK_CANCEL_MAX_ITEMS.toLocaleString("en")}, one after
                the other, as one run with one receipt.
              </p>
            )}
            <table className="mt-4 w-full text-sm" data-testid="bulk-per-category">
              <caption className="sr-only">Requests to cancel per category</caption>
              <tbody>
                {perCategory.map(([label, count]) => (
                  <tr key={label} className="border-b border-slate-100">
                    <th scope="row" className="py-1.5 text-left font-medium text-slate-800">{label}</th>
                    <td className="py-1.5 text-right tabular-nums text-slate-900">{count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {skipped.length > 0 && (
              <div className="mt-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" data-testid="bulk-skipped">
                <p className="font-semibold">{skipped.length} selected request{skipped.length === 1 ? " is" : "s are"} skipped:</p>
                <ul className="mt-1 list-disc pl-5" aria-label="Skipped requests by reason">
                  {skippedReasons.map(([reason, count]) => (
                    <li key={reason}>
                      {count} × {reason}
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </div>
          <div className="mt-4 flex shrink-0 justify-end gap-3">
            <Dialog.Close asChild>
              <button type="button" className="rounded-md border border-slate-300 px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100">
                Keep them
              </button>
            </Dialog.Close>
            <button
              type="button"
              disabled={cancellable.length === 0}
              onClick={() => onConfirm(cancellable)}
              className="rounded-md bg-red-700 px-4 py-2 text-sm font-semibold text-white hover:bg-red-800 disabled:opacity-50"
            >
              Cancel {cancellable.length} request{cancellable.length === 1 ? "" : "s"}
            </button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]);
}

/** Why a selected request is left out: a role the user lacks (Graph would refuse them), or a state past cancelling. */
function skipReason(request: PendingRequest): string {
  if (request.cancelBlockedReason && request.isOpen) return request.cancelBlockedReason;
  return `${STAGE_LABELS[request.stage]} (${request.status}) cannot be cancelled`;
}
