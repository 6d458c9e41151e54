import "server-only";
import { serverEnv } from "@/lib/config/server-env";
import { GraphHttpError, GraphUnreachableError, RETRYABLE_STATUSES, parseRetryAfter } from "./graph-error";

export interface GraphResponse {
  status: number;
  /** Parsed JSON, or null for an empty body (204, or D's "200 with no body"). */
  body: unknown;
}

export interface GraphRequestOptions {
  token: string;
  method?: "GET" | "POST";
  body?: unknown;
}

/**
 * The one door to Microsoft Graph: bearer token, `client-request-id`, a timeout per attempt, and retries of
 * 429/503/504 that honour `Retry-After` (exponential back-off when it is absent, contract §8.3). Anything else that
 * is not 2xx is thrown as a GraphHttpError for the caller to translate.
 */
export async function graphRequest(url: string, options: GraphRequestOptions): Promise<GraphResponse> {
  const env = serverEnv();
  const clientRequestId = crypto.randomUUID();
  for (let attempt = 0; ; attempt++) {
    const response = await send(url, options, clientRequestId, env.GRAPH_TIMEOUT_MS);
    const body = await readJson(response);
    if (response.ok) return { status: response.status, body };

    const retryAfterMs = parseRetryAfter(response.headers.get("retry-after")) ?? backoffMs(attempt);
    const retryable = RETRYABLE_STATUSES.has(response.status);
    if (!retryable || attempt >= env.GRAPH_MAX_RETRIES || retryAfterMs > env.GRAPH_MAX_RETRY_WAIT_MS) {
      throw GraphHttpError.fromParts(response.status, body, response.headers);
    }
    await sleep(retryAfterMs);
  }
}

async function send(url: string, options: GraphRequestOptions, clientRequestId: string, timeoutMs: number) {
  const hasBody = options.body !== undefined;
  try {
    return await fetch(url, {
      method: options.method ?? "GET",
      headers: {
        Authorization: `Bearer ${options.token}`,
        Accept: "application/json",
        "client-request-id": clientRequestId,
        ...(hasBody ? { "Content-Type": "application/json" } : {}),
      },
      body: hasBody ? JSON.stringify(options.body) : undefined,
      signal: AbortSignal.timeout(timeoutMs),
      cache: "no-store",
    });
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === "TimeoutError";
    throw new GraphUnreachableError(timedOut, error);
  }
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export function backoffMs(attempt: number): number {
  return Math.min(8_000, 500 * 2 ** attempt);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
