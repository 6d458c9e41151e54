"use client";

import * as Dialog from "@radix-ui/react-dialog";
import type { CategorySummary, PendingRequest } from "@/lib/requests/pending-request";
import { STAGE_LABELS } from "@/lib/requests/stage-labels";
import { useReturnFocus } from "./use-return-focus";

/** Confirms a cancel; says exactly which request and what cancelling does, since it cannot be undone. */
export function CancelRequestDialog({
  request,
  category,
  onConfirm,
  onClose,
}: {
  request: PendingRequest | null;
  category: CategorySummary | undefined;
  onConfirm: (request: PendingRequest) => void;
  onClose: () => void;
}) {
  const returnFocus = useReturnFocus(request !== null);
  return (
    <Dialog.Root open={request !== null} onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/50" />
        <Dialog.Content onCloseAutoFocus={returnFocus} className="fixed z-50 left-1/2 top-1/2 w-[min(32rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-6 shadow-xl">
          {request && (
            <>
              <Dialog.Title className="text-lg font-semibold text-slate-900">Cancel this request?</Dialog.Title>
              <Dialog.Description className="mt-2 text-sm text-slate-700">
                {request.principal.displayName}&apos;s request for <strong>{request.target.displayName}</strong> (
                {request.target.kind.toLowerCase()}) is {STAGE_LABELS[request.stage].toLowerCase()}.{" "}
                {category?.cancelEffect} A cancelled request cannot be reopened; a new request would be needed.
              </Dialog.Description>
              {request.justification && (
                <p className="mt-3 rounded border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-800">
                  <span className="font-medium">Justification:</span> {request.justification}
                </p>
              )}
              <div className="mt-6 flex justify-end gap-3">
                <Dialog.Close asChild>
                  <button type="button" className="rounded-md border border-slate-300 px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100">
                    Keep request
                  </button>
                </Dialog.Close>
                <button
                  type="button"
                  onClick={() => onConfirm(request)}
                  className="rounded-md bg-red-700 px-4 py-2 text-sm font-semibold text-white hover:bg-red-800"
                >
                  Cancel request
                </button>
              </div>
            </>
          )}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
