import "server-only";
import { z } from "zod";
import type { GraphCall, GraphVersion } from "@/lib/categories/category-definition";
import { serverEnv } from "@/lib/config/server-env";
import { GraphHttpError, GraphUnreachableError, lookupHeader, parseRetryAfter, RETRYABLE_STATUSES } from "./graph-error";
import { retryWait } from "@/lib/upstreams/backoff";
import { graphRequest } from "./graph-fetch";
import { batchRelativeUrl, graphRoot } from "./graph-url";
import { recordUpstreamCall } from "@/lib/ops/request-log-context";

/** Graph's JSON batching limit (contract §8.2). */
export const MAX_BATCH_SIZE = 20;

/**
 * Retry-After is a minimum, so a retry may wait this much longer to share a `$batch` with retries that fall due
 * just after it: items throttled in batches that came back a few milliseconds apart then cost one round trip.
 */
const RETRY_COALESCE_MS = 100;

export interface BatchCall extends GraphCall {
  method?: "GET" | "POST";
  body?: unknown;
}

export interface BatchItemResult {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

export interface BatchRunOptions {
  /** `$batch` requests in flight at once. Default 1. */
  concurrency?: number;
  /** Called once per call as soon as its answer is final (after any retries), with how often it was sent. */
  onResult?: (index: number, result: BatchItemResult, attempts: number) => void;
  /** Called for every answer of a call, retried ones included, before its retry is decided (a cancel's history). */
  onAnswer?: (index: number, result: BatchItemResult) => void;
  /**
   * What a `$batch` request that fails as a whole (network, timeout, an error status on the envelope) does:
   * "throw" (default) fails the run; "retry-items" answers its items like a 503 (or, for a 4xx such as 401, with
   * that status), so they are retried and end with an answer of their own.
   */
  envelopeFailure?: "throw" | "retry-items";
  /** Once aborted, nothing more is sent; calls not answered by then get no result. */
  signal?: AbortSignal;
}

export interface BatchRun {
  /** In call order; undefined only for calls the run was aborted before answering. */
  results: Array<BatchItemResult | undefined>;
  /**
   * HTTP requests sent to Graph, one per `$batch` sent. Exact with envelopeFailure "retry-items"; with "throw",
   * graphRequest's own resends of a throttled envelope happen below this count.
   */
  roundTrips: number;
}

interface Entry {
  index: number;
  attempts: number;
  readyAt: number;
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
 * Runs calls of one Graph version through `$batch`, 20 per request, one request at a time. Graph throttles per
 * item (§8.2), so items that come back 429/503/504 are sent again after their Retry-After; the rest keep their
 * answer. Results come back in the order of `calls` (Graph may reorder responses; they are matched by id).
 */
export async function runBatch(version: GraphVersion, calls: readonly BatchCall[], token: string): Promise<BatchItemResult[]> {
  const run = await runBatches(
    calls.map((call) => ({ ...call, version })),
    token,
  );
  return run.results as BatchItemResult[];
}

/**
 * The scheduler behind `runBatch`, for calls of any version: each `$batch` holds up to 20 calls of one version,
 * up to `concurrency` of them are in flight, and throttled items wait for their own Retry-After (exponential
 * back-off without one, both jittered), at most GRAPH_MAX_RETRIES times, then travel together in new batches.
 */
export async function runBatches(calls: readonly BatchCall[], token: string, options: BatchRunOptions = {}): Promise<BatchRun> {
  const env = serverEnv();
  const concurrency = Math.max(1, options.concurrency ?? 1);
  const results = new Array<BatchItemResult | undefined>(calls.length);
  const start = Date.now();
  let queue: Entry[] = calls.map((_, index) => ({ index, attempts: 0, readyAt: start }));
  const inFlight = new Set<Promise<void>>();
  let roundTrips = 0;
  let failure: { error: unknown } | undefined;
  // The envelope's token authorises every item (§8.2): once Graph refuses it, the calls not yet sent get the same
  // answer instead of being sent.
  let tokenRefused: BatchItemResult | undefined;

  const settle = (entry: Entry, result: BatchItemResult) => {
    results[entry.index] = result;
    options.onResult?.(entry.index, result, entry.attempts);
  };

  const send = async (batch: Entry[]) => {
    try {
      roundTrips++;
      for (const entry of batch) entry.attempts++;
      let answered: Map<number, BatchItemResult>;
      try {
        // With retry-items this loop resends a failed envelope's items itself and counts each send, so graphRequest
        // must not also retry the envelope (uncounted sends, retries multiplied); with "throw", it is the only retry.
        answered = await postBatch(calls, batch, token, { retry: options.envelopeFailure !== "retry-items" });
      } catch (error) {
        if (options.envelopeFailure !== "retry-items") throw error;
        const result = envelopeFailureResult(error);
        answered = new Map(batch.map((entry) => [entry.index, result]));
      }
      const now = Date.now();
      // One draw per answer, not per item: the items of one `$batch` are jittered together, so they still travel
      // together (RETRY_COALESCE_MS) while other runs' batches spread out.
      const draw = Math.random();
      for (const entry of batch) {
        const result = answered.get(entry.index) ?? missingAnswer();
        options.onAnswer?.(entry.index, result);
        const { waitMs, askedMs } = retryWait(parseRetryAfter(lookupHeader(result.headers, "retry-after")), entry.attempts - 1, () => draw);
        const retry = RETRYABLE_STATUSES.has(result.status) && entry.attempts <= env.GRAPH_MAX_RETRIES && askedMs <= env.GRAPH_MAX_RETRY_WAIT_MS;
        if (retry) queue.push({ ...entry, readyAt: now + waitMs });
        else settle(entry, result);
      }
      const first = answered.get(batch[0]!.index);
      if (first?.status === 401 && batch.every((entry) => answered.get(entry.index)?.status === 401)) tokenRefused ??= first;
    } catch (error) {
      failure ??= { error };
    }
  };

  const { signal } = options;
  const aborted = signal && new Promise<void>((resolve) => signal.addEventListener("abort", () => resolve(), { once: true }));
  while (!failure) {
    if (tokenRefused) for (const entry of queue.splice(0)) settle(entry, tokenRefused);
    if (signal?.aborted) queue = [];
    if (queue.length === 0 && inFlight.size === 0) break;
    const next = inFlight.size < concurrency ? pickBatch(queue, calls) : undefined;
    const now = Date.now();
    if (next && next.at <= now) {
      queue = queue.filter((entry) => !next.entries.includes(entry));
      const task: Promise<void> = send(next.entries).finally(() => inFlight.delete(task));
      inFlight.add(task);
      continue;
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const due = next ? new Promise<void>((resolve) => (timer = setTimeout(resolve, next.at - now))) : undefined;
    // Once aborted, only the batches in flight are awaited (a settled promise in the race would spin this loop).
    await Promise.race([...inFlight, ...(aborted && !signal?.aborted ? [aborted] : []), ...(due ? [due] : [])]);
    clearTimeout(timer);
  }
  if (failure) throw failure.error;
  return { results, roundTrips };
}

/** The next batch: the earliest-due call's version, with the calls of that version due within the coalescing window. */
function pickBatch(queue: readonly Entry[], calls: readonly BatchCall[]): { entries: Entry[]; at: number } | undefined {
  const sorted = [...queue].sort((a, b) => a.readyAt - b.readyAt || a.index - b.index);
  const first = sorted[0];
  if (!first) return undefined;
  const version = calls[first.index]!.version;
  const entries = sorted
    .filter((entry) => calls[entry.index]!.version === version && entry.readyAt <= first.readyAt + RETRY_COALESCE_MS)
    .slice(0, MAX_BATCH_SIZE);
  return { entries, at: Math.max(...entries.map((entry) => entry.readyAt)) };
}

async function postBatch(calls: readonly BatchCall[], batch: readonly Entry[], token: string, { retry }: { retry: boolean }) {
  const requests = batch.map(({ index }) => {
    const call = calls[index]!;
    const hasBody = call.body !== undefined;
    return {
      id: String(index),
      method: call.method ?? "GET",
      url: batchRelativeUrl(call),
      ...(hasBody ? { body: call.body, headers: { "Content-Type": "application/json" } } : {}),
    };
  });
  const version = calls[batch[0]!.index]!.version;
  const response = await graphRequest(`${graphRoot(version)}/$batch`, { token, method: "POST", body: { requests }, retry });
  const parsed = batchResponseSchema.safeParse(response.body);
  const answered = new Map<number, BatchItemResult>();
  if (!parsed.success) return answered;
  for (const item of parsed.data.responses) {
    // Graph does not always give a batched answer its own request-id; the envelope's then identifies it for support.
    const headers = response.requestId && !lookupHeader(item.headers ?? undefined, "request-id") ? { "request-id": response.requestId, ...item.headers } : (item.headers ?? {});
    answered.set(Number(item.id), { status: item.status, body: item.body ?? null, headers });
    recordBatchedCall(calls[Number(item.id)]?.method ?? "GET", item.status, item.body ?? null, headers);
  }
  return answered;
}

/**
 * A `$batch` that failed as a whole, as the answer of each of its items: Graph never reached them, so network
 * trouble, a timeout or a 5xx on the envelope is passing trouble (retried like a 503); a 4xx is their answer.
 */
function envelopeFailureResult(error: unknown): BatchItemResult {
  if (error instanceof GraphUnreachableError) {
    return { status: error.timedOut ? 504 : 503, body: { error: { message: error.message } }, headers: {} };
  }
  if (!(error instanceof GraphHttpError)) throw error;
  const status = error.status >= 500 && !RETRYABLE_STATUSES.has(error.status) ? 503 : error.status;
  const retryAfter: Record<string, string> = error.retryAfterMs === undefined ? {} : { "retry-after": String(error.retryAfterMs / 1000) };
  return { status, body: { error: { code: error.upstreamCode, message: error.message } }, headers: retryAfter };
}

// An item Graph left out of its answer is reported as a gateway failure rather than silently dropped.
function missingAnswer(): BatchItemResult {
  return { status: 502, body: { error: { code: "missingBatchResponse", message: "Graph did not answer this item." } }, headers: {} };
}

// Each item of a `$batch` is its own Graph request with its own request-id: the request log keeps the failed
// ones' ids, which is what Microsoft support asks for.
function recordBatchedCall(method: string, status: number, body: unknown, headers: Record<string, string>) {
  const requestId = status >= 400 ? GraphHttpError.fromParts(status, body, headers).requestId : headers["request-id"];
  recordUpstreamCall({ upstream: "graph", method, status, durationMs: 0, inBatch: true, ...(requestId ? { requestId } : {}) });
}
