import "server-only";
import type { CancelCall, GraphCall, RequestCategory } from "@/lib/categories/category-definition";
import { emptyBulkCounts, type BulkLine } from "@/lib/requests/bulk-outcome";
import type { RequestView } from "@/lib/requests/pending-request";
import { runBatches } from "./batch";
import { isRefusal, judgeCancel, judgeReadBack, STOPPED_VERDICT, type Refusal, type Verdict } from "./bulk-verdict";

/**
 * `$batch` requests in flight at once. Four batches keep 80 cancels under way, so 1,000 items take about 13 Graph
 * latencies instead of 50, while one user's run stays far below Graph's per-app limits (§8.3) and leaves
 * connections for the rest of the app.
 */
export const BULK_CANCEL_CONCURRENCY = 4;

export interface BulkCancelItem {
  category: RequestCategory<unknown>;
  id: string;
  /** The category's cancel call for this id and view, planned (and so validated) before anything is sent. */
  call: CancelCall;
}

export interface BulkCancelInput {
  items: readonly BulkCancelItem[];
  view: RequestView;
  token: string;
  /** Aborted when the browser goes away: nothing more is sent, and nothing more is written. */
  signal?: AbortSignal;
}

/**
 * Cancels every item through `$batch` and writes the run as NDJSON lines through `emit`: "start", one "outcome"
 * per item as soon as Graph's answer for it is final, "done". Refusals classified "not cancellable" are read back
 * in one more batched round to tell "already closed" from "still open but past cancelling". Never throws.
 */
export async function bulkCancel(input: BulkCancelInput, emit: (line: BulkLine) => void): Promise<void> {
  const { items, view, token, signal } = input;
  const started = performance.now();
  const counts = emptyBulkCounts();
  const attempts = items.map(() => 0);
  const reported = items.map(() => false);
  let roundTrips = 0;

  const report = (index: number, verdict: Verdict) => {
    const item = items[index]!;
    if (reported[index]) return;
    reported[index] = true;
    counts[verdict.outcome]++;
    emit({ type: "outcome", category: item.category.summary.slug, id: item.id, ...verdict, attempts: attempts[index]!, at: new Date().toISOString() });
  };

  emit({ type: "start", total: items.length });
  const refused: Array<{ index: number; refusal: Refusal }> = [];
  try {
    const cancels = await runBatches(
      items.map((item) => ({ ...item.call, method: "POST" as const })),
      token,
      {
        concurrency: BULK_CANCEL_CONCURRENCY,
        envelopeFailure: "retry-items",
        signal,
        onResult: (index, result, sent) => {
          const item = items[index]!;
          attempts[index] = sent;
          const verdict = judgeCancel(item.category, item.id, view, result);
          if (isRefusal(verdict)) refused.push({ index, refusal: verdict });
          else report(index, verdict);
        },
      },
    );
    roundTrips += cancels.roundTrips;
    if (refused.length > 0 && !signal?.aborted) roundTrips += await readBack(input, refused, report);
  } catch (error) {
    console.error("[bulk-cancel] the run stopped unexpectedly:", error instanceof Error ? error.message : error);
  }
  if (signal?.aborted) return;
  // Every item ends with exactly one outcome, whatever happened above.
  for (const { index, refusal } of refused) report(index, refusal);
  items.forEach((_, index) => report(index, STOPPED_VERDICT));
  emit({ type: "done", counts, graphRoundTrips: roundTrips, ms: Math.round(performance.now() - started) });
}

/** One batched round of the categories' read-back GETs for the refused items; returns its round trips. */
async function readBack(
  { items, view, token, signal }: BulkCancelInput,
  refused: ReadonlyArray<{ index: number; refusal: Refusal }>,
  report: (index: number, verdict: Verdict) => void,
): Promise<number> {
  const calls: GraphCall[] = refused.map(({ index }) => items[index]!.category.readBack(items[index]!.id, view));
  const run = await runBatches(calls, token, {
    concurrency: BULK_CANCEL_CONCURRENCY,
    envelopeFailure: "retry-items",
    signal,
    onResult: (k, result) => {
      const { index, refusal } = refused[k]!;
      const item = items[index]!;
      report(index, judgeReadBack(item.category, item.id, calls[k]!, refusal, result));
    },
  });
  return run.roundTrips;
}
