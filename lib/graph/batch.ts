import "server-only";
import { z } from "zod";
import type { GraphCall, GraphVersion } from "@/lib/categories/category-definition";
import { serverEnv } from "@/lib/config/server-env";
import { parseRetryAfter, RETRYABLE_STATUSES } from "./graph-error";
import { backoffMs, graphRequest, sleep } from "./graph-fetch";
import { batchRelativeUrl, graphRoot } from "./graph-url";

/** Graph's JSON batching limit (contract §8.2). */
export const MAX_BATCH_SIZE = 20;

export interface BatchCall extends GraphCall {
  method?: "GET" | "POST";
  body?: unknown;
}

export interface BatchItemResult {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

const batchResponseSchema = z.object({
  responses: z.array(
    z.object({
      id: z.string(),
      status: z.number(),
      headers: z.record(z.string(), z.string()).nullish(),
      body: z.unknown(),
    }),
  ),
});

/**
 * Runs calls of one Graph version through `$batch`, 20 per request. Graph throttles per item (§8.2), so items that
 * come back 429/503/504 are sent again, alone in a new batch, after their Retry-After; the rest keep their answer.
 * Results come back in the order of `calls` (Graph may reorder responses; they are matched by id).
 */
export async function runBatch(version: GraphVersion, calls: readonly BatchCall[], token: string): Promise<BatchItemResult[]> {
  const results: BatchItemResult[] = new Array(calls.length);
  for (let start = 0; start < calls.length; start += MAX_BATCH_SIZE) {
    const indexes = calls.slice(start, start + MAX_BATCH_SIZE).map((_, offset) => start + offset);
    await runChunk(version, calls, indexes, token, results);
  }
  return results;
}

async function runChunk(
  version: GraphVersion,
  calls: readonly BatchCall[],
  indexes: number[],
  token: string,
  results: BatchItemResult[],
): Promise<void> {
  const env = serverEnv();
  let pending = indexes;
  for (let attempt = 0; pending.length > 0; attempt++) {
    const answered = await postBatch(version, calls, pending, token);
    const retry: number[] = [];
    let waitMs = 0;
    for (const index of pending) {
      const result = answered.get(index) ?? missingAnswer();
      const itemWait = parseRetryAfter(result.headers["retry-after"] ?? result.headers["Retry-After"]) ?? backoffMs(attempt);
      if (RETRYABLE_STATUSES.has(result.status) && attempt < env.GRAPH_MAX_RETRIES && itemWait <= env.GRAPH_MAX_RETRY_WAIT_MS) {
        retry.push(index);
        waitMs = Math.max(waitMs, itemWait);
      }
      results[index] = result;
    }
    pending = retry;
    if (pending.length > 0) await sleep(waitMs);
  }
}

async function postBatch(version: GraphVersion, calls: readonly BatchCall[], indexes: number[], token: string) {
  const requests = indexes.map((index) => {
    const call = calls[index]!;
    const hasBody = call.body !== undefined;
    return {
      id: String(index),
      method: call.method ?? "GET",
      url: batchRelativeUrl(call),
      ...(hasBody ? { body: call.body, headers: { "Content-Type": "application/json" } } : {}),
    };
  });
  const response = await graphRequest(`${graphRoot(version)}/$batch`, { token, method: "POST", body: { requests } });
  const parsed = batchResponseSchema.safeParse(response.body);
  const answered = new Map<number, BatchItemResult>();
  if (!parsed.success) return answered;
  for (const item of parsed.data.responses) {
    answered.set(Number(item.id), { status: item.status, body: item.body ?? null, headers: item.headers ?? {} });
  }
  return answered;
}

// An item Graph left out of its answer is reported as a gateway failure rather than silently dropped.
function missingAnswer(): BatchItemResult {
  return { status: 502, body: { error: { code: "missingBatchResponse", message: "Graph did not answer this item." } }, headers: {} };
}
