import "server-only";
import type { CancelCall, GraphCall, GraphCategory } from "@/lib/categories/category-definition";
import type { RequestView } from "@/lib/requests/pending-request";
import { isRefusal, type Refusal, type ReportVerdict } from "@/lib/upstreams/verdict";
import { runBatches } from "./batch";
import { judgeCancel, judgeReadBack } from "./bulk-verdict";

/**
 * `$batch` requests in flight at once. Four batches keep 80 cancels under way, so 1,000 items take about 13 Graph
 * latencies instead of 50, while one user's run stays far below Graph's per-app limits (§8.3) and leaves
 * connections for the rest of the app.
 */
export const BULK_CANCEL_CONCURRENCY = 4;

export interface GraphBulkItem {
  /** The item's place in the whole run (which may hold other upstreams' items too). */
  index: number;
  category: GraphCategory<unknown>;
  id: string;
  /** The category's cancel call for this id and view, planned (and so validated) before anything is sent. */
  call: CancelCall;
}

export interface GraphBulkOptions {
  view: RequestView;
  /** Aborted when the browser goes away: nothing more is sent. */
  signal?: AbortSignal;
  report: ReportVerdict;
}

/**
 * Cancels every item through `$batch` and reports each item's verdict as soon as Graph's answer for it is final.
 * Refusals classified "not cancellable" are read back in one more batched round to tell "already closed" from
 * "still open but past cancelling". Returns the round trips sent; an item left unreported (the run stopped) is the
 * caller's to account for.
 */
export async function cancelGraphItems(items: readonly GraphBulkItem[], token: string, options: GraphBulkOptions): Promise<{ roundTrips: number }> {
  const { view, signal, report } = options;
  const attempts = items.map(() => 0);
  const refused: Array<{ k: number; refusal: Refusal }> = [];
  let roundTrips = 0;
  try {
    const cancels = await runBatches(
      items.map((item) => ({ ...item.call, method: "POST" as const })),
      token,
      {
        concurrency: BULK_CANCEL_CONCURRENCY,
        envelopeFailure: "retry-items",
        signal,
        onResult: (k, result, sent) => {
          const item = items[k]!;
          attempts[k] = sent;
          const verdict = judgeCancel(item.category, item.id, view, result);
          if (isRefusal(verdict)) refused.push({ k, refusal: verdict });
          else report(item.index, verdict, sent);
        },
      },
    );
    roundTrips += cancels.roundTrips;
    if (refused.length > 0 && !signal?.aborted) roundTrips += await readBack(items, refused, attempts, options, token);
  } catch (error) {
    console.error("[bulk-cancel] the Graph part of the run stopped unexpectedly:", error instanceof Error ? error.message : error);
  }
  // A refusal whose read-back never came stays a refusal.
  if (!signal?.aborted) for (const { k, refusal } of refused) report(items[k]!.index, refusal, attempts[k]!);
  return { roundTrips };
}

/** One batched round of the categories' read-back GETs for the refused items; returns its round trips. */
async function readBack(
  items: readonly GraphBulkItem[],
  refused: ReadonlyArray<{ k: number; refusal: Refusal }>,
  attempts: readonly number[],
  { view, signal, report }: GraphBulkOptions,
  token: string,
): Promise<number> {
  const calls: GraphCall[] = refused.map(({ k }) => items[k]!.category.readBack(items[k]!.id, view));
  const run = await runBatches(calls, token, {
    concurrency: BULK_CANCEL_CONCURRENCY,
    envelopeFailure: "retry-items",
    signal,
    onResult: (r, result) => {
      const { k, refusal } = refused[r]!;
      const item = items[k]!;
      report(item.index, judgeReadBack(item.category, item.id, calls[r]!, refusal, result), attempts[k]!);
    },
  });
  return run.roundTrips;
}
