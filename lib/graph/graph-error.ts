import "server-only";
import { z } from "zod";

// Graph's error body (contract §8.1). `innerError` may use `request-id` or the older `requestId`.
const graphErrorBodySchema = z.object({
  error: z.object({
    code: z.string().optional(),
    message: z.string().optional(),
    innerError: z
      .object({ "request-id": z.string().optional(), requestId: z.string().optional() })
      .loose()
      .optional(),
  }),
});

/** A non-2xx answer from Graph, before it is translated into the app's own error. */
export class GraphHttpError extends Error {
  constructor(
    readonly status: number,
    readonly upstreamCode: string | undefined,
    message: string,
    readonly requestId: string | undefined,
    readonly retryAfterMs: number | undefined,
    /** Set when Graph answered a claims challenge (401 `insufficient_claims`): the claims it wants, base64. */
    readonly claimsChallenge: string | undefined = undefined,
  ) {
    super(message);
    this.name = "GraphHttpError";
  }

  /** `headers` as a plain record, the shape of both a direct answer (graph-fetch) and a `$batch` item's. */
  static fromParts(status: number, body: unknown, headers: Record<string, string> | undefined) {
    const parsed = graphErrorBodySchema.safeParse(body);
    const error = parsed.success ? parsed.data.error : undefined;
    const header = (name: string) => lookupHeader(headers, name);
    return new GraphHttpError(
      status,
      error?.code,
      error?.message ?? `Microsoft Graph answered ${status}.`,
      error?.innerError?.["request-id"] ?? error?.innerError?.requestId ?? header("request-id"),
      parseRetryAfter(header("retry-after")),
      status === 401 ? parseClaimsChallenge(header("www-authenticate")) : undefined,
    );
  }
}

/**
 * The `claims` of a Continuous Access Evaluation / Conditional Access challenge: Graph answers 401 with
 * `WWW-Authenticate: Bearer realm="", authorization_uri="…", error="insufficient_claims", claims="<base64 JSON>"`
 * (Microsoft identity platform, "Claims challenges, claims requests and client capabilities"). Any other 401 (an
 * expired or invalid token) has no such claims and reads as "sign in again".
 */
export function parseClaimsChallenge(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const params = new Map<string, string>();
  for (const match of header.matchAll(/([a-z_]+)="([^"]*)"/gi)) params.set(match[1]!.toLowerCase(), match[2]!);
  const claims = params.get("claims");
  if (params.get("error") !== "insufficient_claims" || !claims || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(claims)) return undefined;
  return claims;
}

/** A network failure or timeout: Graph never answered. */
export class GraphUnreachableError extends Error {
  constructor(readonly timedOut: boolean, cause: unknown) {
    super(timedOut ? "Microsoft Graph did not answer in time." : "Microsoft Graph could not be reached.", { cause });
    this.name = "GraphUnreachableError";
  }
}

/** A header from a plain record whatever its case (`$batch` items keep Graph's spelling). `name` in lower case. */
export function lookupHeader(headers: Record<string, string> | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key ? headers[key] : undefined;
}

/** Retry-After in seconds, possibly fractional (the throttling sample says 2.128), or an HTTP date. */
export function parseRetryAfter(value: string | null | undefined): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 503, 504]);
