import "server-only";
import type { GraphCall, GraphCategory } from "@/lib/categories/category-definition";
import type { BulkOutcome } from "@/lib/requests/bulk-outcome";
import type { RequestView } from "@/lib/requests/pending-request";
import { judgeAfterReadBack, LOST_ANSWER_STATUSES, type AnswerHistory, type Refusal, type Verdict } from "@/lib/upstreams/verdict";
import type { BatchItemResult } from "./batch";
import { requestFromCancelAnswer, requestFromReadBack } from "./collection";
import { GraphHttpError, lookupHeader } from "./graph-error";
import { mapGraphError } from "./map-graph-error";

// What one item's final answer from Graph means for the user (the shared rules are in lib/upstreams/verdict).

export const CANCELLED_MESSAGE = "Cancelled in Microsoft Graph.";

export function judgeCancel(category: GraphCategory<unknown>, id: string, view: RequestView, result: BatchItemResult): Verdict | Refusal {
  if (isSuccess(result.status)) {
    const returned = requestFromCancelAnswer(category, id, result.body);
    const requestId = lookupHeader(result.headers, "request-id");
    return { outcome: "cancelled", message: CANCELLED_MESSAGE, upstreamStatus: returned?.status, ...(requestId ? { requestId } : {}), ...(returned ? { current: returned } : {}) };
  }
  // The same words as the single cancel: mapGraphError knows each category's refusal codes and permissions.
  const error = mapGraphError(GraphHttpError.fromParts(result.status, result.body, result.headers), { category, operation: "cancel", view });
  const common = { message: error.message, upstreamCode: error.upstreamCode, ...(error.requestId ? { requestId: error.requestId } : {}), upstream: "graph" as const, error };
  if (error.code === "claims_challenge") return { outcome: "claims_challenge", claims: error.claims, ...common };
  // A 401 without a claims challenge: Graph refused the token itself (expired, revoked) and did nothing.
  if (error.code === "unauthenticated") return { outcome: "token_rejected", ...common };
  const outcome: BulkOutcome = error.code === "forbidden" ? "forbidden" : error.code === "not_cancellable" ? "not_cancellable" : "failed";
  return { outcome, ...common, ...(LOST_ANSWER_STATUSES.has(result.status) ? { inDoubt: true } : {}) };
}

/** After a refusal or an answer that said nothing: what Graph's read-back of the request tells (lib/upstreams/verdict). */
export function judgeReadBack(category: GraphCategory<unknown>, id: string, call: GraphCall, first: Verdict, history: AnswerHistory, result: BatchItemResult): Verdict {
  const current = isSuccess(result.status) ? requestFromReadBack(category, id, call, result.body) : null;
  return judgeAfterReadBack(first, current, history, "Microsoft Graph");
}

function isSuccess(status: number): boolean {
  return status >= 200 && status < 300;
}
