import "server-only";
import { Agent, errors, request, type Dispatcher } from "undici";
import { serverEnv } from "@/lib/config/server-env";
import { recordUpstreamCall } from "@/lib/ops/request-log-context";
import { retryWait } from "@/lib/upstreams/backoff";
import { GraphHttpError, GraphUnreachableError, RETRYABLE_STATUSES, parseRetryAfter } from "./graph-error";

export interface GraphResponse {
  status: number;
  /** Parsed JSON, or null for an empty body (204, or D's "200 with no body"). */
  body: unknown;
  /** Graph's `request-id` of this answer, for support. */
  requestId?: string;
}

export interface GraphRequestOptions {
  token: string;
  method?: "GET" | "POST";
  body?: unknown;
  /**
   * false: one attempt, a 429/503/504 is thrown like any other error status. For callers that retry themselves
   * (a `$batch` whose items are rescheduled on their own), so a request is not retried twice over and every send
   * is theirs to count.
   */
  retry?: boolean;
}

/**
 * The one door to Microsoft Graph: bearer token, `client-request-id`, a timeout per attempt, and retries of
 * 429/503/504 that honour `Retry-After` (jittered, and exponential back-off with full jitter when it is absent, contract §8.3;
 * lib/upstreams/backoff) unless `retry` is
 * false. Anything else that is not 2xx is thrown as a GraphHttpError for the caller to translate.
 */
export async function graphRequest(url: string, options: GraphRequestOptions): Promise<GraphResponse> {
  const env = serverEnv();
  const clientRequestId = crypto.randomUUID();
  const maxRetries = options.retry === false ? 0 : env.GRAPH_MAX_RETRIES;
  for (let attempt = 0; ; attempt++) {
    const response = await send(url, options, clientRequestId, env.GRAPH_TIMEOUT_MS);
    const body = readJson(response);
    if (response.ok) return { status: response.status, body, ...(response.headers["request-id"] ? { requestId: response.headers["request-id"] } : {}) };

    const { waitMs, askedMs } = retryWait(parseRetryAfter(response.headers["retry-after"]), attempt);
    const retryable = RETRYABLE_STATUSES.has(response.status);
    if (!retryable || attempt >= maxRetries || askedMs > env.GRAPH_MAX_RETRY_WAIT_MS) {
      throw GraphHttpError.fromParts(response.status, body, response.headers);
    }
    await sleep(waitMs);
  }
}

// undici's own request API rather than the global fetch: every list, cancel and $batch passes through here, and
// fetch's web streams and Next's fetch instrumentation (this proxy never caches Graph) cost more CPU per call than
// the proxy's own work. One keep-alive pool per origin, as fetch would have had.
const graphAgent = new Agent({ keepAliveTimeout: 30_000, connections: 64 });

interface RawResponse {
  status: number;
  ok: boolean;
  headers: Record<string, string>;
  text: string;
}

async function send(url: string, options: GraphRequestOptions, clientRequestId: string, timeoutMs: number): Promise<RawResponse> {
  const hasBody = options.body !== undefined;
  const method = options.method ?? "GET";
  const started = performance.now();
  let response: Dispatcher.ResponseData;
  try {
    response = await request(url, {
      dispatcher: graphAgent,
      method,
      headers: {
        authorization: `Bearer ${options.token}`,
        accept: "application/json",
        "client-request-id": clientRequestId,
        ...(hasBody ? { "content-type": "application/json" } : {}),
      },
      body: hasBody ? JSON.stringify(options.body) : undefined,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
    const text = await response.body.text();
    const headers = flatHeaders(response.headers);
    recordUpstreamCall({ upstream: "graph", method, status: response.statusCode, durationMs: performance.now() - started, requestId: headers["request-id"], clientRequestId });
    return { status: response.statusCode, ok: response.statusCode >= 200 && response.statusCode < 300, headers, text };
  } catch (error) {
    recordUpstreamCall({ upstream: "graph", method, status: "unreachable", durationMs: performance.now() - started, clientRequestId });
    const timedOut = error instanceof errors.HeadersTimeoutError || error instanceof errors.BodyTimeoutError;
    throw new GraphUnreachableError(timedOut, error);
  }
}

function flatHeaders(headers: Dispatcher.ResponseData["headers"]): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return flat;
}

function readJson(response: RawResponse): unknown {
  if (!response.text) return null;
  try {
    return JSON.parse(response.text);
  } catch {
    return null;
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
