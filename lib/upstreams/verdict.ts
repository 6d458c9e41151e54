import "server-only";
import type { BulkOutcome } from "@/lib/requests/bulk-outcome";

// What one item's final answer means for the user, whichever API gave it. Each upstream judges its own answers
// (lib/graph/bulk-verdict, lib/arm/bulk-cancel); the run (lib/upstreams/bulk-cancel) only counts and reports.

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

export const STOPPED_VERDICT: Verdict = {
  outcome: "failed",
  message: "Request Desk stopped before the service answered for this request. Refresh to see its current state.",
};
