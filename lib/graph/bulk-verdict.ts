import "server-only";
import type { GraphCall, RequestCategory } from "@/lib/categories/category-definition";
import type { BulkOutcome } from "@/lib/requests/bulk-outcome";
import type { RequestView } from "@/lib/requests/pending-request";
import type { BatchItemResult } from "./batch";
import { requestFromCancelAnswer, requestFromReadBack } from "./collection";
import { GraphHttpError } from "./graph-error";
import { mapGraphError } from "./map-graph-error";

// The outcome rules of a bulk cancel: what one item's final answer from Graph means for the user.

export interface Verdict {
  outcome: BulkOutcome;
  message: string;
  graphCode?: string;
  graphStatus?: string;
  claims?: string;
}

/** A cancel Graph refused as "not cancellable": only a read-back tells whether it is still open. */
export interface Refusal extends Verdict {
  outcome: "not_cancellable";
}

export const CANCELLED_MESSAGE = "Cancelled in Microsoft Graph.";

export function judgeCancel(category: RequestCategory<unknown>, id: string, view: RequestView, result: BatchItemResult): Verdict | Refusal {
  if (isSuccess(result.status)) {
    const returned = requestFromCancelAnswer(category, id, result.body);
    return { outcome: "cancelled", message: CANCELLED_MESSAGE, graphStatus: returned?.status };
  }
  // The same words as the single cancel: mapGraphError knows each category's refusal codes and permissions.
  const error = mapGraphError(GraphHttpError.fromParts(result.status, result.body, result.headers), { category, operation: "cancel", view });
  if (error.code === "claims_challenge") return { outcome: "claims_challenge", message: error.message, graphCode: error.graphCode, claims: error.claims };
  const outcome: BulkOutcome = error.code === "forbidden" ? "forbidden" : error.code === "not_cancellable" ? "not_cancellable" : "failed";
  return { outcome, message: error.message, graphCode: error.graphCode };
}

export function isRefusal(verdict: Verdict): verdict is Refusal {
  return verdict.outcome === "not_cancellable";
}

/**
 * After a "not cancellable" refusal: a request that is closed now (approved, denied or cancelled before the run
 * reached it) is already final; one still open is really past cancelling. A read-back that fails leaves the
 * refusal as it was.
 */
export function judgeReadBack(category: RequestCategory<unknown>, id: string, call: GraphCall, refusal: Refusal, result: BatchItemResult): Verdict {
  if (!isSuccess(result.status)) return refusal;
  const current = requestFromReadBack(category, id, call, result.body);
  if (!current) return refusal;
  if (!current.isOpen) {
    return {
      outcome: "already_final",
      graphStatus: current.status,
      message: `Nothing to cancel: the request was already closed (Microsoft Graph reports it as ${current.status}).`,
    };
  }
  return {
    ...refusal,
    graphStatus: current.status,
    message: `Microsoft Graph refused to cancel this request: it is still open (${current.status}) but past the point where it can be cancelled.`,
  };
}

export const STOPPED_VERDICT: Verdict = {
  outcome: "failed",
  message: "Request Desk stopped before Microsoft Graph answered for this request. Refresh to see its current state.",
};

function isSuccess(status: number): boolean {
  return status >= 200 && status < 300;
}
