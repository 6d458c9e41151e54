import type { Upstream } from "@/lib/errors/app-error";
import type { BulkOutcomeLine } from "@/lib/requests/bulk-outcome";
import type { PendingRequest, RequestView } from "@/lib/requests/pending-request";
import type { PausedBulkRun } from "./paused-run";
import type { ReceiptRow } from "./receipt";

/** A bulk run as the progress panel shows it. */
export interface BulkRun {
  /**
   * `verifying`: paused while the user proves their identity again (a claims challenge, or a new sign-in); it then
   * carries on. `paused`: an upstream rejected the token; the user chooses to sign in again and continue, or stop.
   */
  phase: "running" | "verifying" | "paused" | "done" | "failed";
  total: number;
  outcomes: BulkOutcomeLine[];
  rows: ReceiptRow[];
  startedAt: string;
  error: string | null;
  /** With `paused`: whose token was rejected, its words, and the run as it stands (what continuing sends). */
  paused?: { upstream: Upstream; message: string; run: PausedBulkRun };
}

/** Where a run starts: a fresh selection, or a paused run that carries on as the same run. */
export interface RunPlan {
  view: RequestView;
  startedAt: string;
  rows: ReceiptRow[];
  outcomes: BulkOutcomeLine[];
  /** Requests to send, as the list showed them before the run (rows roll back to these). */
  toSend: PendingRequest[];
}

/** What the receipt says of requests never sent (refused whole by the app, or left when the user stopped). */
export const NOT_SENT = "not sent";

/** A paused run's plan: the same start, receipt and outcomes, and only what the upstreams have not done to send. */
export function planOfPaused(paused: PausedBulkRun): RunPlan {
  return { view: paused.view, startedAt: paused.startedAt, rows: paused.rows, outcomes: paused.outcomes, toSend: paused.remaining };
}
