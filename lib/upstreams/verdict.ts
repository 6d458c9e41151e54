import "server-only";
import type { AppError, Upstream } from "@/lib/errors/app-error";
import type { BulkOutcome } from "@/lib/requests/bulk-outcome";
import type { PendingRequest } from "@/lib/requests/pending-request";

// What one item's answers mean for the user, whichever API gave them. Each upstream turns its own answer into a
// first verdict (lib/graph/bulk-verdict, lib/arm/bulk-cancel); the rules below, shared by both and by the single
// cancel (a run of one), say when that answer needs a read-back and what answer plus read-back mean together.

export interface Verdict {
  outcome: BulkOutcome;
  message: string;
  /** The upstream's own error code (Graph's or ARM's), when it refused. */
  upstreamCode?: string;
  /** The upstream's status for the request after the cancel, when known. */
  upstreamStatus?: string;
  claims?: string;
  /** The upstream's request id of the answer that decided the outcome, for support. */
  requestId?: string;
  /** Which API answered: a claims challenge or a rejected token is answered with a new token of that audience. */
  upstream?: Upstream;
  /** Not sent to the browser. The app's error for a refusal, so a single cancel answers with its code and status. */
  error?: AppError;
  /** Not sent to the browser. The request as the upstream described it after the cancel (its answer or a read-back). */
  current?: PendingRequest;
  /**
   * Not sent to the browser. The final answer gave no word on whether the cancel was carried out (a 503/504, a
   * timeout): only a read-back tells.
   */
  inDoubt?: boolean;
}

/** A cancel refused as "not cancellable": only a read-back tells whether it is still open. */
export interface Refusal extends Verdict {
  outcome: "not_cancellable";
}

export function isRefusal(verdict: Verdict): verdict is Refusal {
  return verdict.outcome === "not_cancellable";
}

/** Reports one item's verdict once, with how many times its cancel was sent. */
export type ReportVerdict = (index: number, verdict: Verdict, attempts: number) => void;

/**
 * What the item's earlier answers said, before the final one. `lostAnswer`: an earlier send got a 503/504 or no
 * answer in time, so that send may have been carried out even though nobody heard it; a later refusal may then be
 * the upstream refusing to cancel what it already cancelled for us.
 */
export interface AnswerHistory {
  lostAnswer: boolean;
}

/** Statuses after which a cancel may or may not have been carried out: the upstream did not say. */
export const LOST_ANSWER_STATUSES: ReadonlySet<number> = new Set([503, 504]);

/** A refusal, or an answer that says nothing, is read back before it is reported; anything else is final as it is. */
export function needsReadBack(verdict: Verdict, history: AnswerHistory): boolean {
  return isRefusal(verdict) || (verdict.outcome === "failed" && (verdict.inDoubt === true || history.lostAnswer));
}

/**
 * The verdict once the request has been read back (`current`, null when the read-back failed or did not parse):
 * - the read-back failed: the first verdict stands;
 * - the request is Canceled and one of our sends may have done it (an answer was lost, or the last answer said
 *   nothing): cancelled. A cancel retried after a 503/504 that Graph had carried out is refused as "not
 *   cancellable"; reporting that would tell the user the opposite of what happened;
 * - the request is closed otherwise, or was Canceled with every answer heard: already closed, nothing to cancel;
 * - it is still open after a refusal: really past cancelling; after an answer that said nothing: failed as it was
 *   (nothing happened, the user may try again).
 */
export function judgeAfterReadBack(first: Verdict, current: PendingRequest | null, history: AnswerHistory, apiName: string): Verdict {
  if (!current) return first;
  const ours = history.lostAnswer || first.inDoubt === true;
  const status = current.status;
  if (!current.isOpen && current.stage === "cancelled" && ours) {
    return { outcome: "cancelled", message: `Cancelled in ${apiName} (its first answer was lost; ${apiName} now reports the request as ${status}).`, upstreamStatus: status, current, ...(first.upstream ? { upstream: first.upstream } : {}) };
  }
  if (!current.isOpen) {
    return { ...withoutError(first), outcome: "already_final", upstreamStatus: status, current, message: `Nothing to cancel: the request was already closed (${apiName} reports it as ${status}).` };
  }
  if (isRefusal(first)) {
    return { ...first, upstreamStatus: status, current, message: `${apiName} refused to cancel this request: it is still open (${status}) but past the point where it can be cancelled.` };
  }
  return { ...first, upstreamStatus: status, current };
}

function withoutError(verdict: Verdict): Verdict {
  return { ...verdict, error: undefined, inDoubt: undefined };
}

/** The parts of a verdict the browser sees in its outcome line; the rest stays on the server. */
export function shownParts(verdict: Verdict): Pick<Verdict, "outcome" | "message" | "upstreamCode" | "upstreamStatus" | "claims" | "requestId" | "upstream"> {
  // Whose token only where the browser must get a new one.
  const needsToken = verdict.outcome === "claims_challenge" || verdict.outcome === "token_rejected";
  return {
    outcome: verdict.outcome,
    message: verdict.message,
    ...(verdict.upstreamCode !== undefined ? { upstreamCode: verdict.upstreamCode } : {}),
    ...(verdict.upstreamStatus !== undefined ? { upstreamStatus: verdict.upstreamStatus } : {}),
    ...(verdict.claims !== undefined ? { claims: verdict.claims } : {}),
    ...(verdict.requestId !== undefined ? { requestId: verdict.requestId } : {}),
    ...(needsToken && verdict.upstream ? { upstream: verdict.upstream } : {}),
  };
}

export const STOPPED_VERDICT: Verdict = {
  outcome: "failed",
  message: "Request Desk stopped before the service answered for this request. Refresh to see its current state.",
};

/** Items a rejected token left unsent: nothing was done to them, and they go once the user has signed in again. */
export function notSentVerdict(upstream: Upstream | undefined): Verdict {
  return {
    outcome: "token_rejected",
    message: "Not sent: the service stopped accepting your sign-in during the run. Sign in again to continue.",
    ...(upstream ? { upstream } : {}),
  };
}
