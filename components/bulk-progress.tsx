"use client";

import { downloadReceipt } from "@/lib/bulk/receipt";
import type { BulkRun } from "@/lib/queries/use-bulk-cancel";
import { BulkProblems } from "./bulk-problems";
import { DismissButton } from "./dismiss-button";

const OUTCOME_LABELS: Record<string, string> = {
  cancelled: "cancelled",
  already_final: "already closed",
  not_cancellable: "not cancellable",
  forbidden: "forbidden",
  failed: "failed",
  token_rejected: "sign-in no longer accepted",
  claims_challenge: "needed more proof of identity",
  "not sent": "not sent",
  "not confirmed": "not confirmed",
};

/** Live progress of a bulk cancel, the tally of outcomes, and the receipt once it is over. */
export function BulkProgress({
  run,
  onDismiss,
  onSignInAgain,
  onStop,
}: {
  run: BulkRun;
  onDismiss: () => void;
  /** With a paused run: renew the sign-in and send what is left. */
  onSignInAgain: () => void;
  /** With a paused run: end it here; what is left is "not sent" in the receipt. */
  onStop: () => void;
}) {
  const done = run.outcomes.length;
  const tally = new Map<string, number>();
  for (const o of run.outcomes) tally.set(o.outcome, (tally.get(o.outcome) ?? 0) + 1);
  const finished = run.phase === "done" || run.phase === "failed";
  return (
    <section aria-label="Bulk cancel" className="rounded-md border border-slate-200 bg-white p-4 text-sm" data-testid="bulk-progress">
      <div className="flex flex-wrap items-center justify-between gap-3">
        {/* The count changes with every answer, up to 1,000 times: screen readers hear it by quarters, and the end. */}
        <p className="font-semibold text-slate-900" aria-hidden="true">
          {progressLine(run, done)}
        </p>
        <p className="sr-only" role="status">
          {run.phase === "running" || run.phase === "verifying" || run.phase === "paused" ? `${run.phase === "running" ? "Cancelling… " : "Paused. "}${Math.floor((done / run.total) * 4) * 25}% answered` : progressLine(run, done)}
        </p>
        {finished && (
          <div className="flex gap-2">
            <button type="button" onClick={() => downloadReceipt(run.rows, "csv", run.startedAt)} className="rounded-md border border-slate-300 px-3 py-1 font-medium hover:bg-slate-100">
              Download receipt (CSV)
            </button>
            <button type="button" onClick={() => downloadReceipt(run.rows, "json", run.startedAt)} className="rounded-md border border-slate-300 px-3 py-1 font-medium hover:bg-slate-100">
              Download receipt (JSON)
            </button>
            <DismissButton what="bulk cancel results" onClick={onDismiss} />
          </div>
        )}
      </div>
      {run.phase === "paused" && run.paused && (
        <div className="mt-3 flex flex-wrap items-center gap-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-950" role="alert">
          <p>
            {run.paused.message} {run.paused.run.remaining.length} {run.paused.run.remaining.length === 1 ? "request was" : "requests were"} not sent and nothing was done
            to {run.paused.run.remaining.length === 1 ? "it" : "them"}.
          </p>
          <button type="button" onClick={onSignInAgain} className="rounded-md bg-blue-700 px-3 py-1 font-medium text-white hover:bg-blue-800">
            Sign in again and continue
          </button>
          <button type="button" onClick={onStop} className="rounded-md border border-slate-300 px-3 py-1 font-medium hover:bg-slate-100">
            Stop here
          </button>
        </div>
      )}
      <progress className="mt-3 h-2 w-full accent-blue-700" max={run.total} value={done} aria-label="Requests answered" />
      <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-slate-800" data-testid="bulk-tally">
        {[...tally].map(([outcome, count]) => (
          <li key={outcome} data-outcome={outcome}>
            <span className="font-semibold tabular-nums">{count}</span> {OUTCOME_LABELS[outcome] ?? outcome}
          </li>
        ))}
      </ul>
      {finished && <BulkProblems rows={run.rows} labelOf={(outcome) => OUTCOME_LABELS[outcome] ?? outcome} />}
      {run.error && <p className="mt-2 text-red-800" role="alert">{run.error} Requests not confirmed are listed in the receipt as “not confirmed”.</p>}
    </section>
  );
}

function progressLine(run: BulkRun, done: number): string {
  if (run.phase === "running") return `Cancelling… ${done} of ${run.total} answered`;
  // Graph asked for more proof of identity (Conditional Access); the rest goes once the user has given it.
  if (run.phase === "verifying") return `Paused: verify your identity to continue (${done} of ${run.total} answered)`;
  // An upstream stopped accepting the sign-in: nothing more was sent until the user chooses.
  if (run.phase === "paused") return `Paused: sign in again to continue (${done} of ${run.total} answered)`;
  if (run.phase === "done") return `Bulk cancel finished: ${done} of ${run.total} answered`;
  return `Bulk cancel interrupted after ${done} of ${run.total}`;
}
