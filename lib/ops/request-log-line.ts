import type { RequestLogRecord } from "./request-log-context";

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
          failedUpstreamCalls: failed.map((call) => ({
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
