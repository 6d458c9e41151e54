import "server-only";
import { Agent, errors, request, type Dispatcher } from "undici";
import { serverEnv } from "@/lib/config/server-env";
import { RETRYABLE_STATUSES } from "@/lib/graph/graph-error";
import { recordUpstreamCall } from "@/lib/ops/request-log-context";
import { retryWait } from "@/lib/upstreams/backoff";
import { ArmAbortedError, ArmHttpError, ArmUnreachableError, armRequestIdOf } from "./arm-error";
import { resolveArmUrl } from "./arm-paths";

export interface ArmResponse {
  status: number;
  /** Parsed JSON, or null for an empty body (a cancel answers 200 with none). */
  body: unknown;
  /** Lower-case names. */
  headers: Record<string, string>;
}

export interface ArmRequestOptions {
  token: string;
  method?: "GET" | "POST";
  /** false: one attempt; a 429/503/504 is thrown like any other error status. */
  retry?: boolean;
  /**
   * Retries of 429/503/504 at most; default the app's upstream setting (GRAPH_MAX_RETRIES). A bulk cancel asks for
   * more, as a long run is expected to meet ARM's write limit and each item should wait its turn, not fail.
   */
  maxRetries?: number;
  /** Stops sending (and waiting between attempts): the call then throws ArmAbortedError. */
  signal?: AbortSignal;
  /** Called each time the request is sent, retries included: a bulk cancel reports how often a cancel went out. */
  onSend?: () => void;
  /** Called with the status of every answer, retried ones included: a cancel's history (a lost 503/504 answer). */
  onAnswer?: (status: number) => void;
}

/**
 * The one door to Azure Resource Manager: bearer token, `x-ms-client-request-id` (one per logical call, the same on
 * its retries, so ARM's logs tie them together), a timeout per attempt, and retries of 429/503/504 that honour
 * `Retry-After` (contract "Errors, throttling, ids"), jittered, with exponential back-off (full jitter, lib/upstreams/backoff) when it is absent. Takes a
 * path the app built or an absolute link on the ARM root (anything else is refused unsent); `api-version` is the
 * caller's, in the query. Anything else that is not 2xx is thrown as an ArmHttpError for the caller to translate.
 *
 * The timeout and retry budget are the app's upstream settings (GRAPH_TIMEOUT_MS, GRAPH_MAX_RETRIES,
 * GRAPH_MAX_RETRY_WAIT_MS): they say how long a user waits for an answer, whichever API gives it.
 */
export async function armRequest(pathOrUrl: string, options: ArmRequestOptions): Promise<ArmResponse> {
  const url = resolveArmUrl(pathOrUrl);
  const env = serverEnv();
  const clientRequestId = crypto.randomUUID();
  const maxRetries = options.retry === false ? 0 : (options.maxRetries ?? env.GRAPH_MAX_RETRIES);
  for (let attempt = 0; ; attempt++) {
    if (options.signal?.aborted) throw new ArmAbortedError();
    options.onSend?.();
    const response = await send(url, options, clientRequestId, env.GRAPH_TIMEOUT_MS);
    const body = readJson(response.text);
    options.onAnswer?.(response.status);
    if (response.status >= 200 && response.status < 300) return { status: response.status, body, headers: response.headers };

    const error = ArmHttpError.fromParts(response.status, body, response.headers);
    const { waitMs, askedMs } = retryWait(error.retryAfterMs, attempt);
    if (!RETRYABLE_STATUSES.has(response.status) || attempt >= maxRetries || askedMs > env.GRAPH_MAX_RETRY_WAIT_MS) throw error;
    await sleep(waitMs, options.signal);
  }
}

// undici's own request API, with ARM's own keep-alive pool: an admin view fans out over every visible scope and a
// bulk cancel sends one POST per item, so connections are reused rather than opened per call. 32 connections
// cover the widest fan-out the app runs (ARM_LIST_CONCURRENCY per list, ARM_CANCEL_CONCURRENCY per bulk run)
// for a few users at once.
const armAgent = new Agent({ keepAliveTimeout: 30_000, connections: 32 });

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
}

async function send(url: string, options: ArmRequestOptions, clientRequestId: string, timeoutMs: number): Promise<RawResponse> {
  const method = options.method ?? "GET";
  const started = performance.now();
  let response: Dispatcher.ResponseData;
  try {
    response = await request(url, {
      dispatcher: armAgent,
      method,
      headers: {
        authorization: `Bearer ${options.token}`,
        accept: "application/json",
        // The cancel has no body (the spec's Cancel example); undici sends a POST's `content-length: 0` itself.
        "x-ms-client-request-id": clientRequestId,
      },
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      signal: options.signal,
    });
    const text = await response.body.text();
    const headers = flatHeaders(response.headers);
    recordUpstreamCall({ upstream: "arm", method, status: response.statusCode, durationMs: performance.now() - started, requestId: armRequestIdOf(headers), clientRequestId });
    return { status: response.statusCode, headers, text };
  } catch (error) {
    recordUpstreamCall({ upstream: "arm", method, status: "unreachable", durationMs: performance.now() - started, clientRequestId });
    if (options.signal?.aborted) throw new ArmAbortedError();
    const timedOut = error instanceof errors.HeadersTimeoutError || error instanceof errors.BodyTimeoutError;
    throw new ArmUnreachableError(timedOut, error);
  }
}

function flatHeaders(headers: Dispatcher.ResponseData["headers"]): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
  }
  return flat;
}

function readJson(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new ArmAbortedError());
    const onAbort = () => {
      clearTimeout(timer);
      reject(new ArmAbortedError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
