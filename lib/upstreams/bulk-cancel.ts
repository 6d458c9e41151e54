import "server-only";
import { setMaxListeners } from "node:events";
import type { ArmCategory, CancelCall, GraphCategory, RequestCategory } from "@/lib/categories/category-definition";
import type { Upstream } from "@/lib/errors/app-error";
import { emptyBulkCounts, type BulkLine, type BulkOutcomeLine } from "@/lib/requests/bulk-outcome";
import type { RequestView } from "@/lib/requests/pending-request";
import { cancelArmItems } from "@/lib/arm/bulk-cancel";
import { cancelGraphItems } from "@/lib/graph/bulk-cancel";
import { notSentVerdict, shownParts, STOPPED_VERDICT, type Verdict } from "./verdict";
import { appLogger } from "@/lib/ops/logger";

/** One item of a bulk run, validated: Graph items carry their planned cancel call. */
export type BulkCancelItem =
  | { category: GraphCategory<unknown>; id: string; call: CancelCall }
  | { category: ArmCategory<unknown>; id: string };

export interface BulkCancelInput {
  items: readonly BulkCancelItem[];
  view: RequestView;
  tokens: Partial<Record<Upstream, string>>;
  /** Aborted when the browser goes away: nothing more is sent, and nothing more is written. */
  signal?: AbortSignal;
}

/** The upstreams a run's items live in, so the route reads exactly those tokens. */
export function upstreamsOf(items: ReadonlyArray<{ category: RequestCategory<unknown> }>): Upstream[] {
  return [...new Set(items.map((item) => item.category.upstream))];
}

/** One item's final word, as the run hands it to its listener: the line the browser gets, and the full verdict. */
export type OutcomeListener = (line: BulkOutcomeLine, verdict: Verdict) => void;

/**
 * The one cancel pipeline: a bulk run streams it, a single cancel is a run of one (lib/upstreams/cancel-request).
 * Graph's items go out through `$batch`, ARM's as bounded parallel calls, both at once; each upstream reads a
 * request back after a refusal or an answer that said nothing, and judges the two together (lib/upstreams/verdict).
 *
 * Written as NDJSON lines through `emit`: "start", one "outcome" per item as soon as its answer is final, "done".
 * A token an upstream rejects (a 401 that is no claims challenge) ends the run: nothing more is sent to either API,
 * the answers already on their way are reported, and the item refused plus every item never sent get a
 * `token_rejected` line (nothing was done to them; the browser sends them again after a new sign-in). Never throws;
 * every item ends with exactly one outcome, unless the browser went away (`signal`).
 */
export async function runCancels(input: BulkCancelInput, emit: (line: BulkLine) => void, onOutcome?: OutcomeListener): Promise<void> {
  const { items, view, tokens, signal } = input;
  const started = performance.now();
  const counts = emptyBulkCounts();
  const reported = items.map(() => false);
  const stop = new AbortController();
  // Listened to by every ARM call under way and each $batch round: more than Node's default of ten, and no leak.
  setMaxListeners(64, stop.signal);
  let rejectedBy: Upstream | undefined;

  const report = (index: number, verdict: Verdict, attempts: number) => {
    const item = items[index];
    if (!item || reported[index]) return;
    reported[index] = true;
    if (verdict.outcome === "token_rejected" && !stop.signal.aborted) {
      rejectedBy = verdict.upstream ?? item.category.upstream;
      stop.abort();
    }
    counts[verdict.outcome]++;
    const line = outcomeLine(item, verdict, attempts);
    onOutcome?.(line, verdict);
    emit(line);
  };

  emit({ type: "start", total: items.length });
  const graphItems = items.flatMap((item, index) => (item.category.upstream === "graph" && "call" in item ? [{ ...item, category: item.category, index }] : []));
  const armItems = items.flatMap((item, index) => (item.category.upstream === "arm" ? [{ index, category: item.category, id: item.id }] : []));
  const [graph, arm] = await Promise.all([
    graphItems.length > 0 ? cancelGraphItems(graphItems, tokens.graph!, { view, signal, stop: stop.signal, report }) : { roundTrips: 0 },
    armItems.length > 0 ? cancelArmItems(armItems, tokens.arm!, { signal, stop: stop.signal, report }) : { calls: 0, concurrency: 0 },
  ]).catch((error: unknown) => {
    appLogger().error({ kind: "bulk_run_failure", reason: error instanceof Error ? error.message : String(error) }, "the run stopped unexpectedly");
    return [{ roundTrips: 0 }, { calls: 0, concurrency: 0 }] as const;
  });
  if (signal?.aborted) return;
  // Unreported now: never sent because a token was rejected (nothing done to them), or the run broke off.
  const leftOver = stop.signal.aborted ? notSentVerdict(rejectedBy) : STOPPED_VERDICT;
  items.forEach((_, index) => report(index, leftOver, 0));
  emit({
    type: "done",
    counts,
    graphRoundTrips: graph.roundTrips,
    armCalls: arm.calls,
    armConcurrency: arm.concurrency,
    ms: Math.round(performance.now() - started),
  });
}

/** The browser's line: the verdict without what stays on the server (the app error, the entity, the doubt). */
function outcomeLine(item: BulkCancelItem, verdict: Verdict, attempts: number): BulkOutcomeLine {
  return { type: "outcome", category: item.category.summary.slug, id: item.id, ...shownParts(verdict), attempts, at: new Date().toISOString() };
}
