import type { RequestLogRecord } from "./request-log-context";

// A bulk run of 1,000 refused by an expired token would otherwise write 1,000 ids on one line; the first ones are
// what support needs, the count says how many more there were.
export const MAX_FAILED_CALLS_LISTED = 20;

export interface RequestLogLineInput {
  method: string;
  /** The route's pattern (`/api/requests/[category]/[id]/cancel`), never the path with its ids or query. */
  route: string;
  status: number;
  durationMs: number;
  /** The client went away before a streamed answer ended. */
  aborted?: boolean;
  record: RequestLogRecord;
}

/**
 * The fields of the one line logged per API request. Built from an allowlist so that a token, a cursor or a body
 * cannot reach it: failed upstream calls keep their ids (to hand to Microsoft support), successful ones are counted.
 */
export function requestLogLine(input: RequestLogLineInput): Record<string, unknown> {
  const calls = input.record.upstreamCalls;
  const batched = calls.filter((call) => call.inBatch).length;
  const failed = calls.filter((call) => call.status === "unreachable" || call.status >= 400);
  return {
    kind: "api_request",
    method: input.method,
    route: input.route,
    status: input.status,
    durationMs: Math.round(input.durationMs),
    ...(input.record.category ? { category: input.record.category } : {}),
    ...(input.record.itemCount !== undefined ? { itemCount: input.record.itemCount } : {}),
    ...(input.record.errorCode ? { errorCode: input.record.errorCode } : {}),
    ...(input.aborted ? { aborted: true } : {}),
    upstreamCalls: calls.length - batched,
    ...(batched > 0 ? { batchedUpstreamRequests: batched } : {}),
    ...(failed.length > 0
      ? {
          ...(failed.length > MAX_FAILED_CALLS_LISTED ? { failedUpstreamCallsNotListed: failed.length - MAX_FAILED_CALLS_LISTED } : {}),
          failedUpstreamCalls: failed.slice(0, MAX_FAILED_CALLS_LISTED).map((call) => ({
            upstream: call.upstream,
            method: call.method,
            ...(call.inBatch ? { inBatch: true } : {}),
            status: call.status,
            durationMs: Math.round(call.durationMs),
            ...(call.requestId ? { requestId: call.requestId } : {}),
            ...(call.clientRequestId ? { clientRequestId: call.clientRequestId } : {}),
          })),
        }
      : {}),
  };
}
