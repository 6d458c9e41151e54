// Graph's error body (contract §8.1): {"error":{"code","message","innerError":{"date","request-id","client-request-id"}}}.
// Handlers throw GraphError; the pipeline turns it into a response for the call that raised it.

import type { GraphResult } from "./types";

export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
    /** Extra innerError members (the 429 sample carries code/status/message there, contract §8.3). */
    readonly innerExtra: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** ISO time without milliseconds, as Graph writes innerError.date. */
export function graphDate(now = new Date()): string {
  return now.toISOString().replace(/\.\d{3}Z$/, "");
}

export function errorResult(error: GraphError, requestId: string, clientRequestId: string): GraphResult {
  return {
    status: error.status,
    headers: error.headers,
    body: {
      error: {
        code: error.code,
        message: error.message,
        innerError: { ...error.innerExtra, date: graphDate(), "request-id": requestId, "client-request-id": clientRequestId },
      },
    },
  };
}

export const badRequest = (message: string) => new GraphError(400, "BadRequest", message);

/** Real Graph's answer for a path segment it does not know. */
export const segmentNotFound = (segment: string) => badRequest(`Resource not found for the segment '${segment}'.`);

export const forbidden = (message = "Insufficient privileges to complete the operation.") =>
  new GraphError(403, "Authorization_RequestDenied", message);

/**
 * Contract §9 C-1: the docs name no error for an unknown request id. We answer 404 `itemNotFound` (a code from the
 * Graph-wide list in §8.1) for C, D and E alike, so the app has one code to switch on. A and B document their
 * own (400) not-found errors and hand them to the engine instead (collections/governance-role-requests.ts,
 * collections/privileged-role-requests.ts).
 */
export const itemNotFound = (id: string) => new GraphError(404, "itemNotFound", `The request '${id}' was not found.`);

/**
 * Contract §3 documents `RequestCannotBeCancelled` (HTTP 400) for category A only. Using it for C, D and E is an
 * inference (§9 C-1, §6 "No error codes are documented", §7 "400 Bad Request" without a code), chosen so the app
 * sees one code for "too late to cancel".
 */
export const cannotCancel = (status: string) =>
  new GraphError(400, "RequestCannotBeCancelled", `The request cannot be cancelled in its current status '${status}'.`);

export function tooManyRequests(retryAfterSeconds: number): GraphError {
  return new GraphError(
    429,
    "TooManyRequests",
    "Please retry again later.",
    { "Retry-After": String(retryAfterSeconds) },
    { code: "429", message: "Please retry after", status: "429" },
  );
}
