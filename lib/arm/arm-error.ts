import "server-only";
import { z } from "zod";
import { lookupHeader, parseClaimsChallenge, parseRetryAfter } from "@/lib/graph/graph-error";

// ARM's error body (contract "Errors, throttling, ids"): a CloudError `{"error": {code, message, target?, details?}}`.
// Some resource providers still answer with the inner object at the top level, so both are read.
const cloudErrorSchema = z.object({
  code: z.string().optional(),
  message: z.string().optional(),
  target: z.string().nullish(),
  details: z.array(z.unknown()).nullish(),
});
const armErrorBodySchema = z.union([z.object({ error: cloudErrorSchema }), cloudErrorSchema.transform((error) => ({ error }))]);

/** A non-2xx answer from Azure Resource Manager, before it is translated into the app's own error. */
export class ArmHttpError extends Error {
  constructor(
    readonly status: number,
    /** ARM's `error.code`: `AuthorizationFailed`, `RequestCannotBeCancelled`, `TooManyRequests`, … */
    readonly upstreamCode: string | undefined,
    message: string,
    /** `x-ms-request-id` (or `x-ms-correlation-request-id` when ARM sent no request id), for support. */
    readonly requestId: string | undefined,
    readonly retryAfterMs: number | undefined,
    /** Set when ARM answered a claims challenge (401 `insufficient_claims`, CAE): the claims it wants, base64. */
    readonly claimsChallenge: string | undefined = undefined,
  ) {
    super(message);
    this.name = "ArmHttpError";
  }

  static fromParts(status: number, body: unknown, headers: Record<string, string> | undefined): ArmHttpError {
    const parsed = armErrorBodySchema.safeParse(body);
    const error = parsed.success ? parsed.data.error : undefined;
    const header = (name: string) => lookupHeader(headers, name);
    return new ArmHttpError(
      status,
      error?.code,
      error?.message ?? `Azure Resource Manager answered ${status}.`,
      armRequestIdOf(headers),
      parseRetryAfter(header("retry-after")),
      // ARM's CAE challenge has Graph's `WWW-Authenticate` shape (contract "Errors, throttling, ids").
      status === 401 ? parseClaimsChallenge(header("www-authenticate")) : undefined,
    );
  }
}

/** ARM's id of one answer: `x-ms-request-id`, else the correlation id that ties a call's hops together. */
export function armRequestIdOf(headers: Record<string, string> | undefined): string | undefined {
  return lookupHeader(headers, "x-ms-request-id") ?? lookupHeader(headers, "x-ms-correlation-request-id");
}

/** A network failure or timeout: Azure Resource Manager never answered. */
export class ArmUnreachableError extends Error {
  constructor(
    readonly timedOut: boolean,
    cause: unknown,
  ) {
    super(timedOut ? "Azure Resource Manager did not answer in time." : "Azure Resource Manager could not be reached.", { cause });
    this.name = "ArmUnreachableError";
  }
}

/** The caller gave up (its signal aborted) before ARM answered, or while a retry was waiting. */
export class ArmAbortedError extends Error {
  constructor() {
    super("The call to Azure Resource Manager was stopped before it finished.");
    this.name = "ArmAbortedError";
  }
}
