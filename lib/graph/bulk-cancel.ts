import "server-only";
import type { CancelCall, GraphCall, GraphCategory } from "@/lib/categories/category-definition";
import type { RequestView } from "@/lib/requests/pending-request";
import { LOST_ANSWER_STATUSES, needsReadBack, type AnswerHistory, type ReportVerdict, type Verdict } from "@/lib/upstreams/verdict";
import { runBatches } from "./batch";
import { judgeCancel, judgeReadBack } from "./bulk-verdict";
import { appLogger } from "@/lib/ops/logger";

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
  /** Aborted when the browser goes away: nothing more is sent, and nothing more is reported. */
  signal?: AbortSignal;
  /**
   * Aborted when the run must end (a token was rejected): nothing more is sent, but every answer already on its way
   * is still judged and reported. Items never sent get no report; the run accounts for them.
   */
  stop?: AbortSignal;
  report: ReportVerdict;
}

/**
 * Cancels every item through `$batch` and reports each item's verdict as soon as Graph's answer for it is final.
 * Refusals ("not cancellable") and answers that said nothing (a final 503/504) are read back in one more batched
 * round first, and judged with what the item's earlier answers said (lib/upstreams/verdict). Returns the round trips
 * sent; an item left unreported (the run stopped) is the caller's to account for.
 */
export async function cancelGraphItems(items: readonly GraphBulkItem[], token: string, options: GraphBulkOptions): Promise<{ roundTrips: number }> {
  const { view, signal, stop, report } = options;
  const sendSignal = anyOf(signal, stop);
  const attempts = items.map(() => 0);
  // 503/504 answers per item, the final one included: only earlier ones make history (the last is the verdict).
  const lostAnswers = items.map(() => 0);
  const histories: AnswerHistory[] = items.map(() => ({ lostAnswer: false }));
  const pending: Array<{ k: number; first: Verdict }> = [];
  let roundTrips = 0;
  try {
    const cancels = await runBatches(
      items.map((item) => ({ ...item.call, method: "POST" as const })),
      token,
      {
        concurrency: BULK_CANCEL_CONCURRENCY,
        envelopeFailure: "retry-items",
        signal: sendSignal,
        onAnswer: (k, result) => {
          if (LOST_ANSWER_STATUSES.has(result.status)) lostAnswers[k]!++;
        },
        onResult: (k, result, sent) => {
          const item = items[k]!;
          attempts[k] = sent;
          histories[k] = { lostAnswer: lostAnswers[k]! - (LOST_ANSWER_STATUSES.has(result.status) ? 1 : 0) > 0 };
          const verdict = judgeCancel(item.category, item.id, view, result);
          if (needsReadBack(verdict, histories[k]!)) pending.push({ k, first: verdict });
          else report(item.index, verdict, sent);
        },
      },
    );
    roundTrips += cancels.roundTrips;
    // After a stop the token is refused: a read-back could only fail, so the verdicts stand as they are.
    if (pending.length > 0 && !sendSignal?.aborted) roundTrips += await readBack(items, pending, attempts, histories, options, token);
  } catch (error) {
    appLogger().error({ kind: "bulk_run_failure", reason: error instanceof Error ? error.message : String(error) }, "the Graph part of the run stopped unexpectedly");
  }
  // A verdict whose read-back never came stands as it was (reporting twice is a no-op for the run).
  if (!signal?.aborted) for (const { k, first } of pending) report(items[k]!.index, first, attempts[k]!);
  return { roundTrips };
}

/** One batched round of the categories' read-back GETs; returns its round trips. */
async function readBack(
  items: readonly GraphBulkItem[],
  pending: ReadonlyArray<{ k: number; first: Verdict }>,
  attempts: readonly number[],
  histories: readonly AnswerHistory[],
  { view, signal, stop, report }: GraphBulkOptions,
  token: string,
): Promise<number> {
  const calls: GraphCall[] = pending.map(({ k }) => items[k]!.category.readBack(items[k]!.id, view));
  const run = await runBatches(calls, token, {
    concurrency: BULK_CANCEL_CONCURRENCY,
    envelopeFailure: "retry-items",
    signal: anyOf(signal, stop),
    onResult: (r, result) => {
      const { k, first } = pending[r]!;
      const item = items[k]!;
      report(item.index, judgeReadBack(item.category, item.id, calls[r]!, first, histories[k]!, result), attempts[k]!);
    },
  });
  return run.roundTrips;
}

function anyOf(...signals: Array<AbortSignal | undefined>): AbortSignal | undefined {
  const present = signals.filter((s): s is AbortSignal => s !== undefined);
  return present.length <= 1 ? present[0] : AbortSignal.any(present);
}
