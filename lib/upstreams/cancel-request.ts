import "server-only";
import type { RequestCategory } from "@/lib/categories/category-definition";
import { AppError, type Upstream } from "@/lib/errors/app-error";
import type { PendingRequest, RequestView } from "@/lib/requests/pending-request";
import { readArmRequest } from "@/lib/arm/cancel-request";
import { readGraphRequest } from "@/lib/graph/cancel-request";
import { runCancels, type BulkCancelItem } from "./bulk-cancel";
import type { Verdict } from "./verdict";

export interface CancelInput {
  category: RequestCategory<unknown>;
  id: string;
  view: RequestView;
  tokens: Partial<Record<Upstream, string>>;
}

/**
 * Cancels one request where it lives and returns it as that API now describes it (null if it could not be read
 * back). It is a bulk run of one (runCancels), so a single cancel gets the same retries, the same read-back after
 * a refusal or a lost answer, and the same verdict: a cancel Graph carried out but whose answer was lost (a 503/504,
 * then "not cancellable" on the retry) is a cancel, not a refusal. Anything but "cancelled" is thrown as the app's
 * error: a rejected token is a 401 `unauthenticated`, a claims challenge a 401 `claims_challenge`.
 */
export async function cancelRequest({ category, id, view, tokens }: CancelInput): Promise<PendingRequest | null> {
  // Planning the call (Graph) or decoding the id into a scope and name (ARM) validates it: a bad one is the app's 400
  // and nothing is sent.
  if (category.upstream === "arm") category.requestRef(id);
  const item: BulkCancelItem = category.upstream === "graph" ? { category, id, call: category.cancel(id, view) } : { category, id };
  let verdict: Verdict | undefined;
  await runCancels({ items: [item], view, tokens }, () => {}, (_line, v) => (verdict = v));
  if (!verdict) throw new AppError("upstream_unavailable", "Request Desk could not cancel this request. Refresh to see its current state.");
  if (verdict.outcome !== "cancelled") throw errorOf(verdict);
  const needsNames = category.upstream === "graph" && category.lookUpPrincipalNames !== undefined;
  if (verdict.current && !needsNames) return verdict.current;
  // The cancel answered without the request (most do: 204), or names need looking up: read it as it is now. A read
  // that fails does not undo the cancel.
  return category.upstream === "graph"
    ? readGraphRequest({ category, id, view, token: tokens.graph! }, verdict.current).catch(() => verdict?.current ?? null)
    : readArmRequest(category, category.requestRef(id), tokens.arm!).catch(() => null);
}

/** The app's error for a verdict that is not a cancel, with the verdict's words (they include the read-back's). */
function errorOf(verdict: Verdict): AppError {
  const details = { upstreamCode: verdict.upstreamCode, requestId: verdict.requestId, upstream: verdict.upstream, claims: verdict.claims };
  switch (verdict.outcome) {
    case "already_final":
    case "not_cancellable":
      return new AppError("not_cancellable", verdict.message, details);
    case "token_rejected":
      return new AppError("unauthenticated", verdict.error?.message ?? verdict.message, details);
    default:
      return verdict.error ?? new AppError("upstream_error", verdict.message, details);
  }
}
