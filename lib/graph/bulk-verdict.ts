import "server-only";
import type { GraphCall, GraphCategory } from "@/lib/categories/category-definition";
import type { BulkOutcome } from "@/lib/requests/bulk-outcome";
import type { RequestView } from "@/lib/requests/pending-request";
import type { BatchItemResult } from "./batch";
import { requestFromCancelAnswer, requestFromReadBack } from "./collection";
import { GraphHttpError } from "./graph-error";
import { mapGraphError } from "./map-graph-error";
import type { Refusal, Verdict } from "@/lib/upstreams/verdict";

// The outcome rules of a bulk cancel: what one item's final answer from Graph means for the user.

export const CANCELLED_MESSAGE = "Cancelled in Microsoft Graph.";

export function judgeCancel(category: GraphCategory<unknown>, id: string, view: RequestView, result: BatchItemResult): Verdict | Refusal {
  if (isSuccess(result.status)) {
    const returned = requestFromCancelAnswer(category, id, result.body);
    return { outcome: "cancelled", message: CANCELLED_MESSAGE, upstreamStatus: returned?.status };
  }
  // The same words as the single cancel: mapGraphError knows each category's refusal codes and permissions.
  const error = mapGraphError(GraphHttpError.fromParts(result.status, result.body, result.headers), { category, operation: "cancel", view });
  if (error.code === "claims_challenge") return { outcome: "claims_challenge", message: error.message, upstreamCode: error.upstreamCode, claims: error.claims };
  const outcome: BulkOutcome = error.code === "forbidden" ? "forbidden" : error.code === "not_cancellable" ? "not_cancellable" : "failed";
  return { outcome, message: error.message, upstreamCode: error.upstreamCode };
}

/**
 * After a "not cancellable" refusal: a request that is closed now (approved, denied or cancelled before the run
 * reached it) is already final; one still open is really past cancelling. A read-back that fails leaves the
 * refusal as it was.
 */
export function judgeReadBack(category: GraphCategory<unknown>, id: string, call: GraphCall, refusal: Refusal, result: BatchItemResult): Verdict {
  if (!isSuccess(result.status)) return refusal;
  const current = requestFromReadBack(category, id, call, result.body);
  if (!current) return refusal;
  if (!current.isOpen) {
    return {
      outcome: "already_final",
      upstreamStatus: current.status,
      message: `Nothing to cancel: the request was already closed (Microsoft Graph reports it as ${current.status}).`,
    };
  }
  return {
    ...refusal,
    upstreamStatus: current.status,
    message: `Microsoft Graph refused to cancel this request: it is still open (${current.status}) but past the point where it can be cancelled.`,
  };
}

function isSuccess(status: number): boolean {
  return status >= 200 && status < 300;
}
