import "server-only";
import type { ArmCategory, CancelCall, GraphCategory, RequestCategory } from "@/lib/categories/category-definition";
import type { Upstream } from "@/lib/errors/app-error";
import { emptyBulkCounts, type BulkLine } from "@/lib/requests/bulk-outcome";
import type { RequestView } from "@/lib/requests/pending-request";
import { cancelArmItems } from "@/lib/arm/bulk-cancel";
import { cancelGraphItems } from "@/lib/graph/bulk-cancel";
import { STOPPED_VERDICT, type Verdict } from "./verdict";

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

/**
 * One run, one receipt, whichever APIs the items live in: Graph's items go out through `$batch`, ARM's as bounded
 * parallel calls, both at once. Written as NDJSON lines through `emit`: "start", one "outcome" per item as soon as
 * its answer is final, "done". Never throws; every item ends with exactly one outcome.
 */
export async function bulkCancel(input: BulkCancelInput, emit: (line: BulkLine) => void): Promise<void> {
  const { items, view, tokens, signal } = input;
  const started = performance.now();
  const counts = emptyBulkCounts();
  const reported = items.map(() => false);

  const report = (index: number, verdict: Verdict, attempts: number) => {
    const item = items[index];
    if (!item || reported[index]) return;
    reported[index] = true;
    counts[verdict.outcome]++;
    emit({ type: "outcome", category: item.category.summary.slug, id: item.id, ...verdict, attempts, at: new Date().toISOString() });
  };

  emit({ type: "start", total: items.length });
  const graphItems = items.flatMap((item, index) => (item.category.upstream === "graph" && "call" in item ? [{ ...item, category: item.category, index }] : []));
  const armItems = items.flatMap((item, index) => (item.category.upstream === "arm" ? [{ index, category: item.category, id: item.id }] : []));
  const [graph, arm] = await Promise.all([
    graphItems.length > 0 ? cancelGraphItems(graphItems, tokens.graph!, { view, signal, report }) : { roundTrips: 0 },
    armItems.length > 0 ? cancelArmItems(armItems, tokens.arm!, { signal, report }) : { calls: 0, concurrency: 0 },
  ]).catch((error: unknown) => {
    console.error("[bulk-cancel] the run stopped unexpectedly:", error instanceof Error ? error.message : error);
    return [{ roundTrips: 0 }, { calls: 0, concurrency: 0 }] as const;
  });
  if (signal?.aborted) return;
  items.forEach((_, index) => report(index, STOPPED_VERDICT, 0));
  emit({
    type: "done",
    counts,
    graphRoundTrips: graph.roundTrips,
    armCalls: arm.calls,
    armConcurrency: arm.concurrency,
    ms: Math.round(performance.now() - started),
  });
}
